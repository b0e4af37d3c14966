package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

func TestArticlePageCopies(t *testing.T) {
	srv, db, _ := newTestServer(t)
	id := articleIDByURL(t, db, "http://news.example/world/unsc-sudan-aid-veto.html")
	_, body, _ := get(t, srv, fmt.Sprintf("/articles/%d", id))
	for _, want := range []string{`<a href="http://wire.example/sudan-copy" rel="noreferrer noopener">wire.example</a>`, "exact duplicate", "1 duplicates"} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	var a articleJSON
	getJSON(t, srv, fmt.Sprintf("/api/articles/%d", id), &a)
	if len(a.Duplicates) != 1 || a.Duplicates[0].URL != "http://wire.example/sudan-copy" || a.Duplicates[0].Site != "wire.example" {
		t.Errorf("API duplicates %+v, want the wire copy", a.Duplicates)
	}
	other := articleIDByURL(t, db, "http://news.example/politics/commons-critical-minerals-bill.html")
	if _, body, _ := get(t, srv, fmt.Sprintf("/articles/%d", other)); !strings.Contains(body, "none: no other page carries this article") {
		t.Errorf("an article without copies does not say so")
	}
}

// TestFactAnchors checks that each fact's first mark is an anchor that
// links (from events) lead to.
func TestFactAnchors(t *testing.T) {
	srv, db, _ := newTestServer(t)
	id := articleIDByURL(t, db, "http://news.example/world/unsc-sudan-aid-veto.html")
	_, body, _ := get(t, srv, fmt.Sprintf("/articles/%d", id))
	for _, f := range []string{"v0", "m0", "c0"} {
		if n := strings.Count(body, `id="f-`+f+`"`); n != 1 {
			t.Errorf("%d anchors of fact %s, want 1", n, f)
		}
	}
}

func TestRulesAPI(t *testing.T) {
	db, _ := testCorpus(t)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := New(db, logger, WithExplainer(extract.New()))
	id := articleIDByURL(t, db, "http://news.example/world/unsc-sudan-aid-veto.html")
	_, page, _ := get(t, srv, fmt.Sprintf("/articles/%d", id))
	if !strings.Contains(page, fmt.Sprintf(`data-explain="/api/articles/%d/rules"`, id)) || !strings.Contains(page, `<p class="rule" data-rule="v0" hidden></p>`) {
		t.Errorf("the article page does not offer the rules of its facts")
	}
	var got rulesJSON
	getJSON(t, srv, fmt.Sprintf("/api/articles/%d/rules", id), &got)
	a, err := db.Article(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Extractor != extract.Version || got.Stored != a.Record.Extractor {
		t.Errorf("extractor %q, stored %q; want %q, %q", got.Extractor, got.Stored, extract.Version, a.Record.Extractor)
	}
	for i := range a.Record.Votes {
		lines := got.Rules[fmt.Sprintf("v%d", i)]
		if len(lines) == 0 || !strings.HasPrefix(strings.Join(lines, "\n"), "body: ") && !strings.Contains(strings.Join(lines, "\n"), "outcome: ") {
			t.Errorf("vote %d: rules %q, want a line per field", i, lines)
		}
	}
	for i := range a.Record.Stances {
		if lines := got.Rules[fmt.Sprintf("s%d", i)]; len(lines) != 1 || !strings.HasPrefix(lines[0], "stance: ") {
			t.Errorf("stance %d: rules %q, want the stance's rule", i, lines)
		}
	}
	// Without an explainer there are no rules to ask for.
	plain := New(db, logger)
	if code, body, _ := get(t, plain, fmt.Sprintf("/api/articles/%d/rules", id)); code != http.StatusNotFound || !strings.Contains(body, "does not explain") {
		t.Errorf("rules without an explainer: %d %s", code, body)
	}
	if _, page, _ := get(t, plain, fmt.Sprintf("/articles/%d", id)); strings.Contains(page, "data-explain") {
		t.Errorf("a server without an explainer offers rules")
	}
}

// TestFactRulesMatchByContent gives rules only to the facts that the
// explaining rules still find alike.
func TestFactRulesMatchByContent(t *testing.T) {
	ev := func(start int) []extract.Evidence { return []extract.Evidence{{Start: start, End: start + 10}} }
	stored := &extract.Record{
		Votes:   []extract.Vote{{Body: "UNSC", Outcome: "vetoed", Evidence: ev(0)}, {Body: "UNGA", Outcome: "adopted", Evidence: ev(50)}},
		Stances: []extract.Stance{{Holder: "FRA", Target: "RUS", Polarity: "oppose", Evidence: &ev(20)[0]}},
	}
	explained := &extract.Record{
		Votes:   []extract.Vote{{Body: "UNGA", Outcome: "adopted", Evidence: ev(50), Rules: map[string][]string{"outcome": {"outcome/verb"}, "body": {"body"}}}},
		Stances: []extract.Stance{{Holder: "FRA", Target: "RUS", Polarity: "support", Evidence: &ev(20)[0], Rule: "cue"}},
	}
	got := factRules(stored, explained)
	want := map[string][]string{"v1": {"body: body", "outcome: outcome/verb"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rules %v, want %v", got, want)
	}
}
