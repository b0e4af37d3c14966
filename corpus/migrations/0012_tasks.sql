-- Work that several workers share out, such as a re-extraction of the
-- corpus or an import of the same files, is a task: its keys (page ids,
-- the numbers of an import's records) are handed out in batches, in
-- order, each leased to one worker until lease_until (microseconds on the
-- database's clock, as the frontier's leases) and renewed while the
-- worker lives; a batch whose lease ran out goes to another worker. A
-- batch holds the keys above after_key up to and including last_key.
-- cursor_key is the last key handed out. A task whose batches are all done
-- is finished; starting it again begins from the start.
CREATE TABLE tasks (
	name       TEXT PRIMARY KEY,
	cursor_key INTEGER NOT NULL,
	finished   INTEGER NOT NULL DEFAULT 0,
	started    TEXT NOT NULL
);

CREATE TABLE task_batches (
	task        TEXT NOT NULL REFERENCES tasks(name) ON DELETE CASCADE,
	after_key   INTEGER NOT NULL,
	last_key    INTEGER NOT NULL,
	owner       TEXT NOT NULL,
	lease_until INTEGER NOT NULL,
	done        INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (task, after_key)
);
