package eval

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

func TestLoadGoldFileErrors(t *testing.T) {
	actorHelp := `(an ISO 3166-1 alpha-3 country code such as "FRA", or a bloc: EU, EUROPE, NATO, G7, G20, AU, ASEAN, BRICS, ARAB_LEAGUE, OIC)`
	tests := []struct {
		file string
		want string // the whole message after "testdata/bad/FILE.json: "
	}{
		{"position", `votes[1].positions["FRA"]: "maybe" is not yes, no or abstain`},
		{"outcome", `votes[0].outcome: "passed" is not adopted, rejected, vetoed or withdrawn (leave outcome out when the article does not say)`},
		{"both-sources", `html_file: text_file is given too; a gold file names exactly one source`},
		{"no-source", `text_file: missing: a gold file names its source in text_file (plain text) or html_file (an HTML page)`},
		{"unknown-field", `countires: unknown field (known here: doc, text_file, html_file, countries, counts, votes, stances, mentions, extractor)`},
		{"count-string", `counts[1].value: got string "93", want a number`},
		{"sponsor-code", `votes[0].sponsors[0]: "usa" is not an actor code ` + actorHelp},
		{"position-actor", `votes[0].positions["France"]: "France" is not an actor code ` + actorHelp},
		{"bloc-country", `countries[1]: "EU" is a bloc; countries lists countries only`},
		{"country-code", `countries[0]: "FR" is not an ISO 3166-1 alpha-3 country code (three upper-case letters, such as "FRA")`},
		{"country-twice", `countries[2]: "FRA" is listed twice`},
		{"syntax", `not valid JSON: line 3, column 23: invalid character ']' looking for beginning of value`},
		{"truncated", `not valid JSON: unexpected end of file: the JSON is incomplete`},
		{"trailing", `not valid JSON: line 2, column 2: more data after the JSON object`},
		{"not-object", `got a list, want a JSON object`},
		{"dup-key", `votes[0].positions: key "USA" given twice`},
		{"missing-list", `stances: missing (write [] when there are none)`},
		{"null-list", `countries: got null, want a list`},
		{"tally-fraction", `votes[0].tally.yes: 93.5 is not a whole number of votes`},
		{"tally-key", `votes[0].tally.against: unknown field (known here: yes, no, abstain)`},
		{"unit", `counts[0].unit: "Votes" is not a lowercase noun lemma such as "vote" (leave unit out when the counted thing is not clear)`},
		{"count-negative", `counts[0].value: -3 is negative; a count is not`},
		{"polarity", `stances[0].polarity: "against" is not support or oppose`},
		{"stance-self", `stances[0].target: "USA" is also the holder; a stance is toward another actor`},
		{"stance-missing", `stances[0].target: missing`},
		{"body", `votes[0].body: "General Assembly" is not a body code (upper-case, such as UNGA, UNSC, UK_COMMONS)`},
		{"vote-field", `votes[0].result: unknown field (known here: body, motion, sponsors, outcome, tally, positions, evidence)`},
		{"empty-doc", `doc: empty`},
		{"source-missing", `text_file: "nowhere.txt": no such file (looked for ` + mustAbs(t, "testdata/bad/nowhere.txt") + `)`},
		{"evidence-field", `counts[0].evidence: unknown field "page"`},
	}
	seen := map[string]bool{"article.txt": true}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file+".json")
			seen[tt.file+".json"] = true
			_, err := LoadGoldFile(path)
			if err == nil {
				t.Fatalf("LoadGoldFile(%s) succeeded, want error %q", path, tt.want)
			}
			if got, want := err.Error(), path+": "+tt.want; got != want {
				t.Errorf("error\n got: %s\nwant: %s", got, want)
			}
			var ge *GoldError
			if !errors.As(err, &ge) || ge.Path != path {
				t.Errorf("error %v is not a *GoldError for %s", err, path)
			}
		})
	}
	// Every bad file has a case, so none is left untested.
	entries, err := os.ReadDir(filepath.Join("testdata", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !seen[e.Name()] {
			t.Errorf("testdata/bad/%s has no test case", e.Name())
		}
	}
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

func TestLoadGoldReportsEveryBadFile(t *testing.T) {
	_, err := LoadGold(filepath.Join("testdata", "bad"))
	if err == nil {
		t.Fatal("LoadGold(testdata/bad) succeeded")
	}
	lines := strings.Split(err.Error(), "\n")
	// every .json file in testdata/bad is bad, and each gives one line
	matches, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.json"))
	if len(lines) != len(matches) {
		t.Errorf("got %d error lines, want %d (one per bad file):\n%v", len(lines), len(matches), err)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, filepath.Join("testdata", "bad")+string(filepath.Separator)) {
			t.Errorf("error line does not start with the file: %s", l)
		}
	}
}

func TestLoadGold(t *testing.T) {
	dir := filepath.Join("testdata", "good")
	golds, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	yes, no, abstain := 120, 5, 30
	want := []Gold{
		{
			Path:   filepath.Join(dir, "assembly.json"),
			Source: mustAbs(t, filepath.Join(dir, "assembly.txt")),
			Record: extract.Record{
				Doc:       "assembly-vote",
				TextFile:  "assembly.txt",
				Countries: []string{"BRA", "FRA", "MEX", "USA"},
				Counts: []extract.Count{
					{Value: 120, Unit: "vote"},
					{Value: 5},
					{Value: 30, Unit: "abstention", Evidence: &extract.Evidence{Text: "30", Start: 81, End: 83}},
				},
				Votes: []extract.Vote{{
					Body:      "UNGA",
					Motion:    "a resolution drafted by Mexico",
					Sponsors:  []string{"MEX"},
					Outcome:   "adopted",
					Tally:     extract.Tally{Yes: &yes, No: &no, Abstain: &abstain},
					Positions: map[string]string{"BRA": "yes", "USA": "no"},
				}},
				Stances:   []extract.Stance{},
				Extractor: "hand",
			},
		},
		{
			Path:   filepath.Join(dir, "council.json"),
			Source: mustAbs(t, filepath.Join(dir, "council.html")),
			HTML:   true,
			Record: extract.Record{
				Doc:       "council", // from the file name
				HTMLFile:  "council.html",
				Countries: []string{"RUS"},
				Counts:    []extract.Count{},
				Votes:     []extract.Vote{{Body: "UNSC", Outcome: "vetoed", Positions: map[string]string{"RUS": "no"}}},
				Stances:   []extract.Stance{{Holder: "EU", Target: "RUS", Polarity: "oppose"}},
			},
		},
	}
	if !reflect.DeepEqual(golds, want) {
		t.Errorf("LoadGold(%s)\n got: %+v\nwant: %+v", dir, golds, want)
	}
}

func TestLoadGoldFolderErrors(t *testing.T) {
	tests := []struct {
		dir  string
		want string
		is   error
	}{
		{"dupdoc", `testdata/dupdoc/b.json: doc: "same" is also the doc of testdata/dupdoc/a.json; each gold file needs its own doc`, nil},
		{"empty", `testdata/empty: no gold files (NAME.json)`, ErrNoGold},
		{"nosuch", `read gold folder: open testdata/nosuch: no such file or directory`, os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			_, err := LoadGold(filepath.Join("testdata", tt.dir))
			if err == nil {
				t.Fatal("LoadGold succeeded")
			}
			if got := filepath.ToSlash(err.Error()); got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}

// sharedData returns the folder name under the shared data folder next to
// the module root, skipping the test when it is not there.
func sharedData(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "data", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not present", path)
	}
	return path
}

func TestLoadGoldExtractDev(t *testing.T) {
	dir := sharedData(t, "extract-dev")
	golds, err := LoadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(golds) < 4 {
		t.Errorf("got %d gold files in %s, want at least 4", len(golds), dir)
	}
	var pairs []Pair
	for _, g := range golds {
		if g.Record.Doc+".json" != filepath.Base(g.Path) {
			t.Errorf("%s: doc %q does not match the file name", g.Path, g.Record.Doc)
		}
		if !filepath.IsAbs(g.Source) || g.HTML {
			t.Errorf("%s: source %q (html %v), want an absolute text file", g.Path, g.Source, g.HTML)
		}
		pairs = append(pairs, Pair{Gold: g.Record, Pred: g.Record})
	}
	// The gold scored against itself is perfect wherever it has tuples.
	r := Evaluate(pairs)
	for _, typ := range []string{Country, Count, CountUnit, Vote, Overall} {
		s := r.Types[typ]
		if !s.Scored || s.F1 != 1 || s.FP != 0 || s.FN != 0 {
			t.Errorf("%s: %+v, want a perfect score", typ, s)
		}
	}
}

func TestLoadGoldRepoGold(t *testing.T) {
	// The project's own gold set must load.
	dir := filepath.Join("..", "..", "testdata", "gold")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present", dir)
	}
	if _, err := LoadGold(dir); err != nil {
		t.Fatal(err)
	}
}

func TestLoadGoldFileMissing(t *testing.T) {
	path := filepath.Join("testdata", "nosuch.json")
	_, err := LoadGoldFile(path)
	if err == nil {
		t.Fatal("LoadGoldFile succeeded on a missing file")
	}
	if got, want := err.Error(), path+": no such file or directory"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v is not os.ErrNotExist", err)
	}
}
