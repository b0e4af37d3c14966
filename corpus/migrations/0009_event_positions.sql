-- event_positions holds each event's positions as rows, one per country
-- with a position in it, so that a country's positions are read by an
-- index instead of from the JSON of every event it is in. The events
-- refresh keeps it with the events (DB.RefreshEvents); the events stored
-- before it are filled in here from their JSON.
CREATE TABLE event_positions (
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	code     TEXT NOT NULL,
	position TEXT NOT NULL, -- yes, no or abstain
	PRIMARY KEY (event_id, code)
) WITHOUT ROWID;
CREATE INDEX event_positions_code ON event_positions (code, event_id, position);

INSERT INTO event_positions (event_id, code, position)
	SELECT e.id, p.key, p.value FROM events e, json_each(e.json, '$.positions') AS p
	WHERE p.type = 'text';
