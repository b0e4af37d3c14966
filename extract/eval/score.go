package eval

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tally-news/tally/extract"
)

// Tuple types, as the gold format names them, and Overall, the micro score
// over the country, count, vote and stance tuples together.
const (
	Country   = "country"
	Count     = "count"
	CountUnit = "count_unit"
	Vote      = "vote"
	Stance    = "stance"
	Overall   = "overall"
)

// TypeOrder returns the tuple types and Overall in the order reports list
// them.
func TypeOrder() []string {
	return []string{Country, Count, CountUnit, Vote, Stance, Overall}
}

// overallTypes are the types that make up Overall. count_unit is left out
// as the gold format says ("overall is micro over the country, count, vote
// and stance tuples together"): a unit is a detail of a count, and the
// count itself is already in.
var overallTypes = []string{Country, Count, Vote, Stance}

// Tuple is one scored fact of one document.
//
// Key holds the tuple's fields after doc, as strings:
//
//	country     [code]
//	count       [value]
//	count_unit  [value, unit]
//	vote        [vote, slot, value]
//	stance      [holder, target, polarity]
//
// Numbers are written in their shortest decimal form, so 93 and 93.0 are
// the same key. A vote is named by the gold vote it is aligned with,
// "votes[0]" for the first gold vote, or "pred votes[2]" for a predicted
// vote paired with no gold vote (0-based indexes into the record's votes).
// Slots are "body", "outcome", "tally.yes", "tally.no", "tally.abstain",
// "positions.XXX" for actor XXX (value yes, no or abstain) and "sponsor"
// (value the sponsor's code).
type Tuple struct {
	Doc  string   `json:"doc"`
	Type string   `json:"type"`
	Key  []string `json:"key"`
}

// String writes the tuple as the gold format does, with its type first:
// "vote (un-ukraine, votes[0], tally.yes, 93)".
func (t Tuple) String() string {
	return t.Type + " (" + strings.Join(append([]string{t.Doc}, t.Key...), ", ") + ")"
}

// Score is the micro score of one type over a gold set.
type Score struct {
	// TP counts predicted tuples that are in the gold, FP predicted tuples
	// that are not, FN gold tuples that were not predicted.
	TP, FP, FN int
	// Precision is TP/(TP+FP), and 0 when nothing was predicted while the
	// gold has tuples. Recall is TP/(TP+FN). F1 is their harmonic mean, 0
	// when both are 0. All three are 0 and meaningless when Scored is
	// false.
	Precision, Recall, F1 float64
	// Scored is false when the gold set has no tuple of the type: the type
	// is then "not scored", neither 0 nor 1, whatever was predicted.
	Scored bool
}

func newScore(tp, fp, fn int) Score {
	s := Score{TP: tp, FP: fp, FN: fn, Scored: tp+fn > 0}
	if !s.Scored {
		return s
	}
	if tp+fp > 0 {
		s.Precision = float64(tp) / float64(tp+fp)
	}
	s.Recall = float64(tp) / float64(tp+fn)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Pair is one document to score: the gold record and the extractor's
// record for the same source. The document is named by Gold.Doc.
type Pair struct {
	Gold, Pred extract.Record
}

// VotePair is one line of a document's vote alignment: the gold vote and
// the predicted vote paired with it, as indexes into each record's votes;
// -1 on one side for a vote paired with none.
type VotePair struct {
	Gold int `json:"gold"`
	Pred int `json:"pred"`
}

// DocResult is what one document contributed: the gold tuples the
// prediction missed, the predicted tuples that are not in the gold, each
// sorted by type (in TypeOrder) and key, and how its votes were aligned.
type DocResult struct {
	Doc      string     `json:"doc"`
	Votes    []VotePair `json:"votes"`
	Missing  []Tuple    `json:"missing"`
	Spurious []Tuple    `json:"spurious"`
}

// Report is the score of a gold set.
type Report struct {
	// Types holds the score of each type of TypeOrder, Overall included.
	Types map[string]Score
	// Docs lists the documents in the order they were given.
	Docs []DocResult
}

// Evaluate scores each pair's prediction against its gold, as the gold
// format defines, and sums the tuple counts over all pairs.
func Evaluate(pairs []Pair) Report {
	type counts struct{ tp, fp, fn int }
	total := map[string]*counts{}
	for _, t := range TypeOrder() {
		total[t] = &counts{}
	}
	r := Report{Types: map[string]Score{}, Docs: make([]DocResult, 0, len(pairs))}
	for _, p := range pairs {
		doc := p.Gold.Doc
		res := DocResult{Doc: doc, Votes: []VotePair{}, Missing: []Tuple{}, Spurious: []Tuple{}}
		add := func(typ string, gold, pred []key) {
			tp, missing, spurious := compare(gold, pred)
			c := total[typ]
			c.tp += tp
			c.fn += len(missing)
			c.fp += len(spurious)
			for _, k := range missing {
				res.Missing = append(res.Missing, Tuple{Doc: doc, Type: typ, Key: k})
			}
			for _, k := range spurious {
				res.Spurious = append(res.Spurious, Tuple{Doc: doc, Type: typ, Key: k})
			}
		}
		add(Country, countryKeys(p.Gold), countryKeys(p.Pred))
		add(Count, countKeys(p.Gold), countKeys(p.Pred))
		goldUnits, predUnits := countUnitKeys(p.Gold, p.Pred)
		add(CountUnit, goldUnits, predUnits)
		goldVotes, predVotes, pairs := voteKeys(p.Gold, p.Pred)
		add(Vote, goldVotes, predVotes)
		res.Votes = pairs
		add(Stance, stanceKeys(p.Gold), stanceKeys(p.Pred))
		r.Docs = append(r.Docs, res)
	}
	var all counts
	for _, t := range overallTypes {
		all.tp += total[t].tp
		all.fp += total[t].fp
		all.fn += total[t].fn
	}
	*total[Overall] = all
	for t, c := range total {
		r.Types[t] = newScore(c.tp, c.fp, c.fn)
	}
	return r
}

// key is a tuple's fields after doc.
type key = []string

// compare matches two tuple lists as sets (duplicates collapse) and
// returns the number in both, the gold keys not predicted and the
// predicted keys not in the gold, each sorted.
func compare(gold, pred []key) (tp int, missing, spurious []key) {
	g, p := keySet(gold), keySet(pred)
	for s, k := range g {
		if _, ok := p[s]; ok {
			tp++
		} else {
			missing = append(missing, k)
		}
	}
	for s, k := range p {
		if _, ok := g[s]; !ok {
			spurious = append(spurious, k)
		}
	}
	slices.SortFunc(missing, compareKeys)
	slices.SortFunc(spurious, compareKeys)
	return tp, missing, spurious
}

func keySet(keys []key) map[string]key {
	m := make(map[string]key, len(keys))
	for _, k := range keys {
		m[strings.Join(k, "\x00")] = k
	}
	return m
}

func compareKeys(a, b key) int { return slices.Compare(a, b) }

func countryKeys(r extract.Record) []key {
	out := make([]key, 0, len(r.Countries))
	for _, c := range r.Countries {
		out = append(out, key{c})
	}
	return out
}

func countKeys(r extract.Record) []key {
	out := make([]key, 0, len(r.Counts))
	for _, c := range r.Counts {
		out = append(out, key{formatNumber(c.Value)})
	}
	return out
}

// countUnitKeys gives the count_unit tuples of gold and prediction. The
// gold format scores (doc, value, unit) "only for counts whose gold has a
// unit; a predicted unit for a value whose gold has none is ignored". So
// the gold tuples are its counts with a unit, and a predicted (value,
// unit) is scored only when the gold gives that value a unit:
//
//   - gold has the value with a unit: the predicted unit is scored, a
//     true positive when it is one of the gold units for the value, a
//     false positive otherwise;
//   - gold has the value without a unit: ignored, as the format says;
//   - gold has no count of that value at all: ignored too, since the gold
//     has no unit for the value either; the count itself is already a
//     false positive of type count, and count_unit measures whether the
//     units of the right counts are right, not whether counts are found.
//
// A gold unit whose value the prediction gives no unit or another unit is
// a false negative.
func countUnitKeys(gold, pred extract.Record) (g, p []key) {
	withUnit := map[string]bool{}
	for _, c := range gold.Counts {
		if c.Unit != "" {
			v := formatNumber(c.Value)
			withUnit[v] = true
			g = append(g, key{v, c.Unit})
		}
	}
	for _, c := range pred.Counts {
		if v := formatNumber(c.Value); c.Unit != "" && withUnit[v] {
			p = append(p, key{v, c.Unit})
		}
	}
	return g, p
}

func stanceKeys(r extract.Record) []key {
	out := make([]key, 0, len(r.Stances))
	for _, s := range r.Stances {
		out = append(out, key{s.Holder, s.Target, s.Polarity})
	}
	return out
}

// slotKeys gives a vote's (slot, value) tuples, deduplicated.
func slotKeys(v extract.Vote) []key {
	var out []key
	if v.Body != "" {
		out = append(out, key{"body", v.Body})
	}
	if v.Outcome != "" {
		out = append(out, key{"outcome", v.Outcome})
	}
	for _, t := range []struct {
		name string
		n    *int
	}{{extract.Yes, v.Tally.Yes}, {extract.No, v.Tally.No}, {extract.Abstain, v.Tally.Abstain}} {
		if t.n != nil {
			out = append(out, key{"tally." + t.name, strconv.Itoa(*t.n)})
		}
	}
	for actor, pos := range v.Positions {
		out = append(out, key{"positions." + actor, pos})
	}
	for _, s := range v.Sponsors {
		out = append(out, key{"sponsor", s})
	}
	set := keySet(out)
	out = out[:0]
	for _, k := range set {
		out = append(out, k)
	}
	slices.SortFunc(out, compareKeys)
	return out
}

// voteKeys aligns the votes of gold and prediction (see alignVotes) and
// returns their vote tuples, each vote named by its gold partner, and the
// alignment.
func voteKeys(gold, pred extract.Record) (g, p []key, pairs []VotePair) {
	gs := make([][]key, len(gold.Votes))
	for i, v := range gold.Votes {
		gs[i] = slotKeys(v)
	}
	ps := make([][]key, len(pred.Votes))
	for j, v := range pred.Votes {
		ps[j] = slotKeys(v)
	}
	w := make([][]int, len(gs))
	for i := range gs {
		w[i] = make([]int, len(ps))
		set := keySet(gs[i])
		for j := range ps {
			for _, k := range ps[j] {
				if _, ok := set[strings.Join(k, "\x00")]; ok {
					w[i][j]++
				}
			}
		}
	}
	partner := alignVotes(w, len(ps))
	paired := make([]bool, len(ps))
	pairs = []VotePair{}
	for i, j := range partner {
		name := "votes[" + strconv.Itoa(i) + "]"
		for _, k := range gs[i] {
			g = append(g, append(key{name}, k...))
		}
		pairs = append(pairs, VotePair{Gold: i, Pred: j})
		if j >= 0 {
			paired[j] = true
			for _, k := range ps[j] {
				p = append(p, append(key{name}, k...))
			}
		}
	}
	for j, ok := range paired {
		if ok {
			continue
		}
		pairs = append(pairs, VotePair{Gold: -1, Pred: j})
		name := "pred votes[" + strconv.Itoa(j) + "]"
		for _, k := range ps[j] {
			p = append(p, append(key{name}, k...))
		}
	}
	return g, p, pairs
}

// formatNumber writes a count in its shortest decimal form without an
// exponent, so that numerically equal values give the same key.
func formatNumber(v float64) string {
	if v == 0 {
		v = 0 // -0 is 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
