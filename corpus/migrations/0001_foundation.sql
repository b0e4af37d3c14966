-- Foundation schema: fetched pages, their articles, the records extracted
-- from them (as JSON and as queryable tables) and the crawl state.
-- Times are UTC text in the fixed-width form 2006-01-02T15:04:05.000000000Z,
-- so they sort and compare as strings.

CREATE TABLE pages (
	id           INTEGER PRIMARY KEY,
	job          TEXT    NOT NULL DEFAULT '',
	url          TEXT    NOT NULL,
	final_url    TEXT    NOT NULL DEFAULT '',
	site         TEXT    NOT NULL DEFAULT '', -- lower-case host without "www."
	status       INTEGER NOT NULL DEFAULT 0,
	content_type TEXT    NOT NULL DEFAULT '',
	header       TEXT    NOT NULL DEFAULT '{}', -- response headers as JSON
	hash         TEXT    NOT NULL,              -- hex SHA-256 of the body
	body         BLOB    NOT NULL,              -- gzip of the body
	depth        INTEGER NOT NULL DEFAULT 0,
	fetched      TEXT    NOT NULL,
	UNIQUE (url, hash)
);
CREATE INDEX pages_site ON pages (site, fetched);

CREATE TABLE articles (
	id          INTEGER PRIMARY KEY,
	page_id     INTEGER NOT NULL UNIQUE REFERENCES pages (id) ON DELETE CASCADE,
	url         TEXT    NOT NULL DEFAULT '',
	canonical   TEXT    NOT NULL DEFAULT '',
	title       TEXT    NOT NULL DEFAULT '',
	published   TEXT    NOT NULL DEFAULT '', -- as the page states it
	modified    TEXT    NOT NULL DEFAULT '',
	byline      TEXT    NOT NULL DEFAULT '',
	site_name   TEXT    NOT NULL DEFAULT '',
	language    TEXT    NOT NULL DEFAULT '',
	description TEXT    NOT NULL DEFAULT '',
	text        TEXT    NOT NULL DEFAULT '',
	reason      TEXT    NOT NULL DEFAULT '',
	-- date is the publication time in UTC when the page states one, else
	-- the fetch time: what date filters and exports use.
	date        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX articles_date ON articles (date);

CREATE TABLE records (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	extractor  TEXT    NOT NULL DEFAULT '',
	json       TEXT    NOT NULL
);
CREATE INDEX records_article ON records (article_id);
CREATE INDEX records_extractor ON records (extractor);

CREATE TABLE record_countries (
	record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
	code      TEXT    NOT NULL,
	PRIMARY KEY (record_id, code)
) WITHOUT ROWID;
CREATE INDEX record_countries_code ON record_countries (code);

CREATE TABLE record_counts (
	id        INTEGER PRIMARY KEY,
	record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
	value     REAL    NOT NULL,
	unit      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX record_counts_record ON record_counts (record_id);

CREATE TABLE votes (
	id        INTEGER PRIMARY KEY,
	record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
	body      TEXT    NOT NULL DEFAULT '',
	motion    TEXT    NOT NULL DEFAULT '',
	outcome   TEXT    NOT NULL DEFAULT '',
	yes       INTEGER, -- NULL when the article does not state it
	no        INTEGER,
	abstain   INTEGER
);
CREATE INDEX votes_record ON votes (record_id);
CREATE INDEX votes_body ON votes (body);

CREATE TABLE vote_positions (
	vote_id  INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
	actor    TEXT    NOT NULL,
	position TEXT    NOT NULL,
	PRIMARY KEY (vote_id, actor)
) WITHOUT ROWID;

CREATE TABLE vote_sponsors (
	vote_id INTEGER NOT NULL REFERENCES votes (id) ON DELETE CASCADE,
	actor   TEXT    NOT NULL,
	PRIMARY KEY (vote_id, actor)
) WITHOUT ROWID;

CREATE TABLE stances (
	id        INTEGER PRIMARY KEY,
	record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
	holder    TEXT    NOT NULL,
	target    TEXT    NOT NULL,
	polarity  TEXT    NOT NULL
);
CREATE INDEX stances_record ON stances (record_id);

-- Crawl state.

CREATE TABLE frontier (
	id    INTEGER PRIMARY KEY, -- insertion order
	job   TEXT    NOT NULL,
	url   TEXT    NOT NULL,
	depth INTEGER NOT NULL DEFAULT 0,
	kind  TEXT    NOT NULL DEFAULT 'page',
	UNIQUE (job, url)
);
CREATE INDEX frontier_order ON frontier (job, id);

CREATE TABLE fetches (
	id            INTEGER PRIMARY KEY,
	job           TEXT    NOT NULL,
	url           TEXT    NOT NULL,
	status        INTEGER NOT NULL DEFAULT 0,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	hash          TEXT    NOT NULL DEFAULT '',
	error         TEXT    NOT NULL DEFAULT '', -- failure reason, '' on success
	fetched       TEXT    NOT NULL
);
CREATE INDEX fetches_url ON fetches (url, id);

CREATE TABLE runs (
	id          INTEGER PRIMARY KEY,
	job         TEXT    NOT NULL,
	started     TEXT    NOT NULL,
	finished    TEXT    NOT NULL DEFAULT '', -- '' while running or after a crash
	fetched     INTEGER NOT NULL DEFAULT 0,
	not_changed INTEGER NOT NULL DEFAULT 0,
	failed      INTEGER NOT NULL DEFAULT 0,
	skipped     INTEGER NOT NULL DEFAULT 0,
	queued      INTEGER NOT NULL DEFAULT 0,
	failures    TEXT    NOT NULL DEFAULT '{}' -- reason -> count, as JSON
);
CREATE INDEX runs_job ON runs (job, id);

CREATE TABLE locks (
	job       TEXT PRIMARY KEY,
	owner     TEXT NOT NULL,
	refreshed TEXT NOT NULL
);
