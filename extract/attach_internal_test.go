package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/attach"
)

// lexiconCues returns the stance cues the lexicon finds in sentence si
// of d, as the learned attacher takes them.
func (d *document) lexiconCues(si int) []attach.Cue {
	its := d.items(si)
	var out []attach.Cue
	for i := 0; i < len(its); i++ {
		cue, n := stanceCueAt(its, i)
		if n == 0 {
			continue
		}
		out = append(out, attach.Cue{Start: its[i].start, End: its[i+n-1].end, Polarity: cue.polarity})
		i += n - 1
	}
	return out
}

// learnedStances reads text's stances with the learned attacher at the
// lexicon's cues of every sentence that names an actor.
func learnedStances(m *attach.Model, x *Extractor, text string) []attach.Tuple {
	d := newDocument(x.model, text)
	seen := map[attach.Tuple]bool{}
	var out []attach.Tuple
	for si, s := range d.sents {
		ms := d.actorsIn(s.Start, s.End)
		if len(ms) < 2 {
			continue
		}
		cues := d.lexiconCues(si)
		if len(cues) == 0 {
			continue
		}
		for _, tu := range m.Attach(attach.Sentence{Tokens: x.model.Tag(s), Actors: ms, Cues: cues}) {
			if !seen[tu] {
				seen[tu] = true
				out = append(out, tu)
			}
		}
	}
	attach.SortTuples(out)
	return out
}

// ruleStances reads text's stances with the extractor's hand rules.
func ruleStances(x *Extractor, text string) []attach.Tuple {
	seen := map[attach.Tuple]bool{}
	var out []attach.Tuple
	for _, st := range x.Extract(context.Background(), "", text).Stances {
		tu := attach.Tuple{Holder: st.Holder, Target: st.Target, Polarity: st.Polarity}
		if !seen[tu] {
			seen[tu] = true
			out = append(out, tu)
		}
	}
	attach.SortTuples(out)
	return out
}

// union returns the stances of a and of b, each once, sorted.
func union(a, b []attach.Tuple) []attach.Tuple {
	seen := map[attach.Tuple]bool{}
	var out []attach.Tuple
	for _, tu := range append(append([]attach.Tuple(nil), a...), b...) {
		if !seen[tu] {
			seen[tu] = true
			out = append(out, tu)
		}
	}
	attach.SortTuples(out)
	return out
}

// annotatedSentences reads the learned attacher's sentences.
func annotatedSentences(t *testing.T) []attach.Annotated {
	t.Helper()
	all, err := attach.ReadAnnotatedFile(filepath.Join("attach", "testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// trainAttacher trains the learned attacher on the annotated sentences.
func trainAttacher(t *testing.T, x *Extractor, as []attach.Annotated) *attach.Model {
	t.Helper()
	exs, err := attach.Examples(x.model, as)
	if err != nil {
		t.Fatal(err)
	}
	return attach.Train(exs, attach.DefaultTrainConfig())
}

// goldTexts are texts with their gold stances.
type goldText struct {
	name, text string
	stances    []attach.Tuple
}

// readGoldTexts reads the gold files matching pattern whose source is a
// text file, with their stances.
func readGoldTexts(t *testing.T, pattern string) []goldText {
	t.Helper()
	files, _ := filepath.Glob(pattern)
	var out []goldText
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			TextFile string `json:"text_file"`
			Stances  []struct {
				Holder, Target, Polarity string
			} `json:"stances"`
		}
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if g.TextFile == "" {
			continue
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(f), g.TextFile))
		if err != nil {
			t.Fatal(err)
		}
		gt := goldText{name: strings.TrimSuffix(filepath.Base(f), ".json"), text: string(text)}
		seen := map[attach.Tuple]bool{}
		for _, s := range g.Stances {
			tu := attach.Tuple{Holder: s.Holder, Target: s.Target, Polarity: s.Polarity}
			if !seen[tu] {
				seen[tu] = true
				gt.stances = append(gt.stances, tu)
			}
		}
		attach.SortTuples(gt.stances)
		out = append(out, gt)
	}
	return out
}

// scoreTriple is a score's precision, recall and F1.
type scoreTriple struct{ p, r, f float64 }

func triple(s attach.Score) scoreTriple { return scoreTriple{s.Precision(), s.Recall(), s.F1()} }

// TestAttachComparedWithRules measures the learned attacher of package
// attach against the hand rules on the sentences it was not trained on
// (Split's held-out families) and on the stances of the real news set
// (when present) and the project's own sets, and logs both. The learned
// attacher is left out of extraction; the test fails when the measures
// say it should be wired in: better than the rules on the held-out
// sentences at precision 0.90 or more (on Split's and on every fold's),
// without lowering the stance F1 of the real set or of the own sets.
func TestAttachComparedWithRules(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the attacher and reads every set")
	}
	x := New()
	all := annotatedSentences(t)
	train, held := attach.Split(all)
	m := trainAttacher(t, x, train)

	var rules, learnedGiven, learnedLexicon attach.Score
	for _, a := range held {
		want := a.Tuples()
		rules.Add(ruleStances(x, a.Text), want)
		learnedLexicon.Add(learnedStances(m, x, a.Text), want)
		s, err := a.Prepare(x.model)
		if err != nil {
			t.Fatal(err)
		}
		learnedGiven.Add(m.Attach(s), want)
	}
	t.Logf("held-out sentences (%d): rules %v", len(held), rules)
	t.Logf("held-out sentences: learned, lexicon cues %v", learnedLexicon)
	t.Logf("held-out sentences: learned, annotated cues %v", learnedGiven)

	// Every family held out once: the rules on every sentence against
	// the learned attacher trained once per fold.
	var rulesAll, learnedFolds attach.Score
	for _, a := range all {
		rulesAll.Add(ruleStances(x, a.Text), a.Tuples())
	}
	for fold := range attach.Folds {
		tr, ho := attach.Fold(all, fold)
		mf := trainAttacher(t, x, tr)
		for _, a := range ho {
			learnedFolds.Add(learnedStances(mf, x, a.Text), a.Tuples())
		}
	}
	t.Logf("all sentences (%d): rules %v", len(all), rulesAll)
	t.Logf("all sentences, each fold held out once: learned, lexicon cues %v", learnedFolds)

	mAll := trainAttacher(t, x, all)
	sets := []struct {
		name, pattern string
	}{
		{"extract-real", filepath.Join("..", "..", "shared", "data", "extract-real", "*.json")},
		{"own sets", filepath.Join("..", "testdata", "sets", "*", "*.json")},
		{"site", filepath.Join("..", "testdata", "gold", "*.json")},
	}
	measured := map[string][2]scoreTriple{}
	for _, set := range sets {
		texts := readGoldTexts(t, set.pattern)
		if len(texts) == 0 {
			t.Logf("%s: no texts", set.name)
			continue
		}
		var r, l, both attach.Score
		for _, g := range texts {
			rs, ls := ruleStances(x, g.text), learnedStances(mAll, x, g.text)
			r.Add(rs, g.stances)
			l.Add(ls, g.stances)
			both.Add(union(rs, ls), g.stances)
		}
		t.Logf("%s (%d texts): rules %v", set.name, len(texts), r)
		t.Logf("%s: learned %v", set.name, l)
		t.Logf("%s: rules and learned %v", set.name, both)
		measured[set.name] = [2]scoreTriple{triple(r), triple(l)}
	}

	// Wired, the learned attacher would have to beat the rules on the
	// held-out sentences at precision 0.90 or more, on Split's and over
	// the folds, and lower neither the real set's stance F1 nor the own
	// sets'.
	own, ok := measured["own sets"]
	if !ok {
		t.Fatal("the project's own sets are missing")
	}
	wire := learnedLexicon.Precision() >= 0.90 && learnedLexicon.F1() > rules.F1() &&
		learnedFolds.Precision() >= 0.90 && learnedFolds.F1() > rulesAll.F1() && own[1].f >= own[0].f
	if real, ok := measured["extract-real"]; ok {
		wire = wire && real[1].f >= real[0].f
	}
	if wire {
		t.Errorf("the learned attacher measures better than the rules: wire it into extraction and update the attach package's documentation")
	}
}
