package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
)

// writeGeneratedSite writes the n article pages of generatedSite into dir
// as files, news/0.html and on.
func writeGeneratedSite(t *testing.T, dir string, n int) {
	t.Helper()
	site := generatedSite(n)
	if err := os.MkdirAll(filepath.Join(dir, "news"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		path := fmt.Sprintf("/news/%d.html", i)
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if err := os.WriteFile(filepath.Join(dir, path), rec.Body.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// processCounter counts how often each page is cleaned and extracted.
type processCounter struct {
	mu    sync.Mutex
	count map[string]int
}

func (c *processCounter) add(key string) {
	c.mu.Lock()
	c.count[key]++
	c.mu.Unlock()
}

// check reports keys processed other than once, and a total other than n.
func (c *processCounter) check(t *testing.T, what string, n int) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.count) != n {
		t.Errorf("%s: %d pages processed, want %d", what, len(c.count), n)
	}
	for k, v := range c.count {
		if v != 1 {
			t.Errorf("%s: %s processed %d times, want once", what, k, v)
		}
	}
}

// deadWorker joins a task as a worker that takes one batch and dies:
// its lease of one second is no longer renewed.
func deadWorker(t *testing.T, db, task string, next func(context.Context, *corpus.Task) (corpus.Batch, bool, error)) corpus.Batch {
	t.Helper()
	c, err := corpus.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	ctx, die := context.WithCancel(context.Background())
	w, err := c.JoinTask(ctx, task, 0, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	b, ok, err := next(ctx, w)
	if err != nil || !ok {
		t.Fatalf("the dead worker's batch: %v, %v", ok, err)
	}
	die()
	return b
}

// runWorkers runs tally with args in n workers at once, each a run of its
// own with its own corpus handle, as n processes would.
func runWorkers(t *testing.T, n int, args ...string) {
	t.Helper()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, stderr, err := runCLI(t, "", args...); err != nil {
				t.Errorf("worker %d: %v\n%s%s", i, err, out, stderr)
			}
		}()
	}
	wg.Wait()
}

// TestSharedImportAndReextract has workers import the same 300 pages
// into one PostgreSQL corpus at once, then re-extract them at once, each
// time after a worker took the first batch and died: every page is
// cleaned and extracted by exactly one worker, the dead worker's batch
// by one of the others once its lease ran out, and every page is stored
// once.
func TestSharedImportAndReextract(t *testing.T) {
	pg := postgresCorpus(t)
	const pages = 300
	dir := filepath.Join(t.TempDir(), "site")
	writeGeneratedSite(t, dir, pages)
	// The corpus exists before the dead worker joins.
	c, err := corpus.Open(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()

	imported := &processCounter{count: map[string]int{}}
	origImport := importProcess
	importProcess = func(ctx context.Context, p *pipeline, page crawl.Page) (corpus.Doc, error) {
		imported.add(page.URL)
		return origImport(ctx, p, page)
	}
	defer func() { importProcess = origImport }()
	task := importTaskName("import", "https://news.example/", crawl.DefaultConfig().MaxBodySize, []string{dir})
	dead := deadWorker(t, pg, task, func(ctx context.Context, w *corpus.Task) (corpus.Batch, bool, error) {
		return w.Next(ctx, func(_ context.Context, after int64) (int64, error) { return after + importBatch, nil })
	})
	if dead != (corpus.Batch{After: 0, Last: importBatch}) {
		t.Fatalf("the dead worker's batch = %+v", dead)
	}
	runWorkers(t, 3, "import", "--db", pg, "--base-url", "https://news.example/", "--lease", "1s", "--quiet", dir)
	imported.check(t, "import", pages)

	reextracted := &processCounter{count: map[string]int{}}
	origReextract := reextractProcess
	reextractProcess = func(ctx context.Context, p *pipeline, page crawl.Page, id int64) (corpus.Doc, error) {
		reextracted.add(page.URL)
		return origReextract(ctx, p, page, id)
	}
	defer func() { reextractProcess = origReextract }()
	deadWorker(t, pg, reextractTaskName(corpus.PageFilter{}, true), func(ctx context.Context, w *corpus.Task) (corpus.Batch, bool, error) {
		return w.NextPages(ctx, corpus.PageFilter{}, reextractBatch)
	})
	runWorkers(t, 3, "reextract", "--db", pg, "--all", "--lease", "1s")
	reextracted.check(t, "reextract", pages)

	s := corpusStats(t, pg)
	if s.Pages != pages || s.Articles+s.Duplicates != pages {
		t.Errorf("corpus holds %d pages, %d articles and %d duplicates; want %d pages, each an article or a duplicate",
			s.Pages, s.Articles, s.Duplicates, pages)
	}
}
