package attach_test

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/attach"
	"github.com/tally-news/tally/extract/nlp"
)

// annotated reads testdata/sentences.txt.
func annotated(t testing.TB) []attach.Annotated {
	t.Helper()
	all, err := attach.ReadAnnotatedFile("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// examples prepares annotated sentences for training.
func examples(t testing.TB, as []attach.Annotated) []attach.Example {
	t.Helper()
	exs, err := attach.Examples(nlp.Load(), as)
	if err != nil {
		t.Fatal(err)
	}
	return exs
}

// TestAnnotatedSentences checks that every cue of the annotated
// sentences stands in its sentence and every actor of its stances is one
// the actor finder names there, so that the examples say what the file
// says.
func TestAnnotatedSentences(t *testing.T) {
	all := annotated(t)
	for _, a := range all {
		if _, err := a.Example(nlp.Load()); err != nil {
			t.Error(err)
		}
	}
	if len(all) < 300 {
		t.Errorf("%d annotated sentences, want at least 300", len(all))
	}
}

// heldOutQuoted is the held-out score the package documentation quotes
// for the learned attacher at the annotated cues.
var heldOutQuoted = struct{ p, r, f float64 }{0.948, 0.968, 0.958}

// TestHeldOut trains on the training families with the default settings
// and scores the held-out families at their annotated cues: the figures
// must be those the package documentation quotes, and a second training
// must give the same stances.
func TestHeldOut(t *testing.T) {
	train, held := attach.Split(annotated(t))
	exs := examples(t, train)
	m := attach.Train(exs, attach.DefaultTrainConfig())
	again := attach.Train(exs, attach.DefaultTrainConfig())
	var sc attach.Score
	for k, ex := range examples(t, held) {
		got := m.Attach(ex.Sentence)
		if g2 := again.Attach(ex.Sentence); !reflect.DeepEqual(got, g2) {
			t.Errorf("%q: trained twice, read %v then %v", held[k].Text, got, g2)
		}
		sc.Add(got, held[k].Tuples())
	}
	t.Logf("held out (%d sentences): %v", len(held), sc)
	const tolerance = 0.01
	if math.Abs(sc.Precision()-heldOutQuoted.p) > tolerance || math.Abs(sc.Recall()-heldOutQuoted.r) > tolerance || math.Abs(sc.F1()-heldOutQuoted.f) > tolerance {
		t.Errorf("held out: measured %v, the documentation quotes P %.2f R %.2f F1 %.2f", sc, heldOutQuoted.p, heldOutQuoted.r, heldOutQuoted.f)
	}
}

// crossValidatedQuoted is the score the package documentation quotes
// for the learned attacher over the folds, each family held out once.
var crossValidatedQuoted = struct{ p, r, f float64 }{0.857, 0.907, 0.881}

// TestCrossValidated trains once per fold and scores each fold's
// held-out families at their annotated cues, so that every sentence is
// scored by a model that never saw its family; the figures summed over
// the folds must be those the documentation quotes.
func TestCrossValidated(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model per fold")
	}
	all := annotated(t)
	var sum attach.Score
	for fold := range attach.Folds {
		train, held := attach.Fold(all, fold)
		m := attach.Train(examples(t, train), attach.DefaultTrainConfig())
		var sc attach.Score
		for k, ex := range examples(t, held) {
			sc.Add(m.Attach(ex.Sentence), held[k].Tuples())
		}
		t.Logf("fold %d (%d sentences held out): %v", fold, len(held), sc)
		sum.Match += sc.Match
		sum.Spurious += sc.Spurious
		sum.Missed += sc.Missed
	}
	t.Logf("all folds: %v", sum)
	const tolerance = 0.01
	q := crossValidatedQuoted
	if math.Abs(sum.Precision()-q.p) > tolerance || math.Abs(sum.Recall()-q.r) > tolerance || math.Abs(sum.F1()-q.f) > tolerance {
		t.Errorf("all folds: measured %v, the documentation quotes P %.2f R %.2f F1 %.2f", sum, q.p, q.r, q.f)
	}
}

// TestTrainedFits checks that the model reads back the stances of the
// sentences it was trained on: an attacher that cannot fit them has a
// broken update or broken features.
func TestTrainedFits(t *testing.T) {
	all := annotated(t)
	exs := examples(t, all)
	m := attach.Train(exs, attach.DefaultTrainConfig())
	var sc attach.Score
	for k, ex := range exs {
		sc.Add(m.Attach(ex.Sentence), all[k].Tuples())
	}
	if sc.F1() < 0.97 {
		t.Errorf("on its own training sentences: %v, want F1 >= 0.97", sc)
	}
}

func TestSplit(t *testing.T) {
	all := annotated(t)
	train, held := attach.Split(all)
	if len(train)+len(held) != len(all) {
		t.Fatalf("split %d sentences into %d and %d", len(all), len(train), len(held))
	}
	families := func(as []attach.Annotated) map[string]bool {
		m := map[string]bool{}
		for _, a := range as {
			m[a.Family] = true
		}
		return m
	}
	trainF, heldF := families(train), families(held)
	for f := range heldF {
		if trainF[f] {
			t.Errorf("family %s is both trained on and held out", f)
		}
	}
	// Every shape with four families or more keeps some to train on and
	// holds one out.
	shapes := map[string][2]int{}
	for f := range trainF {
		s := shapes[strings.SplitN(f, "/", 2)[0]]
		s[0]++
		shapes[strings.SplitN(f, "/", 2)[0]] = s
	}
	for f := range heldF {
		s := shapes[strings.SplitN(f, "/", 2)[0]]
		s[1]++
		shapes[strings.SplitN(f, "/", 2)[0]] = s
	}
	for shape, n := range shapes {
		if n[0]+n[1] >= 4 && (n[1] == 0 || n[0] == 0) {
			t.Errorf("shape %s: %d families trained on, %d held out", shape, n[0], n[1])
		}
	}
	share := float64(len(held)) / float64(len(all))
	if share < 0.2 || share > 0.3 {
		t.Errorf("%.2f of the sentences held out, want about a quarter", share)
	}
}

func TestReadAnnotated(t *testing.T) {
	tests := []struct {
		name, in string
		want     []attach.Annotated
		err      string
	}{
		{
			name: "cues",
			in:   "# note\n## passive/by\nKenya was criticised by Uganda and Rwanda.\n\tcriticised oppose: UGA>KEN RWA>KEN\n\n## hedged/not\nPeru did not side with Chile.\n\tside_with#1 support: -\n",
			want: []attach.Annotated{
				{Shape: "passive", Family: "passive/by", Text: "Kenya was criticised by Uganda and Rwanda.", Line: 3, Cues: []attach.AnnotatedCue{
					{Words: []string{"criticised"}, Nth: 1, Polarity: "oppose", Tuples: []attach.Tuple{{"UGA", "KEN", "oppose"}, {"RWA", "KEN", "oppose"}}}}},
				{Shape: "hedged", Family: "hedged/not", Text: "Peru did not side with Chile.", Line: 7, Cues: []attach.AnnotatedCue{
					{Words: []string{"side", "with"}, Nth: 1, Polarity: "support"}}},
			},
		},
		{name: "no family", in: "Kenya condemned Uganda.\n\tcondemned oppose: KEN>UGA\n", err: "line 1: sentence before any family"},
		{name: "family without shape", in: "## passive\n", err: "line 1: family \"passive\" is not shape/family"},
		{name: "no cues", in: "## a/b\nKenya condemned Uganda.\nPeru backed Chile.\n\tbacked support: PER>CHL\n", err: "line 2: sentence without cues"},
		{name: "last without cues", in: "## a/b\nKenya condemned Uganda.\n", err: "line 2: sentence without cues"},
		{name: "cue first", in: "## a/b\n\tcondemned oppose: KEN>UGA\n", err: "line 2: cue before any sentence"},
		{name: "polarity", in: "## a/b\nKenya condemned Uganda.\n\tcondemned against: KEN>UGA\n", err: "line 3: cue \"condemned against\" is not WORDS POLARITY"},
		{name: "colon", in: "## a/b\nKenya condemned Uganda.\n\tcondemned oppose KEN>UGA\n", err: "has no colon"},
		{name: "tuple", in: "## a/b\nKenya condemned Uganda.\n\tcondemned oppose: KEN\n", err: "line 3: stance \"KEN\" is not HOLDER>TARGET"},
		{name: "self", in: "## a/b\nKenya condemned Uganda.\n\tcondemned oppose: KEN>KEN\n", err: "is not HOLDER>TARGET"},
		{name: "empty", in: "## a/b\nKenya condemned Uganda.\n\tcondemned oppose:\n", err: "no stances"},
		{name: "empty word", in: "## a/b\nKenya sided with Uganda.\n\tsided__with support: KEN>UGA\n", err: "has an empty word"},
		{name: "occurrence", in: "## a/b\nKenya condemned Uganda.\n\tcondemned#0 oppose: KEN>UGA\n", err: "bad occurrence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := attach.ReadAnnotated(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestPrepareCues(t *testing.T) {
	tests := []struct {
		cue, text string
		want      string // the cue's text, "" when it is not found
	}{
		{"criticised", "Kenya was criticised by Uganda.", "criticised"},
		{"sided_with", "Peru sided with Chile.", "sided with"},
		{"backed#2", "Peru backed Chile and backed Bolivia.", "backed"},
		{"backed#3", "Peru backed Chile and backed Bolivia.", ""},
		{"sided_with", "Peru sided firmly with Chile.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.cue+" "+tt.text, func(t *testing.T) {
			in := fmt.Sprintf("## a/b\n%s\n\t%s support: -\n", tt.text, tt.cue)
			as, err := attach.ReadAnnotated(strings.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			s, err := as[0].Prepare(nlp.Load())
			if tt.want == "" {
				if err == nil {
					t.Errorf("cue placed at %+v, want an error", s.Cues)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			c := s.Cues[0]
			if got := tt.text[c.Start:c.End]; got != tt.want {
				t.Errorf("cue %q, want %q", got, tt.want)
			}
			if tt.cue == "backed#2" && c.Start != strings.LastIndex(tt.text, "backed") {
				t.Errorf("cue at %d, want the second", c.Start)
			}
		})
	}
}

func TestScore(t *testing.T) {
	a := attach.Tuple{Holder: "FRA", Target: "RUS", Polarity: attach.Oppose}
	b := attach.Tuple{Holder: "DEU", Target: "RUS", Polarity: attach.Oppose}
	c := attach.Tuple{Holder: "RUS", Target: "FRA", Polarity: attach.Oppose}
	var s attach.Score
	s.Add([]attach.Tuple{a, c}, []attach.Tuple{a, b})
	s.Add(nil, nil)
	if s != (attach.Score{Match: 1, Spurious: 1, Missed: 1}) {
		t.Fatalf("score %+v", s)
	}
	if s.Precision() != 0.5 || s.Recall() != 0.5 || s.F1() != 0.5 {
		t.Errorf("P %v R %v F1 %v, want 0.5 each", s.Precision(), s.Recall(), s.F1())
	}
	var none attach.Score
	if none.Precision() != 1 || none.Recall() != 1 {
		t.Errorf("nothing to find and nothing found: P %v R %v, want 1", none.Precision(), none.Recall())
	}
	none.Missed = 2
	if none.F1() != 0 {
		t.Errorf("nothing found of two: F1 %v, want 0", none.F1())
	}
}
