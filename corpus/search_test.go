package corpus

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

// searchCorpus stores four articles on two sites, on four days.
func searchCorpus(t *testing.T) *DB {
	t.Helper()
	db := MustOpenDB(t)
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
			Record:  &extract.Record{Doc: url, Extractor: "t", Countries: []string{[]string{"FRA", "USA", "FRA", "GBR"}[i]}},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestSearch(t *testing.T) {
	db := searchCorpus(t)
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
		{"two words", SearchQuery{Text: "veto draft"}, []string{"Security Council deadlocked"}, "[veto]"},
		{"prefix", SearchQuery{Text: "withdraw*"}, []string{"Assembly demands withdrawal"}, "[withdrawal]"},
		{"site", SearchQuery{Text: "resolution", Site: "b.example"}, []string{"Resolution on climate", "Security Council deadlocked"}, ""},
		{"dates", SearchQuery{Text: "resolution", From: day(2), To: day(4)}, []string{"Security Council deadlocked", "Parliament passes budget"}, ""},
		{"limit", SearchQuery{Text: "resolution", Limit: 1}, []string{"Resolution on climate"}, ""},
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

func TestSearchBadQuery(t *testing.T) {
	db := searchCorpus(t)
	for _, q := range []string{"", "   ", `"unclosed`, "AND OR", "nosuchcolumn:word"} {
		_, err := db.Search(context.Background(), SearchQuery{Text: q})
		if !errors.Is(err, ErrBadQuery) {
			t.Errorf("Search(%q) = %v, want ErrBadQuery", q, err)
		}
	}
}

func TestStats(t *testing.T) {
	ctx := context.Background()
	db := exportCorpus(t)
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
		Extractors: map[string]int{"test-1": 2},
		Failures:   map[string]int{"timeout": 2, "too-large": 1},
		Queued:     1,
		Countries:  []Frequency{{"FRA", 2}, {"USA", 2}},
		Bodies:     []Frequency{{"UNGA", 2}, {"UK_COMMONS", 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Stats =\n%+v\nwant\n%+v", got, want)
	}
	empty, err := MustOpenDB(t).Stats(ctx)
	if err != nil || empty.Pages != 0 || empty.Countries == nil {
		t.Errorf("Stats of an empty corpus = %+v, %v", empty, err)
	}
}
