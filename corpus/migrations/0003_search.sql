-- Full-text search over article titles and texts. The index is FTS5 or
-- FTS4, whichever this build of SQLite has, so it is created in Go:
-- createSearchIndex in search.go.
SELECT 1;
