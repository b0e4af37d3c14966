package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
	"github.com/tally-news/tally/extract/events"
	"github.com/tally-news/tally/extract/events/eval"
)

// fixtureDocs reads the events fixture (31 articles over eleven votes)
// and makes a Doc of each, its record extracted as the pipeline does.
func fixtureDocs(t *testing.T) (docs map[string]Doc, names []string) {
	t.Helper()
	g, err := eval.LoadGold(os.DirFS("../extract/events/testdata/fixture"))
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New()
	docs = map[string]Doc{}
	for _, a := range g.Articles {
		rec := x.Extract(context.Background(), a.Name, a.Text)
		body := "<html><body><article><p>" + strings.ReplaceAll(a.Text, "\n", "</p><p>") + "</p></article></body></html>"
		docs[a.Name] = Doc{
			Page: crawl.Page{Job: "test", URL: a.URL, FinalURL: a.URL, Status: 200, Body: []byte(body),
				ContentType: "text/html", Fetched: a.Published.Add(time.Hour)},
			Article: &clean.Article{URL: a.URL, Title: a.Name, Published: a.Published.Format(time.RFC3339), Language: "en", Text: a.Text},
			Record:  &rec,
		}
		names = append(names, a.Name)
	}
	slices.Sort(names)
	return docs, names
}

// saveDocs saves docs by name and returns the article id of each.
func saveDocs(t *testing.T, db *DB, docs map[string]Doc, names ...string) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, n := range names {
		s, err := db.Save(context.Background(), docs[n])
		if err != nil {
			t.Fatal(err)
		}
		if s.ArticleID == 0 {
			t.Fatalf("%s was not stored as an article of its own (duplicate of %d)", n, s.DuplicateOf)
		}
		ids[n] = s.ArticleID
	}
	return ids
}

// storedEvents lists the corpus's events.
func storedEvents(t *testing.T, db *DB, f EventFilter) []events.Event {
	t.Helper()
	var out []events.Event
	if err := db.Events(context.Background(), f, func(e StoredEvent) error {
		out = append(out, e.Event)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// grouping describes events by their members, named, one event a line,
// sorted: what must agree between two ways of building them.
func grouping(evs []events.Event, name func(string) string) string {
	var lines []string
	for _, e := range evs {
		var ms []string
		for _, a := range e.Articles {
			ms = append(ms, fmt.Sprintf("%s#%d", name(a.ID), a.Vote))
		}
		slices.Sort(ms)
		lines = append(lines, fmt.Sprintf("%s %s %s: %s", e.Body, e.Date, tallyOf(e.Tally), strings.Join(ms, " ")))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func tallyOf(t extract.Tally) string {
	s := []string{"_", "_", "_"}
	for i, p := range []*int{t.Yes, t.No, t.Abstain} {
		if p != nil {
			s[i] = fmt.Sprint(*p)
		}
	}
	return strings.Join(s, "-")
}

// pureEvents builds the events of the named docs with events.Build, the
// reference the corpus must agree with.
func pureEvents(docs map[string]Doc, names []string) []events.Event {
	var rs []events.Report
	for _, n := range names {
		d := docs[n]
		pub, _ := time.Parse(time.RFC3339, d.Article.Published)
		rs = append(rs, events.Reports(events.Article{ID: n, URL: d.Article.URL, Published: pub, Text: d.Article.Text}, *d.Record)...)
	}
	evs, _ := events.Build(events.DefaultConfig(), rs)
	return evs
}

func TestRefreshEventsMatchesBuild(t *testing.T) { forEachBackend(t, testRefreshEventsMatchesBuild) }

func testRefreshEventsMatchesBuild(t *testing.T, be backend) {
	ctx := context.Background()
	docs, names := fixtureDocs(t)
	db := be.open(t)
	ids := saveDocs(t, db, docs, names...)
	byID := map[string]string{}
	for n, id := range ids {
		byID[fmt.Sprint(id)] = n
	}
	name := func(id string) string { return byID[id] }

	u, err := db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	want := pureEvents(docs, names)
	withVotes := 0
	for _, d := range docs {
		if len(d.Record.Votes) > 0 {
			withVotes++
		}
	}
	if !u.Rebuilt || u.Total != len(want) || u.Changed != withVotes {
		t.Errorf("first refresh: %+v, want a rebuild of %d events from %d articles", u, len(want), withVotes)
	}
	got := storedEvents(t, db, EventFilter{})
	if g, w := grouping(got, name), grouping(want, func(s string) string { return s }); g != w {
		t.Errorf("stored events:\n%s\nwant, as events.Build makes them:\n%s", g, w)
	}
	// Nothing changed: nothing to do.
	u, err = db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Rebuilt || u.Changed != 0 || u.Stored != 0 || u.Total != len(want) {
		t.Errorf("second refresh: %+v, want nothing done", u)
	}
	// Re-extracting an article gives it a new record: one article changed,
	// and the events stay as they were.
	n := names[0]
	var pageID int64
	if err := db.read.QueryRow("SELECT page_id FROM articles WHERE id = ?", ids[n]).Scan(&pageID); err != nil {
		t.Fatal(err)
	}
	if err := db.Replace(ctx, pageID, docs[n].Article, docs[n].Record); err != nil {
		t.Fatal(err)
	}
	u, err = db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Rebuilt || u.Changed != 1 {
		t.Errorf("refresh after re-extracting %s: %+v, want 1 article changed", n, u)
	}
	if g, w := grouping(storedEvents(t, db, EventFilter{}), name), grouping(want, func(s string) string { return s }); g != w {
		t.Errorf("events after re-extraction:\n%s\nwant:\n%s", g, w)
	}
	// The stored JSON is an event's JSON.
	var one StoredEvent
	db.Events(ctx, EventFilter{}, func(e StoredEvent) error { one = e; return nil })
	var back events.Event
	if err := json.Unmarshal(one.JSON, &back); err != nil || back.ID != one.ID || len(back.Support) == 0 {
		t.Errorf("stored JSON %s does not decode to its event (%v)", one.JSON, err)
	}
}

// TestRefreshEventsNewArticle stores the fixture but one article, builds
// the events, then stores the last article: the refresh updates only the
// events it touches, ends as a full build would, and the event it joins
// keeps its id.
func TestRefreshEventsNewArticle(t *testing.T) { forEachBackend(t, testRefreshEventsNewArticle) }

func testRefreshEventsNewArticle(t *testing.T, be backend) {
	ctx := context.Background()
	docs, names := fixtureDocs(t)
	const late = "ga-ukraine-daily" // reports the 93-18-65 vote of 24 February 2025
	var early []string
	for _, n := range names {
		if n != late {
			early = append(early, n)
		}
	}
	db := be.open(t)
	ids := saveDocs(t, db, docs, early...)
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	before := storedEvents(t, db, EventFilter{Body: "unga", From: day0("2025-02-24"), To: day0("2025-02-25")})
	maps := func(evs []events.Event) map[string]string {
		m := map[string]string{}
		for _, e := range evs {
			m[tallyOf(e.Tally)] = e.ID
		}
		return m
	}
	idBefore := maps(before)
	for n, id := range saveDocs(t, db, docs, late) {
		ids[n] = id
	}
	u, err := db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Rebuilt || u.Changed != 1 || u.Stored == 0 || u.Stored > 3 {
		t.Errorf("refresh after one new article: %+v, want an incremental refresh of a few events", u)
	}
	byID := map[string]string{}
	for n, id := range ids {
		byID[fmt.Sprint(id)] = n
	}
	got := grouping(storedEvents(t, db, EventFilter{}), func(id string) string { return byID[id] })
	if want := grouping(pureEvents(docs, names), func(s string) string { return s }); got != want {
		t.Errorf("after refresh:\n%s\nwant, as a full build:\n%s", got, want)
	}
	after := storedEvents(t, db, EventFilter{Body: "UNGA", From: day0("2025-02-24"), To: day0("2025-02-25")})
	idAfter := maps(after)
	if idAfter["93-18-65"] == "" || idAfter["93-18-65"] != idBefore["93-18-65"] {
		t.Errorf("the Ukrainian text's event was %q, is %q: it should keep its id", idBefore["93-18-65"], idAfter["93-18-65"])
	}
	joined := false
	for _, e := range after {
		for _, a := range e.Articles {
			if a.ID == fmt.Sprint(ids[late]) && tallyOf(e.Tally) == "93-18-65" {
				joined = true
			}
		}
	}
	if !joined {
		t.Errorf("%s did not join the 93-18-65 event: %s", late, grouping(after, func(id string) string { return byID[id] }))
	}
}

// TestRefreshEventsLargeChange adds more articles than a refresh takes
// at once: the events are rebuilt, and come out as a full build.
func TestRefreshEventsLargeChange(t *testing.T) { forEachBackend(t, testRefreshEventsLargeChange) }

func testRefreshEventsLargeChange(t *testing.T, be backend) {
	defer func(n int) { eventsRefreshLimit = n }(eventsRefreshLimit)
	eventsRefreshLimit = 2
	ctx := context.Background()
	docs, names := fixtureDocs(t)
	db := be.open(t)
	ids := saveDocs(t, db, docs, names[3:]...)
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	for n, id := range saveDocs(t, db, docs, names[:3]...) {
		ids[n] = id
	}
	u, err := db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	if !u.Rebuilt || u.Changed != 3 {
		t.Errorf("refresh after 3 new articles, limit 2: %+v, want a rebuild of 3 changed", u)
	}
	byID := map[string]string{}
	for n, id := range ids {
		byID[fmt.Sprint(id)] = n
	}
	got := grouping(storedEvents(t, db, EventFilter{}), func(id string) string { return byID[id] })
	if want := grouping(pureEvents(docs, names), func(s string) string { return s }); got != want {
		t.Errorf("after the rebuild:\n%s\nwant:\n%s", got, want)
	}
}

func day0(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestRefreshEventsNewVersion stores a story, builds the events, then an
// update of it with the tally corrected: the event holds the update, not
// the first version, and gives the corrected tally.
func TestRefreshEventsNewVersion(t *testing.T) { forEachBackend(t, testRefreshEventsNewVersion) }

func testRefreshEventsNewVersion(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	base := paragraphs(words(41, 1500))
	first := storyDoc("https://news.example/sudan", base, 13, extract.Abstain, testTime)
	first.Record.Votes[0].Evidence = []extract.Evidence{{Sentence: "The Council voted on Thursday."}}
	other := storyDoc("https://other.example/sudan", paragraphs(words(42, 1500)), 13, extract.Abstain, testTime)
	s1, err := db.Save(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := db.Save(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	evs := storedEvents(t, db, EventFilter{})
	if len(evs) != 1 || len(evs[0].Articles) != 2 || *evs[0].Tally.Yes != 13 {
		t.Fatalf("before the update: %s", grouping(evs, func(s string) string { return s }))
	}
	updated := strings.Replace(base, ".", ". Twelve members voted in favour, with Russia and China voting against.", 1)
	v2 := storyDoc("https://news.example/sudan", updated, 12, extract.No, testTime.Add(2*time.Hour))
	s3, err := db.Save(ctx, v2)
	if err != nil {
		t.Fatal(err)
	}
	if s3.VersionOf != s1.ArticleID {
		t.Fatalf("the update was not stored as a version of the story: %+v", s3)
	}
	u, err := db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Rebuilt || u.Changed != 2 {
		t.Errorf("refresh: %+v, want an incremental refresh of 2 articles (the update in, the first version out)", u)
	}
	evs = storedEvents(t, db, EventFilter{})
	var members []string
	for _, e := range evs {
		for _, a := range e.Articles {
			members = append(members, a.ID)
		}
	}
	slices.Sort(members)
	if want := []string{fmt.Sprint(s2.ArticleID), fmt.Sprint(s3.ArticleID)}; !slices.Equal(members, want) {
		t.Errorf("events hold articles %v, want %v (the first version left)", members, want)
	}
	for _, e := range evs {
		if slices.ContainsFunc(e.Articles, func(a events.ArticleRef) bool { return a.ID == fmt.Sprint(s3.ArticleID) }) &&
			(e.Positions["CHN"] != extract.No || *e.Tally.Yes != 12 && len(e.Articles) == 1) {
			t.Errorf("the updated story's event: tally %s, CHN %s", tallyOf(e.Tally), e.Positions["CHN"])
		}
	}
	// A rebuild gives the same events.
	before := grouping(evs, func(s string) string { return s })
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), true); err != nil {
		t.Fatal(err)
	}
	if after := grouping(storedEvents(t, db, EventFilter{}), func(s string) string { return s }); after != before {
		t.Errorf("rebuild:\n%s\nrefresh:\n%s", after, before)
	}
}

// fixtureCorpus stores the whole events fixture and builds its events.
func fixtureCorpus(t *testing.T, be backend) *DB {
	t.Helper()
	docs, names := fixtureDocs(t)
	db := be.open(t)
	saveDocs(t, db, docs, names...)
	if _, err := db.RefreshEvents(context.Background(), events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestEventFilters(t *testing.T) { forEachBackend(t, testEventFilters) }

func testEventFilters(t *testing.T, be backend) {
	db := fixtureCorpus(t, be)
	all := storedEvents(t, db, EventFilter{})
	tests := []struct {
		name string
		f    EventFilter
		keep func(e events.Event) bool
	}{
		{"body", EventFilter{Body: "unsc"}, func(e events.Event) bool { return e.Body == "UNSC" }},
		{"from", EventFilter{From: day0("2025-01-01")}, func(e events.Event) bool { return e.Date >= "2025-01-01" }},
		{"to", EventFilter{To: day0("2023-01-01")}, func(e events.Event) bool { return e.Date < "2023-01-01" }},
		{"one day", EventFilter{From: day0("2025-02-24"), To: day0("2025-02-25")}, func(e events.Event) bool { return e.Date == "2025-02-24" }},
		{"country", EventFilter{Country: "cub"}, func(e events.Event) bool {
			_, pos := e.Positions["CUB"]
			return pos || slices.Contains(e.Sponsors, "CUB")
		}},
		{"min articles", EventFilter{MinArticles: 4}, func(e events.Event) bool { return len(e.Articles) >= 4 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want []string
			for _, e := range all {
				if tc.keep(e) {
					want = append(want, e.ID)
				}
			}
			var got []string
			for _, e := range storedEvents(t, db, tc.f) {
				got = append(got, e.ID)
			}
			if len(want) == 0 || len(want) == len(all) {
				t.Fatalf("the filter should keep some of %d events, keeps %d", len(all), len(want))
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

func TestExportEvents(t *testing.T) { forEachBackend(t, testExportEvents) }

func testExportEvents(t *testing.T, be backend) {
	ctx := context.Background()
	db := fixtureCorpus(t, be)
	var jsonl bytes.Buffer
	if err := db.Export(ctx, &jsonl, ExportOptions{What: "events", Format: "jsonl", From: day0("2025-02-24"), To: day0("2025-02-25")}); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	for _, e := range eventsJSON(t, db, EventFilter{From: day0("2025-02-24"), To: day0("2025-02-25")}) {
		want.Write(e)
		want.WriteByte('\n')
	}
	if jsonl.String() != want.String() || want.Len() == 0 {
		t.Errorf("export:\n%s\nwant the listed events:\n%s", jsonl.String(), want.String())
	}
	var csvOut bytes.Buffer
	if err := db.Export(ctx, &csvOut, ExportOptions{What: "events", Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(csvOut.String()), "\n")
	if lines[0] != strings.Join(EventColumns, ",") || len(lines) != 1+len(storedEvents(t, db, EventFilter{})) {
		t.Errorf("csv has %d lines, header %q", len(lines), lines[0])
	}
	if !strings.Contains(csvOut.String(), "tally.abstain 65 (") {
		t.Errorf("csv does not give the misreported abstentions as a conflict:\n%s", csvOut.String())
	}
}

func eventsJSON(t *testing.T, db *DB, f EventFilter) []json.RawMessage {
	var out []json.RawMessage
	if err := db.Events(context.Background(), f, func(e StoredEvent) error {
		out = append(out, e.JSON)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}
