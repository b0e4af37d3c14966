package extract_test

import (
	"context"
	"os"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

func scoreSet(t testing.TB, dir string) eval.Report {
	golds, err := eval.LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New()
	var pairs []eval.Pair
	for _, g := range golds {
		if g.HTML {
			t.Fatalf("%s: HTML gold sources are scored by tally eval, not here", g.Path)
		}
		b, err := os.ReadFile(g.Source)
		if err != nil {
			t.Fatal(err)
		}
		pred := x.Extract(context.Background(), g.Record.Doc, string(b))
		pairs = append(pairs, eval.Pair{Gold: g.Record, Pred: pred})
	}
	return eval.Evaluate(pairs)
}

// TestSetFloors holds the extractors to the floor of every set in
// testdata/sets/sets.json. An external set whose folder is absent is
// skipped. Run with -v to see the tables, TALLY_VERBOSE=1 for every miss.
func TestSetFloors(t *testing.T) {
	for _, s := range loadSets(t) {
		t.Run(s.Name, func(t *testing.T) {
			if s.External && !s.Present() {
				t.Skipf("external set %s is absent (%s)", s.Name, s.Dir)
			}
			rep := scoreSet(t, s.Dir)
			if testing.Verbose() {
				rep.WriteText(os.Stdout, os.Getenv("TALLY_VERBOSE") != "")
			}
			for _, msg := range s.Below(rep) {
				t.Errorf("%s: %s", s.Name, msg)
			}
		})
	}
}
