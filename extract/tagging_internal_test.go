package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestMayHoldNumber(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"The council met 3 times.", true},
		{"Ten states voted against.", true},
		{"a ten-day recess", true},
		{"twenty-one members", true},
		{"Fifteen abstained.", true},
		{"It was vetoed twice.", true},
		{"a dozen envoys", true},
		{"at least once a year", true},
		{"Someone often said nothing.", false},
		{"The tension between them was often noted.", false},
		{"Anyone can attend; it was done.", false},
		{"a zero-sum game", false},
		{"Hundreds of people gathered.", false},
	}
	for _, tt := range tests {
		if got := mayHoldNumber(tt.s); got != tt.want {
			t.Errorf("mayHoldNumber(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// taggingTexts are the real development set (when present) and the
// project's own sets.
func taggingTexts(t testing.TB) map[string][]string {
	t.Helper()
	sets := map[string][]string{
		"extract-real": {filepath.Join("..", "..", "shared", "data", "extract-real", "*.txt")},
		"sets":         {filepath.Join("..", "testdata", "sets", "*", "*.txt"), filepath.Join("..", "testdata", "gold", "*.txt")},
	}
	out := map[string][]string{}
	for name, patterns := range sets {
		for _, p := range patterns {
			files, _ := filepath.Glob(p)
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				out[name] = append(out[name], string(data))
			}
		}
	}
	return out
}

// TestCountPrecheck tags every sentence and checks that no sentence
// holding a count is one mayHoldNumber lets pass untagged; it logs how
// many sentences extraction tags.
func TestCountPrecheck(t *testing.T) {
	if testing.Short() {
		t.Skip("tags every sentence of the sets")
	}
	x := New()
	for name, texts := range taggingTexts(t) {
		sents, tagged := 0, 0
		for _, text := range texts {
			d := newDocument(x.model, text)
			x.extract(context.Background(), d, name)
			sents += len(d.sents)
			for si := range d.sents {
				if d.timesTagged[si] > 0 {
					tagged++
				}
				if mayHoldNumber(d.sents[si].Text) {
					continue
				}
				toks := d.tokens(si)
				for i := range toks {
					if _, _, ok := d.countAt(toks, i); ok {
						t.Errorf("%s: count at %q in a sentence the pre-check skips: %q", name, toks[i].Text, d.sents[si].Text)
					}
				}
			}
		}
		t.Logf("%s: %d texts, %d sentences, %d tagged", name, len(texts), sents, tagged)
	}
}

// TestSentencePrecheck extracts every text of the sets twice, with the
// cheap pre-checks and with every sentence read, and checks that the
// records agree and that the pre-checks spare some tagging.
func TestSentencePrecheck(t *testing.T) {
	if testing.Short() {
		t.Skip("tags every sentence of the sets")
	}
	x := New()
	for name, texts := range taggingTexts(t) {
		tagged, taggedAll := 0, 0
		for i, text := range texts {
			d := newDocument(x.model, text)
			got := x.extract(context.Background(), d, name)
			all := newDocument(x.model, text)
			all.readAll = true
			want := x.extract(context.Background(), all, name)
			if !reflect.DeepEqual(got, want) {
				gj, _ := json.MarshalIndent(got, "", " ")
				wj, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("%s text %d: the pre-checks change the record:\n got %s\nwant %s", name, i, gj, wj)
			}
			for si := range d.sents {
				if d.timesTagged[si] > 0 {
					tagged++
				}
				if all.timesTagged[si] > 0 {
					taggedAll++
				}
				if d.timesTagged[si] > 1 {
					t.Errorf("%s text %d: sentence %d tagged %d times: %q", name, i, si, d.timesTagged[si], d.sents[si].Text)
				}
			}
		}
		if tagged >= taggedAll {
			t.Errorf("%s: %d sentences tagged with the pre-checks, %d without", name, tagged, taggedAll)
		}
		t.Logf("%s: %d sentences tagged, %d without the pre-checks", name, tagged, taggedAll)
	}
}
