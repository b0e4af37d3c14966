-- Duplicate detection. Articles keep the normalised-text hash and the
-- SimHash of their text; simhash_bands indexes the four 16-bit bands of
-- each SimHash, so that every article within Hamming distance 3 of a new
-- one shares at least one band with it and is found by an index lookup.
-- A page whose article duplicates a stored one gets a row in duplicates
-- (its own metadata, linked to the first copy) instead of a new article.

ALTER TABLE articles ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN simhash INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_text_hash ON articles (text_hash);

CREATE TABLE simhash_bands (
	band       INTEGER NOT NULL, -- 0..3, bits 16*band .. 16*band+15
	value      INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, value, article_id)
) WITHOUT ROWID;
CREATE INDEX simhash_bands_article ON simhash_bands (article_id);

CREATE TABLE duplicates (
	id         INTEGER PRIMARY KEY,
	page_id    INTEGER NOT NULL UNIQUE REFERENCES pages (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the first copy
	kind       TEXT    NOT NULL, -- 'exact' or 'near'
	distance   INTEGER NOT NULL DEFAULT 0, -- Hamming distance of the SimHashes
	url        TEXT    NOT NULL DEFAULT '',
	canonical  TEXT    NOT NULL DEFAULT '',
	title      TEXT    NOT NULL DEFAULT '',
	published  TEXT    NOT NULL DEFAULT '',
	byline     TEXT    NOT NULL DEFAULT '',
	site_name  TEXT    NOT NULL DEFAULT '',
	date       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX duplicates_article ON duplicates (article_id);
