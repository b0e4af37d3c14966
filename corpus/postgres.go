package corpus

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// A corpus can also live in a PostgreSQL database, which many tally
// processes on many machines share: Open and its siblings take a URL
// (postgres://user:password@host/db) instead of a file name. The corpus
// is then the tables of the schema the connection's search_path names
// first ("public" unless the URL says otherwise, e.g. with
// ?search_path=news). The driver is jackc/pgx through database/sql, so
// the store's code is the same for both engines; see dialect.
//
// Its migrations are those of SQLite, one for one, with the same numbers,
// in migrations/postgres: each is the SQLite file with INTEGER PRIMARY KEY
// as an identity column, INTEGER as BIGINT, REAL as DOUBLE PRECISION,
// BLOB as BYTEA, WITHOUT ROWID dropped and the column "end" quoted; the
// search index (0003) is a tsvector column with a GIN index.

//go:embed migrations/postgres/*.sql
var postgresMigrationFiles embed.FS

// postgresHooks holds the Go steps of the PostgreSQL migrations.
var postgresHooks = map[int]func(ctx context.Context, tx *txn) error{
	2:  backfillDuplicateKeys,
	13: backfillFactsKeys,
	15: compactStorage,
}

// postgresMigrations returns the embedded PostgreSQL migrations in order.
func postgresMigrations() ([]migration, error) {
	return readMigrations(postgresMigrationFiles, "migrations/postgres", postgresHooks)
}

// IsURL reports whether name is a PostgreSQL URL (postgres:// or
// postgresql://) rather than a file name.
func IsURL(name string) bool {
	return strings.HasPrefix(name, "postgres://") || strings.HasPrefix(name, "postgresql://")
}

// redactURL returns a PostgreSQL URL without its password, for messages.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "a PostgreSQL URL that cannot be parsed"
	}
	return u.Redacted()
}

// migrationLock is the PostgreSQL advisory lock that migrations hold, so
// that workers starting at once migrate one after the other.
const migrationLock = ApplicationID

// eventsLock is the PostgreSQL advisory lock a refresh of the events
// holds, so that refreshes run one at a time.
const eventsLock = ApplicationID + 1

// savesLock is the PostgreSQL advisory lock that transactions storing
// pages hold: shared as a rule, and alone by one run again after
// PostgreSQL aborted it to break a deadlock, which then waits for the
// saves under way to end and runs while no other starts, so that it
// cannot deadlock again.
const savesLock = ApplicationID + 2

// lockSaves takes savesLock in tx, alone or shared; SQLite's write
// transactions run one at a time and need none.
func lockSaves(ctx context.Context, tx *txn, alone bool) error {
	if !tx.d.postgres {
		return nil
	}
	take := "SELECT pg_advisory_xact_lock_shared(?)"
	if alone {
		take = "SELECT pg_advisory_xact_lock(?)"
	}
	if _, err := tx.ExecContext(ctx, take, int64(savesLock)); err != nil {
		return fmt.Errorf("lock saves: %w", err)
	}
	return nil
}

// openPostgres opens the corpus at a PostgreSQL URL, migrating its schema
// to version upto (-1: the latest) as openMode does a file's.
func openPostgres(ctx context.Context, dsn string, upto int, how openHow) (_ *DB, err error) {
	ms, err := postgresMigrations()
	if err != nil {
		return nil, err
	}
	if upto < 0 {
		upto = len(ms)
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("bad PostgreSQL URL: %w", err)
	}
	d := &dialect{postgres: true}
	write := stdlib.OpenDB(*cfg)
	defer func() {
		if err != nil {
			write.Close()
		}
	}()
	if err := write.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("cannot reach PostgreSQL: %w", err)
	}
	version, err := postgresVersion(ctx, write, len(ms))
	if err != nil {
		return nil, err
	}
	if version == 0 && how != openCreate {
		return nil, fmt.Errorf("%w: the PostgreSQL schema has no tally tables", ErrNotYetCorpus)
	}
	if version < upto {
		if err := migratePostgres(ctx, write, d, ms[:upto]); err != nil {
			return nil, err
		}
	}
	readCfg := cfg.Copy()
	readCfg.RuntimeParams["default_transaction_read_only"] = "on"
	read := stdlib.OpenDB(*readCfg)
	conns := max(4, 2*runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(conns)
	read.SetMaxIdleConns(conns)
	read.SetConnMaxIdleTime(time.Minute)
	if how == openReadOnly {
		write.Close()
		write = stdlib.OpenDB(*readCfg)
	}
	// Saves are committed by one goroutine; the crawl state's writes
	// (leases, fetches, runs) take the other connections.
	write.SetMaxOpenConns(conns)
	write.SetMaxIdleConns(conns)
	write.SetConnMaxIdleTime(time.Minute)
	// A slot's claim or release is a transaction of its own, two a page
	// fetched on a shared frontier; waiting for each to reach the disk
	// cost the server more CPU than all the rest of the crawl state. A
	// slot is held for one request at most: should the server crash and
	// lose a slot's last change, the slot is free again, or frees itself
	// when its hold runs out.
	slotsCfg := cfg.Copy()
	slotsCfg.RuntimeParams["synchronous_commit"] = "off"
	if how == openReadOnly {
		slotsCfg = readCfg
	}
	slots := stdlib.OpenDB(*slotsCfg)
	slots.SetMaxOpenConns(conns)
	slots.SetMaxIdleConns(conns)
	slots.SetConnMaxIdleTime(time.Minute)
	busy := new(busyTime)
	db := &DB{path: redactURL(dsn), d: d, busy: busy, write: &pool{write, d, busy}, read: &pool{read, d, busy}, slots: &pool{slots, d, busy},
		readOnly: how == openReadOnly, saves: make(chan *saveRequest), quit: make(chan struct{}), committed: make(chan struct{})}
	go db.commitSaves()
	return db, nil
}

// postgresVersion returns the schema version of the corpus the
// connection's schema holds: 0 for an empty schema. A schema with tables
// but no tally schema, or with a newer one, is refused.
func postgresVersion(ctx context.Context, db *sql.DB, known int) (int, error) {
	var tables int
	var hasMigrations bool
	err := db.QueryRowContext(ctx, `SELECT count(*), coalesce(bool_or(table_name = 'schema_migrations'), false)
		FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&tables, &hasMigrations)
	if err != nil {
		return 0, fmt.Errorf("read the schema: %w", err)
	}
	if !hasMigrations {
		if tables > 0 {
			return 0, fmt.Errorf("%w: the PostgreSQL schema has %d tables but no tally schema", ErrNotCorpus, tables)
		}
		return 0, nil
	}
	var version int
	if err := db.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&version); err != nil {
		return 0, fmt.Errorf("read the schema version: %w", err)
	}
	if version > known {
		return 0, fmt.Errorf("%w: corpus schema version %d, this tally knows up to %d; use a newer tally", ErrNewerSchema, version, known)
	}
	return version, nil
}

// migratePostgres applies the migrations the schema has not had yet, each
// in its own transaction under the migration lock.
func migratePostgres(ctx context.Context, db *sql.DB, d *dialect, ms []migration) error {
	for _, m := range ms {
		if err := applyPostgresMigration(ctx, db, d, m); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

func applyPostgresMigration(ctx context.Context, db *sql.DB, d *dialect, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(migrationLock)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version BIGINT PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL
	)`); err != nil {
		return err
	}
	var version int
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&version); err != nil {
		return err
	}
	if version >= m.version {
		return nil // applied before, perhaps by another process just now
	}
	if version != m.version-1 {
		return fmt.Errorf("database is at schema version %d, expected %d", version, m.version-1)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if m.after != nil {
		if err := m.after(ctx, &txn{Tx: tx, d: d}); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)",
		m.version, m.name, formatTime(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// Postgres reports whether the corpus is in PostgreSQL.
func (db *DB) Postgres() bool { return db.d.postgres }

// errPostgresBackup is what Backup says of a PostgreSQL corpus.
var errPostgresBackup = errors.New("a PostgreSQL corpus is backed up with PostgreSQL's own tools: pg_dump --format=custom --file=FILE URL (pg_restore reads it back)")

// conflictRetries is how many times a transaction that PostgreSQL aborted
// to break a deadlock, or for a serialization failure, is run again.
const conflictRetries = 5

// retryConflict runs f, a whole transaction, again when PostgreSQL
// aborted it to break a deadlock with another worker's (two workers
// queueing the same links in other orders take their keys' locks in other
// orders) or could not serialize it: the aborted transaction changed
// nothing, so running it again is safe. Other errors are returned as they
// are.
func retryConflict(ctx context.Context, f func() error) error {
	var err error
	for attempt := range conflictRetries {
		if err = f(); err == nil || !isConflict(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(conflictBackoff(attempt)):
		}
	}
	return err
}

// conflictBackoff is how long to wait before running an aborted
// transaction again for the attempt+1st time: growing, and drawn at
// random, so that the transaction it deadlocked with has the time to end
// and the two do not start again in step.
func conflictBackoff(attempt int) time.Duration {
	step := time.Duration((attempt+1)*(attempt+1)) * 10 * time.Millisecond
	return step/2 + rand.N(step)
}

// isConflict reports whether err is PostgreSQL's deadlock_detected or
// serialization_failure.
func isConflict(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}
