package corpus

import (
	"context"
	"sync"
	"testing"
	"time"
)

// upTo returns a Next bound over the keys 1 to total, n at a time.
func upTo(total, n int64) func(context.Context, int64) (int64, error) {
	return func(_ context.Context, after int64) (int64, error) {
		return min(after+n, total), nil
	}
}

func TestTaskShared(t *testing.T) { forEachBackend(t, testTaskShared) }

// testTaskShared has three workers, each on a handle of its own, share a
// task of 1,000 keys: each key is handed out once, and the task is
// finished when they are done; joined again, it starts over.
func testTaskShared(t *testing.T, be backend) {
	ctx := context.Background()
	loc := be.location(t)
	const total = 1000
	seen := make([]int, total+1)
	var mu sync.Mutex
	// The workers join before any starts: one that joined after the
	// others had finished would start the task over.
	var tasks []*Task
	for range 3 {
		task, err := mustOpenPath(t, loc).JoinTask(ctx, "keys", 0, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		tasks = append(tasks, task)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for _, task := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer task.Close(ctx)
			for {
				b, ok, err := task.Next(ctx, upTo(total, 7))
				if err != nil || !ok {
					errs <- err
					return
				}
				mu.Lock()
				for k := b.After + 1; k <= b.Last; k++ {
					seen[k]++
				}
				mu.Unlock()
				if err := task.Done(ctx, b); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for k := 1; k <= total; k++ {
		if seen[k] != 1 {
			t.Errorf("key %d handed out %d times, want once", k, seen[k])
		}
	}

	// The task is finished: joined again, it starts from the start.
	db := mustOpenPath(t, loc)
	task, err := db.JoinTask(ctx, "keys", 0, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer task.Close(ctx)
	b, ok, err := task.Next(ctx, upTo(total, 7))
	if err != nil || !ok || b != (Batch{0, 7}) {
		t.Errorf("first batch of the task started again = %+v, %v, %v; want {0 7}", b, ok, err)
	}
}

func TestTaskWorkerDies(t *testing.T) { forEachBackend(t, testTaskWorkerDies) }

// testTaskWorkerDies has a worker take a batch and die (stop renewing):
// the other worker does every other batch, then waits for the dead one's
// lease to run out and takes its batch; a batch given up by a worker that
// stopped on its own goes to another at once.
func testTaskWorkerDies(t *testing.T, be backend) {
	ctx := context.Background()
	loc := be.location(t)
	dbA, dbB := mustOpenPath(t, loc), mustOpenPath(t, loc)
	const ttl = 600 * time.Millisecond
	dead, err := dbA.JoinTask(ctx, "keys", 0, ttl)
	if err != nil {
		t.Fatal(err)
	}
	deadBatch, ok, err := dead.Next(ctx, upTo(30, 10))
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	dead.abandon()

	live, err := dbB.JoinTask(ctx, "keys", 0, ttl)
	if err != nil {
		t.Fatal(err)
	}
	var got []Batch
	start := time.Now()
	var tookOver time.Duration
	for {
		b, ok, err := live.Next(ctx, upTo(30, 10))
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if b == deadBatch {
			tookOver = time.Since(start)
		}
		got = append(got, b)
		if err := live.Done(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	want := []Batch{{10, 20}, {20, 30}, deadBatch}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("live worker's batches = %v, want %v", got, want)
	}
	// The dead worker's batch was taken once its lease ran out (the
	// renewing had stopped at once), not before.
	if tookOver < ttl/2 {
		t.Errorf("the dead worker's batch was taken after %v, before its lease of %v ran out", tookOver, ttl)
	}
	if err := live.Close(ctx); err != nil {
		t.Fatal(err)
	}

	// A worker that closes gives up its batch: the next worker takes it
	// at once, without waiting for the lease.
	quitter, err := dbA.JoinTask(ctx, "other", 0, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := quitter.Next(ctx, upTo(5, 5))
	if err != nil {
		t.Fatal(err)
	}
	if err := quitter.Close(ctx); err != nil {
		t.Fatal(err)
	}
	next, err := dbB.JoinTask(ctx, "other", 0, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close(ctx)
	b, ok, err := next.Next(ctx, upTo(5, 5))
	if err != nil || !ok || b != first {
		t.Errorf("batch after the other worker closed = %+v, %v, %v; want %+v", b, ok, err, first)
	}
}
