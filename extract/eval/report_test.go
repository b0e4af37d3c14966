package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/tally-news/tally/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// reportFixture is a two-document evaluation with a bit of everything:
// right and wrong tuples, swapped and unpaired votes, a type with no gold.
func reportFixture() Report {
	a := extract.Record{
		Doc:       "assembly",
		Countries: []string{"BRA", "MEX", "USA"},
		Counts:    []extract.Count{{Value: 120, Unit: "vote"}, {Value: 5}},
		Votes: []extract.Vote{
			{Body: "UNGA", Outcome: "adopted", Sponsors: []string{"MEX"}, Tally: extract.Tally{Yes: ip(120), No: ip(5)},
				Positions: map[string]string{"BRA": "yes", "USA": "no"}},
			{Body: "UNGA", Outcome: "rejected", Positions: map[string]string{"USA": "yes"}},
		},
		Stances: []extract.Stance{},
	}
	aPred := extract.Record{
		Countries: []string{"BRA", "MEX", "USA", "FRA"},
		Counts:    []extract.Count{{Value: 120, Unit: "vote"}, {Value: 5, Unit: "vote"}, {Value: 30, Unit: "abstention"}},
		Votes: []extract.Vote{
			{Body: "UNGA", Outcome: "rejected"},
			{Body: "UNGA", Outcome: "adopted", Tally: extract.Tally{Yes: ip(120), No: ip(5)},
				Positions: map[string]string{"BRA": "yes", "USA": "yes"}},
		},
		Stances: []extract.Stance{{Holder: "USA", Target: "MEX", Polarity: "oppose"}},
	}
	b := extract.Record{
		Doc:       "council",
		Countries: []string{"RUS"},
		Counts:    []extract.Count{},
		Votes:     []extract.Vote{{Body: "UNSC", Outcome: "vetoed", Positions: map[string]string{"RUS": "no"}}},
	}
	bPred := extract.Record{
		Countries: []string{"RUS"},
		Votes: []extract.Vote{
			{Body: "UNSC", Outcome: "vetoed", Positions: map[string]string{"RUS": "no"}},
			{Body: "UNGA", Outcome: "adopted"},
		},
	}
	return Evaluate([]Pair{{Gold: a, Pred: aPred}, {Gold: b, Pred: bPred}})
}

func TestReportGolden(t *testing.T) {
	r := reportFixture()
	tests := []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"report.txt", func(b *bytes.Buffer) error { return r.WriteText(b, false) }},
		{"report-verbose.txt", func(b *bytes.Buffer) error { return r.WriteText(b, true) }},
		{"report.json", func(b *bytes.Buffer) error { return r.WriteJSON(b, false) }},
		{"report-verbose.json", func(b *bytes.Buffer) error { return r.WriteJSON(b, true) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var got bytes.Buffer
			if err := tt.write(&got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.file)
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("output differs from %s (run go test -update after checking it):\n%s", path, got.String())
			}
		})
	}
}

func TestWriteJSONShape(t *testing.T) {
	var b bytes.Buffer
	if err := reportFixture().WriteJSON(&b, true); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Types map[string]struct {
			Scored    bool     `json:"scored"`
			Precision *float64 `json:"precision"`
			Recall    *float64 `json:"recall"`
			F1        *float64 `json:"f1"`
			TP        *int     `json:"tp"`
			FP        *int     `json:"fp"`
			FN        *int     `json:"fn"`
		} `json:"types"`
		Documents []DocResult `json:"documents"`
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	for _, typ := range TypeOrder() {
		s, ok := got.Types[typ]
		if !ok {
			t.Errorf("type %s missing", typ)
			continue
		}
		if s.TP == nil || s.FP == nil || s.FN == nil {
			t.Errorf("%s: tuple counts missing", typ)
		}
		if scored := s.Precision != nil && s.Recall != nil && s.F1 != nil; scored != s.Scored {
			t.Errorf("%s: scored %v but precision, recall, f1 = %v, %v, %v", typ, s.Scored, s.Precision, s.Recall, s.F1)
		}
	}
	if !got.Types[Overall].Scored || got.Types[Stance].Scored {
		t.Errorf("overall scored %v, stance scored %v; want true, false", got.Types[Overall].Scored, got.Types[Stance].Scored)
	}
	if len(got.Documents) != 2 {
		t.Errorf("got %d documents, want 2", len(got.Documents))
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	r := reportFixture()
	if err := r.WriteText(failWriter{}, true); err == nil {
		t.Error("WriteText to a failing writer succeeded")
	}
	if err := r.WriteJSON(failWriter{}, true); err == nil {
		t.Error("WriteJSON to a failing writer succeeded")
	}
}
