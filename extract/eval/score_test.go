package eval

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

func ip(n int) *int { return &n }

// goldRecord is the gold of the scoring tests. Its tuples: country 3,
// count 3, count_unit 2 (2 has no unit), vote 6+4, stance 1; overall 17.
func goldRecord() extract.Record {
	return extract.Record{
		Doc:       "d",
		Countries: []string{"FRA", "RUS", "USA"},
		Counts:    []extract.Count{{Value: 93, Unit: "vote"}, {Value: 2}, {Value: 10, Unit: "vote"}},
		Votes: []extract.Vote{
			{
				Body: "UNGA", Outcome: "adopted", Sponsors: []string{"FRA"},
				Tally:     extract.Tally{Yes: ip(93)},
				Positions: map[string]string{"USA": "no", "RUS": "no"},
			},
			{
				Body: "UNSC", Outcome: "vetoed",
				Tally:     extract.Tally{Yes: ip(10)},
				Positions: map[string]string{"RUS": "no"},
			},
		},
		Stances: []extract.Stance{{Holder: "USA", Target: "RUS", Polarity: "support"}},
	}
}

// counts is the tp, fp and fn of one type.
type counts [3]int

func TestEvaluate(t *testing.T) {
	gold := goldRecord()
	with := func(edit func(r *extract.Record)) extract.Record {
		r := goldRecord()
		edit(&r)
		return r
	}
	perfect := map[string]counts{Country: {3, 0, 0}, Count: {3, 0, 0}, CountUnit: {2, 0, 0}, Vote: {10, 0, 0}, Stance: {1, 0, 0}, Overall: {17, 0, 0}}
	tests := []struct {
		name      string
		gold      extract.Record
		pred      extract.Record
		want      map[string]counts
		notScored []string
		votes     []VotePair
	}{
		{
			name:  "perfect",
			gold:  gold,
			pred:  gold,
			want:  perfect,
			votes: []VotePair{{0, 0}, {1, 1}},
		},
		{
			name:  "empty prediction",
			gold:  gold,
			pred:  extract.Record{Doc: "d"},
			want:  map[string]counts{Country: {0, 0, 3}, Count: {0, 0, 3}, CountUnit: {0, 0, 2}, Vote: {0, 0, 10}, Stance: {0, 0, 1}, Overall: {0, 0, 17}},
			votes: []VotePair{{0, -1}, {1, -1}},
		},
		{
			name:  "two votes in swapped order",
			gold:  gold,
			pred:  with(func(r *extract.Record) { slices.Reverse(r.Votes) }),
			want:  perfect,
			votes: []VotePair{{0, 1}, {1, 0}},
		},
		{
			name: "extra predicted vote",
			gold: gold,
			pred: with(func(r *extract.Record) {
				r.Votes = append(r.Votes, extract.Vote{Body: "UNGA", Outcome: "rejected", Tally: extract.Tally{No: ip(5)}})
			}),
			want:  map[string]counts{Vote: {10, 3, 0}, Overall: {17, 3, 0}},
			votes: []VotePair{{0, 0}, {1, 1}, {-1, 2}},
		},
		{
			name: "missing gold vote",
			gold: gold,
			pred: with(func(r *extract.Record) { r.Votes = r.Votes[1:] }),
			want: map[string]counts{Vote: {4, 0, 6}},
			// the UNSC vote is the only prediction and pairs with gold 1
			votes: []VotePair{{0, -1}, {1, 0}},
		},
		{
			name: "vote slots differ",
			gold: gold,
			pred: with(func(r *extract.Record) {
				r.Votes[0].Tally.Yes = ip(94)                                           // wrong count
				r.Votes[0].Positions = map[string]string{"USA": "abstain", "RUS": "no"} // one wrong
				r.Votes[0].Sponsors = []string{"FRA", "FRA"}                            // duplicate collapses
				r.Votes[1].Outcome = ""                                                 // not stated
			}),
			want: map[string]counts{Vote: {7, 2, 3}},
		},
		{
			name: "count_unit rule",
			gold: gold,
			pred: with(func(r *extract.Record) {
				r.Counts = []extract.Count{
					{Value: 93, Unit: "vote"},   // right unit: TP
					{Value: 2, Unit: "ally"},    // gold has 2 without unit: ignored
					{Value: 5, Unit: "day"},     // gold has no 5: count FP, unit ignored
					{Value: 10, Unit: "member"}, // wrong unit: FP, and gold (10, vote) FN
				}
			}),
			want: map[string]counts{Count: {3, 1, 0}, CountUnit: {1, 1, 1}, Overall: {17, 1, 0}},
		},
		{
			name: "count_unit missing unit",
			gold: gold,
			pred: with(func(r *extract.Record) {
				r.Counts = []extract.Count{{Value: 93}, {Value: 2}, {Value: 10, Unit: "vote"}}
			}),
			want: map[string]counts{Count: {3, 0, 0}, CountUnit: {1, 0, 1}},
		},
		{
			name: "count_unit with two gold units for one value",
			gold: with(func(r *extract.Record) {
				r.Counts = []extract.Count{{Value: 2, Unit: "time"}, {Value: 2, Unit: "ally"}, {Value: 2}}
			}),
			pred: with(func(r *extract.Record) {
				r.Counts = []extract.Count{{Value: 2, Unit: "ally"}, {Value: 2, Unit: "day"}}
			}),
			want: map[string]counts{Count: {1, 0, 0}, CountUnit: {1, 1, 1}},
		},
		{
			name: "duplicate counts collapse",
			gold: with(func(r *extract.Record) {
				r.Counts = append(r.Counts, extract.Count{Value: 93, Unit: "vote"})
			}),
			pred: with(func(r *extract.Record) {
				r.Counts = []extract.Count{{Value: 93, Unit: "vote"}, {Value: 93, Unit: "vote"}, {Value: 93}, {Value: 2}, {Value: 2}, {Value: 10, Unit: "vote"}}
			}),
			want: map[string]counts{Count: {3, 0, 0}, CountUnit: {2, 0, 0}},
		},
		{
			name: "numbers compare numerically",
			gold: with(func(r *extract.Record) { r.Counts = []extract.Count{{Value: 1e6}, {Value: 0.5, Unit: "point"}} }),
			pred: with(func(r *extract.Record) {
				r.Counts = []extract.Count{{Value: 1000000.0}, {Value: 1.0 / 2, Unit: "point"}}
			}),
			want: map[string]counts{Count: {2, 0, 0}, CountUnit: {1, 0, 0}},
		},
		{
			name:      "type with no gold tuples is not scored",
			gold:      with(func(r *extract.Record) { r.Stances = nil; r.Counts = []extract.Count{{Value: 2}} }),
			pred:      with(func(r *extract.Record) { r.Counts = []extract.Count{{Value: 2, Unit: "day"}} }),
			want:      map[string]counts{Stance: {0, 1, 0}, Count: {1, 0, 0}, CountUnit: {0, 0, 0}, Overall: {14, 1, 0}},
			notScored: []string{Stance, CountUnit},
		},
		{
			name: "duplicate countries and stances collapse",
			gold: gold,
			pred: with(func(r *extract.Record) {
				r.Countries = append(r.Countries, "USA", "GBR")
				r.Stances = append(r.Stances, r.Stances[0])
			}),
			want: map[string]counts{Country: {3, 1, 0}, Stance: {1, 0, 0}},
		},
		{
			name: "overall is micro over country, count, vote and stance",
			gold: gold,
			pred: extract.Record{
				Countries: []string{"FRA", "USA", "GBR"},            // 2 1 1
				Counts:    []extract.Count{{Value: 93}, {Value: 7}}, // 1 1 2; count_unit 0 0 2, not in overall
				Votes: []extract.Vote{{ // pairs with gold 1: 4 1 0, gold 0 unpaired: 0 0 6
					Body: "UNSC", Outcome: "vetoed", Tally: extract.Tally{Yes: ip(10)},
					Positions: map[string]string{"RUS": "no", "CHN": "no"},
				}},
				Stances: []extract.Stance{{Holder: "USA", Target: "RUS", Polarity: "oppose"}}, // 0 1 1
			},
			want: map[string]counts{
				Country: {2, 1, 1}, Count: {1, 1, 2}, CountUnit: {0, 0, 2}, Vote: {4, 1, 6}, Stance: {0, 1, 1},
				Overall: {7, 4, 10},
			},
			votes: []VotePair{{0, -1}, {1, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate([]Pair{{Gold: tt.gold, Pred: tt.pred}})
			if len(r.Types) != len(TypeOrder()) {
				t.Errorf("report has %d types, want %d", len(r.Types), len(TypeOrder()))
			}
			for typ, want := range tt.want {
				s := r.Types[typ]
				if got := (counts{s.TP, s.FP, s.FN}); got != want {
					t.Errorf("%s: tp, fp, fn = %v, want %v", typ, got, want)
				}
			}
			for _, typ := range TypeOrder() {
				s := r.Types[typ]
				want := !slices.Contains(tt.notScored, typ)
				if s.Scored != want {
					t.Errorf("%s: scored = %v, want %v", typ, s.Scored, want)
				}
				if !s.Scored && (s.Precision != 0 || s.Recall != 0 || s.F1 != 0) {
					t.Errorf("%s: not scored but has precision, recall or F1: %+v", typ, s)
				}
			}
			if tt.votes != nil && !reflect.DeepEqual(r.Docs[0].Votes, tt.votes) {
				t.Errorf("votes aligned %v, want %v", r.Docs[0].Votes, tt.votes)
			}
			// The tuples listed per document agree with the counts.
			var fp, fn int
			for _, d := range r.Docs {
				for _, tu := range d.Missing {
					if tu.Type != CountUnit {
						fn++
					}
				}
				for _, tu := range d.Spurious {
					if tu.Type != CountUnit {
						fp++
					}
				}
			}
			if o := r.Types[Overall]; o.FP != fp || o.FN != fn {
				t.Errorf("documents list %d spurious and %d missing, overall counts %d and %d", fp, fn, o.FP, o.FN)
			}
		})
	}
}

func TestEvaluateRates(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }
	tests := []struct {
		name         string
		pred         extract.Record
		typ          string
		wantP, wantR float64
		wantF1       float64
	}{
		{"perfect", goldRecord(), Overall, 1, 1, 1},
		{"nothing predicted", extract.Record{}, Overall, 0, 0, 0},
		{"all wrong", extract.Record{Countries: []string{"GBR"}}, Country, 0, 0, 0},
		{"hand-computed overall", extract.Record{
			Countries: []string{"FRA", "USA", "GBR"},
			Counts:    []extract.Count{{Value: 93}, {Value: 7}},
			Votes: []extract.Vote{{Body: "UNSC", Outcome: "vetoed", Tally: extract.Tally{Yes: ip(10)},
				Positions: map[string]string{"RUS": "no", "CHN": "no"}}},
			Stances: []extract.Stance{{Holder: "USA", Target: "RUS", Polarity: "oppose"}},
		}, Overall, 7.0 / 11, 7.0 / 17, 0.5}, // F1 = 2*7 / (2*7 + 4 + 10)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Evaluate([]Pair{{Gold: goldRecord(), Pred: tt.pred}}).Types[tt.typ]
			if !near(s.Precision, tt.wantP) || !near(s.Recall, tt.wantR) || !near(s.F1, tt.wantF1) {
				t.Errorf("%s: P, R, F1 = %v, %v, %v, want %v, %v, %v", tt.typ, s.Precision, s.Recall, s.F1, tt.wantP, tt.wantR, tt.wantF1)
			}
		})
	}
}

func TestEvaluateMicroOverDocuments(t *testing.T) {
	a := extract.Record{Doc: "a", Countries: []string{"FRA", "RUS", "USA"}}
	b := extract.Record{Doc: "b", Countries: []string{"CHN"}}
	r := Evaluate([]Pair{
		{Gold: a, Pred: a},
		{Gold: b, Pred: extract.Record{Countries: []string{"IND"}}},
	})
	// micro: tp 3, fp 1, fn 1 over both, not the mean of 1.0 and 0.0
	s := r.Types[Country]
	if s.TP != 3 || s.FP != 1 || s.FN != 1 || s.Precision != 0.75 || s.Recall != 0.75 || s.F1 != 0.75 {
		t.Errorf("country = %+v, want tp 3 fp 1 fn 1 and 0.75 throughout", s)
	}
	if len(r.Docs) != 2 || r.Docs[0].Doc != "a" || r.Docs[1].Doc != "b" {
		t.Fatalf("docs = %+v", r.Docs)
	}
	if got := r.Docs[1].Missing[0].String(); got != "country (b, CHN)" {
		t.Errorf("missing = %q", got)
	}
	if got := r.Docs[1].Spurious[0].String(); got != "country (b, IND)" {
		t.Errorf("spurious = %q", got)
	}
}

func TestEvaluateVoteTuples(t *testing.T) {
	gold := extract.Record{Doc: "d", Votes: []extract.Vote{{Body: "UNGA", Tally: extract.Tally{Yes: ip(93)}}}}
	pred := extract.Record{Votes: []extract.Vote{
		{Body: "UNSC", Sponsors: []string{"USA"}},
		{Body: "UNGA", Tally: extract.Tally{Yes: ip(94)}, Positions: map[string]string{"FRA": "yes"}},
	}}
	r := Evaluate([]Pair{{Gold: gold, Pred: pred}})
	var missing, spurious []string
	for _, tu := range r.Docs[0].Missing {
		missing = append(missing, tu.String())
	}
	for _, tu := range r.Docs[0].Spurious {
		spurious = append(spurious, tu.String())
	}
	wantMissing := []string{"vote (d, votes[0], tally.yes, 93)"}
	wantSpurious := []string{
		"vote (d, pred votes[0], body, UNSC)",
		"vote (d, pred votes[0], sponsor, USA)",
		"vote (d, votes[0], positions.FRA, yes)",
		"vote (d, votes[0], tally.yes, 94)",
	}
	if !slices.Equal(missing, wantMissing) || !slices.Equal(spurious, wantSpurious) {
		t.Errorf("missing\n %s\nwant\n %s\nspurious\n %s\nwant\n %s",
			strings.Join(missing, "\n "), strings.Join(wantMissing, "\n "),
			strings.Join(spurious, "\n "), strings.Join(wantSpurious, "\n "))
	}
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want string
	}{{93, "93"}, {93.0, "93"}, {1e6, "1000000"}, {0.5, "0.5"}, {math.Copysign(0, -1), "0"}} {
		if got := formatNumber(tt.v); got != tt.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
