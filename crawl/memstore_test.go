package crawl

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"
)

func TestMemoryStoreLock(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }

	if err := s.Lock(ctx, "job", "a", time.Minute); err != nil {
		t.Fatalf("first Lock: %v", err)
	}
	if err := s.Lock(ctx, "job", "a", time.Minute); err != nil {
		t.Fatalf("refresh by holder: %v", err)
	}
	if err := s.Lock(ctx, "job", "b", time.Minute); !errors.Is(err, ErrJobLocked) {
		t.Fatalf("Lock by other owner = %v, want ErrJobLocked", err)
	}
	if err := s.Lock(ctx, "other", "b", time.Minute); err != nil {
		t.Fatalf("Lock of another job: %v", err)
	}
	now = now.Add(2 * time.Minute) // a's lock is now stale
	if err := s.Lock(ctx, "job", "b", time.Minute); err != nil {
		t.Fatalf("taking over a stale lock: %v", err)
	}
	if err := s.Unlock(ctx, "job", "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock(ctx, "job", "c", time.Minute); !errors.Is(err, ErrJobLocked) {
		t.Fatalf("Unlock by a non-holder released the lock: %v", err)
	}
	if err := s.Unlock(ctx, "job", "b"); err != nil {
		t.Fatal(err)
	}
	if err := s.Lock(ctx, "job", "c", time.Minute); err != nil {
		t.Fatalf("Lock after Unlock: %v", err)
	}
}

func TestMemoryStoreFrontier(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	q := func(u string) Queued { return Queued{URL: u, Depth: 1, Kind: KindPage} }
	if err := s.Enqueue(ctx, "j", []Queued{q("a"), q("b"), q("c")}); err != nil {
		t.Fatal(err)
	}
	// Already queued URLs are left as they are.
	if err := s.Enqueue(ctx, "j", []Queued{{URL: "a", Depth: 5}, q("d")}); err != nil {
		t.Fatal(err)
	}
	if err := s.Enqueue(ctx, "other", []Queued{q("x")}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Pending(ctx, "j", 10)
	want := []Queued{q("a"), q("b"), q("c"), q("d")}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Pending = %v, want %v", got, want)
	}
	if got, _ := s.Pending(ctx, "j", 2); len(got) != 2 || got[0].URL != "a" {
		t.Fatalf("Pending(2) = %v", got)
	}
	if err := s.Done(ctx, "j", Fetch{URL: "b", Status: 200, Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, "j"); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
	got, _ = s.Pending(ctx, "j", 10)
	if urls := queuedURLs(got); !reflect.DeepEqual(urls, []string{"a", "c", "d"}) {
		t.Errorf("Pending after Done = %v", urls)
	}
	f, ok, _ := s.LastFetch(ctx, "j", "b")
	if !ok || f.Status != 200 || f.Hash != "h" || f.Fetched.IsZero() {
		t.Errorf("LastFetch(b) = %+v, %v", f, ok)
	}
	if got, err := s.LastFetches(ctx, "j", []string{"a", "b"}); err != nil || len(got) != 1 || got["b"] != f {
		t.Errorf("LastFetches(a, b) = %+v, %v; want b's only", got, err)
	}
	if got, _ := s.LastFetches(ctx, "other", []string{"b"}); len(got) != 0 {
		t.Errorf("another job's LastFetches(b) = %+v", got)
	}
	// A URL done can be queued again (a later run's seed).
	if err := s.Enqueue(ctx, "j", []Queued{q("b")}); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Pending(ctx, "j", 10)
	if urls := queuedURLs(got); !reflect.DeepEqual(urls, []string{"a", "c", "d", "b"}) {
		t.Errorf("Pending after requeue = %v", urls)
	}
	if err := s.Enqueue(ctx, "j", []Queued{{}}); err == nil {
		t.Error("Enqueue of an empty URL succeeded")
	}
}

func TestMemoryStoreCompacts(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	for i := range 5000 {
		u := fmt.Sprintf("u%d", i)
		if err := s.Enqueue(ctx, "j", []Queued{{URL: u}}); err != nil {
			t.Fatal(err)
		}
		if i >= 10 {
			if err := s.Done(ctx, "j", Fetch{URL: fmt.Sprintf("u%d", i-10)}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := len(s.queues["j"].items); n > 2048 {
		t.Errorf("frontier keeps %d entries for 10 live ones", n)
	}
	got, _ := s.Pending(ctx, "j", 100)
	if len(got) != 10 || got[0].URL != "u4990" {
		t.Errorf("Pending = %v", queuedURLs(got))
	}
}

func TestMemoryStoreRuns(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	id1, _ := s.StartRun(ctx, "j", "o")
	idOther, _ := s.StartRun(ctx, "k", "o")
	id2, _ := s.StartRun(ctx, "j", "o")
	if err := s.FinishRun(ctx, id1, RunStats{Fetched: 3, Failures: map[string]int{"timeout": 1}}); err != nil {
		t.Fatal(err)
	}
	if err := s.FinishRun(ctx, 99, RunStats{}); err == nil {
		t.Error("FinishRun of an unknown run succeeded")
	}
	runs, _ := s.Runs(ctx, "j", 10)
	if len(runs) != 2 || runs[0].ID != id2 || runs[1].ID != id1 {
		t.Fatalf("Runs = %+v, want runs %d then %d", runs, id2, id1)
	}
	if !runs[0].Finished.IsZero() {
		t.Error("unfinished run has a finish time")
	}
	if runs[1].Finished.IsZero() || runs[1].Stats.Fetched != 3 || runs[1].Stats.Failures["timeout"] != 1 {
		t.Errorf("finished run = %+v", runs[1])
	}
	if runs, _ := s.Runs(ctx, "j", 1); len(runs) != 1 || runs[0].ID != id2 {
		t.Errorf("Runs(n=1) = %+v", runs)
	}
	_ = idOther
}

func queuedURLs(qs []Queued) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.URL)
	}
	return out
}
