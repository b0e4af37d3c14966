package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
)

// runCLI runs tally in process and returns its output and error.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func repoPath(parts ...string) string {
	return filepath.Join(append([]string{"..", ".."}, parts...)...)
}

// TestRunEndToEnd serves the bundled site, runs the main job on it in
// process and checks what the corpus holds and how it scores.
func TestRunEndToEnd(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "e2e.db")

	out, stderr, err := runCLI(t, "", "run", "--db", db, "--allow-private", "--delay", "5ms", "--parallel", "2", "--depth", "3", srv.URL+"/")
	if err != nil {
		t.Fatalf("run: %v\n%s\n%s", err, out, stderr)
	}
	if !strings.Contains(out, "0 failed") {
		t.Errorf("summary reports failures:\n%s", out)
	}

	c, err := corpus.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var pages bytes.Buffer
	if err := c.Export(context.Background(), &pages, corpus.ExportOptions{What: "pages", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(pages.String()), "\n") {
		var row corpus.PageRow
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(row.URL, "/private/") {
			t.Errorf("%s is disallowed by robots.txt but was fetched", row.URL)
		}
	}
	var recs bytes.Buffer
	if err := c.Export(context.Background(), &recs, corpus.ExportOptions{What: "records", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	byURL := map[string]extract.Record{}
	for _, line := range strings.Split(strings.TrimSpace(recs.String()), "\n") {
		var row corpus.RecordRow
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		var rec extract.Record
		if err := json.Unmarshal(row.Record, &rec); err != nil {
			t.Fatal(err)
		}
		byURL[strings.TrimPrefix(row.URL, srv.URL)] = rec
	}
	seed, ok := byURL["/world/un-votes-ukraine-anniversary.html"]
	if !ok {
		t.Fatalf("no record for the seed article; records for %v", keys(byURL))
	}
	if len(seed.Votes) != 3 {
		t.Errorf("seed article: %d votes, want 3: %+v", len(seed.Votes), seed.Votes)
	}
	for _, code := range []string{"RUS", "UKR", "USA", "PRK", "BLR", "GBR", "FRA"} {
		if !contains(seed.Countries, code) {
			t.Errorf("seed article: country %s missing from %v", code, seed.Countries)
		}
	}
	veto, ok := byURL["/world/unsc-sudan-aid-veto.html"]
	if !ok || len(veto.Votes) == 0 || veto.Votes[0].Outcome != extract.Vetoed {
		t.Errorf("Sudan article: first vote not vetoed: %+v", veto.Votes)
	}
	// Comments below the article must not leak into its record.
	for _, code := range []string{"MEX", "ARG", "PER", "HUN"} {
		if contains(seed.Countries, code) || contains(veto.Countries, code) {
			t.Errorf("country %s leaked from boilerplate into a record", code)
		}
	}

	// The second run of the same job fetches nothing new.
	out, _, err = runCLI(t, "", "run", "--db", db, "--allow-private", "--delay", "5ms", "--depth", "3", srv.URL+"/")
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	if !strings.Contains(out, "0 fetched") && !strings.Contains(out, "not changed") {
		t.Errorf("second run summary: %s", out)
	}
}

func TestEvalScoresBundledGold(t *testing.T) {
	out, _, err := runCLI(t, "", "eval", "--json", "--gold", repoPath("testdata", "gold"))
	if err != nil {
		t.Fatal(err)
	}
	var reports []struct {
		Types map[string]struct {
			F1 *float64 `json:"f1"`
		} `json:"types"`
	}
	if err := json.Unmarshal([]byte(out), &reports); err != nil || len(reports) != 1 {
		t.Fatalf("eval --json output is not a JSON array of one report: %v\n%s", err, out)
	}
	scores := reports[0]
	overall, ok := scores.Types["overall"]
	if !ok || overall.F1 == nil {
		t.Fatalf("no overall score in %s", out)
	}
	if *overall.F1 < 0.9 {
		t.Errorf("overall F1 on testdata/gold = %.3f, want at least 0.9", *overall.F1)
	}
}

// TestEvalSets scores the sets of the set manifest as make eval does: a
// row per set, named by the set, each score followed by the set's
// first-contact score when it has one.
func TestEvalSets(t *testing.T) {
	out, _, err := runCLI(t, "", "eval", "--markdown", "--sets", repoPath("testdata", "sets", "sets.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| `site` | 3 | ", "| `vote-shapes` | 10 | ", " (0.898) |\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval --sets output lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := runCLI(t, "", "eval", "--sets", filepath.Join(t.TempDir(), "none.json")); err == nil || !strings.Contains(err.Error(), "read set manifest") {
		t.Errorf("eval --sets with no manifest: err = %v", err)
	}
}

// TestBadInput checks that each kind of bad input gives one clear error
// naming what was wrong.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badGold := filepath.Join(dir, "gold")
	os.Mkdir(badGold, 0o755)
	os.WriteFile(filepath.Join(badGold, "a.txt"), []byte("text"), 0o644)
	os.WriteFile(filepath.Join(badGold, "a.json"), []byte(`{"doc":"a","text_file":"a.txt","countries":[],"counts":[],"stances":[],"votes":[{"outcome":"maybe"}]}`), 0o644)
	readOnly := filepath.Join(dir, "ro")
	os.Mkdir(readOnly, 0o555)

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, "nope.txt: no such file"},
		{"empty article", []string{"extract", write("empty.txt", "  \n")}, "empty article"},
		{"html without --html", []string{"extract", write("page.txt", "<!DOCTYPE html><html><body>x</body></html>")}, "use --html"},
		{"malformed gold file", []string{"eval", "--gold", badGold}, "a.json: votes[0].outcome"},
		{"unwritable corpus path", []string{"run", "--db", filepath.Join(readOnly, "sub", "x.db"), "--allow-private", "http://127.0.0.1:1/"}, "x.db"},
		{"unreachable seed", []string{"run", "--db", filepath.Join(dir, "u.db"), "--allow-private", "--retries", "0", "http://127.0.0.1:1/"}, "no page could be fetched"},
		{"seed that is not a URL", []string{"run", "--db", filepath.Join(dir, "v.db"), "not a url"}, "is not an http(s) URL"},
		{"unknown subcommand", []string{"frobnicate"}, "unknown subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCLI(t, "", tt.args...)
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error spans several lines: %q", err)
			}
		})
	}
}

func TestSubcommandsHaveHelp(t *testing.T) {
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			stdout, _, err := runCLI(t, "", c.name, "-h")
			if !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("-h: err = %v", err)
			}
			if !strings.Contains(stdout, "usage: tally "+c.name) {
				t.Errorf("-h prints no usage line:\n%s", stdout)
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestGoldInitRoundTrip(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "in", "note.txt")
	os.MkdirAll(filepath.Dir(article), 0o755)
	os.WriteFile(article, []byte("The Security Council adopted the resolution with 13 votes in favour. Russia abstained."), 0o644)
	out := filepath.Join(dir, "gold")
	if _, _, err := runCLI(t, "", "gold", "init", "--out", out, article); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "", "gold", "init", "--out", out, article); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("second init: err = %v, want a refusal to overwrite", err)
	}
	text, err := os.ReadFile(filepath.Join(out, "note.txt"))
	if err != nil || !strings.Contains(string(text), "Security Council") {
		t.Fatalf("text beside the gold file: %q, %v", text, err)
	}
	res, _, err := runCLI(t, "", "eval", "--json", "--gold", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res, `"f1": 1`) {
		t.Errorf("a fresh gold file does not score 1 against its own extraction:\n%s", res)
	}
}

func TestReextractResumesByVersion(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "re.db")
	if _, _, err := runCLI(t, "", "run", "--db", db, "--allow-private", "--delay", "1ms", "--depth", "0", srv.URL+"/world/un-votes-ukraine-anniversary.html"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", "reextract", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "reextracted 0 pages") {
		t.Errorf("pages already extracted by this version were redone: %s", out)
	}
	out, _, err = runCLI(t, "", "reextract", "--db", db, "--all")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "reextracted 1 pages") {
		t.Errorf("--all: %s", out)
	}
	if _, _, err := runCLI(t, "", "reextract", "--db", filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Errorf("reextract on a missing corpus did not fail")
	}
}

// TestImportWARCAndFolder crawls the bundled site into a WARC file, then
// imports that archive and the site's folder into fresh corpora.
func TestImportWARCAndFolder(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	dir := t.TempDir()
	warc := filepath.Join(dir, "site.warc.gz")
	if _, _, err := runCLI(t, "", "crawl", "--db", filepath.Join(dir, "crawl.db"), "--allow-private", "--delay", "1ms", "--warc", warc, srv.URL+"/"); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCLI(t, "", "import", "--db", filepath.Join(dir, "warc.db"), warc)
	if err != nil {
		t.Fatal(err)
	}
	// Seven HTML pages were crawled; index pages whose text repeats
	// another's may be stored as duplicates.
	var stored, already, dups, failed int
	fmt.Sscanf(out, "imported %d pages (%d already stored, %d duplicates, %d failed)", &stored, &already, &dups, &failed)
	if stored+dups != 7 || failed != 0 || stored < 3 {
		t.Errorf("WARC import: %s", out)
	}
	out, _, err = runCLI(t, "", "import", "--db", filepath.Join(dir, "files.db"), "--base-url", "http://example.org/", repoPath("testdata", "site"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "imported 8 pages") {
		t.Errorf("folder import: %s", out)
	}
	out, _, err = runCLI(t, "", "import", "--db", filepath.Join(dir, "files.db"), "--base-url", "http://example.org/", repoPath("testdata", "site"))
	if err != nil || !strings.Contains(out, "8 already stored") {
		t.Errorf("second import stored again: %s %v", out, err)
	}
	if _, _, err := runCLI(t, "", "import", "--db", filepath.Join(dir, "x.db"), filepath.Join(dir, "missing.warc")); err == nil || !strings.Contains(err.Error(), "missing.warc") {
		t.Errorf("missing file: err = %v", err)
	}
	notHTML := filepath.Join(dir, "notes.txt")
	os.WriteFile(notHTML, []byte("plain notes, no markup"), 0o644)
	if _, _, err := runCLI(t, "", "import", "--db", filepath.Join(dir, "x.db"), notHTML); err == nil || !strings.Contains(err.Error(), "not an HTML page") {
		t.Errorf("non-HTML file: err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Errorf("a failed import created a corpus")
	}
}

// siteCorpus runs the main job on the bundled site into a new corpus and
// returns its path.
func siteCorpus(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	t.Cleanup(srv.Close)
	db := filepath.Join(t.TempDir(), "site.db")
	if _, _, err := runCLI(t, "", "run", "--db", db, "--allow-private", "--delay", "1ms", srv.URL+"/"); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCorpusCommands(t *testing.T) {
	db := siteCorpus(t)
	t.Run("export votes csv", func(t *testing.T) {
		out, _, err := runCLI(t, "", "export", "--db", db, "--what", "votes", "--format", "csv")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if !strings.HasPrefix(lines[0], "article_id,url,") || len(lines) < 10 {
			t.Fatalf("votes CSV:\n%s", out)
		}
		if !strings.Contains(out, ",vetoed,13,") || !strings.Contains(out, ",RUS,no,") {
			t.Errorf("the vetoed Sudan draft and Russia's no are not in the votes CSV:\n%s", out)
		}
	})
	t.Run("export records jsonl", func(t *testing.T) {
		out, _, err := runCLI(t, "", "export", "--db", db, "--what", "records")
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out, "\n"); n != 4 {
			t.Errorf("%d records exported, want 4: three articles and the about page (index pages hold none):\n%s", n, out)
		}
	})
	t.Run("export bad kind", func(t *testing.T) {
		if _, _, err := runCLI(t, "", "export", "--db", db, "--what", "nonsense"); err == nil {
			t.Error("no error for --what nonsense")
		}
	})
	t.Run("search", func(t *testing.T) {
		out, _, err := runCLI(t, "", "search", "--db", db, "--json", "veto")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "unsc-sudan-aid-veto.html") {
			t.Errorf("search for veto does not find the Sudan article:\n%s", out)
		}
	})
	t.Run("stats", func(t *testing.T) {
		out, _, err := runCLI(t, "", "stats", "--db", db)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"pages", "articles", "votes", "robots"} {
			if !strings.Contains(out, want) {
				t.Errorf("stats output lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("backup", func(t *testing.T) {
		copyPath := filepath.Join(t.TempDir(), "copy.db")
		if _, _, err := runCLI(t, "", "backup", "--db", db, copyPath); err != nil {
			t.Fatal(err)
		}
		out, _, err := runCLI(t, "", "export", "--db", copyPath, "--what", "records")
		if err != nil || strings.Count(out, "\n") != 4 {
			t.Errorf("the backup does not hold the records: %v\n%s", err, out)
		}
		if _, _, err := runCLI(t, "", "backup", "--db", db, copyPath); err == nil {
			t.Error("backup overwrote an existing file")
		}
	})
	t.Run("not a corpus", func(t *testing.T) {
		junk := filepath.Join(t.TempDir(), "junk.db")
		os.WriteFile(junk, []byte("not a database at all, but longer than a header would be........................................................"), 0o644)
		before, _ := os.ReadFile(junk)
		_, _, err := runCLI(t, "", "stats", "--db", junk)
		if err == nil {
			t.Fatal("stats opened a file that is not a corpus")
		}
		after, _ := os.ReadFile(junk)
		if !bytes.Equal(before, after) {
			t.Error("the file that is not a corpus was changed")
		}
	})
}

func TestCleanCommand(t *testing.T) {
	page := repoPath("testdata", "site", "world", "un-votes-ukraine-anniversary.html")
	t.Run("text", func(t *testing.T) {
		out, _, err := runCLI(t, "", "clean", page)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Title:     US sides with Russia", "Byline:    Clara Vance", "Published: 2025-02-25", "The US joined Russia, North Korea, and Belarus"} {
			if !strings.Contains(out, want) {
				t.Errorf("clean output lacks %q:\n%s", want, out)
			}
		}
		// The comment thread below the article must not leak.
		if strings.Contains(out, "Mexico") || strings.Contains(out, "Argentina") {
			t.Errorf("boilerplate leaked into the article:\n%s", out)
		}
	})
	t.Run("jsonl names each file", func(t *testing.T) {
		index := repoPath("testdata", "site", "index.html")
		out, _, err := runCLI(t, "", "clean", "--format", "jsonl", page, index)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2 {
			t.Fatalf("%d lines, want 2:\n%s", len(lines), out)
		}
		var first, second struct {
			File, Text, Reason string
		}
		json.Unmarshal([]byte(lines[0]), &first)
		json.Unmarshal([]byte(lines[1]), &second)
		if first.File != page || first.Text == "" || second.File != index || second.Text != "" || second.Reason == "" {
			t.Errorf("jsonl records: %+v / %+v", first, second)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		html, _ := os.ReadFile(page)
		out, _, err := runCLI(t, string(html), "clean", "--format", "json", "-")
		if err != nil || !strings.Contains(out, "siding with Russia twice") {
			t.Errorf("stdin: %v\n%s", err, out)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		if _, _, err := runCLI(t, "", "clean", "nope.html"); err == nil || !strings.Contains(err.Error(), "nope.html") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestEvalCleanCommand(t *testing.T) {
	out, _, err := runCLI(t, "", "eval-clean", "--verbose", filepath.Join("testdata", "snippets"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2 pages") || !strings.Contains(out, "F1 1.0000") {
		t.Errorf("eval-clean on the fixture set:\n%s", out)
	}
	out, _, err = runCLI(t, "", "eval-clean", filepath.Join(t.TempDir(), "absent"))
	if err != nil || !strings.Contains(out, "skipped") {
		t.Errorf("absent folder: err %v, output %q", err, out)
	}
}

// TestEvalHTMLGold scores a gold file whose source is an HTML page: the
// whole clean-then-extract path runs on it.
func TestEvalHTMLGold(t *testing.T) {
	dir := t.TempDir()
	html, err := os.ReadFile(repoPath("testdata", "site", "world", "un-votes-ukraine-anniversary.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "page.html"), html, 0o644)
	gold, err := os.ReadFile(repoPath("testdata", "gold", "un-ukraine-anniversary.json"))
	if err != nil {
		t.Fatal(err)
	}
	g := strings.Replace(string(gold), `"text_file": "un-ukraine-anniversary.txt"`, `"html_file": "page.html"`, 1)
	if g == string(gold) {
		t.Fatal("could not point the gold file at the HTML page")
	}
	os.WriteFile(filepath.Join(dir, "page.json"), []byte(g), 0o644)
	out, _, err := runCLI(t, "", "eval", "--json", "--gold", dir)
	if err != nil {
		t.Fatal(err)
	}
	var reports []struct {
		Types map[string]struct {
			F1 *float64 `json:"f1"`
		} `json:"types"`
	}
	if err := json.Unmarshal([]byte(out), &reports); err != nil || len(reports) != 1 {
		t.Fatal(err, out)
	}
	scores := reports[0]
	if f1 := scores.Types["overall"].F1; f1 == nil || *f1 < 0.9 {
		t.Errorf("overall F1 from the HTML page: %v\n%s", f1, out)
	}
}
