package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tally-news/tally/extract/nlp"
)

// TestVoteRulesSetWhatTheyDeclare reads every project text with the
// rules traced and fails when a vote rule sets a field of a fragment
// that it does not declare in voteRules.
func TestVoteRulesSetWhatTheyDeclare(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no article texts in ../testdata")
	}
	m := nlp.Load()
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := newDocument(m, string(text))
		d.trace = true
		d.votes()
		for _, b := range d.breaches {
			t.Errorf("%s: %s", f, b)
		}
	}
}

// TestRuleCheckCatchesBreach checks that the check above can fail: a
// rule that sets a field it does not declare is reported.
func TestRuleCheckCatchesBreach(t *testing.T) {
	d := newDocument(nlp.Load(), "The Assembly adopted the resolution.")
	d.trace = true
	r := &voteReader{d: d, t: d.turns()[0], its: d.items(0), p: &d.turns()[0].parts[0], whole: true}
	r.traced(voteRule{name: "liar", sets: fTally, read: readBody}, &fragment{})
	if len(d.breaches) != 1 {
		t.Fatalf("breaches = %v, want one for the body the rule set", d.breaches)
	}
}
