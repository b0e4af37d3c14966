-- Several workers may share a job's frontier (on PostgreSQL; a SQLite
-- corpus has one worker per job and leaves these at their defaults). A
-- worker leases the URLs it fetches until lease_until, renewing the
-- lease while it lives, so that a dead worker's URLs go to another once
-- the lease runs out. A run's lease_until says its worker is alive.
-- slots keep, by name, the next time something may happen: a host's next
-- request, a job's next scheduled round. Times here are microseconds
-- since 1970 on the database's clock, so that every machine agrees.
ALTER TABLE frontier ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE frontier ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;

CREATE TABLE slots (
	name    TEXT PRIMARY KEY,
	next_at INTEGER NOT NULL
);
