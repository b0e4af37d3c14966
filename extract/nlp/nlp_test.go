package nlp

import (
	"reflect"
	"runtime"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "Russia voted no. China abstained.", []string{"Russia voted no.", "China abstained."}},
		{"line breaks end sentences", "Headline without a stop\nBody text here.", []string{"Headline without a stop", "Body text here."}},
		{"titles are not ends", "Mr. Guterres and Dr. Tedros spoke. Then they left.", []string{"Mr. Guterres and Dr. Tedros spoke.", "Then they left."}},
		{"initials are not ends", "John F. Kennedy said so.", []string{"John F. Kennedy said so."}},
		{"dotted abbreviations continue", "The U.S. Senate voted. The bill passed.", []string{"The U.S. Senate voted.", "The bill passed."}},
		{"dotted abbreviation at the end", "It was backed by the U.S. The vote was close.", []string{"It was backed by the U.S.", "The vote was close."}},
		{"No. before a number", "It was resolution No. 5 of the year.", []string{"It was resolution No. 5 of the year."}},
		{"quotes close the sentence", "He said \u201cno.\u201d Then he left.", []string{"He said \u201cno.\u201d", "Then he left."}},
		{"decimals", "Turnout rose 2.5 points.", []string{"Turnout rose 2.5 points."}},
		{"lower case after a stop", "e.g. this one. And that.", []string{"e.g. this one.", "And that."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.text) {
				if tt.text[s.Start:s.End] != s.Text {
					t.Errorf("offsets [%d:%d] do not hold %q", s.Start, s.End, s.Text)
				}
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTagOffsets(t *testing.T) {
	text := "Intro line.\nThe UK\u2019s envoy said \u201cno\u201d, and 1,500 people left."
	m := Load()
	for _, s := range Sentences(text) {
		for _, tok := range m.Tag(s) {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at [%d:%d] holds %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			if tok.Tag == "" {
				t.Errorf("token %q has no tag", tok.Text)
			}
		}
	}
}

func TestTagSplitsGluedBrackets(t *testing.T) {
	text := "It passed with 9 abstentions(Albania, Haiti)."
	var got []string
	for _, s := range Sentences(text) {
		for _, tok := range Load().Tag(s) {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at [%d:%d] holds %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			got = append(got, tok.Text)
		}
	}
	want := []string{"It", "passed", "with", "9", "abstentions", "(", "Albania", ",", "Haiti", ")", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadIsShared(t *testing.T) {
	first, second := Load(), Load()
	if first != second {
		t.Fatal("Load returned two models")
	}
}

// TestTaggerOnly holds the model to prose's tagger: with its entity
// recognizer as well (prose.ModelFromData) loading allocates about 100 MB,
// the tagger alone about 60 MB.
func TestTaggerOnly(t *testing.T) {
	m := new(Model)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	toks := m.Tag(Sentence{Text: "Russia voted no.", Start: 0, End: 16})
	runtime.ReadMemStats(&after)
	if len(toks) != 4 || toks[1].Tag == "" {
		t.Fatalf("got tokens %+v, want four tagged tokens", toks)
	}
	const limit = 80 << 20
	if got := after.TotalAlloc - before.TotalAlloc; got > limit {
		t.Errorf("loading the model and tagging one sentence allocated %d MB, want at most %d MB", got>>20, limit>>20)
	}
}

// TestLoadIsLazy checks that Load builds nothing: the tagger is loaded by
// the first Tag.
func TestLoadIsLazy(t *testing.T) {
	m := new(Model)
	if m.m != nil {
		t.Fatal("a new model holds a tagger before any sentence is tagged")
	}
	m.Tag(Sentence{Text: "It passed.", End: 10})
	if m.m == nil {
		t.Fatal("tagging a sentence did not load the tagger")
	}
}
