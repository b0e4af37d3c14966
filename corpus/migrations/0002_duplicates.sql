-- Duplicate detection. Articles keep the SHA-256 of their normalised
-- text (exact duplicates) and the MinHash signature of their word
-- 3-shingles (near duplicates). minhash_bands indexes the signature's
-- locality-sensitive bands, so that the stored articles similar to a new
-- one are found by index lookups. A page whose article duplicates a stored
-- one gets a row in duplicates (its own metadata, linked to the first
-- copy) instead of a new article.

ALTER TABLE articles ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN minhash BLOB; -- NULL for texts too short to compare
CREATE INDEX articles_text_hash ON articles (text_hash);

-- Rows are kept by the corpus code (deleted with their article's old
-- signature), so no foreign key and no second index are needed.
CREATE TABLE minhash_bands (
	key        INTEGER NOT NULL, -- hash of the band's number and its rows of the signature
	article_id INTEGER NOT NULL,
	PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

CREATE TABLE duplicates (
	id         INTEGER PRIMARY KEY,
	page_id    INTEGER NOT NULL UNIQUE REFERENCES pages (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, -- the first copy
	kind       TEXT    NOT NULL, -- 'exact' or 'near'
	similarity REAL    NOT NULL DEFAULT 1, -- estimated Jaccard similarity of the shingles
	url        TEXT    NOT NULL DEFAULT '',
	canonical  TEXT    NOT NULL DEFAULT '',
	title      TEXT    NOT NULL DEFAULT '',
	published  TEXT    NOT NULL DEFAULT '',
	byline     TEXT    NOT NULL DEFAULT '',
	site_name  TEXT    NOT NULL DEFAULT '',
	date       TEXT    NOT NULL DEFAULT '',
	-- extractor is the extractor version of the record the page would
	-- have had, so that re-extraction knows the page was done.
	extractor  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX duplicates_article ON duplicates (article_id);
