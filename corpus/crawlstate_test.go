package corpus

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
)

func TestFrontier(t *testing.T) { forEachBackend(t, testFrontier) }

func testFrontier(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	q := func(url string, depth int, kind string) crawl.Queued {
		return crawl.Queued{URL: url, Depth: depth, Kind: kind}
	}
	if err := db.Enqueue(ctx, "news", []crawl.Queued{q("https://a/1", 0, "page"), q("https://a/feed", 0, "feed"), q("https://a/2", 1, "")}); err != nil {
		t.Fatal(err)
	}
	// Enqueuing again leaves queued URLs as they are and adds new ones at
	// the end; another job has its own frontier.
	if err := db.Enqueue(ctx, "news", []crawl.Queued{q("https://a/1", 5, "sitemap"), q("https://a/3", 2, "page")}); err != nil {
		t.Fatal(err)
	}
	if err := db.Enqueue(ctx, "other", []crawl.Queued{q("https://a/1", 0, "page")}); err != nil {
		t.Fatal(err)
	}
	want := []crawl.Queued{q("https://a/1", 0, "page"), q("https://a/feed", 0, "feed"), q("https://a/2", 1, "page"), q("https://a/3", 2, "page")}
	got, err := db.Pending(ctx, "news", 10)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Pending = %v, %v; want %v", got, err, want)
	}
	if got, _ := db.Pending(ctx, "news", 2); !reflect.DeepEqual(got, want[:2]) {
		t.Errorf("Pending(2) = %v", got)
	}
	if n, err := db.Count(ctx, "news"); n != 4 || err != nil {
		t.Errorf("Count = %d, %v", n, err)
	}

	// Done removes the URL and records its fetch.
	fetched := time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC)
	f := crawl.Fetch{URL: "https://a/1", Status: 200, ETag: `"x1"`, LastModified: "Thu, 02 Jan 2025 03:04:05 GMT", Hash: "abc", Fetched: fetched}
	if err := db.Done(ctx, "news", f); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Pending(ctx, "news", 10); !reflect.DeepEqual(got, want[1:]) {
		t.Errorf("after Done, Pending = %v", got)
	}
	if got, ok, err := db.LastFetch(ctx, "news", "https://a/1"); !ok || err != nil || got != f {
		t.Errorf("LastFetch = %+v, %v, %v; want %+v", got, ok, err, f)
	}
	failed := crawl.Fetch{URL: "https://a/1", Status: 503, Error: "http-503", Fetched: fetched.Add(time.Hour)}
	db.Done(ctx, "news", failed)
	if got, _, _ := db.LastFetch(ctx, "news", "https://a/1"); got != failed {
		t.Errorf("LastFetch after a failure = %+v", got)
	}
	if _, ok, err := db.LastFetch(ctx, "news", "https://a/never"); ok || err != nil {
		t.Errorf("LastFetch of an unknown URL: %v, %v", ok, err)
	}
	if got, _ := db.Pending(ctx, "other", 10); len(got) != 1 {
		t.Errorf("the other job's frontier changed: %v", got)
	}

	// LastFetches looks up many URLs at once, more than one statement
	// takes: the last fetch of each, none for a URL never fetched or
	// fetched by another job only.
	other := crawl.Fetch{URL: "https://a/2", Status: 200, Hash: "other", Fetched: fetched}
	if err := db.Done(ctx, "other", other); err != nil {
		t.Fatal(err)
	}
	urls := []string{"https://a/1", "https://a/never", "https://a/2"}
	wantLast := map[string]crawl.Fetch{"https://a/1": failed}
	for i := range idChunk + 10 {
		u := fmt.Sprintf("https://b/%d", i)
		urls = append(urls, u)
		if i%7 == 0 {
			f := crawl.Fetch{URL: u, Status: 200, Hash: fmt.Sprint(i), Fetched: fetched}
			if err := db.Done(ctx, "news", f); err != nil {
				t.Fatal(err)
			}
			wantLast[u] = f
		}
	}
	if got, err := db.LastFetches(ctx, "news", urls); err != nil || !reflect.DeepEqual(got, wantLast) {
		t.Errorf("LastFetches = %d fetches, %v; want %d", len(got), err, len(wantLast))
	}

	// A long list is queued in its order, over several statements.
	var long []crawl.Queued
	for i := range 2*maxRowsPerInsert + 3 {
		long = append(long, q(fmt.Sprintf("https://c/%d", i), 1, "page"))
	}
	if err := db.Enqueue(ctx, "long", append(long, long[:5]...)); err != nil {
		t.Fatal(err)
	}
	if got, err := db.Pending(ctx, "long", len(long)+10); err != nil || !reflect.DeepEqual(got, long) {
		t.Errorf("Pending of a long list = %d URLs, %v; want %d in order", len(got), err, len(long))
	}
	if err := db.Enqueue(ctx, "news", []crawl.Queued{{URL: ""}}); err == nil {
		t.Error("an empty URL was queued")
	}
}

func TestFrontierConcurrent(t *testing.T) { forEachBackend(t, testFrontierConcurrent) }

func testFrontierConcurrent(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	const workers, each = 4, 50
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				url := fmt.Sprintf("https://a/%d/%d", w, i)
				// Every worker also queues URLs of the others.
				items := []crawl.Queued{{URL: url}, {URL: fmt.Sprintf("https://a/%d/%d", (w+1)%workers, i)}}
				if err := db.Enqueue(ctx, "job", items); err != nil {
					errs <- err
					return
				}
				if _, err := db.Pending(ctx, "job", 5); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	if n, _ := db.Count(ctx, "job"); n != workers*each {
		t.Fatalf("%d queued, want %d", n, workers*each)
	}
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := db.Done(ctx, "job", crawl.Fetch{URL: fmt.Sprintf("https://a/%d/%d", w, i), Status: 200}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, _ := db.Count(ctx, "job"); n != 0 {
		t.Errorf("%d left in the frontier", n)
	}
	if n := count(t, db, "fetches"); n != workers*each {
		t.Errorf("%d fetches recorded, want %d", n, workers*each)
	}
}

func TestLock(t *testing.T) { forEachBackend(t, testLock) }

func testLock(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	const hour = time.Hour
	steps := []struct {
		name    string
		do      func() error
		wantErr error
	}{
		{"A takes the lock", func() error { return db.Lock(ctx, "job", "A", hour) }, nil},
		{"B is refused", func() error { return db.Lock(ctx, "job", "B", hour) }, crawl.ErrJobLocked},
		{"A refreshes", func() error { return db.Lock(ctx, "job", "A", hour) }, nil},
		{"B takes another job", func() error { return db.Lock(ctx, "other", "B", hour) }, nil},
		{"B cannot unlock A's", func() error { return db.Unlock(ctx, "job", "B") }, nil},
		{"C is still refused", func() error { return db.Lock(ctx, "job", "C", hour) }, crawl.ErrJobLocked},
		{"C takes a stale lock", func() error { return db.Lock(ctx, "job", "C", time.Nanosecond) }, nil},
		{"A has lost it", func() error { return db.Lock(ctx, "job", "A", hour) }, crawl.ErrJobLocked},
		{"C releases", func() error { return db.Unlock(ctx, "job", "C") }, nil},
		{"A takes it again", func() error { return db.Lock(ctx, "job", "A", hour) }, nil},
	}
	for _, s := range steps {
		err := s.do()
		if !errors.Is(err, s.wantErr) || (s.wantErr == nil) != (err == nil) {
			t.Errorf("%s: error %v, want %v", s.name, err, s.wantErr)
		}
	}
}

func TestLockRace(t *testing.T) { forEachBackend(t, testLockRace) }

func testLockRace(t *testing.T, be backend) {
	ctx := context.Background()
	path := be.location(t)
	// Two corpus handles on one file stand for two processes.
	dbs := []*DB{mustOpenPath(t, path), mustOpenPath(t, path)}
	var wg sync.WaitGroup
	results := make([]error, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = dbs[i%2].Lock(ctx, "job", fmt.Sprint("owner", i), time.Hour)
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range results {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, crawl.ErrJobLocked):
			t.Errorf("unexpected error: %v", err)
		}
	}
	if won != 1 {
		t.Errorf("%d owners took the lock, want 1", won)
	}
}

func TestRuns(t *testing.T) { forEachBackend(t, testRuns) }

func testRuns(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	first, err := db.StartRun(ctx, "job", "o")
	if err != nil {
		t.Fatal(err)
	}
	stats := crawl.RunStats{Fetched: 10, NotChanged: 2, Failed: 3, Skipped: 1, Queued: 4, Failures: map[string]int{"timeout": 2, "http-503": 1}}
	if err := db.FinishRun(ctx, first, stats); err != nil {
		t.Fatal(err)
	}
	second, _ := db.StartRun(ctx, "job", "o") // killed: never finished
	db.StartRun(ctx, "other", "o")
	runs, err := db.Runs(ctx, "job", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].ID != second || runs[1].ID != first {
		t.Fatalf("Runs = %+v", runs)
	}
	if !runs[0].Finished.IsZero() || runs[1].Finished.IsZero() || runs[1].Started.IsZero() {
		t.Errorf("times: %+v", runs)
	}
	if !reflect.DeepEqual(runs[1].Stats, stats) {
		t.Errorf("stats = %+v, want %+v", runs[1].Stats, stats)
	}
	if runs, _ := db.Runs(ctx, "job", 1); len(runs) != 1 {
		t.Errorf("Runs(1) = %d runs", len(runs))
	}
	if err := db.FinishRun(ctx, 999, stats); !errors.Is(err, ErrNotFound) {
		t.Errorf("FinishRun of an unknown run = %v", err)
	}
}

// TestDoneConcurrent settles many fetches at once, one of which cannot be
// stored on PostgreSQL (a NUL byte): each other URL leaves the frontier
// with its fetch recorded, and the one that failed says so and stays
// queued.
func TestDoneConcurrent(t *testing.T) { forEachBackend(t, testDoneConcurrent) }

func testDoneConcurrent(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	const n, bad = 60, 17
	var items []crawl.Queued
	for i := range n {
		items = append(items, crawl.Queued{URL: fmt.Sprintf("https://d/%d", i), Kind: "page"})
	}
	if err := db.Enqueue(ctx, "news", items); err != nil {
		t.Fatal(err)
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := crawl.Fetch{URL: items[i].URL, Status: 200, Hash: fmt.Sprint(i), Fetched: testTime}
			if i == bad {
				f.ETag = "\"x\x00\""
			}
			errs[i] = db.Done(ctx, "news", f)
		}()
	}
	wg.Wait()
	failing := be == postgresBackend // SQLite stores a NUL byte
	for i, err := range errs {
		if (err != nil) != (failing && i == bad) {
			t.Errorf("Done of %d: %v", i, err)
		}
	}
	wantQueued := 0
	if failing {
		wantQueued = 1
	}
	if got, _ := db.Count(ctx, "news"); got != wantQueued {
		t.Errorf("%d URLs left queued, want %d", got, wantQueued)
	}
	for i, it := range items {
		f, ok, err := db.LastFetch(ctx, "news", it.URL)
		if want := !(failing && i == bad); ok != want || err != nil || ok && f.Hash != fmt.Sprint(i) {
			t.Errorf("LastFetch of %d = %+v, %v, %v", i, f, ok, err)
		}
	}
}
