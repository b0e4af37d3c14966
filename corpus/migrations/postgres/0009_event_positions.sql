-- event_positions holds each event's positions as rows, one per country
-- with a position in it, with the event's body and first day (as in
-- events), so that a country's positions by year and body are read from
-- one index instead of from the JSON of every event it is in. The events
-- refresh keeps it with the events (DB.RefreshEvents); the events stored
-- before it are filled in here from their JSON.
CREATE TABLE event_positions (
	event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	code     TEXT NOT NULL,
	position TEXT NOT NULL, -- yes, no or abstain
	body     TEXT NOT NULL,
	start    TEXT NOT NULL,
	PRIMARY KEY (event_id, code)
);
CREATE INDEX event_positions_code ON event_positions (code, start, body, position);

INSERT INTO event_positions (event_id, code, position, body, start)
	SELECT e.id, p.key, p.value, e.body, e.start FROM events e, jsonb_each_text(CASE
		WHEN jsonb_typeof(e.json::jsonb -> 'positions') = 'object' THEN e.json::jsonb -> 'positions'
		ELSE '{}'::jsonb END) AS p
	WHERE p.value IS NOT NULL;
