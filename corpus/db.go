// Package corpus is tally's store, in SQLite or PostgreSQL: the pages the crawler fetched
// (raw bodies compressed), the articles cleaned from them, the records
// extracted from those (as JSON and as queryable tables of countries,
// counts, votes, positions, sponsors and stances) and the crawl state
// (frontier, fetch history, runs and job locks; see crawl.Store).
//
// A corpus is one SQLite file in WAL mode, so readers (search, export,
// backup) never block a running crawl and the other way round. Its schema
// is created and migrated by embedded migrations when it is opened.
// Duplicates (the same wire story on many sites) are detected as articles
// are stored and linked to their first copy; see Save.
//
// Full-text search uses SQLite's FTS5 where go-sqlite3 was built with the
// sqlite_fts5 tag and FTS4, which it always has, otherwise; see Search.
//
// A corpus many processes on many machines share is a PostgreSQL
// database, opened by URL instead of file name; see postgres.go.
package corpus

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"

	_ "github.com/tally-news/tally/corpus/internal/needcgo" // a clear error when cgo is off
)

// driverName is the database/sql driver the corpus uses: go-sqlite3 with
// the connection settings that DSN parameters cannot give.
const driverName = "sqlite3_tally"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		for _, p := range []string{
			// Sorts and DISTINCT in memory, not in temporary files.
			"PRAGMA temp_store = MEMORY",
			// Copy the log into the database every 40 MB rather than
			// every 4 MB: pages changed often are copied once.
			"PRAGMA wal_autocheckpoint = 10000",
			// After a checkpoint, cut the log back to 64 MB, which a long
			// export during a crawl may have made grow.
			"PRAGMA journal_size_limit = 67108864",
		} {
			if _, err := c.Exec(p, nil); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		return nil
	}})
}

// ApplicationID is the SQLite application_id (PRAGMA application_id) that
// marks a file as a tally corpus: the bytes "TaLy".
const ApplicationID = 0x54614c79

// BusyTimeout is how long a statement waits for a lock held by another
// connection or process before it fails with "database is locked".
const BusyTimeout = 10 * time.Second

// Errors that callers can test for with errors.Is.
var (
	// ErrNotCorpus means the file is not a tally corpus: not SQLite at
	// all, a SQLite database of another application, or corrupt.
	ErrNotCorpus = errors.New("not a tally corpus")
	// ErrNewerSchema means the corpus was written by a newer tally whose
	// schema this one does not know.
	ErrNewerSchema = errors.New("corpus schema is newer than this tally")
	// ErrClosed is returned by Save after Close.
	ErrClosed = errors.New("corpus is closed")
	// ErrNotYetCorpus means OpenReadOnly or OpenExisting was given a file
	// that could become a corpus (an empty file, an empty SQLite
	// database) but is not one yet.
	ErrNotYetCorpus = errors.New("not a tally corpus yet")
	// ErrReadOnly means the corpus cannot be written: it was opened with
	// OpenReadOnly, or its file or folder is read-only.
	ErrReadOnly = errors.New("corpus is read-only")
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one embedded schema change.
type migration struct {
	version int
	name    string
	sql     string
	// after runs in the same transaction once sql has been applied, for
	// changes SQL alone cannot make (e.g. hashes computed in Go).
	after func(ctx context.Context, tx *txn) error
}

// migrations returns the embedded SQLite migrations in order. Their
// files are named NNNN_name.sql, numbered from 1 without gaps.
func migrations() ([]migration, error) {
	return readMigrations(migrationFiles, "migrations", migrationHooks)
}

// readMigrations reads the migrations in folder dir of fsys, with the Go
// steps of hooks.
func readMigrations(fsys embed.FS, dir string, hooks map[int]func(context.Context, *txn) error) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration file %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := fsys.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b), after: hooks[v]})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %d (%s): versions must run 1, 2, 3... without gaps", m.version, m.name)
		}
	}
	return ms, nil
}

// migrationHooks holds the Go steps of migrations, by version.
var migrationHooks = map[int]func(ctx context.Context, tx *txn) error{
	2:  backfillDuplicateKeys,
	3:  createSearchIndex,
	13: backfillFactsKeys,
	15: compactStorage,
}

// compactAfter holds the SQLite migrations that free much of the file,
// after which it is compacted (VACUUM).
var compactAfter = map[int]bool{15: true}

// SchemaVersion is the schema version this package creates and reads.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// DB is an open corpus. Its methods are safe for concurrent use.
type DB struct {
	path  string   // the file name, or the URL without its password
	d     *dialect // SQLite or PostgreSQL
	write *pool    // SQLite: one connection, writes are serialised in process
	read  *pool    // a pool of read-only connections
	// slots, on PostgreSQL, is a pool whose commits do not wait for the
	// write-ahead log to reach the disk, for the slots' claims and
	// releases (see lease.go); nil on SQLite, whose slots use write.
	slots *pool
	busy  *busyTime // the time spent waiting for the database

	readOnly  bool
	immutable bool              // read as immutable (see OpenReadOnly)
	saves     chan *saveRequest // to the committer (see Save)
	quit      chan struct{}     // closed by Close
	committed chan struct{}     // closed when the committer has stopped
	settled   settler           // fetches being settled (see Done)
	closeOnce sync.Once
	phrases   phraseCache // rows of an FTS4 index holding a phrase (see rankFTS4)
}

// DatabaseTime returns how long the corpus's callers have waited for the
// database since it was opened: for each statement until its answer,
// and for each transaction's start and commit, added up over goroutines
// that waited at once. Beside the time a program ran, it is the
// database's share of the work.
func (db *DB) DatabaseTime() time.Duration { return time.Duration(db.busy.ns.Load()) }

// Open opens the corpus at path, creating it when the file does not
// exist, and migrates its schema to the current version.
//
// It refuses, leaving the file untouched, a file that is not SQLite, a
// SQLite database of another application, a corrupt database, and a
// corpus made by a newer tally. The corpus is opened in WAL mode with
// foreign keys on and a busy timeout of BusyTimeout.
func Open(ctx context.Context, path string) (*DB, error) {
	db, err := openMode(ctx, path, -1, openCreate)
	if err != nil {
		return nil, fmt.Errorf("open corpus %s: %w", DisplayName(path), err)
	}
	return db, nil
}

// OpenExisting opens the corpus at path as Open does, but only when the
// file is already a tally corpus: a missing file, an empty file and an
// empty SQLite database are refused (ErrNotYetCorpus) and left untouched.
// Commands that work on a corpus someone built use it.
func OpenExisting(ctx context.Context, path string) (*DB, error) {
	db, err := openMode(ctx, path, -1, openExisting)
	if err != nil {
		return nil, fmt.Errorf("open corpus %s: %w", DisplayName(path), err)
	}
	return db, nil
}

// OpenReadOnly opens an existing corpus for reading only: searches,
// exports, stats and backups. It never writes to a file that is not a
// tally corpus (refusing it as OpenExisting does), and it reads corpora
// whose file or folder this process may not write: a corpus in a folder
// where SQLite cannot create its shared-memory file, and which has no
// write-ahead log, is read as immutable, so no other process may write to
// it meanwhile. Writing methods fail with ErrReadOnly.
//
// A corpus of an older schema is migrated first, which needs write
// access; without it OpenReadOnly fails and says so.
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	db, err := openMode(ctx, path, -1, openReadOnly)
	if err != nil {
		return nil, fmt.Errorf("open corpus %s: %w", DisplayName(path), err)
	}
	return db, nil
}

// openHow says what open may do with a file.
type openHow int

const (
	openCreate   openHow = iota // create and migrate the file as needed
	openExisting                // only a file that is already a corpus
	openReadOnly                // only an existing corpus, for reading
)

// open opens path, creating it as needed, and migrates it to version upto
// (-1: the latest).
func open(ctx context.Context, path string, upto int) (*DB, error) {
	return openMode(ctx, path, upto, openCreate)
}

func openMode(ctx context.Context, path string, upto int, how openHow) (_ *DB, err error) {
	if path == "" {
		return nil, errors.New("no file name given")
	}
	if IsURL(path) {
		return openPostgres(ctx, path, upto, how)
	}
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, errors.New("a corpus must be a file name (not :memory: or a URI)")
	}
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	if upto < 0 {
		upto = len(ms)
	}

	// Look at the file before SQLite does, so nothing is written to a file
	// that is not ours.
	created := false
	var f *os.File
	if how == openCreate {
		f, err = os.OpenFile(path, os.O_RDWR, 0)
		if errors.Is(err, os.ErrNotExist) {
			f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
			created = err == nil
		}
	} else {
		f, err = os.Open(path)
		if err == nil {
			var st os.FileInfo
			if st, err = f.Stat(); err == nil && st.IsDir() {
				f.Close()
				return nil, errors.New("a folder, not a corpus file")
			}
		}
	}
	if err != nil {
		return nil, err
	}
	hdr := make([]byte, 100)
	n, rerr := io.ReadFull(f, hdr)
	f.Close()
	defer func() {
		if err != nil && created {
			os.Remove(path)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}
	}()
	if n == 0 && how != openCreate {
		return nil, fmt.Errorf("%w: the file is empty", ErrNotYetCorpus)
	}
	var found fileState
	if n > 0 {
		defer removeNewSidecars(path, &err)()
		if rerr != nil {
			return nil, fmt.Errorf("%w: file of %d bytes is too short to be a SQLite database", ErrNotCorpus, n)
		}
		if err := checkHeader(hdr, len(ms)); err != nil {
			return nil, err
		}
		// The header can lag behind a write-ahead log: look again through
		// SQLite, read-only, which also finds a corrupt schema.
		if found, err = checkReadOnly(ctx, path, len(ms)); err != nil {
			return nil, err
		}
		if !found.corpus && how != openCreate {
			return nil, fmt.Errorf("%w: an empty SQLite database", ErrNotYetCorpus)
		}
		if how == openReadOnly && found.version >= upto {
			return openReaders(ctx, path, found.immutable)
		}
		if found.immutable {
			if how == openReadOnly {
				return nil, fmt.Errorf("%w: its schema (version %d) must be migrated to version %d, which needs write access to its folder", ErrReadOnly, found.version, upto)
			}
			return nil, fmt.Errorf("%w: SQLite cannot write beside it (is the file or its folder read-only?)", ErrReadOnly)
		}
	}

	write, err := sql.Open(driverName, dsn(path, false, true))
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("%w (is the folder writable?)", err)
	}
	if err := migrate(ctx, write, ms[:upto]); err != nil {
		write.Close()
		return nil, err
	}
	if err := convertSearchIndex(ctx, write); err != nil {
		write.Close()
		return nil, err
	}
	read, err := sql.Open(driverName, dsn(path, true, false))
	if err != nil {
		write.Close()
		return nil, err
	}
	conns := max(2, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(conns)
	read.SetMaxIdleConns(conns)
	busy := new(busyTime)
	db := &DB{path: path, d: sqliteDialect, busy: busy, write: &pool{write, sqliteDialect, busy}, read: &pool{read, sqliteDialect, busy},
		saves: make(chan *saveRequest), quit: make(chan struct{}), committed: make(chan struct{})}
	go db.commitSaves()
	return db, nil
}

// openReaders opens a corpus for reading only: a read pool, and a "write"
// connection that may not write either, so that a writing method fails
// with SQLite's read-only error. Where the file can be opened for writing,
// that connection is a read-write one held open with writes forbidden
// (query_only): closed last, it removes the write-ahead log and
// shared-memory files as a writer's last connection does, rather than
// leaving them beside the corpus.
func openReaders(ctx context.Context, path string, immutable bool) (*DB, error) {
	d := dsn(path, true, false)
	if immutable {
		d += "&immutable=1"
	}
	read, err := sql.Open(driverName, d)
	if err != nil {
		return nil, err
	}
	write, err := sql.Open(driverName, dsn(path, false, false)+"&mode=rw&_query_only=on")
	if err == nil && (immutable || write.PingContext(ctx) != nil) {
		write.Close()
		write, err = sql.Open(driverName, d)
	}
	if err != nil {
		read.Close()
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	conns := max(2, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(conns)
	read.SetMaxIdleConns(conns)
	busy := new(busyTime)
	db := &DB{path: path, d: sqliteDialect, busy: busy, write: &pool{write, sqliteDialect, busy}, read: &pool{read, sqliteDialect, busy},
		readOnly: true, immutable: immutable,
		saves: make(chan *saveRequest), quit: make(chan struct{}), committed: make(chan struct{})}
	go db.commitSaves()
	return db, nil
}

// ReadOnly reports whether the corpus was opened for reading only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close closes the corpus.
func (db *DB) Close() error {
	var err error
	db.closeOnce.Do(func() { err = db.close() })
	return err
}

func (db *DB) close() error {
	close(db.quit)
	<-db.committed
	err := db.read.Close()
	if werr := db.write.Close(); err == nil {
		err = werr
	}
	if db.slots != nil {
		if serr := db.slots.Close(); err == nil {
			err = serr
		}
	}
	if err != nil {
		return fmt.Errorf("close corpus %s: %w", db.path, err)
	}
	return nil
}

// DisplayName is a corpus location as messages show it: a file name as
// it is, a PostgreSQL URL without its password.
func DisplayName(path string) string {
	if IsURL(path) {
		return redactURL(path)
	}
	return path
}

// Path returns the file name the corpus was opened with; for PostgreSQL,
// its URL without the password.
func (db *DB) Path() string { return db.path }

// dsn returns the go-sqlite3 data source name for path: for the read
// pool (readOnly), for the write connection (writer) or for a connection
// that reads and writes other files (neither).
func dsn(path string, readOnly, writer bool) string {
	// In a file: URI, '?' and '#' end the path and '%' escapes.
	esc := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	d := "file:" + esc + "?_busy_timeout=" + strconv.Itoa(int(BusyTimeout/time.Millisecond)) +
		"&_foreign_keys=on&_synchronous=NORMAL&_stmt_cache_size=64"
	if readOnly {
		return d + "&mode=ro&_query_only=on&_cache_size=-16384"
	}
	if !writer {
		return d
	}
	// Write transactions take the write lock when they begin, so that two
	// writers wait for each other (busy timeout) instead of failing when a
	// read lock cannot be upgraded.
	return d + "&_journal_mode=WAL&_txlock=immediate&_cache_size=-65536"
}

// removeNewSidecars notes whether path's write-ahead log and shared
// memory files exist; the function it returns removes them if they did
// not and *err is set, so that refusing a file leaves nothing behind. The
// log is only removed while empty, so a log another process wrote to in
// the meantime is never lost.
func removeNewSidecars(path string, err *error) func() {
	exists := func(p string) bool { _, e := os.Stat(p); return e == nil }
	wal, shm := exists(path+"-wal"), exists(path+"-shm")
	return func() {
		if *err == nil || wal {
			return
		}
		if fi, e := os.Stat(path + "-wal"); e == nil && fi.Size() == 0 {
			if os.Remove(path+"-wal") == nil && !shm {
				os.Remove(path + "-shm")
			}
		} else if os.IsNotExist(e) && !shm {
			os.Remove(path + "-shm")
		}
	}
}

// checkHeader checks the 100-byte header of an existing file: it must be
// a SQLite database whose application_id is tally's (or an empty database
// that no application has claimed) and whose user_version (our schema
// version) is not newer than known.
func checkHeader(hdr []byte, known int) error {
	if !bytes.HasPrefix(hdr, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%w: not a SQLite database (bad header)", ErrNotCorpus)
	}
	version := int(int32(binary.BigEndian.Uint32(hdr[60:64])))
	app := binary.BigEndian.Uint32(hdr[68:72])
	if app != ApplicationID {
		if app == 0 && version == 0 {
			// An empty database, or one of another program that did not
			// claim an application id: checkReadOnly tells them apart.
			return nil
		}
		return fmt.Errorf("%w: a SQLite database of another application (application_id %#x)", ErrNotCorpus, app)
	}
	if version > known {
		return fmt.Errorf("%w: corpus schema version %d, this tally knows up to %d; use a newer tally", ErrNewerSchema, version, known)
	}
	return nil
}

// fileState is what checkReadOnly found in an existing file.
type fileState struct {
	corpus  bool // a tally corpus, not an empty database
	version int  // its schema version
	// immutable says SQLite could only read the file as immutable: it
	// cannot create the shared-memory file beside it.
	immutable bool
}

// checkReadOnly opens an existing file read-only and checks what the
// header check cannot see: the schema version as the write-ahead log has
// it, tables of another program in a database without application id, and
// a schema SQLite cannot read.
func checkReadOnly(ctx context.Context, path string, known int) (fileState, error) {
	// A file this process may not write, with no write-ahead log, is read
	// as immutable: SQLite then leaves no files beside it, which would be
	// in the way of its owner's writes.
	var st fileState
	st.immutable = !hasLog(path) && syscall.Access(path, 2 /* W_OK */) != nil
	d := dsn(path, true, false)
	if st.immutable {
		d += "&immutable=1"
	}
	ro, err := sql.Open(driverName, d)
	if err != nil {
		return st, err
	}
	defer func() { ro.Close() }()
	var app, version int64
	damaged := func(err error) error {
		return fmt.Errorf("%w: the database is damaged or unreadable: %v", ErrNotCorpus, err)
	}
	err = ro.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app)
	if err != nil && !st.immutable && cannotShare(err) && !hasLog(path) {
		// A read-only folder: SQLite cannot create the shared-memory file
		// a database in WAL mode needs. With no write-ahead log, all of
		// the database is in the file, which can be read as immutable.
		ro.Close()
		if ro, err = sql.Open(driverName, dsn(path, true, false)+"&immutable=1"); err != nil {
			return st, err
		}
		st.immutable = true
		err = ro.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app)
	}
	if err != nil {
		if cannotShare(err) {
			return st, fmt.Errorf("%w: SQLite cannot read it beside its write-ahead log (is its folder read-only?): %v", ErrReadOnly, err)
		}
		return st, damaged(err)
	}
	if err := ro.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return st, damaged(err)
	}
	var tables int
	if err := ro.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return st, damaged(err)
	}
	st.version = int(version)
	if uint32(app) != ApplicationID {
		if app == 0 && tables == 0 {
			return st, nil // an empty database: it becomes a corpus
		}
		if app == 0 {
			return st, fmt.Errorf("%w: a SQLite database of another application (%d tables and indexes, no tally schema)", ErrNotCorpus, tables)
		}
		return st, fmt.Errorf("%w: a SQLite database of another application (application_id %#x)", ErrNotCorpus, uint32(app))
	}
	st.corpus = true
	if int(version) > known {
		return st, fmt.Errorf("%w: corpus schema version %d, this tally knows up to %d; use a newer tally", ErrNewerSchema, version, known)
	}
	if version > 0 {
		// Read a page of each foundation table, which finds most damage
		// without scanning the whole file.
		for _, t := range []string{"pages", "articles", "records"} {
			var id int64
			err := ro.QueryRowContext(ctx, "SELECT id FROM "+t+" ORDER BY id DESC LIMIT 1").Scan(&id)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return st, damaged(fmt.Errorf("table %s: %w", t, err))
			}
		}
	}
	return st, nil
}

// cannotShare reports whether err is SQLite failing to open or create the
// files it keeps beside a database in WAL mode.
func cannotShare(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrReadonly || se.Code == sqlite3.ErrCantOpen)
}

// hasLog reports whether path has a write-ahead log that is not empty.
func hasLog(path string) bool {
	st, err := os.Stat(path + "-wal")
	return err == nil && st.Size() > 0
}

// migrate applies the migrations the database has not had yet, each in
// its own transaction, and records them in schema_migrations and in
// PRAGMA user_version.
func migrate(ctx context.Context, db *sql.DB, ms []migration) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version >= len(ms) {
		return nil // up to date: no need to wait for the write lock
	}
	compact := false
	for _, m := range ms {
		if err := applyMigration(ctx, db, m); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		compact = compact || (m.version > version && compactAfter[m.version])
	}
	if compact {
		return vacuum(ctx, db)
	}
	return nil
}

// vacuum compacts the file after a migration that freed much of it. When
// another process is reading the corpus, SQLite cannot, and the freed
// pages are left for the corpus to fill as it grows.
func vacuum(ctx context.Context, db *sql.DB) error {
	_, err := db.ExecContext(ctx, "VACUUM")
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("compact after migrating: %w", err)
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version >= m.version {
		return nil // applied before, perhaps by another process just now
	}
	if version != m.version-1 {
		return fmt.Errorf("database is at schema version %d, expected %d", version, m.version-1)
	}
	if version == 0 {
		var app int64
		if err := tx.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
			return err
		}
		var tables int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
			return err
		}
		if tables > 0 || (app != 0 && uint32(app) != ApplicationID) {
			return fmt.Errorf("%w: the database has tables but no tally schema", ErrNotCorpus)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migrations (
			version INTEGER PRIMARY KEY,
			name    TEXT NOT NULL,
			applied TEXT NOT NULL
		)`); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.after != nil {
		if err := m.after(ctx, &txn{Tx: tx, d: sqliteDialect}); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
		m.version, m.name, formatTime(time.Now())); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// timeLayout is how times are stored: UTC, fixed width, so that text order
// is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
