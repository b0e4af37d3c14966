-- A smaller corpus. Page bodies are stored compressed with Zstandard
-- instead of gzip (15% smaller on real pages): recompressPages in save.go
-- rewrites those stored as gzip, and leaves bodies of neither kind as
-- they are. minhash_bands names each article under keys that hash each of
-- its bands with its facts key, instead of keeping the 64 characters of
-- the facts key in each of its twelve rows: a look-up of the same keys
-- finds the same articles, whose facts_key it checks. indexFactsKeys in
-- dedup.go fills it anew. These are the Go steps of this migration
-- (compactStorage); the file is compacted (VACUUM) after it, so that the
-- space freed is given back.

DROP TABLE minhash_bands;
CREATE TABLE minhash_bands (
	key        INTEGER NOT NULL, -- hash of the band's number, its rows of the signature and the facts key
	article_id INTEGER NOT NULL,
	PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
