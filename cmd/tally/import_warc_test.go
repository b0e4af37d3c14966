package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// crawlWARC runs the main job on a story site of pages of the given sizes
// with --warc and returns the WARC file and the site's URL.
func crawlWARC(t *testing.T, dir, name string, seed uint64, sizes ...int) (string, string) {
	t.Helper()
	srv := newStorySite(t, seed, sizes...)
	warc := filepath.Join(dir, name)
	db := filepath.Join(dir, name+".db")
	if out, stderr, err := runCLI(t, "", "run", "--db", db, "--allow-private", "--delay", "0", "--warc", warc, srv.URL+"/"); err != nil {
		t.Fatalf("run: %v\n%s%s", err, out, stderr)
	}
	return warc, srv.URL
}

// TestImportCountsWARCSkipsAndGoesPastBadWARCs imports a folder of three
// WARC files: one holding a response over --max-body, one cut short inside
// its last response (its one story, linked from its front page), and a
// good one after them. The good file and the
// complete records of the others are stored, each bad file is reported,
// and the summary counts the records skipped by reason.
func TestImportCountsWARCSkipsAndGoesPastBadWARCs(t *testing.T) {
	dir := t.TempDir()
	archives := filepath.Join(dir, "warcs")
	if err := os.Mkdir(archives, 0o755); err != nil {
		t.Fatal(err)
	}
	_, bigSite := crawlWARC(t, archives, "a-big.warc", 10, 12<<10, 90<<10)
	cut, cutSite := crawlWARC(t, archives, "b-cut.warc", 20, 30<<10)
	_, goodSite := crawlWARC(t, archives, "c-good.warc", 30, 12<<10, 14<<10)

	data, err := os.ReadFile(cut)
	if err != nil {
		t.Fatal(err)
	}
	last := bytes.LastIndex(data, []byte("WARC-Type: response"))
	if last < 0 {
		t.Fatal("no response record in the WARC file")
	}
	if err := os.WriteFile(cut, data[:last+2000], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a-big.warc.db", "b-cut.warc.db", "c-good.warc.db"} {
		os.Remove(filepath.Join(archives, f))
	}

	db := filepath.Join(dir, "import.db")
	out, stderr, err := runCLI(t, "", "import", "--db", db, "--max-body", "50000", archives)
	if err == nil || !strings.Contains(err.Error(), "2 failed") {
		t.Errorf("import error = %v, want one counting 2 failed files", err)
	}
	for _, want := range []string{"a-big.warc: 1 responses larger than the body limit skipped", "b-cut.warc: WARC record at byte", "truncated"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not report %q:\n%s", want, stderr)
		}
	}
	// Each crawl wrote a request record beside each of its responses and
	// fetched robots.txt (a 404) besides its pages.
	summary := regexp.MustCompile(`^imported \d+ pages \(0 already stored, 0 duplicates, 2 failed\) in \S+; (\d+) WARC records skipped \((.*)\)\n`)
	m := summary.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("summary %q does not count the skipped WARC records", out)
	}
	if !strings.Contains(m[2], "too-large 1") || !strings.Contains(m[2], "not-response ") {
		t.Errorf("skipped %q, want too-large 1 and the request records as not-response", m[2])
	}

	got := articleTexts(t, db)
	for _, url := range []string{
		bigSite + "/news/story-0.html",
		goodSite + "/news/story-0.html", goodSite + "/news/story-1.html",
	} {
		if _, ok := got[url]; !ok {
			t.Errorf("%s was not imported; imported: %v", url, keys(got))
		}
	}
	for _, url := range []string{bigSite + "/news/story-1.html", cutSite + "/news/story-0.html"} {
		if _, ok := got[url]; ok {
			t.Errorf("%s was imported, want it skipped", url)
		}
	}
}
