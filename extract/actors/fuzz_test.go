package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that Find and Leaders never panic and always return
// valid, ordered, non-overlapping spans, on any input.
func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		"", "U.S.", "U.S.A.B.C.D.", "A.", ".", "'", "Côte d\u2019", "Micronesia (Federated States of",
		"Georgia's", "Jordan", "Washington, D.", "US$", "\xff\xfe", "Democratic Republic of the",
		"MOSCOW (", "the President of", "Congo-", "\u0301Cote", strings.Repeat("Russia ", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMentions(t, text, Find(text))
		checkMentions(t, text, Leaders(text))
	})
}

func checkMentions(t *testing.T, text string, ms []Mention) {
	t.Helper()
	prev := 0
	valid := utf8.ValidString(text)
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("bad span %d-%d after %d in %q", m.Start, m.End, prev, text)
		}
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("Text %q is not text[%d:%d] = %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		if m.Code == "" || m.Kind < FullName || m.Kind > Leader {
			t.Fatalf("bad mention %+v", m)
		}
		if valid && !utf8.ValidString(m.Text) {
			t.Fatalf("mention %+v splits a character", m)
		}
		prev = m.End
	}
}

// TestFindLongInputs runs Find over inputs built to defeat a matcher:
// long runs of phrase prefixes, abbreviations, punctuation and names,
// without sentence ends. Each must give the mentions the pattern implies.
func TestFindLongInputs(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		count int // mentions wanted
	}{
		{"prefixes", strings.Repeat("Democratic Republic of the ", 20000), 0},
		{"abbreviations", strings.Repeat("U.S.", 20000), 0},
		{"dots", strings.Repeat("A.", 50000), 0},
		{"names", strings.Repeat("Russia ", 20000), 20000},
		{"one line", strings.Repeat("x", 1<<20), 0},
		{"apostrophes", strings.Repeat("Russia’s ", 20000), 20000},
		{"capitals", strings.Repeat("in Moscow and ", 20000), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := Find(tc.text)
			checkMentions(t, tc.text, ms)
			if len(ms) != tc.count {
				t.Errorf("%d mentions, want %d", len(ms), tc.count)
			}
		})
	}
}
