package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tally-news/tally/crawl"
)

// A task is work that several workers, on one machine or many, share out
// through the corpus, as they share a job's frontier: a re-extraction of
// the corpus, an import of the same files. Its work is numbered by keys
// (page ids, the numbers of an import's records); the keys are handed out
// in batches, in order, each leased to the worker that asked for it. A
// worker renews its leases while it lives; the batch of a worker that
// died goes to another once its lease has run out. No batch is handed to
// two live workers, and the task is finished once every batch is done.

// Task is one worker's part in a task that several workers share.
type Task struct {
	db    *DB
	name  string
	owner string
	ttl   time.Duration
	stop  chan struct{} // closed to stop renewing
	ended chan struct{} // closed when the renewing has stopped
	once  sync.Once
}

// Batch is a batch of a task's keys: those above After, up to and
// including Last.
type Batch struct {
	After, Last int64
}

// forUpdate is the clause that makes a SELECT lock the rows it reads
// until the transaction ends. SQLite's write transactions take the whole
// database and need none.
func (d *dialect) forUpdate() string {
	if d.postgres {
		return "FOR UPDATE"
	}
	return ""
}

// JoinTask joins the task called name as a new worker whose batches are
// leased for ttl and renewed every ttl/3 until Close, or until ctx is
// done: a worker whose context ends without Close leaves its leases to
// run out, as one that died does. A task that is not
// running (new, or finished) starts from the keys above start; a running
// one is joined where it stands. Workers join the same task by giving the
// same name.
func (db *DB) JoinTask(ctx context.Context, name string, start int64, ttl time.Duration) (*Task, error) {
	if db.readOnly {
		return nil, fmt.Errorf("join task %s: %w", name, ErrReadOnly)
	}
	if ttl <= 0 {
		return nil, fmt.Errorf("join task %s: lease %v is not positive", name, ttl)
	}
	err := retryConflict(ctx, func() error { return db.joinTask(ctx, name, start) })
	if err != nil {
		return nil, fmt.Errorf("join task %s: %w", name, err)
	}
	t := &Task{db: db, name: name, owner: crawl.NewOwner(), ttl: ttl, stop: make(chan struct{}), ended: make(chan struct{})}
	go t.renew(ctx)
	return t, nil
}

func (db *DB) joinTask(ctx context.Context, name string, start int64) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	now := formatTime(time.Now())
	if _, err := tx.ExecContext(ctx, "INSERT INTO tasks (name, cursor_key, started) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
		name, start, now); err != nil {
		return err
	}
	var finished int64
	if err := tx.QueryRowContext(ctx, "SELECT finished FROM tasks WHERE name = ? "+db.d.forUpdate(), name).Scan(&finished); err != nil {
		return err
	}
	if finished != 0 {
		if _, err := tx.ExecContext(ctx, "DELETE FROM task_batches WHERE task = ?", name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE tasks SET cursor_key = ?, finished = 0, started = ? WHERE name = ?",
			start, now, name); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Name returns the task's name.
func (t *Task) Name() string { return t.name }

// renew extends the worker's leases every ttl/3 until Close or until ctx
// is done.
func (t *Task) renew(ctx context.Context) {
	defer close(t.ended)
	tick := time.NewTicker(t.ttl / 3)
	defer tick.Stop()
	for {
		select {
		case <-t.stop:
			return
		case <-ctx.Done():
			return
		case <-tick.C:
			// A renewal that fails is tried again at the next tick; the
			// lease lasts three of them.
			_, _ = t.db.write.ExecContext(ctx, "UPDATE task_batches SET lease_until = "+t.db.d.nowMicros()+" + ? WHERE task = ? AND owner = ? AND done = 0",
				t.ttl.Microseconds(), t.name, t.owner)
		}
	}
}

// Next leases the worker a batch: first a batch whose worker died, else
// the next keys, above the last handed out up to the key that last
// returns for them (last returns after itself when no key is left).
// While no batch is left but other workers' are not done, it waits,
// taking over any whose lease runs out. It reports false once the task
// is finished.
func (t *Task) Next(ctx context.Context, last func(ctx context.Context, after int64) (int64, error)) (Batch, bool, error) {
	for {
		var b Batch
		var ok bool
		var wait time.Duration
		err := retryConflict(ctx, func() error {
			var err error
			b, ok, wait, err = t.next(ctx, last)
			return err
		})
		if err != nil {
			return Batch{}, false, fmt.Errorf("task %s: next batch: %w", t.name, err)
		}
		if ok || wait <= 0 {
			return b, ok, nil
		}
		select {
		case <-ctx.Done():
			return Batch{}, false, ctx.Err()
		case <-time.After(min(wait, time.Second)):
		}
	}
}

// next hands out a batch, or says how long until another worker's batch
// may be taken over (zero: the task is finished).
func (t *Task) next(ctx context.Context, last func(ctx context.Context, after int64) (int64, error)) (Batch, bool, time.Duration, error) {
	db := t.db
	now := db.d.nowMicros()
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return Batch{}, false, 0, err
	}
	defer tx.Rollback()
	// The task's row, locked, makes its workers hand out batches one at
	// a time.
	var cursor int64
	if err := tx.QueryRowContext(ctx, "SELECT cursor_key FROM tasks WHERE name = ? "+db.d.forUpdate(), t.name).Scan(&cursor); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Batch{}, false, 0, fmt.Errorf("task is gone")
		}
		return Batch{}, false, 0, err
	}
	var b Batch
	err = tx.QueryRowContext(ctx, "SELECT after_key, last_key FROM task_batches WHERE task = ? AND done = 0 AND lease_until <= "+now+
		" ORDER BY after_key LIMIT 1", t.name).Scan(&b.After, &b.Last)
	switch {
	case err == nil:
		// A worker died: its batch is this one's now, unless its worker
		// renewed the lease since it was read (it was only slow).
		res, err := tx.ExecContext(ctx, "UPDATE task_batches SET owner = ?, lease_until = "+now+" + ? WHERE task = ? AND after_key = ? AND done = 0 AND lease_until <= "+now,
			t.owner, t.ttl.Microseconds(), t.name, b.After)
		if err != nil {
			return Batch{}, false, 0, err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return Batch{}, false, time.Millisecond, err
		}
		return b, true, 0, tx.Commit()
	case errors.Is(err, sql.ErrNoRows):
		if b.Last, err = last(ctx, cursor); err != nil {
			return Batch{}, false, 0, err
		}
		if b.Last <= cursor {
			var pending int64
			var until sql.NullInt64
			if err := tx.QueryRowContext(ctx, "SELECT count(*), min(lease_until) - "+now+" FROM task_batches WHERE task = ? AND done = 0",
				t.name).Scan(&pending, &until); err != nil {
				return Batch{}, false, 0, err
			}
			if pending > 0 {
				return Batch{}, false, max(time.Duration(until.Int64)*time.Microsecond, time.Millisecond), nil
			}
			if _, err := tx.ExecContext(ctx, "UPDATE tasks SET finished = 1 WHERE name = ?", t.name); err != nil {
				return Batch{}, false, 0, err
			}
			return Batch{}, false, 0, tx.Commit()
		}
		b.After = cursor
		if _, err := tx.ExecContext(ctx, "INSERT INTO task_batches (task, after_key, last_key, owner, lease_until) VALUES (?, ?, ?, '', 0)",
			t.name, b.After, b.Last); err != nil {
			return Batch{}, false, 0, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE tasks SET cursor_key = ? WHERE name = ?", b.Last, t.name); err != nil {
			return Batch{}, false, 0, err
		}
	default:
		return Batch{}, false, 0, err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE task_batches SET owner = ?, lease_until = "+now+" + ? WHERE task = ? AND after_key = ?",
		t.owner, t.ttl.Microseconds(), t.name, b.After); err != nil {
		return Batch{}, false, 0, err
	}
	return b, true, 0, tx.Commit()
}

// Done marks a batch of the worker's done.
func (t *Task) Done(ctx context.Context, b Batch) error {
	_, err := t.db.write.ExecContext(ctx, "UPDATE task_batches SET done = 1 WHERE task = ? AND after_key = ? AND owner = ?",
		t.name, b.After, t.owner)
	if err != nil {
		return fmt.Errorf("task %s: batch after %d done: %w", t.name, b.After, err)
	}
	return nil
}

// Close stops renewing the worker's leases and gives up those of its
// batches not done, so that another worker takes them at once.
func (t *Task) Close(ctx context.Context) error {
	t.abandon()
	_, err := t.db.write.ExecContext(ctx, "UPDATE task_batches SET lease_until = 0 WHERE task = ? AND owner = ? AND done = 0",
		t.name, t.owner)
	if err != nil {
		return fmt.Errorf("task %s: give up leases: %w", t.name, err)
	}
	return nil
}

// abandon stops renewing the worker's leases and leaves them to run out,
// as a worker that died does.
func (t *Task) abandon() {
	t.once.Do(func() { close(t.stop) })
	<-t.ended
}

// NextPages is Next for a task over stored pages: a batch holds the ids
// of the next n pages (or fewer, at the end) that f chooses.
func (t *Task) NextPages(ctx context.Context, f PageFilter, n int) (Batch, bool, error) {
	site := ""
	if f.Site != "" {
		site = siteOf(f.Site)
	}
	return t.Next(ctx, func(ctx context.Context, after int64) (int64, error) {
		ids, err := t.db.pageIDs(ctx, f, site, after, n)
		if err != nil {
			return 0, err
		}
		if len(ids) == 0 {
			return after, nil
		}
		return ids[len(ids)-1], nil
	})
}
