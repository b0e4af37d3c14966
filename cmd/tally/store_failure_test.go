package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
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
	mux := http.NewServeMux()
	var index strings.Builder
	for i := range 3 {
		path := fmt.Sprintf("/news/item-%d.html", i)
		body := storyPage(uint64(200+i), 15<<10)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		})
		fmt.Fprintf(&index, `<a href="%s">item</a> `, path)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body>%s</body></html>", index.String())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
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
	if _, err := raw.Exec(`CREATE TRIGGER refuse_item_1 BEFORE INSERT ON pages WHEN NEW.url LIKE '%/item-1.html'
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

	if _, err := raw.Exec("DROP TRIGGER refuse_item_1"); err != nil {
		t.Fatal(err)
	}
	if out, stderr, err := runCLI(t, "", args...); err != nil {
		t.Fatalf("second run: %v\n%s%s", err, out, stderr)
	}
	if n := len(articleTexts(t, path)); n != 3 {
		t.Errorf("after the second run %d articles, want 3", n)
	}
}
