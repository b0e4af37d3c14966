package actors

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// readGoldCountries reads the countries and text file of a gold file.
func readGoldCountries(t *testing.T, path string) (countries []string, textFile string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		TextFile  string   `json:"text_file"`
		Countries []string `json:"countries"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	if g.TextFile == "" {
		t.Skipf("%s has no text file", path)
	}
	slices.Sort(g.Countries)
	return g.Countries, g.TextFile
}

// countrySet returns the sorted distinct country codes of mentions,
// leaving blocs out.
func countrySet(ms []Mention) []string { return countryCodes(ms) }
