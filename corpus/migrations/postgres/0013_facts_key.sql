-- Bounded duplicate checks. Each article keeps the facts key of its latest
-- record (see factsKey in dedup.go; '' for none), so that comparing facts
-- needs no record to be read. The band index is split in two, so that a
-- new article's look-up does not grow with the near copies stored:
-- minhash_bands names each article under its bands and its facts key, and
-- is asked only for articles of the new one's facts; story_bands names
-- under each band at most a few articles of each story (the first ones
-- stored with that band), which is all the choice of a story to version
-- needs. The Go step of this migration fills facts_key and story_bands;
-- migration 14 fills minhash_bands.

ALTER TABLE articles ADD COLUMN facts_key TEXT NOT NULL DEFAULT '';

DROP TABLE minhash_bands;
CREATE TABLE minhash_bands (
	key        BIGINT  NOT NULL, -- hash of the band's number and its rows of the signature
	facts_key  TEXT    NOT NULL, -- the article's facts_key
	article_id BIGINT  NOT NULL,
	PRIMARY KEY (key, facts_key, article_id)
);

CREATE TABLE story_bands (
	key        BIGINT  NOT NULL,
	story_id   BIGINT  NOT NULL,
	article_id BIGINT  NOT NULL,
	PRIMARY KEY (key, story_id, article_id)
);
