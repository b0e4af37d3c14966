package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/mattn/go-sqlite3"
)

// Backup writes a consistent copy of the corpus to a new file at path,
// while other connections and processes go on writing. It refuses to
// overwrite an existing file. The copy is compact (SQLite's VACUUM INTO,
// from a read transaction) and opens as a corpus of its own; a corpus this
// process cannot write is copied page by page (SQLite's backup API).
//
// The copy is atomic: it is written to a hidden temporary file in path's
// folder (".NAME.partial-*"), synced to disk, and only then given its
// name. A backup that fails, is cancelled or is killed never leaves a
// file at path; a killed one may leave its temporary file.
//
// A PostgreSQL corpus is not copied: Backup says to use pg_dump.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.d.postgres {
		return fmt.Errorf("back up corpus %s: %w", db.path, errPostgresBackup)
	}
	if err := db.backup(ctx, path); err != nil {
		return fmt.Errorf("back up corpus to %s: %w", path, err)
	}
	return nil
}

func (db *DB) backup(ctx context.Context, path string) (err error) {
	if _, err := os.Lstat(path); err == nil {
		return errors.New("the file already exists; choose a new name")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+name+".partial-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = f.Chmod(0o644) // as a new file's; CreateTemp makes it private
	f.Close()
	defer func() {
		if err != nil {
			os.Remove(tmp)
			os.Remove(tmp + "-journal")
		}
	}()
	if err != nil {
		return err
	}
	if err := db.copyTo(ctx, tmp); err != nil {
		return err
	}
	if err := syncPath(tmp); err != nil {
		return fmt.Errorf("sync the copy: %w", err)
	}
	// A hard link gives the copy its name only if no file has taken the
	// name meanwhile; where links are not supported, rename.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return errors.New("the file was created meanwhile by something else; choose a new name")
		}
		if _, serr := os.Lstat(path); !errors.Is(serr, fs.ErrNotExist) {
			return err
		}
		if err := os.Rename(tmp, path); err != nil {
			return err
		}
	} else {
		os.Remove(tmp)
	}
	if err := syncPath(dir); err != nil {
		return fmt.Errorf("sync folder %s: %w", dir, err)
	}
	return nil
}

// copyTo copies the corpus into the empty file tmp.
func (db *DB) copyTo(ctx context.Context, tmp string) error {
	if db.immutable {
		return db.copyPages(ctx, tmp)
	}
	// A connection of its own: the read pool's are read-only, which
	// SQLite applies to the file VACUUM INTO writes too, and the write
	// connection must stay free for the crawl.
	conn, err := sql.Open(driverName, dsn(db.path, false, false))
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "VACUUM INTO ?", tmp)
	conn.Close()
	if err == nil || !cannotShare(err) {
		return err
	}
	// The corpus cannot be opened for writing: copy its pages with the
	// backup API from a read-only connection.
	if err := os.Truncate(tmp, 0); err != nil {
		return err
	}
	return db.copyPages(ctx, tmp)
}

// copyPages copies the corpus into tmp with SQLite's backup API, in one
// read transaction.
func (db *DB) copyPages(ctx context.Context, tmp string) error {
	src, err := db.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	dstDB, err := sql.Open(driverName, dsn(tmp, false, false))
	if err != nil {
		return err
	}
	defer dstDB.Close()
	dst, err := dstDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer dst.Close()
	return dst.Raw(func(d any) error {
		return src.Raw(func(s any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", s.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
	})
}

// syncPath flushes a file or folder to disk.
func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
