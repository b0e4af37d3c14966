package eval

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

func ip(n int) *int { return &n }

func f1(tp, sys, gold int) float64 { return prf(tp, sys, gold).F1 }

func goldOf(t *testing.T) *Gold {
	t.Helper()
	g, err := LoadGold(fstest.MapFS{
		"a.txt": {Data: []byte("A.")}, "b.txt": {Data: []byte("B.")}, "c.txt": {Data: []byte("C.")}, "d.txt": {Data: []byte("D.")},
		"articles.json": {Data: []byte(`{"a": {"published": "2025-02-25T08:00:00Z"}, "b": {"published": "2025-02-25T08:00:00Z"},
			"c": {"published": "2025-02-25T08:00:00Z"}, "d": {"published": "2025-02-25T08:00:00Z"}}`)},
		"events.json": {Data: []byte(`{"events": [
			{"id": "ua", "body": "UNGA", "date": "2025-02-24", "outcome": "adopted", "tally": {"yes": 93, "no": 18, "abstain": 65},
			 "positions": {"USA": "no"}, "sponsors": ["UKR"], "articles": ["a", "b", "c"]},
			{"id": "us", "body": "UNGA", "date": "2025-02-24", "outcome": "adopted", "tally": {"yes": 93, "no": 8, "abstain": 73},
			 "articles": ["d"]}]}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestScore(t *testing.T) {
	g := goldOf(t)
	day := time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)
	report := func(id string, yes, no, abst int) events.Report {
		return events.Report{Article: events.Article{ID: id}, Vote: extract.Vote{Body: "UNGA", Outcome: "adopted",
			Tally: extract.Tally{Yes: ip(yes), No: ip(no), Abstain: ip(abst)}},
			Date: events.Date{Start: day, End: day, FromText: true}}
	}
	reports := []events.Report{report("a", 93, 18, 65), report("b", 93, 18, 65), report("c", 93, 18, 65), report("d", 93, 8, 73)}
	event := func(id string, yes, no, abst int, pos map[string]string, sponsors []string, arts ...string) events.Event {
		e := events.Event{ID: id, Body: "UNGA", Date: "2025-02-24", Outcome: "adopted",
			Tally: extract.Tally{Yes: ip(yes), No: ip(no), Abstain: ip(abst)}, Positions: pos, Sponsors: sponsors}
		for _, a := range arts {
			e.Articles = append(e.Articles, events.ArticleRef{ID: a})
		}
		return e
	}
	usNo := map[string]string{"USA": "no"}
	ukr := []string{"UKR"}
	tests := []struct {
		name         string
		evs          []events.Event
		p, r, factF1 float64
	}{
		{"perfect", []events.Event{event("x", 93, 18, 65, usNo, ukr, "a", "b", "c"), event("y", 93, 8, 73, nil, nil, "d")}, 1, 1, 1},
		// a, b, c each see 3 of 4 right; d sees 1 of 4.
		// Gold has 14 facts: 8 of ua (body, date, outcome, 3 sides, a
		// position, a sponsor), 6 of us. The merged event is ua's: 8 of 14.
		{"all merged", []events.Event{event("x", 93, 18, 65, usNo, ukr, "a", "b", "c", "d")}, (3*0.75 + 0.25) / 4, 1, f1(8, 8, 14)},
		// a, b, c each find 1 of 3.
		{"all split", []events.Event{event("x", 93, 18, 65, usNo, ukr, "a"), event("y", 93, 18, 65, nil, nil, "b"),
			event("z", 93, 18, 65, nil, nil, "c"), event("w", 93, 8, 73, nil, nil, "d")}, 1, (3*(1.0/3) + 1) / 4, f1(14, 26, 14)},
		{"wrong tally kept", []events.Event{event("x", 93, 18, 63, usNo, ukr, "a", "b", "c"), event("y", 93, 8, 73, nil, nil, "d")}, 1, 1, f1(13, 14, 14)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := Score(g, reports, tc.evs)
			near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
			if !near(rep.Grouping.Precision, tc.p) || !near(rep.Grouping.Recall, tc.r) {
				t.Errorf("grouping P %.4f R %.4f, want P %.4f R %.4f", rep.Grouping.Precision, rep.Grouping.Recall, tc.p, tc.r)
			}
			if !near(rep.Facts.F1, tc.factF1) {
				t.Errorf("facts F1 %.4f (%d/%d/%d), want %.4f", rep.Facts.F1, rep.Facts.TP, rep.Facts.System, rep.Facts.Gold, tc.factF1)
			}
		})
	}
}

func TestScoreUnalignedReport(t *testing.T) {
	g := goldOf(t)
	day := time.Date(2025, 2, 24, 0, 0, 0, 0, time.UTC)
	// d's report is of another body: it aligns to nothing, and d's gold
	// item is missed.
	r := events.Report{Article: events.Article{ID: "d"}, Vote: extract.Vote{Body: "UNSC"}, Date: events.Date{Start: day, End: day}}
	evs := []events.Event{{ID: "x", Body: "UNSC", Date: "2025-02-24", Articles: []events.ArticleRef{{ID: "d"}}}}
	rep := Score(g, []events.Report{r}, evs)
	if rep.Aligned != 0 || rep.GoldItems != 4 || rep.Grouping.Precision != 1 {
		t.Errorf("aligned %d of %d, precision %.3f", rep.Aligned, rep.GoldItems, rep.Grouping.Precision)
	}
	// Recall: the gold items a, b, c and d are each alone: 1/3 * 3 + 1, over 4.
	if want := (3*(1.0/3) + 1) / 4; math.Abs(rep.Grouping.Recall-want) > 1e-9 {
		t.Errorf("recall %.4f, want %.4f", rep.Grouping.Recall, want)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	arts := `{"a": {"published": "2025-02-25T08:00:00Z"}}`
	ev := func(body string) string {
		return `{"events": [` + body + `]}`
	}
	tests := []struct {
		name string
		fs   fstest.MapFS
		want string
	}{
		{"no events.json", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(arts)}}, "gold set has no events.json"},
		{"bad published", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(`{"a": {"published": "Monday"}}`)},
			"events.json": {Data: []byte(ev(""))}}, `articles.json: a: published "Monday" is not an RFC 3339 time`},
		{"text without entry", fstest.MapFS{"a.txt": {}, "b.txt": {}, "articles.json": {Data: []byte(arts)},
			"events.json": {Data: []byte(ev(""))}}, "articles.json: no entry for b.txt"},
		{"unknown article", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(arts)},
			"events.json": {Data: []byte(ev(`{"id": "e", "body": "UNGA", "date": "2025-02-24", "articles": ["z"]}`))}},
			`events.json: events[0] (e): article "z" has no z.txt`},
		{"bad date", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(arts)},
			"events.json": {Data: []byte(ev(`{"id": "e", "body": "UNGA", "date": "24 Feb", "articles": ["a"]}`))}},
			`events.json: events[0] (e): date "24 Feb" is not YYYY-MM-DD`},
		{"bad position", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(arts)},
			"events.json": {Data: []byte(ev(`{"id": "e", "body": "UNGA", "date": "2025-02-24", "positions": {"FRA": "maybe"}, "articles": ["a"]}`))}},
			`positions["FRA"]: "maybe" is not yes, no or abstain`},
		{"unknown field", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(arts)},
			"events.json": {Data: []byte(ev(`{"id": "e", "body": "UNGA", "date": "2025-02-24", "votes": 3, "articles": ["a"]}`))}},
			`events.json: json: unknown field "votes"`},
		{"duplicate id", fstest.MapFS{"a.txt": {}, "articles.json": {Data: []byte(arts)},
			"events.json": {Data: []byte(ev(`{"id": "e", "body": "UNGA", "date": "2025-02-24", "articles": ["a"]}, {"id": "e", "body": "UNGA", "date": "2025-02-24", "articles": ["a"]}`))}},
			`events.json: events[1]: id "e" used twice`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadGold(tc.fs)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
