package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract/events"
	"github.com/tally-news/tally/extract/events/eval"
)

// eventsFixture is the folder of the events gold set.
var eventsFixture = repoPath("extract", "events", "testdata", "fixture")

// newUserFive are five stories of the UN votes of 24 February 2025 from
// five newsrooms (the fixture's stand-ins for real articles): the
// Assembly's two texts and the Council's US text, none of them telling of
// the amendments vetoed in the Council.
var newUserFive = []string{"ga-two-texts-wire", "ga-us-text-times", "ga-ukraine-daily", "ga-us-text-post", "sc-meetings-coverage"}

// writeFixturePages writes the named fixture articles as HTML pages into
// dir, each with its publication time in its metadata, a navigation bar
// and a footer as a news site's page has, and an index page linking them.
func writeFixturePages(t *testing.T, dir string, names ...string) {
	t.Helper()
	g, err := eval.LoadGold(os.DirFS(eventsFixture))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var links strings.Builder
	for _, n := range names {
		i := slices.IndexFunc(g.Articles, func(a eval.Article) bool { return a.Name == n })
		if i < 0 {
			t.Fatalf("no fixture article %s", n)
		}
		a := g.Articles[i]
		var paras strings.Builder
		for _, p := range strings.Split(a.Text, "\n") {
			if strings.TrimSpace(p) != "" {
				fmt.Fprintf(&paras, "<p>%s</p>\n", html.EscapeString(p))
			}
		}
		page := fmt.Sprintf(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>%[1]s | %[2]s</title>
<meta property="article:published_time" content="%[3]s"></head>
<body><header><nav><a href="index.html">Home</a> <a href="index.html">World</a> <a href="index.html">Politics</a></nav></header>
<main><article><h1>%[1]s</h1><p class="byline">By a staff reporter</p>
%[4]s</article></main>
<footer><p>About us. Contact. Terms of use.</p></footer></body></html>
`, n, a.Site, a.Published.Format("2006-01-02T15:04:05Z07:00"), paras.String())
		if err := os.WriteFile(filepath.Join(dir, n+".html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&links, `<li><a href="%s.html">%s</a></li>`, n, n)
	}
	index := "<!doctype html><html><head><title>Front page</title></head><body><ul>" + links.String() + "</ul></body></html>"
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(index), 0o644); err != nil {
		t.Fatal(err)
	}
}

// eventsOf runs tally events with args and decodes its JSON array.
func eventsOf(t *testing.T, args ...string) []events.Event {
	t.Helper()
	out, stderr, err := runCLI(t, "", append([]string{"events", "--format", "json"}, args...)...)
	if err != nil {
		t.Fatalf("events %v: %v\n%s", args, err, stderr)
	}
	var evs []events.Event
	if err := json.Unmarshal([]byte(out), &evs); err != nil {
		t.Fatalf("events --format json is not one JSON array: %v\n%s", err, out)
	}
	return evs
}

func tallyKey(e events.Event) string {
	return e.Body + " " + shortTally(e.Tally.Yes, e.Tally.No, e.Tally.Abstain)
}

// TestEventsNewUser is the new user's check with the fixture's stand-ins:
// five stories of the UN votes of 24 February 2025 imported into one
// corpus give exactly three events, each with the union of the positions
// its articles state.
func TestEventsNewUser(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "un.db")
	writeFixturePages(t, filepath.Join(dir, "pages"), newUserFive...)
	out, stderr, err := runCLI(t, "", "import", "--db", db, "--base-url", "https://news.example/", filepath.Join(dir, "pages"))
	if err != nil {
		t.Fatalf("import: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(out, "events: rebuilt from 5 changed articles") {
		t.Errorf("import does not say it built the events:\n%s", out)
	}
	evs := eventsOf(t, "--db", db, "--from", "2025-02-23", "--to", "2025-02-25")
	var got []string
	for _, e := range evs {
		got = append(got, tallyKey(e))
	}
	slices.Sort(got)
	want := []string{"UNGA 93-18-65", "UNGA 93-8-73", "UNSC 10-0-5"}
	if !slices.Equal(got, want) {
		t.Fatalf("events %v, want %v", got, want)
	}

	// Each event's positions are the union of its articles' positions.
	vout, _, err := runCLI(t, "", "export", "--db", db, "--what", "votes")
	if err != nil {
		t.Fatal(err)
	}
	votes := map[string]corpus.VoteRow{} // "article#index"
	index := map[int64]int{}
	for _, line := range strings.Split(strings.TrimSpace(vout), "\n") {
		var v corpus.VoteRow
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		votes[fmt.Sprintf("%d#%d", v.ArticleID, index[v.ArticleID])] = v
		index[v.ArticleID]++
	}
	for _, e := range evs {
		union := map[string]bool{}
		for _, a := range e.Articles {
			v, ok := votes[fmt.Sprintf("%s#%d", a.ID, a.Vote)]
			if !ok {
				t.Fatalf("event %s holds vote %s#%d, which the corpus does not have", e.ID, a.ID, a.Vote)
			}
			for c := range v.Positions {
				union[c] = true
			}
		}
		for c := range union {
			if _, ok := e.Positions[c]; !ok {
				t.Errorf("%s: %s's position is stated by an article but not in the event", tallyKey(e), c)
			}
		}
		if len(e.Positions) != len(union) {
			t.Errorf("%s: %d positions, its articles state %d", tallyKey(e), len(e.Positions), len(union))
		}
		if e.Date != "2025-02-24" {
			t.Errorf("%s: date %s, want 2025-02-24", tallyKey(e), e.Date)
		}
	}
	if n := len(evs[slices.IndexFunc(evs, func(e events.Event) bool { return tallyKey(e) == "UNGA 93-8-73" })].Articles); n != 3 {
		t.Errorf("the US text's event has %d articles, want 3 (wire, times, post)", n)
	}
}

// TestEventsRefreshAfterImport imports four stories, then a fifth that
// reports a vote already in an event: the import refreshes that event, and
// tally events then has nothing to do.
func TestEventsRefreshAfterImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "un.db")
	writeFixturePages(t, filepath.Join(dir, "first"), newUserFive[:2]...)
	writeFixturePages(t, filepath.Join(dir, "second"), newUserFive[2:]...)
	for _, d := range []string{"first", "second"} {
		out, stderr, err := runCLI(t, "", "import", "--db", db, "--base-url", "https://news.example/"+d+"/", filepath.Join(dir, d))
		if err != nil {
			t.Fatalf("import %s: %v\n%s%s", d, err, out, stderr)
		}
		if d == "second" && !strings.Contains(out, "events: refreshed from 3 changed articles") {
			t.Errorf("the second import does not refresh the events incrementally:\n%s", out)
		}
	}
	_, stderr, err := runCLI(t, "", "events", "--db", db)
	if err != nil || !strings.Contains(stderr, "events: up to date, 3 in all") {
		t.Errorf("events after the imports: %v\n%s", err, stderr)
	}
	for _, e := range eventsOf(t, "--db", db, "--body", "unga") {
		if tallyKey(e) == "UNGA 93-18-65" && len(e.Articles) != 2 {
			t.Errorf("the Ukrainian text's event has %d articles, want 2 (wire, daily)", len(e.Articles))
		}
	}
	// --rebuild gives the same events.
	before := eventsOf(t, "--db", db)
	_, stderr, err = runCLI(t, "", "events", "--db", db, "--rebuild", "--format", "jsonl")
	if err != nil || !strings.Contains(stderr, "events: rebuilt") {
		t.Fatalf("events --rebuild: %v\n%s", err, stderr)
	}
	after := eventsOf(t, "--db", db)
	b1, _ := json.Marshal(before)
	b2, _ := json.Marshal(after)
	if string(b1) != string(b2) {
		t.Errorf("a rebuild changed the events:\n%s\n%s", b1, b2)
	}
}

func TestEventsFormatsAndFilters(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "un.db")
	writeFixturePages(t, filepath.Join(dir, "pages"), newUserFive...)
	if out, stderr, err := runCLI(t, "", "import", "--db", db, filepath.Join(dir, "pages")); err != nil {
		t.Fatalf("import: %v\n%s%s", err, out, stderr)
	}
	table, stderr, err := runCLI(t, "", "events", "--db", db, "--quiet")
	if err != nil || stderr != "" {
		t.Fatalf("events --quiet: %v, stderr %q", err, stderr)
	}
	for _, want := range []string{"DATE", "2025-02-24  UNGA", "93-8-73", "10-0-5", "3 events"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	jsonl, _, err := runCLI(t, "", "events", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	exported, _, err := runCLI(t, "", "export", "--db", db, "--what", "events")
	if err != nil {
		t.Fatal(err)
	}
	if jsonl != exported || strings.Count(jsonl, "\n") != 3 {
		t.Errorf("events --format jsonl:\n%s\nexport --what events:\n%s", jsonl, exported)
	}
	csvOut, _, err := runCLI(t, "", "events", "--db", db, "--format", "csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(csvOut, strings.Join(corpus.EventColumns, ",")+"\n") || strings.Count(csvOut, "\n") != 4 {
		t.Errorf("csv:\n%s", csvOut)
	}
	filters := []struct {
		args []string
		want []string
	}{
		{[]string{"--body", "UNSC"}, []string{"UNSC 10-0-5"}},
		{[]string{"--country", "usa"}, []string{"UNGA 93-18-65", "UNGA 93-8-73", "UNSC 10-0-5"}},
		{[]string{"--min-articles", "3"}, []string{"UNGA 93-8-73"}},
		{[]string{"--from", "2025-02-25"}, nil},
		{[]string{"--to", "2025-02-23"}, nil},
		{[]string{"--from", "2025-02-24", "--to", "2025-02-24", "--body", "unga"}, []string{"UNGA 93-18-65", "UNGA 93-8-73"}},
	}
	for _, f := range filters {
		t.Run(strings.Join(f.args, " "), func(t *testing.T) {
			var got []string
			for _, e := range eventsOf(t, append([]string{"--db", db}, f.args...)...) {
				got = append(got, tallyKey(e))
			}
			slices.Sort(got)
			if !slices.Equal(got, f.want) {
				t.Errorf("got %v, want %v", got, f.want)
			}
		})
	}
	for _, bad := range [][]string{{"--min-articles", "0"}, {"--from", "24 Feb"}, {"--format", "xml"}, {"extra"}} {
		_, _, err := runCLI(t, "", append([]string{"events", "--db", db}, bad...)...)
		var ue *usageError
		if !errors.As(err, &ue) {
			t.Errorf("events %v: got %v, want a usage error", bad, err)
		}
	}
	if _, _, err := runCLI(t, "", "events", "--db", filepath.Join(dir, "none.db")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("events on a missing corpus: %v", err)
	}
}

// TestRunAndReextractRefreshEvents crawls the five stories, then
// re-extracts them: both keep the events current on their own.
func TestRunAndReextractRefreshEvents(t *testing.T) {
	dir := t.TempDir()
	writeFixturePages(t, filepath.Join(dir, "site"), newUserFive...)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "site"))))
	defer srv.Close()
	db := filepath.Join(dir, "run.db")
	out, stderr, err := runCLI(t, "", "run", "--db", db, "--allow-private", "--delay", "1ms", "--depth", "1", srv.URL+"/index.html")
	if err != nil {
		t.Fatalf("run: %v\n%s%s", err, out, stderr)
	}
	if !strings.Contains(out, "events: rebuilt from 5 changed articles: 3 written, 0 removed, 3 in all") {
		t.Errorf("run does not build the events:\n%s", out)
	}
	out, stderr, err = runCLI(t, "", "reextract", "--db", db, "--all")
	if err != nil {
		t.Fatalf("reextract: %v\n%s%s", err, out, stderr)
	}
	// Re-extraction gives every article a new record: all are changed,
	// and the events come out the same.
	if !strings.Contains(out, "events: refreshed from 5 changed articles: 3 written, 0 removed, 3 in all") {
		t.Errorf("reextract does not refresh the events:\n%s", out)
	}
}

func TestEvalEvents(t *testing.T) {
	out, _, err := runCLI(t, "", "eval-events", eventsFixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"31 articles", "grouping (B-cubed): P 1.000", "facts:"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval-events lacks %q:\n%s", want, out)
		}
	}
	js, _, err := runCLI(t, "", "eval-events", "--format", "json", eventsFixture)
	if err != nil {
		t.Fatal(err)
	}
	var rep eval.Report
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	if rep.GoldEvents != 11 || rep.Grouping.Precision < 0.98 || rep.Grouping.F1 < 0.93 || rep.Facts.F1 < 0.88 {
		t.Errorf("fixture scores %+v, below the floors of the package test", rep)
	}
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "a.txt"), []byte("The Assembly voted."), 0o644)
	if _, _, err := runCLI(t, "", "eval-events", bad); err == nil || !strings.Contains(err.Error(), "articles.json") {
		t.Errorf("a folder without articles.json: %v", err)
	}
	var ue *usageError
	if _, _, err := runCLI(t, "", "eval-events"); !errors.As(err, &ue) {
		t.Errorf("eval-events without a folder: %v, want a usage error", err)
	}
}

// TestEventsReadOnlyCorpus lists the events of a corpus the user may only
// read, as last refreshed, rather than failing.
func TestEventsReadOnlyCorpus(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "ro", "un.db")
	os.Mkdir(filepath.Dir(db), 0o755)
	writeFixturePages(t, filepath.Join(dir, "pages"), newUserFive...)
	if out, stderr, err := runCLI(t, "", "import", "--db", db, filepath.Join(dir, "pages")); err != nil {
		t.Fatalf("import: %v\n%s%s", err, out, stderr)
	}
	os.Chmod(db, 0o444)
	os.Chmod(filepath.Dir(db), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Dir(db), 0o755) })
	out, stderr, err := runCLI(t, "", "events", "--db", db)
	if err != nil || !strings.Contains(stderr, "read-only") || !strings.Contains(out, "3 events") {
		t.Errorf("events on a read-only corpus: %v\n%s%s", err, out, stderr)
	}
}
