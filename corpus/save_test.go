package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

func TestSaveRoundTrip(t *testing.T) { forEachBackend(t, testSaveRoundTrip) }

func testSaveRoundTrip(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	d := testDoc(1, "www.Example.org")
	s, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if s.PageID == 0 || s.ArticleID == 0 || s.RecordID == 0 || s.DuplicateOf != 0 || s.Unchanged {
		t.Fatalf("Save = %+v", s)
	}

	// The page comes back as the crawler handed it.
	var got []crawl.Page
	err = db.Pages(ctx, PageFilter{}, func(p crawl.Page, id int64) error {
		if id != s.PageID {
			t.Errorf("page id %d, want %d", id, s.PageID)
		}
		got = append(got, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := d.Page
	want.Hash = got[0].Hash // computed by Save
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("Pages returned\n%+v\nwant\n%+v", got, want)
	}
	// The body is stored compressed.
	var stored int
	db.read.QueryRow("SELECT length(body) FROM pages").Scan(&stored)
	if stored == 0 || stored >= len(d.Page.Body) {
		t.Errorf("stored body of %d bytes for a body of %d", stored, len(d.Page.Body))
	}

	// The record as JSON.
	var js, extractor string
	if err := db.read.QueryRow("SELECT json, extractor FROM records WHERE id = ?", s.RecordID).Scan(&js, &extractor); err != nil {
		t.Fatal(err)
	}
	var rec extract.Record
	if err := json.Unmarshal([]byte(js), &rec); err != nil {
		t.Fatal(err)
	}
	// Stored, the votes carry their day: the article's, as its text names
	// none. The record given is left as it was.
	wantRec := *d.Record
	wantRec.Votes = slices.Clone(d.Record.Votes)
	for i := range wantRec.Votes {
		if d.Record.Votes[i].Date != "" {
			t.Errorf("Save dated the caller's record: %q", d.Record.Votes[i].Date)
		}
		wantRec.Votes[i].Date = "2024-02-23"
	}
	if !reflect.DeepEqual(&rec, &wantRec) || extractor != "test-1" {
		t.Errorf("stored record %+v (extractor %q), want %+v", rec, extractor, wantRec)
	}

	// The record in its queryable tables.
	queries := []struct {
		name, q string
		want    string
	}{
		{"site", "SELECT site FROM pages", "example.org"},
		{"article", "SELECT title || '|' || date || '|' || byline FROM articles", "Story 1|2024-02-23T17:30:00.000000000Z|A. Writer"},
		{"countries", "SELECT group_concat(code, ',') FROM (SELECT code FROM record_countries ORDER BY code) AS x", "FRA,USA"},
		{"counts", "SELECT group_concat(CAST(value AS INTEGER) || ' ' || unit, ',') FROM (SELECT * FROM record_counts ORDER BY id) AS x", "91 vote,2 ally"},
		{"vote", "SELECT body || ' ' || outcome || ' ' || yes || '-' || no || '-' || coalesce(CAST(abstain AS TEXT), 'null') FROM votes", "UNGA adopted 91-18-null"},
		{"positions", "SELECT group_concat(actor || '=' || position, ',') FROM (SELECT * FROM vote_positions ORDER BY actor) AS x", "RUS=no,USA=yes"},
		{"sponsors", "SELECT group_concat(actor, ',') FROM (SELECT * FROM vote_sponsors ORDER BY actor) AS x", "FRA,USA"},
		{"stances", "SELECT holder || ' ' || polarity || ' ' || target FROM stances", "USA oppose RUS"},
		{"links", "SELECT count(*) FROM records r JOIN articles a ON a.id = r.article_id JOIN pages p ON p.id = a.page_id", "1"},
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			var got string
			if err := db.read.QueryRow(q.q).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != q.want {
				t.Errorf("got %q, want %q", got, q.want)
			}
		})
	}
}

func TestSaveSamePageTwice(t *testing.T) { forEachBackend(t, testSaveSamePageTwice) }

func testSaveSamePageTwice(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	d := testDoc(1, "example.org")
	first, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	d.Page.Fetched = d.Page.Fetched.Add(time.Hour)
	again, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	want := first
	want.Unchanged = true
	if again != want {
		t.Errorf("second Save = %+v, want %+v", again, want)
	}
	for _, table := range []string{"pages", "articles", "records", "votes"} {
		if n := count(t, db, table); n != 1 {
			t.Errorf("%s: %d rows, want 1", table, n)
		}
	}
	// The same URL with another body is a new page; its article, the same
	// text, is an exact duplicate of the first.
	d.Page.Body = append(d.Page.Body, []byte("<!-- new ad -->")...)
	changed, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if changed.Unchanged || changed.PageID == first.PageID || changed.DuplicateOf != first.ArticleID {
		t.Errorf("changed page: %+v", changed)
	}
}

func TestDuplicates(t *testing.T) { forEachBackend(t, testDuplicates) }

func testDuplicates(t *testing.T, be backend) {
	base := paragraphs(words(1000, 300))
	lines := strings.Split(base, "\n")
	tests := []struct {
		name     string
		text     string
		wantDup  bool
		wantKind string
	}{
		{"same text", base, true, "exact"},
		{"other case, spacing and quotes", strings.ToUpper(strings.ReplaceAll(base, " ", "  \u201c")), true, "exact"},
		{"a word changed", strings.Replace(base, " ", " changed ", 1), true, "near"},
		{"last paragraph cut", strings.Join(lines[:len(lines)-1], "\n"), true, "near"},
		{"a paragraph added", base + "\n" + paragraphs(words(1001, 30)), true, "near"},
		{"other text", paragraphs(words(2000, 300)), false, ""},
		{"half the text", strings.Join(lines[:len(lines)/2], "\n"), false, ""},
		{"short other text", "The vote was held on Monday.", false, ""},
	}
	// The copies state the same facts as the first, as wire copy does;
	// TestUpdatedStoryIsNewVersion covers copies whose facts differ.
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := be.open(t)
			first := testDoc(1, "wire.example")
			first.Article.Text = base
			s1, err := db.Save(ctx, first)
			if err != nil {
				t.Fatal(err)
			}
			copyDoc := testDoc(2, "paper.example")
			copyDoc.Article.Text = tt.text
			copyDoc.Record = testRecord(1)
			copyDoc.Record.Doc = "copy"
			s2, err := db.Save(ctx, copyDoc)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.wantDup {
				if s2.DuplicateOf != 0 || s2.ArticleID == 0 || s2.RecordID == 0 {
					t.Errorf("Save = %+v, want a new article", s2)
				}
				return
			}
			if s2.DuplicateOf != s1.ArticleID || s2.ArticleID != 0 || s2.RecordID != 0 || s2.PageID == 0 {
				t.Errorf("Save = %+v, want a page linked to article %d", s2, s1.ArticleID)
			}
			var kind, title, url string
			if err := db.read.QueryRow("SELECT kind, title, url FROM duplicates WHERE page_id = ?", s2.PageID).Scan(&kind, &title, &url); err != nil {
				t.Fatal(err)
			}
			if kind != tt.wantKind || title != copyDoc.Article.Title || url != copyDoc.Article.URL {
				t.Errorf("duplicate row: %s %q %s", kind, title, url)
			}
			if n := count(t, db, "articles"); n != 1 {
				t.Errorf("%d articles stored, want 1", n)
			}
		})
	}
}

func TestSimilarityEstimates(t *testing.T) { forEachBackend(t, testSimilarityEstimates) }

func testSimilarityEstimates(t *testing.T, be backend) {
	base := words(5, 400)
	tests := []struct {
		name     string
		other    []string
		min, max float64
	}{
		{"same", base, 1, 1},
		{"tenth cut", base[:360], 0.75, 1},
		{"unrelated", words(6, 400), 0, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := similarity(minHash(base), minHash(tt.other))
			if got < tt.min || got > tt.max {
				t.Errorf("similarity = %.2f, want in [%.2f, %.2f]", got, tt.min, tt.max)
			}
		})
	}
}

func TestSaveIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	// Make the last insert of a record fail, as a full disk or a broken
	// constraint would.
	if _, err := db.write.Exec(`CREATE TRIGGER refuse_stance BEFORE INSERT ON stances
		WHEN new.holder = 'FAIL' BEGIN SELECT RAISE(ABORT, 'stance refused'); END`); err != nil {
		t.Fatal(err)
	}
	bad := testDoc(2, "example.org")
	bad.Record.Stances = append(bad.Record.Stances, extract.Stance{Holder: "FAIL", Target: "USA", Polarity: "oppose"})
	tests := []struct {
		name string
		save func() error
	}{
		{"one doc", func() error { _, err := db.Save(ctx, bad); return err }},
		{"a batch", func() error { _, err := db.SaveAll(ctx, []Doc{testDoc(1, "example.org"), bad}); return err }},
		{"record without article", func() error {
			d := testDoc(3, "example.org")
			d.Article = nil
			_, err := db.Save(ctx, d)
			return err
		}},
		{"no URL", func() error {
			d := testDoc(4, "example.org")
			d.Page.URL = ""
			_, err := db.Save(ctx, d)
			return err
		}},
		{"cancelled", func() error {
			c, cancel := context.WithCancel(ctx)
			cancel()
			_, err := db.Save(c, testDoc(5, "example.org"))
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.save()
			if err == nil {
				t.Fatal("Save succeeded, want an error")
			}
			t.Log(err)
			for _, table := range []string{"pages", "articles", "records", "record_countries", "votes", "vote_positions", "stances", "minhash_bands"} {
				if n := count(t, db, table); n != 0 {
					t.Errorf("%s: %d rows left by a failed save", table, n)
				}
			}
		})
	}
	// The corpus still works.
	if _, err := db.Save(ctx, testDoc(1, "example.org")); err != nil {
		t.Fatal(err)
	}
}

func TestPagesFilterAndReplace(t *testing.T) { forEachBackend(t, testPagesFilterAndReplace) }

func testPagesFilterAndReplace(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	for i := range 10 {
		site := "a.example"
		if i%2 == 1 {
			site = "b.example"
		}
		d := testDoc(i, site)
		if i >= 5 {
			d.Record.Extractor = "test-2"
		}
		if _, err := db.Save(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// A copy of doc 0 on another site.
	dup := testDoc(0, "c.example")
	dup.Page.URL = "https://c.example/copy"
	if s, err := db.Save(ctx, dup); err != nil || s.DuplicateOf == 0 {
		t.Fatalf("copy: %+v, %v", s, err)
	}
	ids := func(f PageFilter) []int64 {
		var out []int64
		if err := db.Pages(ctx, f, func(p crawl.Page, id int64) error { out = append(out, id); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// Article dates: doc i was published i hours before testTime.
	tests := []struct {
		name string
		f    PageFilter
		want []int64
	}{
		{"all", PageFilter{}, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"site", PageFilter{Site: "https://WWW.b.example/x"}, []int64{2, 4, 6, 8, 10}},
		{"dates", PageFilter{From: testTime.Add(-3 * time.Hour), To: testTime.Add(-time.Hour)}, []int64{3, 4}},
		{"extractor", PageFilter{Extractor: "test-2"}, []int64{6, 7, 8, 9, 10}},
		{"not extractor", PageFilter{NotExtractor: "test-2"}, []int64{1, 2, 3, 4, 5, 11}},
		{"after", PageFilter{AfterID: 9}, []int64{10, 11}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.f); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("pages %v, want %v", got, tt.want)
			}
		})
	}

	// Re-extract everything not done by test-3, stopping after two pages
	// as an interrupted run would, then resume.
	errStop := errors.New("stop")
	done := 0
	reextract := func(p crawl.Page, id int64) error {
		if done == 2 {
			return errStop
		}
		done++
		a := &clean.Article{URL: p.URL, Title: "Rewritten " + p.URL, Text: "zebra " + paragraphs(words(uint64(id)*31, 100))}
		r := testRecord(int(id))
		r.Extractor = "test-3"
		r.Countries = []string{"DEU"}
		return db.Replace(ctx, id, a, r)
	}
	if err := db.Pages(ctx, PageFilter{NotExtractor: "test-3"}, reextract); !errors.Is(err, errStop) {
		t.Fatalf("Pages = %v, want the callback's error", err)
	}
	if got := ids(PageFilter{Extractor: "test-3"}); !reflect.DeepEqual(got, []int64{1, 2}) {
		t.Errorf("after the first pass, test-3 pages %v", got)
	}
	done = -100
	if err := db.Pages(ctx, PageFilter{NotExtractor: "test-3"}, reextract); err != nil {
		t.Fatal(err)
	}
	if got := ids(PageFilter{NotExtractor: "test-3"}); len(got) != 0 {
		t.Errorf("pages left to re-extract: %v", got)
	}
	// The copy got an article of its own: its new text is its own.
	if n := count(t, db, "duplicates"); n != 0 {
		t.Errorf("%d duplicates left", n)
	}
	if n, r := count(t, db, "articles"), count(t, db, "records"); n != 11 || r != 11 {
		t.Errorf("%d articles and %d records, want 11 each", n, r)
	}
	var deu int
	db.read.QueryRow("SELECT count(*) FROM record_countries WHERE code = 'DEU'").Scan(&deu)
	if deu != 11 || count(t, db, "record_countries") != 11 {
		t.Errorf("countries not replaced: %d DEU of %d", deu, count(t, db, "record_countries"))
	}
	// Search sees the new texts only.
	hits, err := db.Search(ctx, SearchQuery{Text: "zebra", Limit: 100})
	if err != nil || len(hits) != 11 {
		t.Errorf("search for the new word: %d hits, %v", len(hits), err)
	}
	if hits, _ := db.Search(ctx, SearchQuery{Text: "title:story"}); len(hits) != 0 {
		t.Errorf("old titles still found: %+v", hits)
	}

	if err := db.Replace(ctx, 999, &clean.Article{}, nil); !errors.Is(err, ErrNotFound) {
		t.Errorf("Replace of a missing page = %v", err)
	}
}

func TestSaveConcurrently(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	if _, err := db.write.Exec(`CREATE TRIGGER refuse_stance BEFORE INSERT ON stances
		WHEN new.holder = 'FAIL' BEGIN SELECT RAISE(ABORT, 'stance refused'); END`); err != nil {
		t.Fatal(err)
	}
	const workers, each = 8, 25
	errs := make([]error, workers*each)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				n := w*each + i
				d := testDoc(n, "example.org")
				if n%10 == 3 {
					d.Record.Stances = append(d.Record.Stances, extract.Stance{Holder: "FAIL", Target: "USA", Polarity: "oppose"})
				}
				_, errs[n] = db.Save(ctx, d)
			}
		}()
	}
	wg.Wait()
	failed := 0
	for n, err := range errs {
		if (n%10 == 3) != (err != nil) {
			t.Errorf("doc %d: error %v", n, err)
		}
		if err != nil {
			failed++
		}
	}
	stored := workers*each - failed
	for _, table := range []string{"pages", "articles", "records", "votes", "stances"} {
		if n := count(t, db, table); n != stored {
			t.Errorf("%s: %d rows, want %d (one per stored doc)", table, n, stored)
		}
	}
	db.Close()
	if _, err := db.Save(ctx, testDoc(1000, "example.org")); !errors.Is(err, ErrClosed) {
		t.Errorf("Save after Close = %v, want ErrClosed", err)
	}
}

// TestSaveGroupFailingDoc stores a group of docs of which one fails: the
// others are stored, and only the failing one says why.
func TestSaveGroupFailingDoc(t *testing.T) { forEachBackend(t, testSaveGroupFailingDoc) }

func testSaveGroupFailingDoc(t *testing.T, be backend) {
	if be == sqliteBackend {
		t.Skip("SQLite stores any text; PostgreSQL refuses a NUL byte, which makes the doc fail")
	}
	ctx := context.Background()
	db := be.open(t)
	var group []*saveRequest
	for i := range 4 {
		d := testDoc(i, "group.example")
		if i == 2 {
			d.Article.Title = "Story\x00 2"
		}
		p, err := preparePage(&d)
		if err != nil {
			t.Fatal(err)
		}
		group = append(group, &saveRequest{ctx: ctx, doc: &d, page: &p, done: make(chan struct{})})
	}
	db.commitGroup(group)
	for i, r := range group {
		if failed := r.err != nil; failed != (i == 2) {
			t.Errorf("doc %d: err %v, want one for doc 2 only", i, r.err)
		}
		if stored := r.saved.ArticleID != 0; stored != (i != 2) {
			t.Errorf("doc %d: saved %+v", i, r.saved)
		}
	}
	if got := count(t, db, "articles"); got != 3 {
		t.Errorf("%d articles stored, want 3", got)
	}
}
