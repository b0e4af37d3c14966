package web

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tally-news/tally/extract"
)

// Kinds of fact, in the order their marks nest (outermost first): a vote's
// evidence is usually a whole sentence holding the other facts.
const (
	kindVote    = "vote"
	kindStance  = "stance"
	kindCount   = "count"
	kindCountry = "country"
)

var kindOrder = map[string]int{kindVote: 0, kindStance: 1, kindCount: 2, kindCountry: 3}

// span is one stretch of the text that a fact came from, in code points.
type span struct {
	start, end int
	fact       fact
}

// fact is one fact of a record as the article page names it: its id in
// the page (the kind's letter and its index), its kind and a short label.
type fact struct {
	ID    string
	Kind  string
	Label string
}

// segment is a stretch of the text with the facts whose evidence covers
// all of it, outermost first.
type segment struct {
	Text  string
	Facts []fact
	// Starts names the facts whose evidence starts here: the first mark
	// of each fact is where a link to the fact (#v0) leads.
	Starts map[string]bool
}

// markedText cuts text into segments at every boundary of the evidence of
// r's facts. Offsets count code points, as extract.Evidence says; evidence
// that does not fit in the text is left out and counted in skipped.
func markedText(text string, r *extract.Record) (segs []segment, skipped int) {
	runes := []rune(text)
	spans, skipped := factSpans(r, len(runes))
	return cutSegments(runes, spans), skipped
}

// cutSegments cuts runes into segments at every boundary of spans, each
// within the text.
func cutSegments(runes []rune, spans []span) (segs []segment) {
	cuts := []int{0, len(runes)}
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	started := map[string]bool{}
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		seg := segment{Text: string(runes[a:b])}
		for _, s := range spans {
			if s.start <= a && b <= s.end {
				seg.Facts = append(seg.Facts, s.fact)
			}
			if s.start == a && !started[s.fact.ID] {
				started[s.fact.ID] = true
				if seg.Starts == nil {
					seg.Starts = map[string]bool{}
				}
				seg.Starts[s.fact.ID] = true
			}
		}
		sort.SliceStable(seg.Facts, func(i, j int) bool { return kindOrder[seg.Facts[i].Kind] < kindOrder[seg.Facts[j].Kind] })
		segs = append(segs, seg)
	}
	return segs
}

// factSpans lists the evidence of r's facts that lies within a text of n
// code points, and how many pieces of evidence do not.
func factSpans(r *extract.Record, n int) (spans []span, skipped int) {
	if r == nil {
		return nil, 0
	}
	add := func(ev *extract.Evidence, f fact) {
		if ev == nil {
			return
		}
		start, end := evidenceSpan(ev)
		if start < 0 || end > n || start >= end {
			skipped++
			return
		}
		spans = append(spans, span{start, end, f})
	}
	for i, v := range r.Votes {
		for j := range v.Evidence {
			add(&v.Evidence[j], voteFact(i, v))
		}
	}
	for i, s := range r.Stances {
		add(s.Evidence, stanceFact(i, s))
	}
	for i, c := range r.Counts {
		add(c.Evidence, countFact(i, c))
	}
	for i, m := range r.Mentions {
		add(&m.Evidence, fact{ID: "m" + strconv.Itoa(i), Kind: kindCountry, Label: "country: " + m.Code})
	}
	return spans, skipped
}

func voteFact(i int, v extract.Vote) fact {
	label := "vote"
	if v.Body != "" {
		label += " of " + v.Body
	}
	if v.Outcome != "" {
		label += ": " + v.Outcome
	}
	if t := tallyText(v.Tally); t != "" {
		label += ", " + t
	}
	return fact{ID: "v" + strconv.Itoa(i), Kind: kindVote, Label: label}
}

func stanceFact(i int, s extract.Stance) fact {
	return fact{ID: "s" + strconv.Itoa(i), Kind: kindStance, Label: fmt.Sprintf("stance: %s %s %s", s.Holder, s.Polarity, s.Target)}
}

func countFact(i int, c extract.Count) fact {
	return fact{ID: "c" + strconv.Itoa(i), Kind: kindCount, Label: "count: " + countText(c)}
}

// tallyText is a vote's tally as "12 yes, 3 no, 0 abstain", leaving out
// what the article does not state.
func tallyText(t extract.Tally) string {
	var parts []string
	for _, p := range []struct {
		n    *int
		name string
	}{{t.Yes, "yes"}, {t.No, "no"}, {t.Abstain, "abstain"}} {
		if p.n != nil {
			parts = append(parts, strconv.Itoa(*p.n)+" "+p.name)
		}
	}
	return strings.Join(parts, ", ")
}

func countText(c extract.Count) string {
	s := strconv.FormatFloat(c.Value, 'f', -1, 64)
	if c.Unit != "" {
		s += " " + c.Unit
	}
	return s
}
