package corpus

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

// searchCorpus stores four articles on two sites, on four days.
func searchCorpus(t *testing.T, be backend) *DB {
	t.Helper()
	db := be.open(t)
	articles := []struct {
		site, title, text string
		day               int
	}{
		{"a.example", "Assembly demands withdrawal", "The General Assembly voted on a resolution demanding the withdrawal of troops. " + paragraphs(words(1, 60)), 1},
		{"b.example", "Security Council deadlocked", "A veto blocked the draft in the Security Council; the resolution failed. " + paragraphs(words(2, 60)), 2},
		{"a.example", "Parliament passes budget", "Lawmakers approved the budget after a long night. Résolution was not the word used. " + paragraphs(words(3, 60)), 3},
		{"b.example", "Resolution on climate", "Delegates discussed climate finance. " + paragraphs(words(4, 60)), 4},
	}
	for i, a := range articles {
		url := "https://" + a.site + "/" + strings.ReplaceAll(strings.ToLower(a.title), " ", "-")
		date := time.Date(2024, 3, a.day, 12, 0, 0, 0, time.UTC)
		_, err := db.Save(context.Background(), Doc{
			Page:    crawl.Page{URL: url, Status: 200, Body: []byte(a.text), Fetched: date},
			Article: &clean.Article{URL: url, Title: a.title, Text: a.text, Published: date.Format(time.RFC3339)},
			Record: &extract.Record{Doc: url, Extractor: "t", Countries: []string{[]string{"FRA", "USA", "FRA", "GBR"}[i]},
				Votes: [][]extract.Vote{{{Body: "UNGA"}}, {{Body: "UNSC"}}, nil, {{Body: "UNGA"}}}[i]},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// engines returns the full-text engines this build of SQLite has, and
// makes new corpora use each one in turn.
func forEachEngine(t *testing.T, f func(t *testing.T, engine string)) {
	t.Helper()
	all := []string{"fts4"}
	preferFTS4 = false
	t.Cleanup(func() { preferFTS4 = false })
	var on bool
	if err := MustOpenDB(t).read.QueryRow("SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&on); err != nil {
		t.Fatal(err)
	}
	if on {
		all = append(all, "fts5")
	}
	for _, engine := range all {
		t.Run(engine, func(t *testing.T) {
			preferFTS4 = engine == "fts4"
			f(t, engine)
		})
	}
}

func TestSearch(t *testing.T) {
	forEachEngine(t, testSearch)
}

func testSearch(t *testing.T, engine string) {
	db := searchCorpus(t, sqliteBackend)
	if got, err := indexEngine(context.Background(), db.read); got != engine || err != nil {
		t.Fatalf("index engine %q, %v; want %s", got, err, engine)
	}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name        string
		q           SearchQuery
		wantTitles  []string
		wantSnippet string // in the first hit's snippet
	}{
		{"word, title ranked first", SearchQuery{Text: "resolution"},
			[]string{"Resolution on climate", "Assembly demands withdrawal", "Security Council deadlocked", "Parliament passes budget"}, "[Resolution]"},
		{"phrase", SearchQuery{Text: `"security council"`}, []string{"Security Council deadlocked"}, "[Security Council]"},
		{"phrase not in order", SearchQuery{Text: `"council security"`}, nil, ""},
		{"two words", SearchQuery{Text: "veto draft"}, []string{"Security Council deadlocked"}, "[veto]"},
		{"word left out", SearchQuery{Text: "resolution -veto -climate"}, []string{"Assembly demands withdrawal", "Parliament passes budget"}, ""},
		{"phrase left out", SearchQuery{Text: `resolution -"general assembly"`}, []string{"Resolution on climate", "Security Council deadlocked", "Parliament passes budget"}, ""},
		{"syntax words are words", SearchQuery{Text: "veto AND OR NOT"}, nil, ""},
		{"punctuation is not syntax", SearchQuery{Text: `veto* (draft) "security`}, []string{"Security Council deadlocked"}, ""},
		{"raw prefix", SearchQuery{Text: "withdraw*", Raw: true}, []string{"Assembly demands withdrawal"}, "[withdrawal]"},
		{"raw OR", SearchQuery{Text: "veto OR budget", Raw: true}, []string{"Parliament passes budget", "Security Council deadlocked"}, ""},
		{"raw column", SearchQuery{Text: "title:resolution", Raw: true}, []string{"Resolution on climate"}, ""},
		{"site", SearchQuery{Text: "resolution", Site: "b.example"}, []string{"Resolution on climate", "Security Council deadlocked"}, ""},
		{"dates", SearchQuery{Text: "resolution", From: day(2), To: day(4)}, []string{"Security Council deadlocked", "Parliament passes budget"}, ""},
		{"body", SearchQuery{Text: "resolution", Body: "unga"}, []string{"Resolution on climate", "Assembly demands withdrawal"}, ""},
		{"country", SearchQuery{Text: "resolution", Country: "fra"}, []string{"Assembly demands withdrawal", "Parliament passes budget"}, ""},
		{"every filter", SearchQuery{Text: "resolution", Site: "a.example", From: day(1), To: day(2), Body: "UNGA", Country: "FRA"}, []string{"Assembly demands withdrawal"}, ""},
		{"filters that exclude each other", SearchQuery{Text: "resolution", Body: "UNSC", Country: "FRA"}, nil, ""},
		{"limit", SearchQuery{Text: "resolution", Limit: 1}, []string{"Resolution on climate"}, ""},
		{"offset", SearchQuery{Text: "resolution", Offset: 1, Limit: 2}, []string{"Assembly demands withdrawal", "Security Council deadlocked"}, ""},
		{"offset past the end", SearchQuery{Text: "resolution", Offset: 4}, nil, ""},
		{"marks", SearchQuery{Text: "veto", MarkStart: "<b>", MarkEnd: "</b>"}, []string{"Security Council deadlocked"}, "A <b>veto</b> blocked"},
		{"diacritics", SearchQuery{Text: "résolution", Site: "a.example", From: day(3)}, []string{"Parliament passes budget"}, "[Résolution]"},
		{"no match", SearchQuery{Text: "zzzz"}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := db.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, h := range hits {
				titles = append(titles, h.Title)
				if h.URL == "" || h.Site == "" || h.Date.IsZero() || h.ArticleID == 0 || h.PageID == 0 {
					t.Errorf("incomplete hit %+v", h)
				}
			}
			if !reflect.DeepEqual(titles, tt.wantTitles) {
				t.Errorf("titles %q, want %q", titles, tt.wantTitles)
			}
			if tt.wantSnippet != "" && (len(hits) == 0 || !strings.Contains(hits[0].Snippet, tt.wantSnippet)) {
				t.Errorf("snippet %q does not contain %q", hits[0].Snippet, tt.wantSnippet)
			}
		})
	}
}

func TestSearchBounded(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine string) {
		db := searchCorpus(t, sqliteBackend)
		ctx := context.Background()
		tests := []struct {
			q           SearchQuery
			wantTitles  []string
			wantBounded bool
		}{
			// Of the four matches, the two stored last are ranked.
			{SearchQuery{Text: "resolution", MaxRanked: 2}, []string{"Resolution on climate", "Parliament passes budget"}, true},
			{SearchQuery{Text: "resolution", MaxRanked: 2, Offset: 1}, []string{"Parliament passes budget"}, true},
			{SearchQuery{Text: "resolution", MaxRanked: 4}, []string{"Resolution on climate", "Assembly demands withdrawal", "Security Council deadlocked", "Parliament passes budget"}, false},
			// The bound counts the matches the filters keep.
			{SearchQuery{Text: "resolution", MaxRanked: 1, Site: "a.example"}, []string{"Parliament passes budget"}, true},
			{SearchQuery{Text: "resolution", MaxRanked: 2, Site: "a.example"}, []string{"Assembly demands withdrawal", "Parliament passes budget"}, false},
		}
		for _, tt := range tests {
			res, err := db.SearchPage(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, h := range res.Hits {
				titles = append(titles, h.Title)
			}
			if !reflect.DeepEqual(titles, tt.wantTitles) || res.Bounded != tt.wantBounded {
				t.Errorf("%+v: titles %q, bounded %v; want %q, %v", tt.q, titles, res.Bounded, tt.wantTitles, tt.wantBounded)
			}
		}
	})
}

func TestSearchBadQuery(t *testing.T) {
	db := searchCorpus(t, sqliteBackend)
	many := strings.Repeat("word ", MaxQueryTerms+1)
	for _, q := range []SearchQuery{
		{Text: ""}, {Text: "   "}, {Text: "-veto"}, {Text: `-"general assembly" -veto`}, {Text: "... --"},
		{Text: many}, {Text: `"` + many + `"`},
		{Text: `"unclosed`, Raw: true}, {Text: "AND OR", Raw: true}, {Text: many, Raw: true},
	} {
		_, err := db.Search(context.Background(), q)
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q, raw %v) = %v, want ErrBadQuery", q.Text, q.Raw, err)
		}
	}
	if _, err := db.Search(context.Background(), SearchQuery{Text: strings.Repeat("word ", MaxQueryTerms)}); err != nil {
		t.Errorf("a query of %d words: %v", MaxQueryTerms, err)
	}
}

// TestSearchEnginesAgree ranks the same corpus with an FTS5 and an FTS4
// index: the ranking of FTS4 matches is FTS5's bm25. (The snippets may
// differ: each engine picks its passage its own way.)
func TestSearchEnginesAgree(t *testing.T) {
	results := map[string][][]Hit{}
	queries := []SearchQuery{
		{Text: "resolution"}, {Text: "the"}, {Text: "security council"}, {Text: `"security council" veto`},
		{Text: "resolution -climate"}, {Text: "ka lo"}, {Text: "the resolution", Site: "b.example"},
	}
	forEachEngine(t, func(t *testing.T, engine string) {
		db := searchCorpus(t, sqliteBackend)
		for _, q := range queries {
			hits, err := db.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			results[engine] = append(results[engine], hits)
		}
	})
	if results["fts5"] == nil {
		t.Skip("SQLite built without FTS5 (tag sqlite_fts5): nothing to compare with")
	}
	for i, q := range queries {
		a, b := results["fts4"][i], results["fts5"][i]
		if len(a) != len(b) || len(a) == 0 {
			t.Errorf("%q: %d FTS4 hits, %d FTS5 hits", q.Text, len(a), len(b))
			continue
		}
		for j := range a {
			if a[j].ArticleID != b[j].ArticleID || math.Abs(a[j].Score-b[j].Score) > 1e-9 {
				t.Errorf("%q hit %d: FTS4 %d %.12f %q, FTS5 %d %.12f %q", q.Text, j,
					a[j].ArticleID, a[j].Score, a[j].Snippet, b[j].ArticleID, b[j].Score, b[j].Snippet)
			}
		}
	}
}

func TestStats(t *testing.T) { forEachBackend(t, testStats) }

func testStats(t *testing.T, be backend) {
	ctx := context.Background()
	db := exportCorpus(t, be)
	db.Done(ctx, "job", crawl.Fetch{URL: "https://a.example/x", Error: "timeout"})
	db.Done(ctx, "job", crawl.Fetch{URL: "https://a.example/y", Error: "timeout"})
	db.Done(ctx, "job", crawl.Fetch{URL: "https://a.example/z", Error: "http-404"})
	db.Done(ctx, "job", crawl.Fetch{URL: "https://a.example/z", Status: 200}) // recovered
	db.Done(ctx, "job", crawl.Fetch{URL: "https://a.example/big", Error: "too-large"})
	db.Enqueue(ctx, "job", []crawl.Queued{{URL: "https://a.example/later"}})

	got, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{
		Pages: 4, Articles: 3, Duplicates: 1, ExactDuplicates: 1, NearDuplicates: 0, Records: 2,
		Facts:      map[string]int{"countries": 4, "counts": 4, "votes": 3, "positions": 4, "sponsors": 4, "stances": 1},
		Extractors: map[string]int{"test-1": 2}, NotExtracted: map[string]int{},
		Failures:  map[string]int{"timeout": 2, "too-large": 1},
		Queued:    1,
		Countries: []Frequency{{"FRA", 2}, {"USA", 2}},
		Bodies:    []Frequency{{"UNGA", 2}, {"UK_COMMONS", 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats =\n%+v\nwant\n%+v", got, want)
	}
	empty, err := be.open(t).Stats(ctx)
	if err != nil || empty.Pages != 0 || empty.Countries == nil {
		t.Errorf("Stats of an empty corpus = %+v, %v", empty, err)
	}
}

// TestSearchBackendsAgree runs plain queries on SQLite and on PostgreSQL:
// they must find the same articles (their order may differ, each engine
// ranking its own way), and PostgreSQL's snippets mark the words found.
func TestSearchBackendsAgree(t *testing.T) {
	queries := []struct {
		q           SearchQuery
		wantSnippet string // in a snippet of PostgreSQL's hits
	}{
		{SearchQuery{Text: "resolution"}, "[resolution] demanding"},
		{SearchQuery{Text: "résolution"}, "[Résolution]"},
		{SearchQuery{Text: `"security council"`}, "[Security] [Council]"},
		{SearchQuery{Text: `"council security"`}, ""},
		{SearchQuery{Text: "veto draft"}, "[veto]"},
		{SearchQuery{Text: "resolution -veto -climate"}, ""},
		{SearchQuery{Text: `resolution -"general assembly"`}, ""},
		{SearchQuery{Text: "veto AND OR NOT"}, ""},
		{SearchQuery{Text: `veto* (draft) "security`}, ""},
		{SearchQuery{Text: "resolution", Site: "b.example"}, ""},
		{SearchQuery{Text: "resolution", From: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC), To: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)}, ""},
		{SearchQuery{Text: "veto", MarkStart: "<b>", MarkEnd: "</b>"}, "<b>veto</b> blocked"},
		{SearchQuery{Text: "zzzz"}, ""},
	}
	found := map[backend][][]string{}
	forEachBackend(t, func(t *testing.T, be backend) {
		db := searchCorpus(t, be)
		for _, tt := range queries {
			hits, err := db.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatalf("%q: %v", tt.q.Text, err)
			}
			var titles []string
			snippets := ""
			for _, h := range hits {
				titles = append(titles, h.Title)
				snippets += h.Snippet + "\n"
			}
			sort.Strings(titles)
			found[be] = append(found[be], titles)
			if be == postgresBackend && !strings.Contains(snippets, tt.wantSnippet) {
				t.Errorf("%q: snippets %q do not contain %q", tt.q.Text, snippets, tt.wantSnippet)
			}
		}
	})
	if found[postgresBackend] == nil {
		return
	}
	for i, tt := range queries {
		if got, want := found[postgresBackend][i], found[sqliteBackend][i]; !reflect.DeepEqual(got, want) {
			t.Errorf("%q: PostgreSQL finds %q, SQLite %q", tt.q.Text, got, want)
		}
	}
}

func TestSearchBadQueryPostgres(t *testing.T) {
	forEachBackend(t, func(t *testing.T, be backend) {
		if be != postgresBackend {
			t.Skip("SQLite: see TestSearchBadQuery")
		}
		db := searchCorpus(t, be)
		for _, q := range []SearchQuery{{Text: ""}, {Text: "-veto"}, {Text: "veto &", Raw: true}, {Text: "(veto", Raw: true}} {
			if _, err := db.Search(context.Background(), q); !errors.Is(err, ErrBadQuery) {
				t.Errorf("Search(%q, raw %v) = %v, want ErrBadQuery", q.Text, q.Raw, err)
			}
		}
	})
}

// filteredCorpus stores n articles on three sites over n days, each with
// a text of made-up words, a vote of one of three bodies and two or three
// of five countries, and returns the facts each article was stored with.
func filteredCorpus(t *testing.T, be backend, n int) (*DB, map[int64]filteredArticle) {
	t.Helper()
	db := be.open(t)
	bodies, countries := []string{"UNGA", "UNSC", "HRC"}, []string{"FRA", "KEN", "CHL", "JPN", "IND"}
	var docs []Doc
	for i := range n {
		site := fmt.Sprintf("s%d.example", i%3)
		url := fmt.Sprintf("https://%s/news/%d", site, i)
		text := paragraphs(words(uint64(i)+7, 40+i%30))
		if i%4 == 0 {
			text += " The resolution was put to a vote."
		}
		date := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*7%n) // dates not in the order of ids
		rec := &extract.Record{Doc: url, Extractor: "t", Votes: []extract.Vote{{Body: bodies[i*5%7%3]}},
			Countries: []string{countries[i%5], countries[(i/5+i)%5]}}
		if i%3 == 0 {
			rec.Countries = append(rec.Countries, countries[(i/3+2)%5])
		}
		docs = append(docs, Doc{
			Page:    crawl.Page{URL: url, Status: 200, Body: []byte(text), Fetched: date},
			Article: &clean.Article{URL: url, Title: fmt.Sprintf("Item %d %s", i, words(uint64(i), 2)[0]), Text: text, Published: date.Format(time.RFC3339)},
			Record:  rec,
		})
	}
	if _, err := db.SaveAll(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(context.Background(), SearchQuery{Text: "item", Limit: n + 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != n {
		t.Fatalf("%d articles stored, %d found", len(hits), n)
	}
	facts := map[int64]filteredArticle{}
	for _, h := range hits {
		var i int
		fmt.Sscanf(h.Title, "Item %d", &i)
		set := map[string]bool{}
		for _, c := range docs[i].Record.Countries {
			set[c] = true
		}
		facts[h.ArticleID] = filteredArticle{site: h.Site, date: h.Date, body: docs[i].Record.Votes[0].Body, countries: set}
	}
	return db, facts
}

type filteredArticle struct {
	site      string
	date      time.Time
	body      string
	countries map[string]bool
}

// keeps reports whether the filters of q keep a.
func (a filteredArticle) keeps(q SearchQuery) bool {
	return (q.Site == "" || a.site == q.Site) && (q.From.IsZero() || !a.date.Before(q.From)) && (q.To.IsZero() || a.date.Before(q.To)) &&
		(q.Body == "" || a.body == q.Body) && (q.Country == "" || a.countries[q.Country])
}

// TestSearchFiltered checks that a search with filters finds what the
// search without them finds and the filters keep, in the same order, a
// page at a time, and that a bounded search ranks the matches the filters
// keep that were stored last: on each engine, filters keeping few
// articles and filters keeping most.
func TestSearchFiltered(t *testing.T) {
	forEachBackend(t, func(t *testing.T, be backend) {
		if be == postgresBackend {
			testSearchFiltered(t, be)
			return
		}
		forEachEngine(t, func(t *testing.T, engine string) { testSearchFiltered(t, be) })
	})
}

func testSearchFiltered(t *testing.T, be backend) {
	const n = 150
	ctx := context.Background()
	db, facts := filteredCorpus(t, be, n)
	day := func(d int) time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	filters := []SearchQuery{
		{Site: "s1.example"},
		{From: day(10)},              // most articles: the list handed to the index is of those left out
		{From: day(40), To: day(60)}, // few
		{Body: "HRC"},
		{Country: "CHL"},
		{Body: "UNSC", Country: "KEN", From: day(30)},
		{Site: "s2.example", Body: "UNGA", Country: "FRA", From: day(5), To: day(140)},
		{Body: "HRC", Country: "ZZZ"}, // none
		{Site: "nowhere.example"},     // none
	}
	for _, text := range []string{"item", "resolution", "ka", `"the resolution" -item`, "ka -lo"} {
		all, err := db.Search(ctx, SearchQuery{Text: text, Limit: n + 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) == 0 && !strings.HasSuffix(text, "-item") {
			t.Fatalf("%q finds nothing", text)
		}
		for _, f := range filters {
			q := f
			q.Text, q.Limit = text, n+1
			var want []int64
			for _, h := range all {
				if facts[h.ArticleID].keeps(q) {
					want = append(want, h.ArticleID)
				}
			}
			got, err := db.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if ids := hitIDs(got); !reflect.DeepEqual(ids, want) {
				t.Errorf("%+v:\n got %v\nwant %v", q, ids, want)
			}
			var paged []int64
			for off := 0; off < len(want)+7; off += 7 {
				q.Offset, q.Limit = off, 7
				page, err := db.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, hitIDs(page)...)
			}
			if !reflect.DeepEqual(paged, want) {
				t.Errorf("%+v by pages of 7:\n got %v\nwant %v", q, paged, want)
			}
			if be == postgresBackend || len(want) < 3 {
				continue // PostgreSQL ranks every match
			}
			// Bounded to the half stored last of the matches kept.
			q.Offset, q.Limit, q.MaxRanked = 0, n+1, len(want)/2
			newest := append([]int64(nil), want...)
			sort.Slice(newest, func(i, j int) bool { return newest[i] > newest[j] })
			keep := map[int64]bool{}
			for _, id := range newest[:q.MaxRanked] {
				keep[id] = true
			}
			var wantBounded []int64
			for _, id := range want {
				if keep[id] {
					wantBounded = append(wantBounded, id)
				}
			}
			res, err := db.SearchPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if ids := hitIDs(res.Hits); !reflect.DeepEqual(ids, wantBounded) || !res.Bounded {
				t.Errorf("%+v: bounded %v\n got %v\nwant %v", q, res.Bounded, ids, wantBounded)
			}
		}
	}
}

func hitIDs(hits []Hit) []int64 {
	var ids []int64
	for _, h := range hits {
		ids = append(ids, h.ArticleID)
	}
	return ids
}

// TestSearchPhraseCountsFollowWrites ranks with FTS4 before and after
// articles are stored and removed: the ranks must be those of a corpus
// opened anew, whose phrase counts are read from the index.
func TestSearchPhraseCountsFollowWrites(t *testing.T) {
	forEachEngine(t, func(t *testing.T, engine string) {
		ctx := context.Background()
		path := filepath.Join(t.TempDir(), "tally.db")
		db := mustOpenPath(t, path)
		q := SearchQuery{Text: "resolution vote"}
		check := func(step string) {
			t.Helper()
			got, err := db.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			fresh := mustOpenPath(t, path)
			want, err := fresh.Search(ctx, q)
			fresh.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %d hits %v, anew %d hits %v", step, len(got), got, len(want), want)
			}
		}
		save := func(i int, text string) {
			t.Helper()
			d := testDoc(i, "a.example")
			d.Article.Text = text
			if _, err := db.Save(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		save(1, "The resolution was put to a vote.")
		save(2, "A vote on the budget.")
		check("two articles")
		save(3, "The resolution passed; the vote was close. The resolution.")
		check("a third")
		if _, err := db.write.ExecContext(ctx, `DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)`); err != nil {
			t.Fatal(err)
		}
		check("the first removed")
	})
}
