package corpus

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract/clean"
)

// fts5Fixture is a corpus of searchCorpus's articles made by a build with
// FTS5; go test -tags sqlite_fts5 -run TestFTS5CorpusWithoutFTS5 -update
// writes it again.
var fts5Fixture = filepath.Join("testdata", "fts5-corpus.db")

// TestFTS5CorpusWithoutFTS5 opens a corpus whose search index is FTS5 as a
// build without FTS5 does: the index becomes FTS4, searches find what
// they found, and new articles are indexed.
func TestFTS5CorpusWithoutFTS5(t *testing.T) {
	ctx := context.Background()
	t.Cleanup(func() { preferFTS4 = false })
	path := filepath.Join(t.TempDir(), "old.db")
	preferFTS4 = false
	var want [][]string
	queries := []string{"resolution", `"security council"`, "budget -veto"}
	search := func(db *DB) [][]string {
		t.Helper()
		var all [][]string
		for _, q := range queries {
			hits, err := db.Search(ctx, SearchQuery{Text: q})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, h := range hits {
				titles = append(titles, h.Title)
			}
			all = append(all, titles)
		}
		return all
	}
	if fts5, _ := haveFTS5(ctx, MustOpenDB(t).read); fts5 {
		db := searchCorpus(t, sqliteBackend)
		want = search(db)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(db.Path())
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(fts5Fixture, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		b, err := os.ReadFile(fts5Fixture)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		want = [][]string{
			{"Resolution on climate", "Assembly demands withdrawal", "Security Council deadlocked", "Parliament passes budget"},
			{"Security Council deadlocked"},
			{"Parliament passes budget"},
		}
	}
	raw, err := sql.Open(driverName, dsn(path, true, false))
	if err != nil {
		t.Fatal(err)
	}
	engine, err := indexEngine(ctx, raw)
	raw.Close()
	if engine != "fts5" || err != nil {
		t.Fatalf("fixture index %q, %v; want fts5", engine, err)
	}

	preferFTS4 = true
	db := mustOpenPath(t, path)
	if engine, err := indexEngine(ctx, db.read); engine != "fts4" || err != nil {
		t.Fatalf("index %q, %v after opening without FTS5; want fts4", engine, err)
	}
	if got := search(db); !reflect.DeepEqual(got, want) {
		t.Errorf("after rebuilding the index as FTS4, searches found\n%q\nwant\n%q", got, want)
	}
	date := time.Date(2024, 3, 9, 0, 0, 0, 0, time.UTC)
	url := "https://c.example/new"
	if _, err := db.Save(ctx, Doc{
		Page:    crawl.Page{URL: url, Status: 200, Body: []byte("x"), Fetched: date},
		Article: &clean.Article{URL: url, Title: "Budget vote delayed", Text: "The budget vote was delayed to spring.", Published: date.Format(time.RFC3339)},
	}); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, SearchQuery{Text: "budget -veto"})
	if err != nil || len(hits) != 2 {
		t.Errorf("after saving one more budget article: %d hits, %v; want 2", len(hits), err)
	}
	var check string
	if err := db.read.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q, %v", check, err)
	}
}
