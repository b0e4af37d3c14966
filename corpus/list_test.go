package corpus

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

func TestList(t *testing.T) { forEachBackend(t, testList) }

func testList(t *testing.T, be backend) {
	db := searchCorpus(t, be)
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name       string
		q          ListQuery
		wantTitles []string
	}{
		{"all, newest first", ListQuery{}, []string{"Resolution on climate", "Parliament passes budget", "Security Council deadlocked", "Assembly demands withdrawal"}},
		{"site", ListQuery{Site: "a.example"}, []string{"Parliament passes budget", "Assembly demands withdrawal"}},
		{"dates", ListQuery{From: day(2), To: day(4)}, []string{"Parliament passes budget", "Security Council deadlocked"}},
		{"body", ListQuery{Body: "UNGA"}, []string{"Resolution on climate", "Assembly demands withdrawal"}},
		{"country", ListQuery{Country: "fra"}, []string{"Parliament passes budget", "Assembly demands withdrawal"}},
		{"site and country", ListQuery{Site: "b.example", Country: "GBR"}, []string{"Resolution on climate"}},
		{"body and dates", ListQuery{Body: "UNSC", From: day(2), To: day(3)}, []string{"Security Council deadlocked"}},
		{"no such body", ListQuery{Body: "EP"}, nil},
		{"page", ListQuery{Offset: 1, Limit: 2}, []string{"Parliament passes budget", "Security Council deadlocked"}},
		{"past the end", ListQuery{Offset: 4}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := db.List(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, s := range list {
				titles = append(titles, s.Title)
			}
			if !reflect.DeepEqual(titles, tt.wantTitles) {
				t.Errorf("titles %q, want %q", titles, tt.wantTitles)
			}
		})
	}
	for _, q := range []ListQuery{{Limit: -1}, {Limit: MaxListLimit + 1}, {Offset: -1}} {
		if _, err := db.List(context.Background(), q); err == nil {
			t.Errorf("List(%+v) gave no error", q)
		}
	}
}

// TestListFiltersLatestRecord re-extracts an article: the filters then
// read its new record, not the one before.
func TestListFiltersLatestRecord(t *testing.T) { forEachBackend(t, testListFiltersLatestRecord) }

func testListFiltersLatestRecord(t *testing.T, be backend) {
	db := searchCorpus(t, be)
	ctx := context.Background()
	before, err := db.List(ctx, ListQuery{Country: "USA"})
	if err != nil || len(before) != 1 {
		t.Fatalf("country USA: %v, %v; want one article", before, err)
	}
	a, err := db.Article(ctx, before[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	rec := &extract.Record{Doc: "again", Extractor: "t2", Countries: []string{"CHL"}}
	if err := db.Replace(ctx, a.PageID, &a.Article, rec); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    ListQuery
		want int
	}{{ListQuery{Country: "USA"}, 0}, {ListQuery{Country: "CHL"}, 1}, {ListQuery{Body: "UNSC"}, 0}} {
		got, err := db.List(ctx, tt.q)
		if err != nil || len(got) != tt.want {
			t.Errorf("List(%+v) = %d articles, %v; want %d", tt.q, len(got), err, tt.want)
		}
	}
}

// TestListFiltersRecordAdded stores a second record of an article, as a
// corpus of several records per article holds: the body and country
// filters then see only the second, the latest.
func TestListFiltersRecordAdded(t *testing.T) { forEachBackend(t, testListFiltersRecordAdded) }

func testListFiltersRecordAdded(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	d := testDoc(1, "news.example")
	d.Record = &extract.Record{Doc: "a", Countries: []string{"USA"}, Votes: []extract.Vote{{Body: "UNSC", Outcome: "adopted"}}}
	s, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	count := func(step string, q ListQuery, want int) {
		t.Helper()
		got, err := db.List(ctx, q)
		if err != nil || len(got) != want {
			t.Errorf("%s: List(%+v) = %d articles, %v; want %d", step, q, len(got), err, want)
		}
	}
	count("first record", ListQuery{Body: "UNSC", Country: "USA"}, 1)
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	second := &extract.Record{Doc: "a", Countries: []string{"CHL"}, Votes: []extract.Vote{{Body: "HRC", Outcome: "rejected"}}}
	if _, err := insertRecord(ctx, tx, s.ArticleID, second, "", "", false); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    ListQuery
		want int
	}{
		{ListQuery{Body: "UNSC"}, 0}, {ListQuery{Country: "USA"}, 0},
		{ListQuery{Body: "HRC"}, 1}, {ListQuery{Country: "CHL"}, 1},
		{ListQuery{Body: "HRC", Country: "CHL"}, 1}, {ListQuery{Body: "UNSC", Country: "CHL"}, 0},
	} {
		count("second record", tt.q, tt.want)
	}
}

// TestMigrateFilterLatest stores, in a corpus of the schema before votes
// and record countries knew their article, an article with two records
// and one with one, and checks that the migration marks those of each
// article's latest record for the filters.
func TestMigrateFilterLatest(t *testing.T) {
	ctx := context.Background()
	const version = 11 // votes.latest, record_countries.latest
	path := oldCorpus(t, version-1,
		`INSERT INTO votes (record_id, body) VALUES (1, 'UNSC'), (2, 'UNSC'), (3, 'HRC')`,
		`INSERT INTO record_countries (record_id, code) VALUES (1, 'USA'), (2, 'USA'), (3, 'CHL')`,
	)
	db := mustOpenPath(t, path)
	for _, tt := range []struct {
		q    ListQuery
		want []int64
	}{
		{ListQuery{Body: "UNSC"}, []int64{2}}, {ListQuery{Country: "USA"}, []int64{2}},
		{ListQuery{Body: "HRC"}, []int64{1}}, {ListQuery{Country: "CHL", Body: "HRC"}, []int64{1}},
	} {
		got, err := db.List(ctx, tt.q)
		var ids []int64
		for _, s := range got {
			ids = append(ids, s.ID)
		}
		if err != nil || !reflect.DeepEqual(ids, tt.want) {
			t.Errorf("after the migration: List(%+v) = %v, %v; want %v", tt.q, ids, err, tt.want)
		}
	}
}

func TestSummariesCountFacts(t *testing.T) { forEachBackend(t, testSummariesCountFacts) }

func testSummariesCountFacts(t *testing.T, be backend) {
	db := be.open(t)
	ctx := context.Background()
	yes := 3
	rec := &extract.Record{Doc: "d", Extractor: "t",
		Countries: []string{"FRA", "USA"},
		Counts:    []extract.Count{{Value: 3, Unit: "vote"}},
		Votes:     []extract.Vote{{Body: "UNSC", Outcome: "adopted", Tally: extract.Tally{Yes: &yes}}},
		Stances:   []extract.Stance{{Holder: "FRA", Target: "USA", Polarity: "support"}, {Holder: "USA", Target: "FRA", Polarity: "oppose"}},
	}
	var ids []int64
	for i, r := range []*extract.Record{rec, nil} {
		url := []string{"https://a.example/one", "https://a.example/two"}[i]
		text := []string{"The council adopted it by three votes. France and the United States spoke.", "Nothing was found in this quite different text."}[i]
		saved, err := db.Save(ctx, Doc{
			Page:    crawl.Page{URL: url, Status: 200, Body: []byte(text), Fetched: testTime},
			Article: &clean.Article{URL: url, Title: url, Text: text},
			Record:  r,
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, saved.ArticleID)
	}
	got, err := db.Summaries(ctx, []int64{ids[1], 9999, ids[0]})
	if err != nil {
		t.Fatal(err)
	}
	want := []Summary{
		{ID: ids[1], URL: "https://a.example/two", Site: "a.example", Title: "https://a.example/two", Date: testTime},
		{ID: ids[0], URL: "https://a.example/one", Site: "a.example", Title: "https://a.example/one", Date: testTime, Countries: 2, Counts: 1, Votes: 1, Stances: 2,
			Bodies: []string{"UNSC"}, Codes: []string{"FRA", "USA"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}
