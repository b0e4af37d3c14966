package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// TP, System and Gold count facts; for grouping they are left zero.
	TP     int `json:"tp,omitempty"`
	System int `json:"system,omitempty"`
	Gold   int `json:"gold,omitempty"`
}

func prf(tp, sys, gold int) PRF {
	p := PRF{TP: tp, System: sys, Gold: gold}
	if sys > 0 {
		p.Precision = float64(tp) / float64(sys)
	}
	if gold > 0 {
		p.Recall = float64(tp) / float64(gold)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
	return p
}

// Report is the score of events against a gold set.
type Report struct {
	// Grouping is B-cubed over (article, event) items.
	Grouping PRF `json:"grouping"`
	// Facts is micro over every fused fact; Kinds per kind of fact
	// (body, date, outcome, tally, positions, sponsors).
	Facts PRF            `json:"facts"`
	Kinds map[string]PRF `json:"kinds"`
	// Aligned counts reports aligned to gold items, out of GoldItems gold
	// items and Reports reports.
	Aligned   int `json:"aligned"`
	GoldItems int `json:"gold_items"`
	Reports   int `json:"reports"`
	// Events and GoldEvents count the events built and in the gold.
	Events     int `json:"events"`
	GoldEvents int `json:"gold_events"`
}

// Score scores events built from reports against the gold.
func Score(g *Gold, reports []events.Report, evs []events.Event) Report {
	// Which system event holds each report.
	sysOf := map[string]string{}
	sysSize := map[string]int{}
	for _, e := range evs {
		for _, a := range e.Articles {
			sysOf[fmt.Sprintf("%s#%d", a.ID, a.Vote)] = e.ID
		}
		sysSize[e.ID] = len(e.Articles)
	}
	goldSize := map[string]int{}
	byArticle := map[string][]*Event{}
	for i := range g.Events {
		e := &g.Events[i]
		goldSize[e.ID] = len(e.Articles)
		for _, a := range e.Articles {
			byArticle[a] = append(byArticle[a], e)
		}
	}

	// Align each article's reports to its gold events.
	goldOf := map[string]string{} // report key -> gold event id
	repsOf := map[string][]events.Report{}
	for _, r := range reports {
		repsOf[r.Article.ID] = append(repsOf[r.Article.ID], r)
	}
	for art, rs := range repsOf {
		type pair struct {
			r     events.Report
			g     *Event
			score int
		}
		var ps []pair
		for _, r := range rs {
			for _, ge := range byArticle[art] {
				if s, ok := fit(r, ge); ok {
					ps = append(ps, pair{r, ge, s})
				}
			}
		}
		slices.SortStableFunc(ps, func(a, b pair) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			if c := cmp.Compare(a.r.Index, b.r.Index); c != 0 {
				return c
			}
			return cmp.Compare(a.g.ID, b.g.ID)
		})
		usedGold := map[string]bool{}
		for _, p := range ps {
			k := p.r.Key()
			if goldOf[k] != "" || usedGold[p.g.ID] {
				continue
			}
			goldOf[k] = p.g.ID
			usedGold[p.g.ID] = true
		}
	}

	// B-cubed. Overlap counts aligned items shared by a system and a gold event.
	overlap := map[[2]string]int{}
	for k, gid := range goldOf {
		overlap[[2]string{sysOf[k], gid}]++
	}
	var pSum, rSum float64
	var pN, rN int
	for _, r := range reports {
		k := r.Key()
		s, ok := sysOf[k]
		if !ok {
			continue // a report Build refused has no event
		}
		pN++
		if gid := goldOf[k]; gid != "" {
			pSum += float64(overlap[[2]string{s, gid}]) / float64(sysSize[s])
		} else {
			pSum += 1 / float64(sysSize[s])
		}
	}
	alignedIn := map[string]int{}
	for _, gid := range goldOf {
		alignedIn[gid]++
	}
	for _, ge := range g.Events {
		// Aligned items of ge, each with its own system event.
		for k, gid := range goldOf {
			if gid == ge.ID {
				rSum += float64(overlap[[2]string{sysOf[k], gid}]) / float64(goldSize[gid])
			}
		}
		// Unaligned gold items are alone.
		for range goldSize[ge.ID] - alignedIn[ge.ID] {
			rSum += 1 / float64(goldSize[ge.ID])
		}
		rN += goldSize[ge.ID]
	}
	rep := Report{Aligned: len(goldOf), GoldItems: rN, Reports: len(reports), Events: len(evs), GoldEvents: len(g.Events),
		Kinds: map[string]PRF{}}
	if pN > 0 {
		rep.Grouping.Precision = pSum / float64(pN)
	}
	if rN > 0 {
		rep.Grouping.Recall = rSum / float64(rN)
	}
	if p, r := rep.Grouping.Precision, rep.Grouping.Recall; p+r > 0 {
		rep.Grouping.F1 = 2 * p * r / (p + r)
	}

	// Align events one to one by overlap, largest first.
	type link struct {
		sys, gold string
		n         int
	}
	var links []link
	for k, n := range overlap {
		links = append(links, link{k[0], k[1], n})
	}
	slices.SortFunc(links, func(a, b link) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		if c := cmp.Compare(a.gold, b.gold); c != 0 {
			return c
		}
		return cmp.Compare(a.sys, b.sys)
	})
	label := map[string]string{} // system event -> gold id
	taken := map[string]bool{}
	for _, l := range links {
		if label[l.sys] != "" || taken[l.gold] {
			continue
		}
		label[l.sys], taken[l.gold] = l.gold, true
	}

	// Facts.
	goldFacts := map[fact]bool{}
	for _, ge := range g.Events {
		for _, f := range factsOf(ge.ID, ge.Body, ge.Date, ge.Outcome, ge.Tally, ge.Positions, ge.Sponsors) {
			goldFacts[f] = true
		}
	}
	tp, sysN := map[string]int{}, map[string]int{}
	goldN := map[string]int{}
	for f := range goldFacts {
		goldN[f.kind]++
	}
	for _, e := range evs {
		id := label[e.ID]
		if id == "" {
			id = "system:" + e.ID
		}
		for _, f := range factsOf(id, e.Body, e.Date, e.Outcome, e.Tally, e.Positions, e.Sponsors) {
			sysN[f.kind]++
			if goldFacts[f] {
				tp[f.kind]++
			}
		}
	}
	var allTP, allSys, allGold int
	for _, k := range FactKinds {
		rep.Kinds[k] = prf(tp[k], sysN[k], goldN[k])
		allTP, allSys, allGold = allTP+tp[k], allSys+sysN[k], allGold+goldN[k]
	}
	rep.Facts = prf(allTP, allSys, allGold)
	return rep
}

// FactKinds are the kinds of fused facts scored, in report order.
var FactKinds = []string{"body", "date", "outcome", "tally", "positions", "sponsors"}

type fact struct{ event, kind, name, value string }

func factsOf(id, body, date, outcome string, t extract.Tally, pos map[string]string, sponsors []string) []fact {
	fs := []fact{{id, "body", "", body}, {id, "date", "", date}}
	if outcome != "" {
		fs = append(fs, fact{id, "outcome", "", outcome})
	}
	for i, p := range []*int{t.Yes, t.No, t.Abstain} {
		if p != nil {
			fs = append(fs, fact{id, "tally", []string{"yes", "no", "abstain"}[i], strconv.Itoa(*p)})
		}
	}
	for a, v := range pos {
		fs = append(fs, fact{id, "positions", a, v})
	}
	for _, s := range sponsors {
		fs = append(fs, fact{id, "sponsors", s, ""})
	}
	return fs
}

// fit scores how well a report matches a gold event, for alignment: the
// body must be the same and no two tally sides may differ.
func fit(r events.Report, g *Event) (int, bool) {
	if r.Vote.Body != g.Body {
		return 0, false
	}
	s, differ := 1, 0
	rt, gt := r.Vote.Tally, g.Tally
	for i, p := range []*int{rt.Yes, rt.No, rt.Abstain} {
		q := []*int{gt.Yes, gt.No, gt.Abstain}[i]
		if p == nil || q == nil {
			continue
		}
		if *p == *q {
			s += 3
		} else {
			differ++
			s -= 3
		}
	}
	if differ >= 2 {
		return 0, false
	}
	if r.Vote.Outcome != "" && r.Vote.Outcome == g.Outcome {
		s++
	}
	if r.Date.String() == g.Date {
		s += 2
	}
	for a, v := range r.Vote.Positions {
		if g.Positions[a] == v {
			s++
		}
	}
	return s, true
}

// WriteText prints the report for people.
func (r Report) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "events: %d built, %d in gold; reports: %d, %d of %d gold items aligned\n"+
		"grouping (B-cubed): P %.3f  R %.3f  F1 %.3f\nfacts:              P %.3f  R %.3f  F1 %.3f  (%d/%d/%d)\n",
		r.Events, r.GoldEvents, r.Reports, r.Aligned, r.GoldItems,
		r.Grouping.Precision, r.Grouping.Recall, r.Grouping.F1,
		r.Facts.Precision, r.Facts.Recall, r.Facts.F1, r.Facts.TP, r.Facts.System, r.Facts.Gold)
	if err != nil {
		return err
	}
	for _, k := range FactKinds {
		p := r.Kinds[k]
		if _, err := fmt.Fprintf(w, "  %-10s P %.3f  R %.3f  F1 %.3f  (%d/%d/%d)\n", k, p.Precision, p.Recall, p.F1, p.TP, p.System, p.Gold); err != nil {
			return err
		}
	}
	return nil
}
