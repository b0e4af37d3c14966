package web

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

// EvalDoc is one scored document: its gold file, its text and the record
// the extractor made of it.
type EvalDoc struct {
	Gold eval.Gold
	Text string
	Pred extract.Record
}

// EvaluateFunc scores the extractor against the gold files of dir, as
// tally eval does, giving the report and its documents in the same order.
type EvaluateFunc func(ctx context.Context, dir string) ([]EvalDoc, eval.Report, error)

// WithEval serves /eval: the scores of the gold files in dir, made by
// evaluate again whenever a file of dir changes.
func WithEval(dir string, evaluate EvaluateFunc) Option {
	return func(s *Server) { s.eval = &evalCache{dir: dir, evaluate: evaluate} }
}

// evalCache keeps the last evaluation of a gold folder with the state of
// its files (names, sizes, modification times) it was made from.
type evalCache struct {
	dir      string
	evaluate EvaluateFunc

	mu     sync.Mutex
	state  string
	docs   []EvalDoc
	report eval.Report
}

func (c *evalCache) get(ctx context.Context) ([]EvalDoc, eval.Report, error) {
	state, err := folderState(c.dir)
	if err != nil {
		return nil, eval.Report{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if state != c.state || c.docs == nil {
		docs, rep, err := c.evaluate(ctx, c.dir)
		if err != nil {
			return nil, eval.Report{}, &httpError{http.StatusUnprocessableEntity, "the gold files could not be scored: " + err.Error()}
		}
		c.state, c.docs, c.report = state, docs, rep
	}
	return c.docs, c.report, nil
}

// folderState names the files of dir with their sizes and modification
// times: it changes when a gold file or a source is written.
func folderState(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("gold folder: %w", err)
	}
	var b strings.Builder
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		fmt.Fprintf(&b, "%s %d %d\n", e.Name(), info.Size(), info.ModTime().UnixNano())
	}
	return b.String(), nil
}

// evalData is what /eval shows.
type evalData struct {
	Title string
	Dir   string
	Types []typeScore
	Docs  []evalDocRow
}

type typeScore struct {
	Type string
	eval.Score
}

type evalDocRow struct {
	Doc               string
	Missing, Spurious int
	MissingByType     string
	SpuriousByType    string
	Href              string
}

func (s *Server) evalReport(r *http.Request) ([]EvalDoc, eval.Report, error) {
	if s.eval == nil {
		return nil, eval.Report{}, &httpError{http.StatusNotFound, "no gold folder: start tally serve with --gold DIR to score the extractors"}
	}
	return s.eval.get(r.Context())
}

func (s *Server) evalPage(w http.ResponseWriter, r *http.Request) {
	_, rep, err := s.evalReport(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	d := evalData{Title: "Evaluation", Dir: s.eval.dir}
	for _, t := range eval.TypeOrder() {
		d.Types = append(d.Types, typeScore{t, rep.Types[t]})
	}
	for _, doc := range rep.Docs {
		d.Docs = append(d.Docs, evalDocRow{Doc: doc.Doc, Missing: len(doc.Missing), Spurious: len(doc.Spurious),
			MissingByType: byType(doc.Missing), SpuriousByType: byType(doc.Spurious), Href: "/eval/" + doc.Doc})
	}
	s.render(w, r, http.StatusOK, "eval", d)
}

// byType counts tuples by type: "vote 3, country 1".
func byType(ts []eval.Tuple) string {
	n := map[string]int{}
	for _, t := range ts {
		n[t.Type]++
	}
	var parts []string
	for _, typ := range eval.TypeOrder() {
		if n[typ] > 0 {
			parts = append(parts, typ+" "+strconv.Itoa(n[typ]))
		}
	}
	return strings.Join(parts, ", ")
}

// evalDocData is what /eval/{doc} shows: the text with the spurious
// facts and the facts with missed parts marked, and the tuples.
type evalDocData struct {
	Title    string
	Result   eval.DocResult
	Segments []segment
	Gold     string // the gold file's path
	// Unplaced are the missing tuples no predicted fact is near: the
	// extractor found nothing there to mark.
	Unplaced []eval.Tuple
}

// Kinds of the marks of the evaluation page.
const (
	kindSpurious = "spurious"
	kindMissed   = "missed"
)

func (s *Server) evalDocPage(w http.ResponseWriter, r *http.Request) {
	docs, rep, err := s.evalReport(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	name := r.PathValue("doc")
	for i, res := range rep.Docs {
		if res.Doc == name && i < len(docs) {
			s.render(w, r, http.StatusOK, "evaldoc", newEvalDocData(docs[i], res))
			return
		}
	}
	s.errorPage(w, r, &httpError{http.StatusNotFound, "no gold document " + strconv.Quote(name)})
}

func newEvalDocData(doc EvalDoc, res eval.DocResult) evalDocData {
	d := evalDocData{Title: "Evaluation: " + res.Doc, Result: res, Gold: doc.Gold.Path}
	pred := &doc.Pred
	runes := []rune(doc.Text)
	// The predicted vote paired with each gold vote.
	predOf := map[int]int{}
	for _, p := range res.Votes {
		if p.Gold >= 0 && p.Pred >= 0 {
			predOf[p.Gold] = p.Pred
		}
	}
	var spans []span
	add := func(ev *extract.Evidence, f fact) {
		if ev == nil {
			return
		}
		if start, end := evidenceSpan(ev); start >= 0 && end <= len(runes) && start < end {
			spans = append(spans, span{start, end, f})
		}
	}
	// marked gathers, per predicted fact, the tuples it is marked with.
	type mark struct {
		kind   string
		tuples []string
		evs    []*extract.Evidence
	}
	marks := map[string]*mark{}
	var order []string
	note := func(id, kind string, t eval.Tuple, evs ...*extract.Evidence) {
		m := marks[id+kind]
		if m == nil {
			m = &mark{kind: kind, evs: evs}
			marks[id+kind] = m
			order = append(order, id+kind)
		}
		m.tuples = append(m.tuples, t.String())
	}
	place := func(t eval.Tuple, kind string) bool {
		placed := false
		switch t.Type {
		case eval.Country:
			for i := range pred.Mentions {
				if m := &pred.Mentions[i]; len(t.Key) == 1 && m.Code == t.Key[0] {
					note("m"+strconv.Itoa(i), kind, t, &m.Evidence)
					placed = true
				}
			}
		case eval.Count, eval.CountUnit:
			for i := range pred.Counts {
				c := &pred.Counts[i]
				if len(t.Key) >= 1 && strconv.FormatFloat(c.Value, 'f', -1, 64) == t.Key[0] && (len(t.Key) == 1 || c.Unit == t.Key[1]) {
					note("c"+strconv.Itoa(i), kind, t, c.Evidence)
					placed = true
				}
			}
		case eval.Vote:
			if len(t.Key) == 0 {
				break
			}
			k := -1
			if n, ok := strings.CutPrefix(t.Key[0], "pred votes["); ok {
				k, _ = strconv.Atoi(strings.TrimSuffix(n, "]"))
			} else if n, ok := strings.CutPrefix(t.Key[0], "votes["); ok {
				g, _ := strconv.Atoi(strings.TrimSuffix(n, "]"))
				if p, ok := predOf[g]; ok {
					k = p
				}
			}
			if k >= 0 && k < len(pred.Votes) {
				var evs []*extract.Evidence
				for j := range pred.Votes[k].Evidence {
					evs = append(evs, &pred.Votes[k].Evidence[j])
				}
				note("v"+strconv.Itoa(k), kind, t, evs...)
				placed = len(evs) > 0
			}
		case eval.Stance:
			for i := range pred.Stances {
				st := &pred.Stances[i]
				if len(t.Key) == 3 && st.Holder == t.Key[0] && st.Target == t.Key[1] && st.Polarity == t.Key[2] {
					note("s"+strconv.Itoa(i), kind, t, st.Evidence)
					placed = true
				}
			}
		}
		return placed
	}
	for _, t := range res.Spurious {
		place(t, kindSpurious)
	}
	for _, t := range res.Missing {
		// Only a vote's missed slots have a predicted fact to sit on.
		if t.Type != eval.Vote || !place(t, kindMissed) {
			d.Unplaced = append(d.Unplaced, t)
		}
	}
	sort.Strings(order)
	for _, key := range order {
		m := marks[key]
		id := strings.TrimSuffix(key, m.kind)
		f := fact{ID: m.kind[:1] + "-" + id, Kind: m.kind, Label: m.kind + ": " + strings.Join(m.tuples, "; ")}
		for _, ev := range m.evs {
			add(ev, f)
		}
	}
	d.Segments = cutSegments(runes, spans)
	return d
}

// evalJSON is the answer of /api/eval.
type evalJSON struct {
	Gold  string                `json:"gold"`
	Types map[string]eval.Score `json:"types"`
	Docs  []eval.DocResult      `json:"docs"`
}

func (s *Server) evalAPI(w http.ResponseWriter, r *http.Request) {
	_, rep, err := s.evalReport(r)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, evalJSON{Gold: s.eval.dir, Types: rep.Types, Docs: rep.Docs})
}
