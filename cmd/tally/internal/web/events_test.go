package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

func TestEventPages(t *testing.T) {
	srv, db, _ := newTestServer(t)
	var all []corpus.StoredEvent
	if err := db.Events(context.Background(), corpus.EventFilter{}, func(e corpus.StoredEvent) error { all = append(all, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(all) < 3 {
		t.Fatalf("%d events in the test corpus; the test needs 3", len(all))
	}
	code, body, _ := get(t, srv, "/events")
	if code != http.StatusOK {
		t.Fatalf("/events: status %d", code)
	}
	for _, e := range all {
		if !strings.Contains(body, `href="/events/`+url.PathEscape(e.ID)+`"`) {
			t.Errorf("/events does not link event %s", e.ID)
		}
	}
	// The veto: its page shows who stated what, linked at the sentence.
	var veto corpus.StoredEvent
	for _, e := range all {
		if e.Body == "UNSC" && e.Outcome == "vetoed" {
			veto = e
		}
	}
	if veto.ID == "" {
		t.Fatal("no vetoed UNSC event")
	}
	code, body, _ = get(t, srv, "/events/"+url.PathEscape(veto.ID))
	if code != http.StatusOK {
		t.Fatalf("event page: status %d", code)
	}
	ref := veto.Articles[0]
	for _, want := range []string{
		fmt.Sprintf(`href="/articles/%s#f-v%d"`, ref.ID, ref.Vote),
		"<code>outcome</code>", "<strong>vetoed</strong>", veto.Support["outcome"].Reason,
		`<a class="tag" href="/countries/RUS">RUS</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("event page lacks %q", want)
		}
	}
	// The anchor it links to is on the article's page.
	_, article, _ := get(t, srv, "/articles/"+ref.ID)
	if !strings.Contains(article, fmt.Sprintf(`id="f-v%d"`, ref.Vote)) {
		t.Errorf("the article page has no anchor f-v%d", ref.Vote)
	}
	var page eventsJSON
	getJSON(t, srv, "/api/events?body=unsc&size=1", &page)
	if len(page.Events) != 1 || page.Events[0].Body != "UNSC" || page.Size != 1 {
		t.Errorf("API events of UNSC, size 1: %+v", page)
	}
	var one corpus.StoredEvent
	getJSON(t, srv, "/api/events/"+url.PathEscape(veto.ID), &one.Event)
	if one.ID != veto.ID || len(one.Articles) != len(veto.Articles) {
		t.Errorf("API event %s differs from the stored one", veto.ID)
	}
}

// TestEventConflicts shows a fact the articles disagree on, each value
// with the articles that state it, linked at their vote.
func TestEventConflicts(t *testing.T) {
	yes := 13
	e := events.Event{ID: "UNSC-1", Body: "UNSC", Date: "2025-11-20", Outcome: "vetoed", Tally: extract.Tally{Yes: &yes},
		Articles: []events.ArticleRef{{ID: "4", Site: "a.example", Vote: 0}, {ID: "9", Site: "b.example", Vote: 2}, {ID: "11", Vote: 1}},
		Support: map[string]events.Support{
			"tally.yes": {Value: "13", Articles: []string{"4", "11"}, Reason: events.ReasonMostSources,
				Conflicts: []events.Conflict{{Value: "12", Articles: []string{"9"}}}},
			"outcome": {Value: "vetoed", Articles: []string{"4", "9", "11"}, Reason: events.ReasonOnly},
		}}
	d := newEventData(e)
	if len(d.Support) != 2 || d.Support[0].Fact != "outcome" || d.Support[1].Fact != "tally.yes" {
		t.Fatalf("support rows %+v, want outcome then tally.yes", d.Support)
	}
	c := d.Support[1].Conflicts
	if len(c) != 1 || c[0].Value != "12" || len(c[0].Articles) != 1 || c[0].Articles[0].Href != "/articles/9#f-v2" || c[0].Articles[0].Label != "b.example" {
		t.Errorf("conflicts %+v, want 12 stated by b.example at /articles/9#f-v2", c)
	}
	if got := d.Support[1].Articles; len(got) != 2 || got[1].Label != "article 11" || got[1].Href != "/articles/11#f-v1" {
		t.Errorf("articles of the kept tally %+v", got)
	}
	var buf strings.Builder
	if err := pages["event"].Execute(&buf, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<tr class="conflicted">`, `<div class="conflict"><strong>12</strong> <a class="tag" href="/articles/9#f-v2" title="article 9">b.example</a>`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("event page lacks %q", want)
		}
	}
}

func TestEventListFilters(t *testing.T) {
	srv, _, _ := newTestServer(t)
	rowRE := regexp.MustCompile(`<a class="tag tag-body" href="/events\?body=(\w+)">`)
	tests := []struct {
		target     string
		wantStatus int
		wantBodies string // of the rows, in order
		want       string
	}{
		{"/events?body=UK_COMMONS", 200, "UK_COMMONS UK_COMMONS UK_COMMONS", ""},
		{"/events?country=RUS&body=UNSC", 200, "UNSC UNSC", ""},
		{"/events?size=1", 200, "", `rel="next" href="/events?page=2&amp;size=1"`},
		{"/events?body=EP", 200, "", "No event here"},
		{"/events?country=Russia", 400, "", "want a country"},
		{"/events?from=soon", 400, "", "want a date"},
		{"/events/nope", 404, "", "no such event"},
		{"/api/events/nope", 404, "", `"error": "no such event"`},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			code, body, _ := get(t, srv, tt.target)
			if code != tt.wantStatus {
				t.Errorf("status %d, want %d", code, tt.wantStatus)
			}
			if tt.wantBodies != "" {
				var got []string
				for _, m := range rowRE.FindAllStringSubmatch(body, -1) {
					got = append(got, m[1])
				}
				if strings.Join(got, " ") != tt.wantBodies {
					t.Errorf("bodies %q, want %q", got, tt.wantBodies)
				}
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body lacks %q", tt.want)
			}
		})
	}
}
