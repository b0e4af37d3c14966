package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunAfterCrawlStoresArticles: crawl stores pages alone; run on the
// same corpus and job then stores their articles, though the pages are
// unchanged and fresh, and a second run leaves them alone.
func TestRunAfterCrawlStoresArticles(t *testing.T) {
	mux := http.NewServeMux()
	var index strings.Builder
	for i, size := range []int{12 << 10, 30 << 10, 60 << 10} {
		path := fmt.Sprintf("/news/story-%d.html", i)
		body := storyPage(uint64(100+i), size)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("ETag", fmt.Sprintf(`"v%d"`, i))
			if r.Header.Get("If-None-Match") == fmt.Sprintf(`"v%d"`, i) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write([]byte(body))
		})
		fmt.Fprintf(&index, `<a href="%s">story</a> `, path)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body>%s</body></html>", index.String())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "c.db")
	args := []string{"--db", db, "--job", "site", "--allow-private", "--delay", "0", srv.URL + "/"}
	if out, stderr, err := runCLI(t, "", append([]string{"crawl"}, args...)...); err != nil {
		t.Fatalf("crawl: %v\n%s%s", err, out, stderr)
	}
	if n := len(articleTexts(t, db)); n != 0 {
		t.Fatalf("crawl stored %d articles", n)
	}
	if out, stderr, err := runCLI(t, "", append([]string{"run"}, args...)...); err != nil {
		t.Fatalf("run: %v\n%s%s", err, out, stderr)
	}
	texts := articleTexts(t, db)
	if len(texts) != 3 {
		t.Fatalf("run after crawl stored %d articles, want the 3 stories: %v", len(texts), keys(texts))
	}
	for url, text := range texts {
		if len(text) < 5000 {
			t.Errorf("%s: article of %d bytes", url, len(text))
		}
	}
	out, _, err := runCLI(t, "", append([]string{"run"}, args...)...)
	if err != nil || !strings.Contains(out, "0 fetched") {
		t.Errorf("second run handed pages over again: %s %v", out, err)
	}
}
