package extract

import (
	"slices"
	"testing"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		lemma string
		fs    form
		want  []string
	}{
		{"vote", base | third | past | gerund, []string{"vote", "votes", "voted", "voting"}},
		{"pass", third | past | gerund, []string{"passes", "passed", "passing"}},
		{"veto", third | past | gerund, []string{"vetoes", "vetoed", "vetoing"}},
		{"rally", past | gerund, []string{"rallied", "rallying"}},
		{"enjoy", third | past, []string{"enjoys", "enjoyed"}},
		{"criticise", third | past | gerund, []string{"criticises", "criticised", "criticising"}},
		{"stand/stood", base | past, []string{"stand", "stood"}},
		{"withdraw/withdrew/withdrawn", past | participle, []string{"withdrew", "withdrawn"}},
		{"win/won/won/winning", past | participle | gerund, []string{"won", "winning"}},
		{"ally", noun | plural, []string{"ally", "allies"}},
	}
	for _, tt := range tests {
		if got := verbForms(tt.lemma, tt.fs); !slices.Equal(got, tt.want) {
			t.Errorf("verbForms(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}

// TestLongerCuesFirst checks that a cue is tried before any shorter cue
// it begins with, which the tables' order guarantees.
func TestLongerCuesFirst(t *testing.T) {
	for i, a := range stanceCues {
		for _, b := range stanceCues[i+1:] {
			if len(b.words) > len(a.words) && slices.Equal(b.words[:len(a.words)], a.words) {
				t.Errorf("stance cue %q comes before %q, which it begins", a.words, b.words)
			}
		}
	}
}
