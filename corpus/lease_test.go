package corpus

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
)

func TestLease(t *testing.T) { forEachBackend(t, testLease) }

func testLease(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	var items []crawl.Queued
	for i := range 5 {
		items = append(items, crawl.Queued{URL: fmt.Sprintf("https://a/%d", i), Kind: "page"})
	}
	if err := db.Enqueue(ctx, "news", items); err != nil {
		t.Fatal(err)
	}
	urls := func(qs []crawl.Queued) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.URL)
		}
		return out
	}
	lease := func(owner string, n int, ttl time.Duration) []string {
		t.Helper()
		got, err := db.Lease(ctx, "news", owner, n, ttl)
		if err != nil {
			t.Fatal(err)
		}
		return urls(got)
	}
	eq := func(what string, got []string, want ...string) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v; want %v", what, got, want)
		}
	}
	// Leases go oldest first; a live lease keeps a URL from others and
	// from its own holder, who has it already.
	eq("lease by w1", lease("w1", 2, time.Minute), "https://a/0", "https://a/1")
	eq("lease by w2", lease("w2", 2, time.Minute), "https://a/2", "https://a/3")
	eq("lease by w1 again", lease("w1", 5, time.Minute), "https://a/4")
	eq("lease with none left", lease("w3", 5, time.Minute))

	// Done settles a leased URL; giving leases up frees the others.
	if err := db.Done(ctx, "news", crawl.Fetch{URL: "https://a/0", Status: 200}); err != nil {
		t.Fatal(err)
	}
	if err := db.Renew(ctx, "news", "w1", 0); err != nil {
		t.Fatal(err)
	}
	eq("lease after w1 gave up", lease("w3", 5, time.Minute), "https://a/1", "https://a/4")

	// A lease that runs out (its worker died) goes to another worker; a
	// renewed one does not.
	if err := db.Renew(ctx, "news", "w3", time.Hour); err != nil {
		t.Fatal(err)
	}
	eq("w2's URLs before expiry", lease("w4", 5, 0))
	if _, err := db.write.ExecContext(ctx, "UPDATE frontier SET lease_until = 1 WHERE lease_owner = 'w2'"); err != nil {
		t.Fatal(err)
	}
	eq("w2's URLs after expiry", lease("w4", 5, time.Minute), "https://a/2", "https://a/3")
	if n, err := db.Count(ctx, "news"); n != 4 || err != nil {
		t.Errorf("Count = %d, %v; want 4 (leased URLs stay queued)", n, err)
	}
}

func TestLeaseConcurrent(t *testing.T) { forEachBackend(t, testLeaseConcurrent) }

// testLeaseConcurrent leases a frontier from eight workers at once: each
// URL goes to exactly one.
func testLeaseConcurrent(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	var items []crawl.Queued
	for i := range 400 {
		items = append(items, crawl.Queued{URL: fmt.Sprintf("https://a/%03d", i)})
	}
	if err := db.Enqueue(ctx, "news", items); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	got := map[string]string{}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			owner := fmt.Sprintf("w%d", w)
			for {
				qs, err := db.Lease(ctx, "news", owner, 7, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if len(qs) == 0 {
					return
				}
				mu.Lock()
				for _, q := range qs {
					if prev, ok := got[q.URL]; ok {
						t.Errorf("%s leased by %s and %s", q.URL, prev, owner)
					}
					got[q.URL] = owner
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(got) != len(items) {
		t.Errorf("%d URLs leased; want %d", len(got), len(items))
	}
}

func TestClaim(t *testing.T) { forEachBackend(t, testClaim) }

// testClaim claims one slot from many goroutines at once for a while:
// the claims granted are at least the interval apart.
func testClaim(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	if wait, _, err := db.Claim(ctx, "host a", time.Hour); wait != 0 || err != nil {
		t.Fatalf("first claim = %v, %v; want 0, nil", wait, err)
	}
	if wait, _, err := db.Claim(ctx, "host a", time.Hour); wait < 59*time.Minute || err != nil {
		t.Errorf("second claim = %v, %v; want about an hour to wait", wait, err)
	}
	if wait, _, err := db.Claim(ctx, "host b", time.Hour); wait != 0 || err != nil {
		t.Errorf("another slot's claim = %v, %v; want 0, nil", wait, err)
	}

	const interval = 20 * time.Millisecond
	var mu sync.Mutex
	var granted []time.Time
	deadline := time.Now().Add(300 * time.Millisecond)
	var wg sync.WaitGroup
	for range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				wait, _, err := db.Claim(ctx, "host c", interval)
				if err != nil {
					t.Error(err)
					return
				}
				if wait == 0 {
					mu.Lock()
					granted = append(granted, time.Now())
					mu.Unlock()
					continue
				}
				time.Sleep(min(wait, 5*time.Millisecond))
			}
		}()
	}
	wg.Wait()
	sort.Slice(granted, func(i, j int) bool { return granted[i].Before(granted[j]) })
	// SQLite's clock counts milliseconds; times taken after the claim
	// returns may come late by a little each.
	if len(granted) < 2 || len(granted) > int(300*time.Millisecond/interval)+2 {
		t.Errorf("%d claims granted in 300 ms at %v apart", len(granted), interval)
	}
}

func TestRelease(t *testing.T) { forEachBackend(t, testRelease) }

// testRelease claims, extends and releases a slot from several workers in
// turn, some of them stalled past their claim's interval: a release or
// an extension acts on the claim it was made for and no later one, so
// that a slot is never held by two at once.
func testRelease(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	// A step is a worker's claim, extension or release of the slot, or
	// "expire": the slot's claim runs out, as if its interval had passed.
	type step struct {
		worker, do string
		ok         bool // a claim is granted, an extension finds the claim held
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"released in time", []step{
			{"w1", "claim", true}, {"w2", "claim", false},
			{"w1", "release", true}, {"w2", "claim", true},
		}},
		{"released after running out, claimed by another since", []step{
			{"w1", "claim", true}, {"", "expire", true}, {"w2", "claim", true},
			{"w1", "release", true}, {"w3", "claim", false},
			{"w2", "release", true}, {"w3", "claim", true},
		}},
		{"released after running out, not claimed since", []step{
			{"w1", "claim", true}, {"", "expire", true},
			{"w1", "release", true}, {"w2", "claim", true},
		}},
		{"released twice", []step{
			{"w1", "claim", true}, {"w1", "release", true}, {"w2", "claim", true},
			{"w1", "release", true}, {"w3", "claim", false},
		}},
		{"extended in time", []step{
			{"w1", "claim", true}, {"w1", "extend", true}, {"w2", "claim", false},
			{"w1", "release", true}, {"w2", "claim", true},
		}},
		{"extended after running out, not claimed since", []step{
			{"w1", "claim", true}, {"", "expire", true},
			{"w1", "extend", true}, {"w2", "claim", false},
		}},
		{"extended after running out, claimed by another since", []step{
			{"w1", "claim", true}, {"", "expire", true}, {"w2", "claim", true},
			{"w1", "extend", false}, {"w3", "claim", false},
			{"w2", "release", true}, {"w3", "claim", true},
		}},
		{"extended after its release", []step{
			{"w1", "claim", true}, {"w1", "release", true}, {"w2", "claim", true},
			{"w2", "release", true}, {"w1", "extend", false}, {"w3", "claim", true},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := map[string]int64{}
			for i, s := range tt.steps {
				switch s.do {
				case "claim":
					wait, claim, err := db.Claim(ctx, tt.name, time.Hour)
					if err != nil {
						t.Fatal(err)
					}
					if got := wait == 0; got != s.ok {
						t.Fatalf("step %d: %s's claim waits %v; want granted = %v", i, s.worker, wait, s.ok)
					}
					if !s.ok && wait < 59*time.Minute {
						t.Errorf("step %d: %s's claim waits %v; want about an hour", i, s.worker, wait)
					}
					if s.ok {
						claims[s.worker] = claim
					}
				case "extend":
					held, err := db.Extend(ctx, tt.name, claims[s.worker], time.Hour)
					if err != nil {
						t.Fatal(err)
					}
					if held != s.ok {
						t.Fatalf("step %d: %s's extension finds its claim held = %v; want %v", i, s.worker, held, s.ok)
					}
				case "release":
					if err := db.Release(ctx, tt.name, claims[s.worker]); err != nil {
						t.Fatal(err)
					}
				case "expire":
					if _, err := db.write.ExecContext(ctx, "UPDATE slots SET next_at = 1 WHERE name = ?", tt.name); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}
