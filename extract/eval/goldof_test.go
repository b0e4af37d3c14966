package eval

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/tally-news/tally/extract"
)

// TestGoldOfLoads checks that the gold file a record starts, written as
// JSON, is one the loader takes, for a record with nothing found too.
func TestGoldOfLoads(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	yes := 12
	ev := &extract.Evidence{Text: "12", Start: 0, End: 2}
	tests := []struct {
		name string
		rec  extract.Record
	}{
		{"nothing found", extract.Record{Doc: "a"}},
		{"facts with evidence", extract.Record{Doc: "a", Countries: []string{"FRA"},
			Counts:   []extract.Count{{Value: 12, Unit: "vote", Evidence: ev}},
			Votes:    []extract.Vote{{Body: "UNGA", Tally: extract.Tally{Yes: &yes}, Evidence: []extract.Evidence{*ev}, Rules: map[string][]string{"body": {"x"}}}},
			Stances:  []extract.Stance{{Holder: "FRA", Target: "RUS", Polarity: "oppose", Evidence: ev, Rule: "cue"}},
			Mentions: []extract.Mention{{Code: "FRA"}}, Extractor: "x/1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(GoldOf(tt.rec, "a.txt"))
			if err != nil {
				t.Fatal(err)
			}
			g, err := CheckGold(filepath.Join(dir, "a.json"), data)
			if err != nil {
				t.Fatalf("the loader refuses %s: %v", data, err)
			}
			if len(g.Record.Counts) != len(tt.rec.Counts) || len(g.Record.Votes) != len(tt.rec.Votes) || len(g.Record.Stances) != len(tt.rec.Stances) {
				t.Errorf("loaded %+v from %+v", g.Record, tt.rec)
			}
			for _, c := range g.Record.Counts {
				if c.Evidence != nil {
					t.Errorf("count keeps its evidence")
				}
			}
			if g.Record.Mentions != nil || g.Record.Extractor != "" {
				t.Errorf("mentions or extractor kept: %s", data)
			}
		})
	}
	var ge *GoldError
	if _, err := CheckGold(filepath.Join(dir, "b.json"), []byte(`{"text_file": "b.txt"}`)); !errors.As(err, &ge) || ge.Field != "text_file" {
		t.Errorf("a gold file naming a missing source: %v, want a GoldError at text_file", err)
	}
}
