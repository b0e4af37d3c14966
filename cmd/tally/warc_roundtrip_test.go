package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
)

// TestWARCRoundTripKeepsArticles runs the main job on a site of pages of
// 10 to 100 KB with --warc, imports the WARC into a new corpus, and wants
// the same article texts, byte for byte.
func TestWARCRoundTripKeepsArticles(t *testing.T) {
	srv := newStorySite(t, 1, 10<<10, 25<<10, 50<<10, 100<<10)

	for _, name := range []string{"site.warc", "site.warc.gz"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			warc := filepath.Join(dir, name)
			crawled, imported := filepath.Join(dir, "run.db"), filepath.Join(dir, "import.db")
			if out, stderr, err := runCLI(t, "", "run", "--db", crawled, "--allow-private", "--delay", "0", "--warc", warc, srv.URL+"/"); err != nil {
				t.Fatalf("run: %v\n%s%s", err, out, stderr)
			}
			if out, stderr, err := runCLI(t, "", "import", "--db", imported, warc); err != nil {
				t.Fatalf("import: %v\n%s%s", err, out, stderr)
			}
			want, got := articleTexts(t, crawled), articleTexts(t, imported)
			if len(want) != 4 {
				t.Fatalf("the run stored %d articles, want the 4 reports: %v", len(want), keys(want))
			}
			for url, text := range want {
				if len(text) < 5000 {
					t.Errorf("%s: article of %d bytes, want the page's prose", url, len(text))
				}
				if got[url] != text {
					t.Errorf("%s: imported article has %d bytes, the crawled one %d", url, len(got[url]), len(text))
				}
			}
		})
	}
}

// articleTexts returns the text of each stored article of a corpus by URL.
func articleTexts(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := corpus.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var buf bytes.Buffer
	if err := db.Export(context.Background(), &buf, corpus.ExportOptions{What: "articles", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if line == "" {
			continue
		}
		var row corpus.ArticleRow
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(row.URL, "/news/") {
			out[row.URL] = row.Text
		}
	}
	return out
}
