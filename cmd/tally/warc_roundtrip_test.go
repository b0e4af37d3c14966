package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
)

// storyPage is a news article page of about size bytes whose prose differs
// from every other seed's, so that no two pages are near-duplicates.
func storyPage(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, seed*7919+1))
	subjects := []string{"The council", "Delegates from the coast", "The finance committee", "Observers at the border",
		"The foreign minister", "A coalition of farmers", "The regional court", "Health officials", "The port authority"}
	verbs := []string{"debated", "rejected", "postponed", "welcomed", "questioned", "approved", "amended", "criticised"}
	objects := []string{"the water-sharing plan", "a fresh budget for rural clinics", "the grain corridor", "new fishing quotas",
		"the ceasefire monitors' report", "a tariff on imported steel", "the refugee resettlement scheme", "the mining licences"}
	tails := []string{"after a long night of talks", "despite protests outside", "before the recess", "with little warning",
		"in a closed session", "at the request of the neighbours", "for the third time this year"}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report %d</title></head><body>\n", seed)
	fmt.Fprintf(&b, "<header><nav><a href=\"/\">Home</a></nav></header>\n<main><article><h1>Report %d</h1>\n", seed)
	for b.Len() < size {
		b.WriteString("<p>")
		for range 4 {
			fmt.Fprintf(&b, "%s %s %s %s, %d people said on day %d. ", pick(subjects), pick(verbs), pick(objects), pick(tails), 10+r.IntN(990), 1+r.IntN(28))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</article></main><footer><p>Copyright the Test Gazette</p></footer></body></html>\n")
	return b.String()
}

// TestWARCRoundTripKeepsArticles runs the main job on a site of pages of
// 10 to 100 KB with --warc, imports the WARC into a new corpus, and wants
// the same article texts, byte for byte.
func TestWARCRoundTripKeepsArticles(t *testing.T) {
	mux := http.NewServeMux()
	var index strings.Builder
	index.WriteString("<html><body><ul>")
	for i, size := range []int{10 << 10, 25 << 10, 50 << 10, 100 << 10} {
		path := fmt.Sprintf("/news/report-%d.html", i)
		body := storyPage(uint64(i+1), size)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		})
		fmt.Fprintf(&index, `<li><a href="%s">report %d</a></li>`, path, i)
	}
	index.WriteString("</ul></body></html>")
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(index.String()))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

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
