-- Each run names the process that made it ("host:pid:random", as it held
-- the job lock), so that a run left unfinished by a process that died
-- can be told from one still running.
ALTER TABLE runs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
