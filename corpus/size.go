package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// ErrNoSizes means SQLite cannot tell the room each table takes: its
// dbstat table is only there when go-sqlite3 is built with the
// sqlite_dbstat tag.
var ErrNoSizes = errors.New("SQLite was built without dbstat (build with -tags sqlite_dbstat)")

// Storage is the room a corpus takes.
type Storage struct {
	// Bytes is the whole corpus: the SQLite file, once its write-ahead
	// log is copied into it, less its free pages; on PostgreSQL, the
	// tables of the corpus's schema with their indexes and TOAST.
	Bytes int64
	// Parts are its tables and indexes, biggest first, when they could be
	// measured (see ErrNoSizes). They add up to Bytes.
	Parts []StoragePart
}

// StoragePart is one table or index of a corpus.
type StoragePart struct {
	Name  string
	Table string // the table an index is of; its own name for a table
	Bytes int64  // with, on PostgreSQL, its TOAST
}

// Storage measures the room the corpus takes, table by table and index
// by index. On SQLite without dbstat it returns the whole and
// ErrNoSizes.
func (db *DB) Storage(ctx context.Context) (Storage, error) {
	var s Storage
	var err error
	if db.d.postgres {
		err = db.postgresStorage(ctx, &s)
	} else {
		err = db.sqliteStorage(ctx, &s)
	}
	sort.Slice(s.Parts, func(i, j int) bool {
		if s.Parts[i].Bytes != s.Parts[j].Bytes {
			return s.Parts[i].Bytes > s.Parts[j].Bytes
		}
		return s.Parts[i].Name < s.Parts[j].Name
	})
	if err != nil && !errors.Is(err, ErrNoSizes) {
		return s, fmt.Errorf("measure corpus: %w", err)
	}
	return s, err
}

func (db *DB) sqliteStorage(ctx context.Context, s *Storage) error {
	if !db.readOnly {
		// Copy the log into the file, so that its pages are counted once.
		if _, err := db.write.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return err
		}
	}
	var pages, free, size int64
	for q, v := range map[string]*int64{"PRAGMA page_count": &pages, "PRAGMA freelist_count": &free, "PRAGMA page_size": &size} {
		if err := db.read.QueryRowContext(ctx, q).Scan(v); err != nil {
			return err
		}
	}
	s.Bytes = (pages - free) * size
	rows, err := db.read.QueryContext(ctx, `SELECT d.name, coalesce(m.tbl_name, d.name), sum(d.pgsize)
		FROM dbstat d LEFT JOIN sqlite_schema m ON m.name = d.name GROUP BY d.name`)
	var se sqlite3.Error
	if errors.As(err, &se) && strings.Contains(se.Error(), "no such table: dbstat") {
		return ErrNoSizes
	}
	if err != nil {
		return err
	}
	s.Parts, err = scanParts(rows)
	return err
}

func (db *DB) postgresStorage(ctx context.Context, s *Storage) error {
	// pg_table_size counts a table's TOAST, free space map and visibility
	// map; pg_relation_size an index's pages.
	rows, err := db.read.QueryContext(ctx, `SELECT c.relname, t.relname,
			CASE WHEN c.relkind = 'r' THEN pg_table_size(c.oid) ELSE pg_relation_size(c.oid) END
		FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
		LEFT JOIN pg_index i ON i.indexrelid = c.oid
		JOIN pg_class t ON t.oid = coalesce(i.indrelid, c.oid)
		WHERE c.relkind IN ('r', 'i')`)
	if err != nil {
		return err
	}
	if s.Parts, err = scanParts(rows); err != nil {
		return err
	}
	for _, p := range s.Parts {
		s.Bytes += p.Bytes
	}
	return nil
}

// scanParts reads rows of (name, table, bytes) and closes them.
func scanParts(rows *sql.Rows) ([]StoragePart, error) {
	defer rows.Close()
	var parts []StoragePart
	for rows.Next() {
		var p StoragePart
		if err := rows.Scan(&p.Name, &p.Table, &p.Bytes); err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	return parts, rows.Err()
}
