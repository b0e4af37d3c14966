-- Full-text search over article titles and texts: a tsvector of each
-- article kept by PostgreSQL (a generated column), titles weighing more
-- than the text, and a GIN index over it. The configuration tally_search
-- lowers case, removes diacritics (the unaccent extension, which comes
-- with PostgreSQL) and does not stem, as SQLite's unicode61 tokenizer
-- with remove_diacritics does.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION tally_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION tally_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('tally_search'::regconfig, title), 'A') ||
	setweight(to_tsvector('tally_search'::regconfig, text), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search);
