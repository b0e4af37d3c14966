package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
)

func TestSamePathPatterns(t *testing.T) {
	pats, err := samePathPatterns([]string{"https://www.Example.org/world/", "http://example.net:8080/news/today.html", "https://example.com"})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]bool{
		"https://www.example.org/world/a.html":      true,
		"https://example.org/world/b/c.html":        true,
		"http://example.org/world/":                 true,
		"https://example.org/worldwide/a.html":      false,
		"https://example.org/politics/a.html":       false,
		"http://example.net:8080/news/other.htm":    true,
		"http://example.net/news/other.htm":         false,
		"https://example.com/anything":              true,
		"https://evil.example/https://example.com/": false,
	}
	for u, want := range tests {
		got := false
		for _, p := range pats {
			if regexp.MustCompile(p).MatchString(u) {
				got = true
			}
		}
		if got != want {
			t.Errorf("%s: followed %v, want %v (patterns %q)", u, got, want, pats)
		}
	}
}

// storedPages returns the URLs of the pages a corpus holds.
func storedPages(t *testing.T, path string) []string {
	t.Helper()
	db, err := corpus.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var buf bytes.Buffer
	if err := db.Export(context.Background(), &buf, corpus.ExportOptions{What: "pages", Format: "jsonl", Duplicates: true}); err != nil {
		t.Fatal(err)
	}
	var urls []string
	dec := json.NewDecoder(&buf)
	for dec.More() {
		var row corpus.PageRow
		if err := dec.Decode(&row); err != nil {
			t.Fatal(err)
		}
		urls = append(urls, row.URL)
	}
	return urls
}

// TestCrawlScope runs the main job on the bundled site with each scope
// flag and checks what was stored.
func TestCrawlScope(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	all := len(storedPages(t, siteCorpus(t)))
	tests := []struct {
		name  string
		flags []string
		seed  string
		check func(t *testing.T, urls []string)
	}{
		{"max pages", []string{"--max-pages", "2", "--parallel", "1"}, "/", func(t *testing.T, urls []string) {
			// The page in flight when the limit is reached is stored too.
			if len(urls) < 2 || len(urls) > 3 || len(urls) >= all {
				t.Errorf("%d pages stored (the whole site has %d), want 2 or 3: %q", len(urls), all, urls)
			}
		}},
		{"max time", []string{"--max-time", "400ms", "--delay", "300ms"}, "/", func(t *testing.T, urls []string) {
			if len(urls) >= all {
				t.Errorf("%d pages stored in 400 ms at one page per 300 ms, the whole site (%d)", len(urls), all)
			}
		}},
		{"same path", []string{"--same-path"}, "/world/", func(t *testing.T, urls []string) {
			if len(urls) < 2 {
				t.Errorf("%d pages stored: %q", len(urls), urls)
			}
			for _, u := range urls {
				if !strings.HasPrefix(u, srv.URL+"/world/") {
					t.Errorf("stored %s, outside /world/", u)
				}
			}
		}},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), fmt.Sprint(i, ".db"))
			args := append([]string{"run", "--db", db, "--allow-private", "--delay", "1ms", "--depth", "3", srv.URL + tt.seed}, tt.flags...)
			out, stderr, err := runCLI(t, "", args...)
			if err != nil {
				t.Fatalf("%v\n%s\n%s", err, out, stderr)
			}
			tt.check(t, storedPages(t, db))
		})
	}
	_, _, err := runCLI(t, "", "run", "--same-path", "--allow", "x", srv.URL+"/")
	if want := "give --same-path or --allow, not both"; err == nil || !strings.Contains(err.Error(), want) || reflect.TypeOf(err) != reflect.TypeOf(&usageError{}) {
		t.Errorf("--same-path with --allow: %v", err)
	}
}
