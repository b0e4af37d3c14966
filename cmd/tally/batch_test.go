package main

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
)

// randomBytes returns n bytes of noise, the same for the same seed.
func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestImportKeepsGoingPastBadFiles imports a folder with a binary file
// named .html, a page over --max-body and a broken WARC file among good
// pages: the good pages are stored, each bad file is reported with its
// reason, and the import fails at the end.
func TestImportKeepsGoingPastBadFiles(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeStory(t, site, "a.html")
	if err := os.WriteFile(filepath.Join(site, "world", "b.html"), randomBytes(1, 30<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	writeStory(t, site, "c.html", "Russia on Thursday vetoed", "Russia on Thursday again vetoed")
	big, err := os.ReadFile(filepath.Join(site, "world", "a.html"))
	if err != nil {
		t.Fatal(err)
	}
	big = append(big, []byte("<!-- "+strings.Repeat("padding ", 8<<10)+"-->")...)
	if err := os.WriteFile(filepath.Join(site, "world", "d.html"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(site, "e.warc"), randomBytes(2, 20<<10), 0o644); err != nil {
		t.Fatal(err)
	}
	writeStory(t, site, "f.html", "Russia on Thursday vetoed", "On Thursday Russia vetoed")
	db := filepath.Join(dir, "c.db")
	out, stderr, err := runCLI(t, "", "import", "--db", db, "--base-url", "http://news.example/", "--max-body", "40000", site)
	if err == nil || !strings.Contains(err.Error(), "3 failed") {
		t.Errorf("import error = %v, want one counting 3 failures", err)
	}
	for _, want := range []string{"b.html: not an HTML page", "d.html: 79256 bytes, larger than --max-body", "e.warc: "} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(out, "3 failed") || strings.Count(stderr, "\n") != 3 {
		t.Errorf("summary %q; stderr:\n%s", out, stderr)
	}
	s := corpusStats(t, db)
	if s.Pages != 3 {
		t.Errorf("%d pages stored, want the 3 good ones (a, c, f)", s.Pages)
	}
}

// TestResumedImportSkipsStoredPages imports a folder twice: the second
// time no page is cleaned or extracted again.
func TestResumedImportSkipsStoredPages(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	writeStory(t, site, "a.html")
	writeStory(t, site, "b.html", "Russia on Thursday vetoed", "Russia on Thursday again vetoed")
	writeStory(t, site, "c.html", "China’s representative said", "A Chinese diplomat said")
	var processed atomic.Int64
	orig := importProcess
	importProcess = func(ctx context.Context, p *pipeline, page crawl.Page) (corpus.Doc, error) {
		processed.Add(1)
		return orig(ctx, p, page)
	}
	defer func() { importProcess = orig }()
	db := filepath.Join(dir, "c.db")
	args := []string{"import", "--db", db, "--base-url", "http://news.example/", site}
	if _, stderr, err := runCLI(t, "", args...); err != nil || processed.Load() != 3 {
		t.Fatalf("first import: %v, %d pages processed\n%s", err, processed.Load(), stderr)
	}
	processed.Store(0)
	out, _, err := runCLI(t, "", args...)
	if err != nil || !strings.Contains(out, "3 already stored") {
		t.Errorf("second import: %v %s", err, out)
	}
	if n := processed.Load(); n != 0 {
		t.Errorf("the second import cleaned and extracted %d stored pages again", n)
	}
}

func TestImportOfEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.MkdirAll(filepath.Join(empty, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(empty, "sub", "notes.txt"), []byte("not a page"), 0o644)
	db := filepath.Join(dir, "c.db")
	_, _, err := runCLI(t, "", "import", "--db", db, empty)
	if err == nil || !strings.Contains(err.Error(), "no HTML") {
		t.Errorf("import of a folder without pages: %v, want an error saying none was found", err)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the import of nothing created a corpus")
	}
}

// TestExtractKeepsGoingPastBadFiles extracts several files, one missing
// and one binary: the good ones are printed, the bad ones reported.
func TestExtractKeepsGoingPastBadFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	os.WriteFile(good, []byte("The UN General Assembly adopted a resolution by 120 votes to 8, with 45 abstentions."), 0o644)
	bin := filepath.Join(dir, "b.txt")
	os.WriteFile(bin, randomBytes(3, 20<<10), 0o644)
	good2 := filepath.Join(dir, "c.txt")
	os.WriteFile(good2, []byte("MPs backed the bill by 300 votes to 200."), 0o644)
	out, stderr, err := runCLI(t, "", "extract", "--format", "jsonl", good, filepath.Join(dir, "missing.txt"), bin, good2)
	if err == nil || !strings.Contains(err.Error(), "2 failed") {
		t.Errorf("error = %v, want one counting 2 failures", err)
	}
	if n := strings.Count(out, "\n"); n != 2 || !strings.Contains(out, "a.txt") || !strings.Contains(out, "c.txt") {
		t.Errorf("want the records of a.txt and c.txt, got:\n%s", out)
	}
	for _, want := range []string{"missing.txt: no such file", "b.txt: not UTF-8 text"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
}

// TestReextractKeepsGoingPastBadPages re-extracts a corpus whose first
// page cannot be cleaned: the others are still done.
func TestReextractKeepsGoingPastBadPages(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	c, err := corpus.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Save(ctx, corpus.Doc{Page: crawl.Page{URL: "http://news.example/bad", Status: 200, Body: randomBytes(4, 30<<10)}}); err != nil {
		t.Fatal(err)
	}
	c.Close()
	site := filepath.Join(dir, "site")
	for i, edit := range []string{"13 votes", "12 votes", "11 votes", "10 votes", "9 votes"} {
		writeStory(t, site, string(rune('a'+i))+".html", "13 votes", edit)
	}
	if _, stderr, err := runCLI(t, "", "import", "--db", db, "--base-url", "http://news.example/", site); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	out, stderr, err := runCLI(t, "", "reextract", "--db", db, "--all")
	if err == nil || !strings.Contains(err.Error(), "1 failed") {
		t.Errorf("error = %v, want one counting 1 failure", err)
	}
	if !strings.HasPrefix(out, "reextracted 5 pages") || !strings.Contains(stderr, "page 1: ") {
		t.Errorf("want the 5 good pages redone and page 1 reported:\n%s\n%s", out, stderr)
	}
}

// corpusStats opens the corpus at db read-only and returns its stats.
func corpusStats(t *testing.T, db string) corpus.Stats {
	t.Helper()
	c, err := corpus.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}
