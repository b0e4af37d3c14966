package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/nlp"
)

// TestPackedTokens shows that the tokens a reader gets back after they
// were packed are those the tagger gave, and that a token too long to
// pack keeps its sentence's tokens as they are.
func TestPackedTokens(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "sets", "*", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no set texts")
	}
	texts := []string{
		"Ukraine’s envoy said the vote, 93–24 with 58 abstentions, was a “turning point” (for Kyiv).",
		"The word " + strings.Repeat("x", 70000) + " was read by France.",
	}
	for _, f := range files[:min(len(files), 6)] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	m := nlp.Load()
	longSeen := false
	for _, text := range texts {
		d := newDocument(m, text)
		for si := range d.sents {
			want := m.Tag(d.sents[si])
			first := d.tokens(si)
			if !reflect.DeepEqual(first, want) {
				t.Fatalf("sentence %q: first tokens differ from the tagger's", d.sents[si].Text)
			}
			again := d.tokens(si)
			if len(want) > 0 && !reflect.DeepEqual(again, want) {
				t.Errorf("sentence %q: tokens read again\n got %v\nwant %v", d.sents[si].Text, again, want)
			}
			if d.timesTagged[si] != 1 {
				t.Errorf("sentence %q tagged %d times, want 1", d.sents[si].Text, d.timesTagged[si])
			}
			long := false
			for _, tok := range want {
				long = long || tok.End-tok.Start > 1<<16-1
			}
			longSeen = longSeen || long
			if long && d.packed[si] != nil {
				t.Errorf("sentence with a token over 64 KB was packed")
			}
		}
	}
	if !longSeen {
		t.Error("no token over 64 KB: the case of a sentence that cannot be packed went untried")
	}
}
