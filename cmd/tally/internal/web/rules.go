package web

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/tally-news/tally/extract"
)

// Explainer extracts a record naming the rule behind each fact, as
// extract.Extractor.Explain does. Records are stored without their rules,
// so the article page asks for them when a fact is clicked.
type Explainer interface {
	Explain(ctx context.Context, doc, text string) extract.Record
}

// Option sets up a Server beyond its store.
type Option func(*Server)

// WithExplainer lets the article page show the rules behind its facts.
func WithExplainer(x Explainer) Option {
	return func(s *Server) { s.explainer = x }
}

// rulesJSON is the answer of /api/articles/{id}/rules: for each fact of
// the stored record (by its id in the page: v0, s1), the rules that made
// it, one line each.
type rulesJSON struct {
	// Extractor is the version of the rules explaining now, Stored that
	// of the stored record; facts the two no longer agree on have no rule.
	Extractor string              `json:"extractor"`
	Stored    string              `json:"stored"`
	Rules     map[string][]string `json:"rules"`
}

func (s *Server) rulesAPI(w http.ResponseWriter, r *http.Request) {
	id, err := articleID(r)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	if s.explainer == nil {
		s.errorJSON(w, r, &httpError{http.StatusNotFound, "this server does not explain facts"})
		return
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	out := rulesJSON{Extractor: extract.Version, Rules: map[string][]string{}}
	if a.Record != nil {
		out.Stored = a.Record.Extractor
		explained := s.explainer.Explain(r.Context(), a.Record.Doc, a.Article.Text)
		out.Rules = factRules(a.Record, &explained)
	}
	writeJSON(w, http.StatusOK, out)
}

// factRules names the rules behind the facts of stored, read from
// explained, the same text's record with its rules. A fact is matched by
// what it says and where its evidence starts, so that a record stored by
// other rules gets rules only for the facts that are still found alike.
func factRules(stored, explained *extract.Record) map[string][]string {
	out := map[string][]string{}
	votes := map[string]extract.Vote{}
	for _, v := range explained.Votes {
		votes[voteKey(v)] = v
	}
	for i, v := range stored.Votes {
		e, ok := votes[voteKey(v)]
		if !ok || len(e.Rules) == 0 {
			continue
		}
		fields := make([]string, 0, len(e.Rules))
		for f := range e.Rules {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		var lines []string
		for _, f := range fields {
			lines = append(lines, f+": "+strings.Join(e.Rules[f], ", "))
		}
		out[voteFact(i, v).ID] = lines
	}
	stances := map[string]string{}
	for _, st := range explained.Stances {
		stances[stanceKey(st)] = st.Rule
	}
	for i, st := range stored.Stances {
		if rule := stances[stanceKey(st)]; rule != "" {
			out[stanceFact(i, st).ID] = []string{"stance: " + rule}
		}
	}
	return out
}

func voteKey(v extract.Vote) string {
	start := -1
	if len(v.Evidence) > 0 {
		start, _ = evidenceSpan(&v.Evidence[0])
	}
	return v.Body + "|" + v.Outcome + "|" + tallyText(v.Tally) + "|" + strconv.Itoa(start)
}

func stanceKey(s extract.Stance) string {
	start := -1
	if s.Evidence != nil {
		start, _ = evidenceSpan(s.Evidence)
	}
	return s.Holder + "|" + s.Target + "|" + s.Polarity + "|" + strconv.Itoa(start)
}
