package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// substringHintsByList is the plain reading of the word lists, one list
// after another, that substringHints must agree with.
func substringHintsByList(name string) hint {
	var h hint
	for _, l := range []struct {
		words []string
		hint  hint
	}{{hardNegWords, hintHardNeg}, {strongNegWords, hintStrongNeg}, {captionWords, hintCaption}, {posWords, hintPos}} {
		for _, w := range l.words {
			if strings.Contains(name, w) {
				h |= l.hint
				break
			}
		}
	}
	return h
}

// TestSubstringHintsAgreeWithLists reads every class name and id of the
// test pages (and of clean-dev when present) and every word of the lists
// in a few settings, and checks the one-pass reading against the lists.
func TestSubstringHintsAgreeWithLists(t *testing.T) {
	names := map[string]bool{}
	for _, l := range [][]string{hardNegWords, strongNegWords, captionWords, posWords, strongNegTokens, weakNegTokens} {
		for _, w := range l {
			for _, n := range []string{w, "x" + w, w + "-list", "main-" + w + "-box", w + w} {
				names[n] = true
			}
		}
	}
	var pages []string
	for _, pattern := range []string{filepath.Join("testdata", "*", "*.html"), filepath.Join("testdata", "*.html")} {
		m, _ := filepath.Glob(pattern)
		pages = append(pages, m...)
	}
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			for _, a := range n.Attr {
				if a.Key == "class" || a.Key == "id" {
					for _, f := range strings.Fields(strings.ToLower(a.Val)) {
						names[f] = true
					}
				}
			}
		}
	}
	if len(pages) == 0 {
		t.Fatal("no test pages found")
	}
	for name := range names {
		if got, want := substringHints(name), substringHintsByList(name); got != want {
			t.Errorf("substringHints(%q) = %b, want %b", name, got, want)
		}
	}
}
