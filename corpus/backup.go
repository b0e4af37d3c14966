package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Backup writes a consistent copy of the corpus to a new file at path
// (SQLite's VACUUM INTO, from a read transaction), while other
// connections and processes go on writing. It refuses to overwrite an
// existing file. The copy is compact and opens as a corpus of its own.
func (db *DB) Backup(ctx context.Context, path string) (err error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("back up corpus to %s: the file already exists; choose a new name", path)
	}
	if err != nil {
		return fmt.Errorf("back up corpus: %w", err)
	}
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(path)
		}
	}()
	// A connection of its own: the read pool's are read-only, which
	// SQLite applies to the file VACUUM INTO writes too, and the write
	// connection must stay free for the crawl.
	conn, err := sql.Open(driverName, dsn(db.path, false, false))
	if err != nil {
		return fmt.Errorf("back up corpus to %s: %w", path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("back up corpus to %s: %w", path, err)
	}
	return nil
}
