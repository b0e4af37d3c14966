package events

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestEventJSONGolden pins the JSON shape of events: field names, the
// support of every fused fact and its conflicts.
func TestEventJSONGolden(t *testing.T) {
	withSite := func(r Report, site string) Report {
		r.Article.URL = "https://" + site + "/" + r.Article.ID
		r.Article.Site = site
		return r
	}
	ua := map[string]string{"USA": "no", "RUS": "no"}
	reports := []Report{
		withSite(rep("wire", "2025-02-25", "UNGA", "93-18-65", "The Assembly on Monday adopted the text drafted by Ukraine by 93 votes to 18, with 65 abstentions.", ua, "UKR"), "wire.example"),
		withSite(rep("gazette", "2025-02-25", "UNGA", "93-18-63", "The text backed by Kyiv was approved on Monday by 93 votes to 18, with 63 abstentions.", map[string]string{"USA": "no", "RUS": "no", "HUN": "no"}), "gazette.example"),
		withSite(rep("review", "2025-02-27", "UNGA", "93-18-65", "The resolution passed by 93 votes to 18, with 65 abstentions.", map[string]string{"USA": "no", "CHN": "abstain"}, "UKR"), "review.example"),
	}
	reports[0].Vote.Outcome, reports[1].Vote.Outcome = "adopted", "adopted"
	reports[0].Vote.Motion = "resolution drafted by Ukraine that demands Russia withdraw its troops"
	reports[1].Vote.Motion = "resolution backed by Kyiv"
	evs, _ := Build(DefaultConfig(), reports)
	got, err := json.MarshalIndent(evs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "events.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("events differ from %s (run with -update after checking):\n%s", path, got)
	}
}
