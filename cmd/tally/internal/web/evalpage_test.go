package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

// evaluateText scores plain-text gold files as tally eval does, counting
// its calls.
func evaluateText(calls *int) EvaluateFunc {
	x := extract.New()
	return func(ctx context.Context, dir string) ([]EvalDoc, eval.Report, error) {
		*calls++
		golds, err := eval.LoadGold(dir)
		if err != nil {
			return nil, eval.Report{}, err
		}
		var docs []EvalDoc
		var pairs []eval.Pair
		for _, g := range golds {
			text, err := os.ReadFile(g.Source)
			if err != nil {
				return nil, eval.Report{}, err
			}
			d := EvalDoc{Gold: g, Text: string(text), Pred: x.Extract(ctx, g.Record.Doc, string(text))}
			docs = append(docs, d)
			pairs = append(pairs, eval.Pair{Gold: g.Record, Pred: d.Pred})
		}
		return docs, eval.Evaluate(pairs), nil
	}
}

// goldCopy copies the project's gold folder, so that a test can change it.
func goldCopy(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "..", "..", "testdata", "gold")
	dir := t.TempDir()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || !(strings.HasSuffix(e.Name(), ".json") || strings.HasSuffix(e.Name(), ".txt")) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEvalPages(t *testing.T) {
	db, _ := testCorpus(t)
	dir := goldCopy(t)
	calls := 0
	srv := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), WithEval(dir, evaluateText(&calls)))
	docs, want, err := evaluateText(new(int))(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	code, body, _ := get(t, srv, "/eval")
	if code != http.StatusOK {
		t.Fatalf("/eval: status %d: %s", code, body)
	}
	for _, typ := range eval.TypeOrder() {
		s := want.Types[typ]
		row := regexp.MustCompile(`<td>` + typ + `</td>(.*?)</tr>`).FindStringSubmatch(body)
		if row == nil {
			t.Errorf("no row of %s", typ)
			continue
		}
		if s.Scored && !strings.Contains(row[1], "<strong>"+fmtF(s.F1)+"</strong>") {
			t.Errorf("%s row %q lacks F1 %s", typ, row[1], fmtF(s.F1))
		}
	}
	var api evalJSON
	getJSON(t, srv, "/api/eval", &api)
	if api.Types[eval.Overall] != want.Types[eval.Overall] || len(api.Docs) != len(want.Docs) {
		t.Errorf("API overall %+v, want %+v", api.Types[eval.Overall], want.Types[eval.Overall])
	}
	if calls != 1 {
		t.Errorf("scored %d times for two requests of unchanged files, want once", calls)
	}
	// A document with spurious or missed facts has them marked.
	for i, res := range want.Docs {
		if len(res.Spurious)+len(res.Missing) == 0 {
			continue
		}
		code, page, _ := get(t, srv, "/eval/"+res.Doc)
		if code != http.StatusOK {
			t.Fatalf("/eval/%s: status %d", res.Doc, code)
		}
		if len(res.Spurious) > 0 && !strings.Contains(page, `<mark class="k-spurious"`) {
			t.Errorf("%s: %d spurious tuples, none marked", res.Doc, len(res.Spurious))
		}
		for _, tu := range res.Missing {
			if !strings.Contains(page, htmlEscape(tu.String())) {
				t.Errorf("%s: missed %s not listed", res.Doc, tu)
			}
		}
		text := regexp.MustCompile(`(?s)<article class="text" id="text">(.*?)</article>`).FindStringSubmatch(page)
		if text == nil || htmlUnescape(regexp.MustCompile(`</?mark[^>]*>`).ReplaceAllString(text[1], "")) != docs[i].Text {
			t.Errorf("%s: the marked text differs from the document's", res.Doc)
		}
	}
	// A gold file changed: scored again.
	name := filepath.Join(dir, want.Docs[0].Doc+".json")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(b, '\n', '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	get(t, srv, "/eval")
	if calls != 2 {
		t.Errorf("scored %d times after a gold file changed, want 2", calls)
	}
	if code, _, _ := get(t, srv, "/eval/nope"); code != http.StatusNotFound {
		t.Errorf("/eval/nope: status %d", code)
	}
	// Without a gold folder, /eval says how to get one.
	plain := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if code, body, _ := get(t, plain, "/eval"); code != http.StatusNotFound || !strings.Contains(body, "--gold DIR") {
		t.Errorf("/eval without gold: %d", code)
	}
	// A broken gold file: the page says what is wrong.
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"votes": [{"positions": {"FRA": "maybe"}}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, body, _ := get(t, srv, "/eval"); code != http.StatusUnprocessableEntity || !strings.Contains(body, "broken.json") {
		t.Errorf("/eval with a broken gold file: %d, %s", code, body)
	}
}

func fmtF(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

// TestEvalDocMarks places spurious and missed tuples on the facts found.
func TestEvalDocMarks(t *testing.T) {
	text := "France voted yes. The council adopted it by 12 votes."
	yes := 12
	pred := extract.Record{
		Mentions: []extract.Mention{{Code: "FRA", Evidence: extract.Evidence{Start: 0, End: 6}}},
		Counts:   []extract.Count{{Value: 12, Unit: "vote", Evidence: &extract.Evidence{Start: 43, End: 51}}},
		Votes:    []extract.Vote{{Body: "UNSC", Tally: extract.Tally{Yes: &yes}, Evidence: []extract.Evidence{{Start: 18, End: 52}}}},
	}
	res := eval.DocResult{Doc: "d", Votes: []eval.VotePair{{Gold: 0, Pred: 0}},
		Spurious: []eval.Tuple{{Doc: "d", Type: eval.Country, Key: []string{"FRA"}}, {Doc: "d", Type: eval.Vote, Key: []string{"votes[0]", "body", "UNSC"}}},
		Missing:  []eval.Tuple{{Doc: "d", Type: eval.Vote, Key: []string{"votes[0]", "body", "UNGA"}}, {Doc: "d", Type: eval.Stance, Key: []string{"FRA", "RUS", "oppose"}}},
	}
	d := newEvalDocData(EvalDoc{Text: text, Pred: pred}, res)
	got := map[string]string{}
	for _, s := range d.Segments {
		for _, f := range s.Facts {
			got[f.Kind+" "+s.Text] = f.Label
		}
	}
	want := map[string]string{
		"spurious France": "spurious: country (d, FRA)",
		"spurious The council adopted it by 12 votes": "spurious: vote (d, votes[0], body, UNSC)",
		"missed The council adopted it by 12 votes":   "missed: vote (d, votes[0], body, UNGA)",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("mark %q: label %q, want %q", k, got[k], v)
		}
	}
	if len(d.Unplaced) != 1 || d.Unplaced[0].Type != eval.Stance {
		t.Errorf("unplaced %v, want the missed stance", d.Unplaced)
	}
}
