package eval

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// TestFixture runs the extractor, the clustering and the scorer on the
// fixture set and holds a floor on the scores.
func TestFixture(t *testing.T) {
	g, err := LoadGold(os.DirFS("../testdata/fixture"))
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New()
	var reports []events.Report
	for _, a := range g.Articles {
		rec := x.Extract(context.Background(), a.Name, a.Text)
		reports = append(reports, events.Reports(a.Article, rec)...)
	}
	evs, skipped := events.Build(events.DefaultConfig(), reports)
	if len(skipped) > 0 {
		t.Logf("%d reports skipped", len(skipped))
	}
	rep := Score(g, reports, evs)
	var b strings.Builder
	rep.WriteText(&b)
	t.Logf("fixture: %d articles\n%s", len(g.Articles), b.String())
	if testing.Verbose() {
		for _, e := range evs {
			var ids []string
			for _, a := range e.Articles {
				ids = append(ids, a.ID)
			}
			t.Logf("%s %s %s %v: %s", e.ID, e.Date, e.Outcome, fmtTally(e.Tally), strings.Join(ids, " "))
		}
	}
	floors := []struct {
		name       string
		got, floor float64
	}{
		// The traps (two texts of one day, one resolution in three years,
		// a recall, two amendments of one evening) are merges: precision
		// falls when one is missed.
		{"grouping precision", rep.Grouping.Precision, 0.98},
		{"grouping F1", rep.Grouping.F1, 0.93},
		{"facts F1", rep.Facts.F1, 0.88},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s = %.3f, below the floor %.3f", f.name, f.got, f.floor)
		}
	}
}

func fmtTally(t extract.Tally) string {
	s := ""
	for _, p := range []*int{t.Yes, t.No, t.Abstain} {
		if p == nil {
			s += "_-"
		} else {
			s += strconv.Itoa(*p) + "-"
		}
	}
	return strings.TrimSuffix(s, "-")
}
