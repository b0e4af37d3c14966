package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
)

// exitedOwner names, as the crawler does, a process of this machine that
// has exited.
func exitedOwner(t *testing.T) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	return fmt.Sprintf("%s:%d:gone", host, cmd.Process.Pid)
}

// TestLockOfKilledRun: after a run is killed (its process gone, its lock
// and its run left behind) the next run takes the lock at once, the
// killed run shows as interrupted, and a live holder's refusal says until
// when its lock holds.
func TestLockOfKilledRun(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	dead := exitedOwner(t)
	if err := db.Lock(ctx, "job", dead, time.Hour); err != nil {
		t.Fatal(err)
	}
	killed, err := db.StartRun(ctx, "job", dead)
	if err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	live := fmt.Sprintf("%s:%d:live", host, os.Getppid())
	if err := db.Lock(ctx, "job", live, time.Hour); err != nil {
		t.Fatalf("the lock of a dead process was not taken over: %v", err)
	}
	current, _ := db.StartRun(ctx, "job", live)
	err = db.Lock(ctx, "job", "someone-else", time.Hour)
	if !errors.Is(err, crawl.ErrJobLocked) || !strings.Contains(err.Error(), "holds until") || !strings.Contains(err.Error(), live) {
		t.Errorf("Lock of a live holder's job = %v", err)
	}
	runs, err := db.Runs(ctx, "job", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].ID != current || runs[0].Interrupted || runs[0].Owner != live ||
		runs[1].ID != killed || !runs[1].Interrupted {
		t.Errorf("runs = %+v; want the killed run interrupted, the live one running", runs)
	}
	// Once the live run finishes and unlocks, nothing is left running.
	db.FinishRun(ctx, current, crawl.RunStats{})
	db.Unlock(ctx, "job", live)
	if runs, _ := db.Runs(ctx, "job", 1); runs[0].Interrupted {
		t.Errorf("a finished run is marked interrupted")
	}
}

// TestFetchHistoryPerJob: one job's fetch is not another's.
func TestFetchHistoryPerJob(t *testing.T) { forEachBackend(t, testFetchHistoryPerJob) }

func testFetchHistoryPerJob(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	f := crawl.Fetch{URL: "https://a/1", Status: 200, ETag: `"e"`, Hash: "h", Fetched: time.Now().UTC()}
	if err := db.Done(ctx, "x", f); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := db.LastFetch(ctx, "y", f.URL); ok || err != nil {
		t.Errorf("job y sees job x's fetch: %v, %v", ok, err)
	}
	if got, ok, err := db.LastFetch(ctx, "x", f.URL); !ok || err != nil || got.ETag != f.ETag {
		t.Errorf("job x's fetch = %+v, %v, %v", got, ok, err)
	}
}
