package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/tally-news/tally/crawl"
)

// writeBatches saves batches of docs with ids from first on, as a crawl
// would, until stop is closed or n batches are saved, and reports the
// first error.
func writeBatches(ctx context.Context, db *DB, first, n, size int, stop <-chan struct{}) error {
	for b := range n {
		select {
		case <-stop:
			return nil
		default:
		}
		docs := make([]Doc, size)
		for i := range docs {
			docs[i] = testDoc(first+b*size+i, "wire.example")
		}
		if _, err := db.SaveAll(ctx, docs); err != nil {
			return err
		}
		if err := db.Done(ctx, "job", crawl.Fetch{URL: docs[0].Page.URL, Status: 200}); err != nil {
			return err
		}
	}
	return nil
}

func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := mustOpenPath(t, filepath.Join(dir, "tally.db"))
	if err := writeBatches(ctx, db, 0, 5, 10, nil); err != nil {
		t.Fatal(err)
	}
	// Another handle on the file stands for the crawl's process.
	crawler := mustOpenPath(t, db.Path())
	stop := make(chan struct{})
	errc := make(chan error, 1)
	go func() { errc <- writeBatches(ctx, crawler, 1000, 1000, 10, stop) }()

	backup := filepath.Join(dir, "backup.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	close(stop)
	if err := <-errc; err != nil {
		t.Fatalf("the writer failed: %v", err)
	}

	copyDB := mustOpenPath(t, backup)
	var check string
	if err := copyDB.read.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check of the backup: %q, %v", check, err)
	}
	s, err := copyDB.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Batches are transactions: the copy holds whole batches only.
	if s.Pages < 50 || s.Pages%10 != 0 || s.Articles != s.Pages || s.Records != s.Pages || s.Facts["votes"] != s.Pages {
		t.Errorf("backup is not a consistent snapshot: %+v", s)
	}
	// The copy is a corpus of its own.
	if _, err := copyDB.Save(ctx, testDoc(99999, "other.example")); err != nil {
		t.Errorf("saving into the backup: %v", err)
	}

	// An existing file is never overwritten.
	existing := filepath.Join(dir, "existing.db")
	os.WriteFile(existing, []byte("keep me"), 0o644)
	err = db.Backup(ctx, existing)
	if err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("Backup over an existing file = %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "keep me" {
		t.Error("the existing file was changed")
	}
	if err := db.Backup(ctx, filepath.Join(dir, "no", "such", "dir.db")); err == nil {
		t.Error("Backup into a missing folder succeeded")
	}
}

// TestCrawlAndExportConcurrently runs a writer saving batches while a
// reader on another handle exports again and again: neither may fail
// with a lock error, and each export must be a consistent snapshot
// (whole batches only).
func TestCrawlAndExportConcurrently(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "tally.db")
	writer := mustOpenPath(t, path)
	reader := mustOpenPath(t, path)
	const batches, size = 40, 25

	var writing atomic.Bool
	writing.Store(true)
	var wg sync.WaitGroup
	var werr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer writing.Store(false)
		werr = writeBatches(ctx, writer, 0, batches, size, nil)
	}()

	exportsDuringWrites := 0
	for round := 0; ; round++ {
		during := writing.Load()
		for _, what := range []string{"articles", "records", "votes"} {
			var buf bytes.Buffer
			if err := reader.Export(ctx, &buf, ExportOptions{What: what, Format: "jsonl"}); err != nil {
				t.Fatalf("export %s while writing: %v", what, err)
			}
			if n := bytes.Count(buf.Bytes(), []byte("\n")); n%size != 0 {
				t.Fatalf("export of %s has %d rows: not whole batches of %d", what, n, size)
			}
		}
		if _, err := reader.Search(ctx, SearchQuery{Text: "ka*"}); err != nil {
			t.Fatalf("search while writing: %v", err)
		}
		if !during {
			break
		}
		exportsDuringWrites++
	}
	wg.Wait()
	if werr != nil {
		t.Fatalf("writer: %v", werr)
	}
	t.Logf("%d export rounds ran while the writer wrote", exportsDuringWrites)
	if exportsDuringWrites == 0 {
		t.Log("the writer finished before the first export; nothing overlapped")
	}
	if n := count(t, reader, "articles"); n != batches*size {
		t.Errorf("%d articles, want %d", n, batches*size)
	}
}

// TestTwoWritersStoreOnce has two handles on one corpus, standing for two
// workers, store the same pages at the same time, in opposite orders:
// each page, article and record is stored once, and no save fails.
func TestTwoWritersStoreOnce(t *testing.T) { forEachBackend(t, testTwoWritersStoreOnce) }

func testTwoWritersStoreOnce(t *testing.T, be backend) {
	ctx := context.Background()
	loc := be.location(t)
	dbs := []*DB{mustOpenPath(t, loc), mustOpenPath(t, loc)}
	const n = 60
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	for w, db := range dbs {
		for g := range 2 { // two goroutines a handle, so saves are grouped
			wg.Add(1)
			go func() {
				defer wg.Done()
				saveEach(ctx, db, 0, n, w == 1, 2, g, errs)
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	wantStoredOnce(t, dbs[0], n)
}

// saveEach saves the test docs from+k, for k from 0 to n-1 (from n-1
// down when reversed) and k%groups == g, one at a time, sending errors to
// errs.
func saveEach(ctx context.Context, db *DB, from, n int, reversed bool, groups, g int, errs chan<- error) {
	for j := range n {
		k := j
		if reversed {
			k = n - 1 - j
		}
		if k%groups != g {
			continue
		}
		if _, err := db.Save(ctx, testDoc(from+k, "wire.example")); err != nil {
			errs <- err
		}
	}
}

// wantStoredOnce checks that db holds n pages, articles, records and
// votes: each test doc stored once.
func wantStoredOnce(t *testing.T, db *DB, n int) {
	t.Helper()
	for _, table := range []string{"pages", "articles", "records", "votes"} {
		if got := count(t, db, table); got != n {
			t.Errorf("%d %s, want %d", got, table, n)
		}
	}
}

// TestOverlappingSavesRetried has two handles, standing for two workers,
// save overlapping groups of pages at once, in opposite orders, many
// times: each group is a transaction, so on PostgreSQL the two take the
// same keys' locks in opposite orders and deadlock, and the one
// PostgreSQL aborts is run again. No save fails, and each page, article
// and record is stored once.
func TestOverlappingSavesRetried(t *testing.T) { forEachBackend(t, testOverlappingSavesRetried) }

func testOverlappingSavesRetried(t *testing.T, be backend) {
	ctx := context.Background()
	loc := be.location(t)
	dbs := []*DB{mustOpenPath(t, loc), mustOpenPath(t, loc)}
	const rounds, size = 2, 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	for w, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				docs := make([]Doc, size)
				for i := range docs {
					k := i
					if w == 1 {
						k = size - 1 - i
					}
					docs[i] = testDoc(r*size+k, "wire.example")
				}
				if _, err := db.SaveAll(ctx, docs); err != nil {
					errs <- err
				}
			}
		}()
	}
	// Save groups what arrives at once into one transaction too.
	for w, db := range dbs {
		for g := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				saveEach(ctx, db, rounds*size, size, w == 1, 4, g, errs)
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	wantStoredOnce(t, dbs[0], (rounds+1)*size)
}
