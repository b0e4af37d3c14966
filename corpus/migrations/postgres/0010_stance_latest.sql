-- Stances say which article they belong to and whether their record is
-- the article's latest, so that a country's stances are counted from an
-- index of the latest ones instead of looking up, stance by stance, its
-- record and that record's article's latest record. insertRecord keeps
-- latest: a record's stances are stored latest, and those of the
-- article's other records stop being.
ALTER TABLE stances ADD COLUMN article_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE stances ADD COLUMN latest BIGINT NOT NULL DEFAULT 0; -- 1 when of the article's latest record

UPDATE stances SET article_id = (SELECT r.article_id FROM records r WHERE r.id = stances.record_id);
UPDATE stances SET latest = 1 WHERE record_id IN (SELECT max(id) FROM records GROUP BY article_id);

CREATE INDEX stances_holder_latest ON stances (holder, target, polarity, article_id) WHERE latest = 1;
CREATE INDEX stances_target_latest ON stances (target, holder, polarity, article_id) WHERE latest = 1;
