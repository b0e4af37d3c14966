-- Full-text search over article titles and texts (SQLite FTS5), kept in
-- step with the articles table by triggers.

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
