package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/tally-news/tally/crawl"
)

// A job's frontier can be shared by several workers (crawl.SharedStore):
// each leases the URLs it fetches, renews its leases while it lives, and
// hosts' next requests are claimed one at a time in the slots table. Lease
// times are microseconds on the database's clock, so that workers on
// machines whose clocks differ agree on them.
var _ crawl.SharedStore = (*DB)(nil)

// nowMicros is the SQL expression for the database's time now, in
// microseconds since 1970.
func (d *dialect) nowMicros() string {
	if d.postgres {
		return "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
	}
	return "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
}

// skipLocked is the clause that makes a SELECT lock the rows it reads and
// pass over rows another transaction holds. SQLite has one writer at a
// time and needs none.
func (d *dialect) skipLocked() string {
	if d.postgres {
		return "FOR UPDATE SKIP LOCKED"
	}
	return ""
}

// Lease takes up to n of job's queued URLs, oldest first, that no live
// lease holds, and leases them to owner for ttl. On PostgreSQL, workers
// leasing at once pass over each other's rows (FOR UPDATE SKIP LOCKED)
// rather than wait for them.
func (db *DB) Lease(ctx context.Context, job, owner string, n int, ttl time.Duration) ([]crawl.Queued, error) {
	if owner == "" {
		return nil, fmt.Errorf("lease frontier of job %s: empty owner", job)
	}
	now := db.d.nowMicros()
	rows, err := db.write.QueryContext(ctx, `UPDATE frontier SET lease_owner = ?, lease_until = `+now+` + ?
		WHERE id IN (SELECT id FROM frontier WHERE job = ? AND lease_until <= `+now+`
			ORDER BY id LIMIT ? `+db.d.skipLocked()+`)
		RETURNING id, url, depth, kind`, owner, ttl.Microseconds(), job, n)
	if err != nil {
		return nil, fmt.Errorf("lease frontier of job %s: %w", job, err)
	}
	defer rows.Close()
	type leased struct {
		id int64
		q  crawl.Queued
	}
	var got []leased
	for rows.Next() {
		var l leased
		if err := rows.Scan(&l.id, &l.q.URL, &l.q.Depth, &l.q.Kind); err != nil {
			return nil, fmt.Errorf("lease frontier of job %s: %w", job, err)
		}
		got = append(got, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("lease frontier of job %s: %w", job, err)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].id < got[j].id })
	out := make([]crawl.Queued, len(got))
	for i, l := range got {
		out[i] = l.q
	}
	return out, nil
}

// Renew extends owner's leases on job's URLs, and its unfinished run's,
// for ttl from now; a ttl of zero gives them up.
func (db *DB) Renew(ctx context.Context, job, owner string, ttl time.Duration) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("renew leases of %s on job %s: %w", owner, job, err)
	}
	defer tx.Rollback()
	until := db.d.nowMicros() + " + ?"
	args := []any{ttl.Microseconds(), job, owner}
	frontier := "UPDATE frontier SET lease_until = " + until + " WHERE job = ? AND lease_owner = ?"
	if ttl <= 0 {
		frontier = "UPDATE frontier SET lease_owner = '', lease_until = 0 WHERE job = ? AND lease_owner = ?"
		args = args[1:]
	}
	if _, err := tx.ExecContext(ctx, frontier, args...); err != nil {
		return fmt.Errorf("renew leases of %s on job %s: %w", owner, job, err)
	}
	if ttl <= 0 {
		_, err = tx.ExecContext(ctx, "UPDATE runs SET lease_until = 0 WHERE job = ? AND owner = ? AND finished = ''", job, owner)
	} else {
		_, err = tx.ExecContext(ctx, "UPDATE runs SET lease_until = "+until+" WHERE job = ? AND owner = ? AND finished = ''",
			ttl.Microseconds(), job, owner)
	}
	if err != nil {
		return fmt.Errorf("renew run of %s on job %s: %w", owner, job, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("renew leases of %s on job %s: %w", owner, job, err)
	}
	return nil
}

// Claim claims the slot called name for interval, returning the claim's
// number for Release, or says how long until it may be claimed. Of
// workers claiming at once, one gets the slot: the upsert replaces the
// next time only when it has come, and row locks order the others after
// it. The slot counts its claims, and the count numbers them.
func (db *DB) Claim(ctx context.Context, name string, interval time.Duration) (time.Duration, int64, error) {
	now := db.d.nowMicros()
	var claim int64
	// The next time is taken from the clock when the row is written, not
	// when the statement began: one that waited for another's claim must
	// not leave a next time already past.
	err := db.slotPool().QueryRowContext(ctx, `INSERT INTO slots (name, next_at, claims) VALUES (?, `+now+` + ?, 1)
		ON CONFLICT (name) DO UPDATE SET next_at = `+now+` + ?, claims = slots.claims + 1 WHERE slots.next_at <= `+now+`
		RETURNING claims`, name, interval.Microseconds(), interval.Microseconds()).Scan(&claim)
	if err == nil {
		return 0, claim, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, 0, fmt.Errorf("claim %s: %w", name, err)
	}
	var wait int64
	if err := db.slotPool().QueryRowContext(ctx, "SELECT next_at - "+now+" FROM slots WHERE name = ?", name).Scan(&wait); err != nil {
		return 0, 0, fmt.Errorf("claim %s: %w", name, err)
	}
	// At least a microsecond: the slot was not claimed, even if its time
	// has come since.
	return max(time.Duration(wait)*time.Microsecond, time.Microsecond), 0, nil
}

// Release ends claim of the slot called name before its interval has run
// out, so that the slot may be claimed again at once. A claim that ran out
// and was followed by another's is over: releasing it leaves the slot to
// the later claim.
func (db *DB) Release(ctx context.Context, name string, claim int64) error {
	if _, err := db.slotPool().ExecContext(ctx, "UPDATE slots SET next_at = 0 WHERE name = ? AND claims = ?", name, claim); err != nil {
		return fmt.Errorf("release %s: %w", name, err)
	}
	return nil
}

// Extend sets the next time of the slot called name to interval from now
// if claim is still its latest, and reports whether it was.
func (db *DB) Extend(ctx context.Context, name string, claim int64, interval time.Duration) (bool, error) {
	res, err := db.slotPool().ExecContext(ctx, "UPDATE slots SET next_at = "+db.d.nowMicros()+" + ? WHERE name = ? AND claims = ?",
		interval.Microseconds(), name, claim)
	if err != nil {
		return false, fmt.Errorf("extend claim of %s: %w", name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("extend claim of %s: %w", name, err)
	}
	return n > 0, nil
}

// slotPool is the pool the slots' statements run on: one whose commits
// do not wait for the disk on PostgreSQL, the writer on SQLite.
func (db *DB) slotPool() *pool {
	if db.slots != nil {
		return db.slots
	}
	return db.write
}

// runAlive is the SQL condition that a run's worker renewed its lease and
// the lease has not run out.
func (d *dialect) runAlive() string {
	return "lease_until > " + d.nowMicros()
}
