package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tally-news/tally/crawl"
)

// DB keeps the crawl state of every job in the corpus, so that a crawl
// killed at any moment resumes where it stopped.
var _ crawl.Store = (*DB)(nil)

// Lock takes job's lock for owner. It fails with crawl.ErrJobLocked when
// another owner holds the lock and refreshed it less than stale ago; a
// staler lock (its run died), or one whose owner is a process of this
// machine that no longer exists (crawl.OwnerGone), is taken over. Calling
// Lock again as the same owner refreshes the lock.
//
// Taking the lock is one upsert that only replaces the holder's own or a
// stale lock, so that of processes racing for it one wins, on SQLite and
// on PostgreSQL alike; a holder that is gone is replaced by an update
// that names it.
func (db *DB) Lock(ctx context.Context, job, owner string, stale time.Duration) error {
	now := time.Now()
	var got string
	err := db.write.QueryRowContext(ctx, `INSERT INTO locks (job, owner, refreshed) VALUES (?, ?, ?)
		ON CONFLICT (job) DO UPDATE SET owner = excluded.owner, refreshed = excluded.refreshed
		WHERE locks.owner = excluded.owner OR locks.refreshed <= ?
		RETURNING owner`, job, owner, formatTime(now), formatTime(now.Add(-stale))).Scan(&got)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("lock job %s: %w", job, err)
	}
	var holder, refreshed string
	err = db.write.QueryRowContext(ctx, "SELECT owner, refreshed FROM locks WHERE job = ?", job).Scan(&holder, &refreshed)
	if errors.Is(err, sql.ErrNoRows) {
		return db.Lock(ctx, job, owner, stale) // released meanwhile
	}
	if err != nil {
		return fmt.Errorf("lock job %s: %w", job, err)
	}
	if !crawl.OwnerGone(holder) {
		return crawl.LockHeldError(job, holder, parseTime(refreshed), stale)
	}
	res, err := db.write.ExecContext(ctx, "UPDATE locks SET owner = ?, refreshed = ? WHERE job = ? AND owner = ?",
		owner, formatTime(now), job, holder)
	if err != nil {
		return fmt.Errorf("lock job %s: %w", job, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return db.Lock(ctx, job, owner, stale) // another process took it over first
	}
	return nil
}

// Unlock releases job's lock if owner holds it.
func (db *DB) Unlock(ctx context.Context, job, owner string) error {
	if _, err := db.write.ExecContext(ctx, "DELETE FROM locks WHERE job = ? AND owner = ?", job, owner); err != nil {
		return fmt.Errorf("unlock job %s: %w", job, err)
	}
	return nil
}

// StartRun records the start of a run of job by owner and returns its id.
func (db *DB) StartRun(ctx context.Context, job, owner string) (int64, error) {
	var id int64
	err := db.write.QueryRowContext(ctx, "INSERT INTO runs (job, owner, started) VALUES (?, ?, ?) RETURNING id",
		job, owner, formatTime(time.Now())).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("start run of job %s: %w", job, err)
	}
	return id, nil
}

// FinishRun records the end of run id with its counts.
func (db *DB) FinishRun(ctx context.Context, id int64, stats crawl.RunStats) error {
	failures := stats.Failures
	if failures == nil {
		failures = map[string]int{}
	}
	js, err := json.Marshal(failures)
	if err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	res, err := db.write.ExecContext(ctx, `UPDATE runs SET finished = ?, fetched = ?, not_changed = ?, failed = ?,
		skipped = ?, queued = ?, failures = ? WHERE id = ?`,
		formatTime(time.Now()), stats.Fetched, stats.NotChanged, stats.Failed, stats.Skipped, stats.Queued, string(js), id)
	if err != nil {
		return fmt.Errorf("finish run %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("finish run %d: run %w", id, ErrNotFound)
	}
	return nil
}

// Runs returns the last n runs of job, newest first, whichever worker
// made them. A run that has not finished (still running, or killed) has a
// zero Finished time; one whose process no longer holds the job's lock,
// nor a live lease on a shared frontier, is Interrupted.
func (db *DB) Runs(ctx context.Context, job string, n int) ([]crawl.Run, error) {
	var holder string
	err := db.read.QueryRowContext(ctx, "SELECT owner FROM locks WHERE job = ?", job).Scan(&holder)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("runs of job %s: lock: %w", job, err)
	}
	rows, err := db.read.QueryContext(ctx, `SELECT id, job, owner, started, finished, fetched, not_changed, failed, skipped, queued, failures,
		`+db.d.runAlive()+`
		FROM runs WHERE job = ? ORDER BY id DESC LIMIT ?`, job, n)
	if err != nil {
		return nil, fmt.Errorf("runs of job %s: %w", job, err)
	}
	defer rows.Close()
	var runs []crawl.Run
	for rows.Next() {
		var r crawl.Run
		var started, finished, failures string
		var alive bool
		if err := rows.Scan(&r.ID, &r.Job, &r.Owner, &started, &finished, &r.Stats.Fetched, &r.Stats.NotChanged,
			&r.Stats.Failed, &r.Stats.Skipped, &r.Stats.Queued, &failures, &alive); err != nil {
			return nil, fmt.Errorf("runs of job %s: %w", job, err)
		}
		r.Started, r.Finished = parseTime(started), parseTime(finished)
		// A run of a shared frontier holds no job lock: it is alive while
		// its worker renews its lease (crawl.SharedStore.Renew).
		r.Interrupted = crawl.RunInterrupted(r, holder) && !(alive && !crawl.OwnerGone(r.Owner))
		if err := json.Unmarshal([]byte(failures), &r.Stats.Failures); err != nil {
			return nil, fmt.Errorf("runs of job %s: run %d: failures: %w", job, r.ID, err)
		}
		runs = append(runs, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("runs of job %s: %w", job, err)
	}
	return runs, nil
}

// Enqueue adds items to job's frontier in one transaction; URLs already
// queued for the job are left as they are. An empty Kind means "page".
func (db *DB) Enqueue(ctx context.Context, job string, items []crawl.Queued) error {
	if len(items) == 0 {
		return nil
	}
	return retryConflict(ctx, func() error { return db.enqueue(ctx, job, items) })
}

func (db *DB) enqueue(ctx context.Context, job string, items []crawl.Queued) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("enqueue for job %s: %w", job, err)
	}
	defer tx.Rollback()
	args := make([]any, 0, 4*len(items))
	for _, it := range items {
		if it.URL == "" {
			return fmt.Errorf("enqueue for job %s: empty URL", job)
		}
		kind := it.Kind
		if kind == "" {
			kind = "page"
		}
		args = append(args, job, it.URL, it.Depth, kind)
	}
	// Many rows a statement, in the order given, which is the order
	// their ids and so their turns in the frontier follow.
	if err := insertRows(ctx, tx, "INSERT OR IGNORE INTO frontier (job, url, depth, kind)", args, 4); err != nil {
		return fmt.Errorf("enqueue for job %s: %w", job, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("enqueue for job %s: %w", job, err)
	}
	return nil
}

// Pending returns up to n queued URLs of job, oldest first, without
// removing them.
func (db *DB) Pending(ctx context.Context, job string, n int) ([]crawl.Queued, error) {
	rows, err := db.read.QueryContext(ctx, "SELECT url, depth, kind FROM frontier WHERE job = ? ORDER BY id LIMIT ?", job, n)
	if err != nil {
		return nil, fmt.Errorf("frontier of job %s: %w", job, err)
	}
	defer rows.Close()
	var out []crawl.Queued
	for rows.Next() {
		var q crawl.Queued
		if err := rows.Scan(&q.URL, &q.Depth, &q.Kind); err != nil {
			return nil, fmt.Errorf("frontier of job %s: %w", job, err)
		}
		out = append(out, q)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("frontier of job %s: %w", job, err)
	}
	return out, nil
}

// Count returns the number of URLs in job's frontier.
func (db *DB) Count(ctx context.Context, job string) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM frontier WHERE job = ?", job).Scan(&n); err != nil {
		return 0, fmt.Errorf("frontier of job %s: %w", job, err)
	}
	return n, nil
}

// Done removes f.URL from job's frontier and records the fetch, in one
// transaction. A zero f.Fetched is taken as now. On PostgreSQL the
// fetches settled at the same moment share one statement (see settle).
func (db *DB) Done(ctx context.Context, job string, f crawl.Fetch) error {
	fetched := f.Fetched
	if fetched.IsZero() {
		fetched = time.Now()
	}
	if db.d.postgres {
		f.Fetched = fetched
		if err := db.settled.settle(ctx, db, job, f); err != nil {
			return fmt.Errorf("record fetch of %s: %w", f.URL, err)
		}
		return nil
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record fetch of %s: %w", f.URL, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, "DELETE FROM frontier WHERE job = ? AND url = ?", job, f.URL); err != nil {
		return fmt.Errorf("record fetch of %s: %w", f.URL, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fetches (job, url, status, etag, last_modified, hash, error, fetched)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		job, f.URL, f.Status, f.ETag, f.LastModified, f.Hash, f.Error, formatTime(fetched)); err != nil {
		return fmt.Errorf("record fetch of %s: %w", f.URL, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record fetch of %s: %w", f.URL, err)
	}
	return nil
}

// settler groups the fetches settled at once on PostgreSQL: the first
// caller settles its fetch, and those that arrive meanwhile wait and go
// together into the next statement, whose commit each waits for, as each
// would for its own. A fetch's removal from the frontier is a
// data-modifying WITH of the insert of the fetches, so that each group is
// one statement and one commit, not a transaction of four statements a
// fetch.
type settler struct {
	mu      sync.Mutex
	busy    bool // a group is being settled
	pending []*settleRequest
}

// settleRequest is one fetch of job waiting to be settled.
type settleRequest struct {
	job  string
	f    crawl.Fetch
	err  error
	done chan struct{} // closed when err is set
}

// settle settles f for job, in a group with the fetches that arrive
// while another group is being settled.
func (s *settler) settle(ctx context.Context, db *DB, job string, f crawl.Fetch) error {
	r := &settleRequest{job: job, f: f, done: make(chan struct{})}
	s.mu.Lock()
	s.pending = append(s.pending, r)
	if !s.busy {
		s.busy = true
		s.next(context.WithoutCancel(ctx), db) // the group is others' as well
	} else {
		s.mu.Unlock()
	}
	<-r.done
	return r.err
}

// next, called with s.mu held, settles the next group of pending
// fetches and unlocks s.mu. The fetches that arrived meanwhile are
// settled next by a goroutine of their own, so that this caller does not
// wait for them.
func (s *settler) next(ctx context.Context, db *DB) {
	n := min(len(s.pending), maxRowsPerInsert)
	group := s.pending[:n:n]
	s.pending = s.pending[n:]
	s.mu.Unlock()
	settleGroup(ctx, db, group)
	s.mu.Lock()
	if len(s.pending) == 0 {
		s.busy = false
		s.mu.Unlock()
		return
	}
	s.mu.Unlock()
	go func() {
		s.mu.Lock()
		s.next(ctx, db)
	}()
}

// settleGroup settles group in one statement, or when that fails, each
// fetch alone, so that one that cannot be stored fails by itself.
func settleGroup(ctx context.Context, db *DB, group []*settleRequest) {
	defer func() {
		for _, r := range group {
			close(r.done)
		}
	}()
	if len(group) > 1 && settleFetches(ctx, db, group) == nil {
		return
	}
	for _, r := range group {
		r.err = settleFetches(ctx, db, []*settleRequest{r})
	}
}

// settleFetches removes the URLs of group from their jobs' frontiers and
// records their fetches, in one statement.
func settleFetches(ctx context.Context, db *DB, group []*settleRequest) error {
	keys := make([]any, 0, 2*len(group))
	fetches := make([]any, 0, 8*len(group))
	for _, r := range group {
		f := r.f
		keys = append(keys, r.job, f.URL)
		fetches = append(fetches, r.job, f.URL, f.Status, f.ETag, f.LastModified, f.Hash, f.Error, formatTime(f.Fetched))
	}
	fetchRow := "(?, ?, ?, ?, ?, ?, ?, ?)"
	_, err := db.write.ExecContext(ctx, `WITH settled AS (DELETE FROM frontier q USING (VALUES (?, ?)`+
		strings.Repeat(", (?, ?)", len(group)-1)+`) AS k WHERE q.job = k.column1 AND q.url = k.column2)
		INSERT INTO fetches (job, url, status, etag, last_modified, hash, error, fetched)
		VALUES `+fetchRow+strings.Repeat(", "+fetchRow, len(group)-1), append(keys, fetches...)...)
	return err
}

// LastFetch returns the last fetch of url recorded for job, if any.
func (db *DB) LastFetch(ctx context.Context, job, url string) (crawl.Fetch, bool, error) {
	var f crawl.Fetch
	var fetched string
	err := db.read.QueryRowContext(ctx, `SELECT url, status, etag, last_modified, hash, error, fetched
		FROM fetches WHERE url = ? AND job = ? ORDER BY id DESC LIMIT 1`, url, job).
		Scan(&f.URL, &f.Status, &f.ETag, &f.LastModified, &f.Hash, &f.Error, &fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return crawl.Fetch{}, false, nil
	}
	if err != nil {
		return crawl.Fetch{}, false, fmt.Errorf("last fetch of %s: %w", url, err)
	}
	f.Fetched = parseTime(fetched)
	return f, true, nil
}

// LastFetches returns the last fetch recorded for job of each of urls
// that has one, by URL: one statement for up to idChunk URLs.
func (db *DB) LastFetches(ctx context.Context, job string, urls []string) (map[string]crawl.Fetch, error) {
	out := make(map[string]crawl.Fetch, len(urls))
	for chunk := range slices.Chunk(urls, idChunk) {
		args := make([]any, 0, len(chunk)+1)
		args = append(args, job)
		for _, u := range chunk {
			args = append(args, u)
		}
		rows, err := db.read.QueryContext(ctx, `SELECT url, status, etag, last_modified, hash, error, fetched FROM fetches
			WHERE id IN (SELECT (SELECT f.id FROM fetches f WHERE f.url = u.column1 AND f.job = ? ORDER BY f.id DESC LIMIT 1)
				FROM (VALUES (?)`+strings.Repeat(", (?)", len(chunk)-1)+`) AS u)`, args...)
		if err != nil {
			return nil, fmt.Errorf("last fetches of job %s: %w", job, err)
		}
		for rows.Next() {
			var f crawl.Fetch
			var fetched string
			if err := rows.Scan(&f.URL, &f.Status, &f.ETag, &f.LastModified, &f.Hash, &f.Error, &fetched); err != nil {
				rows.Close()
				return nil, fmt.Errorf("last fetches of job %s: %w", job, err)
			}
			f.Fetched = parseTime(fetched)
			out[f.URL] = f
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return nil, fmt.Errorf("last fetches of job %s: %w", job, err)
		}
		rows.Close()
	}
	return out, nil
}

// HasArticle reports whether the newest page stored under url has its
// article: stored, or linked to the first copy as a duplicate. A page
// stored by a crawl that keeps pages only has none until it is run
// through the cleaner (crawl.Config.Handled).
func (db *DB) HasArticle(ctx context.Context, url string) (bool, error) {
	var has bool
	err := db.read.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE page_id = p.id)
			OR EXISTS (SELECT 1 FROM duplicates WHERE page_id = p.id)
		FROM pages p WHERE p.url = ? ORDER BY p.id DESC LIMIT 1`, url).Scan(&has)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("article of %s: %w", url, err)
	}
	return has, nil
}
