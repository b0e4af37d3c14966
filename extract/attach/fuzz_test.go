package attach_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/attach"
)

// FuzzReadAnnotated checks that the reader never panics and that what it
// accepts is whole: every sentence has a family and cues, every cue words
// and a polarity, every stance two different actors.
func FuzzReadAnnotated(f *testing.F) {
	data, err := os.ReadFile("testdata/sentences.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data[:min(len(data), 2000)]))
	f.Add("## a/b\nKenya condemned Uganda.\n\tcondemned#2 oppose: KEN>UGA\n")
	f.Fuzz(func(t *testing.T, in string) {
		as, err := attach.ReadAnnotated(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, a := range as {
			if a.Shape == "" || a.Family == "" || a.Text == "" || len(a.Cues) == 0 {
				t.Fatalf("accepted an incomplete sentence %+v", a)
			}
			for _, c := range a.Cues {
				if len(c.Words) == 0 || slices.Contains(c.Words, "") || c.Nth < 1 || (c.Polarity != attach.Support && c.Polarity != attach.Oppose) {
					t.Fatalf("accepted an incomplete cue %+v", c)
				}
				for _, tu := range c.Tuples {
					if tu.Holder == "" || tu.Target == "" || tu.Holder == tu.Target || tu.Polarity != c.Polarity {
						t.Fatalf("accepted a bad stance %+v", tu)
					}
				}
			}
		}
	})
}
