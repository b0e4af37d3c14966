-- Events: one row per real-world vote, fused from the votes of every
-- article that reports it (package extract/events). Only the newest
-- version of each story reports into events. The tables are kept by the
-- corpus code (DB.RefreshEvents), which rebuilds them from the records at
-- will, so they hold nothing that cannot be made again.

-- vote_dates holds, per vote of a record, the span of days the vote took
-- place in, read from its evidence sentences against the article's date
-- (events.VoteDate). Days are YYYY-MM-DD. article_key is the article id as
-- text, the order events compare articles in, so that the build reads the
-- votes in the order it clusters them by an index.
CREATE TABLE vote_dates (
	record_id   BIGINT  NOT NULL REFERENCES records (id) ON DELETE CASCADE,
	vote        BIGINT  NOT NULL, -- index in the record's votes, from 0
	article_id  BIGINT  NOT NULL,
	article_key TEXT    NOT NULL,
	body        TEXT    NOT NULL,
	start       TEXT    NOT NULL,
	"end"        TEXT    NOT NULL,
	precision   TEXT    NOT NULL, -- day, week, month or year
	from_text   BIGINT  NOT NULL, -- 1 when the text states the date
	phrase      TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (record_id, vote)
);
CREATE INDEX vote_dates_order ON vote_dates (body, start, article_key, vote);
CREATE INDEX vote_dates_article ON vote_dates (article_id);

-- events holds each event as JSON (events.Event) with the columns the
-- filters read: its body, its date as the JSON gives it and that date's
-- first and last day, and how many articles report it.
CREATE TABLE events (
	id       TEXT    PRIMARY KEY,
	body     TEXT    NOT NULL,
	date     TEXT    NOT NULL,
	start    TEXT    NOT NULL,
	"end"     TEXT    NOT NULL,
	articles BIGINT  NOT NULL,
	json     TEXT    NOT NULL
);
CREATE INDEX events_body_start ON events (body, start);
CREATE INDEX events_start ON events (start);

-- event_members says which vote of which article each event holds.
CREATE TABLE event_members (
	article_id BIGINT  NOT NULL,
	vote       BIGINT  NOT NULL,
	event_id   TEXT    NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, vote)
);
CREATE INDEX event_members_event ON event_members (event_id);

-- event_countries lists, per event, the countries that have a position
-- in it or sponsor it, for the country filter.
CREATE TABLE event_countries (
	code     TEXT NOT NULL,
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	PRIMARY KEY (code, event_id)
);
CREATE INDEX event_countries_event ON event_countries (event_id);

-- event_sources names the record of each article whose votes the events
-- were built from. An article whose newest record is not the one named
-- (new, re-extracted), or that is named but is no longer the newest
-- version of its story, is what the next refresh changes.
CREATE TABLE event_sources (
	article_id BIGINT PRIMARY KEY,
	record_id  BIGINT  NOT NULL
);
