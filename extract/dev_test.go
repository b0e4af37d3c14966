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
	sets := map[string]string{"testdata": filepath.Join("..", "testdata", "gold")}
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

func TestDevScores(t *testing.T) {
	for name, dir := range devSets(t) {
		t.Run(name, func(t *testing.T) {
			rep := scoreSet(t, dir)
			if testing.Verbose() {
				rep.WriteText(os.Stdout, os.Getenv("TALLY_VERBOSE") != "")
			}
		})
	}
}
