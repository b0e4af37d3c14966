package main

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
)

// TestRunFailsWhenPagesCannotBeStored: a page whose save fails (here a
// trigger stands for a database locked past the busy timeout) makes the
// run fail, saying how many pages, and stays queued; the next run stores
// it.
func TestRunFailsWhenPagesCannotBeStored(t *testing.T) {
	srv := newStorySite(t, 200, 15<<10, 15<<10, 15<<10)
	path := filepath.Join(t.TempDir(), "c.db")
	db, err := corpus.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER refuse_story_1 BEFORE INSERT ON pages WHEN NEW.url LIKE '%/story-1.html'
		BEGIN SELECT RAISE(ABORT, 'database is locked'); END`); err != nil {
		t.Fatal(err)
	}

	args := []string{"run", "--db", path, "--job", "site", "--allow-private", "--delay", "0", srv.URL + "/"}
	out, _, err := runCLI(t, "", args...)
	if !errors.Is(err, crawl.ErrPagesNotHandled) || !strings.Contains(err.Error(), "1 pages") {
		t.Errorf("run = %v, want a failure counting 1 page not stored", err)
	}
	if !strings.Contains(out, "1 left queued") {
		t.Errorf("summary: %s", out)
	}
	if n := len(articleTexts(t, path)); n != 2 {
		t.Errorf("%d articles stored, want the 2 others", n)
	}

	if _, err := raw.Exec("DROP TRIGGER refuse_story_1"); err != nil {
		t.Fatal(err)
	}
	if out, stderr, err := runCLI(t, "", args...); err != nil {
		t.Fatalf("second run: %v\n%s%s", err, out, stderr)
	}
	if n := len(articleTexts(t, path)); n != 3 {
		t.Errorf("after the second run %d articles, want 3", n)
	}
}
