-- Votes and record countries say, as stances do since 0010, which article
-- they belong to and whether their record is the article's latest, so
-- that the list's filters on a body or a country read the article ids
-- from an index of the latest ones instead of finding each article's
-- latest record and then its votes or countries. insertRecord keeps
-- latest: a record's votes and countries are stored latest, and those of
-- the article's other records stop being.
ALTER TABLE votes ADD COLUMN article_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE votes ADD COLUMN latest INTEGER NOT NULL DEFAULT 0; -- 1 when of the article's latest record
ALTER TABLE record_countries ADD COLUMN article_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE record_countries ADD COLUMN latest INTEGER NOT NULL DEFAULT 0;

UPDATE votes SET article_id = (SELECT r.article_id FROM records r WHERE r.id = votes.record_id);
UPDATE votes SET latest = 1 WHERE record_id IN (SELECT max(id) FROM records GROUP BY article_id);
UPDATE record_countries SET article_id = (SELECT r.article_id FROM records r WHERE r.id = record_countries.record_id);
UPDATE record_countries SET latest = 1 WHERE record_id IN (SELECT max(id) FROM records GROUP BY article_id);

CREATE INDEX votes_body_latest ON votes (body, article_id) WHERE latest = 1;
CREATE INDEX record_countries_code_latest ON record_countries (code, article_id) WHERE latest = 1;
