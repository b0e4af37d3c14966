package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRunAfterCrawlStoresArticles: crawl stores pages alone; run on the
// same corpus and job then stores their articles, though the pages are
// unchanged and fresh, and a second run leaves them alone.
func TestRunAfterCrawlStoresArticles(t *testing.T) {
	srv := newStorySite(t, 100, 12<<10, 30<<10, 60<<10)
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
