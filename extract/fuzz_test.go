package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tally-news/tally/extract"
)

// FuzzExtract checks that any UTF-8 text is read without a panic and that
// all evidence points inside the text.
func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "gold", "*.txt"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("By a vote of 3 in favour (Algeria, China) to 1 against (United States), with 11 abstentions, the Council rejected it.")
	f.Add(strings.Repeat("12, ", 500))
	f.Add(strings.Repeat("U.S.", 300))
	f.Add("Countries that abstained:\n- China\n- \n")
	// Phrases cut off where a reader looks ahead for more.
	for _, cut := range []string{"France recalled its", "Britain summoned China's", "They called Russia a", "Russia vetoed it, drawing criticism from",
		"North and", "the European Commission. the Commission", "Israel declared Lula persona non", "It failed 18-", "and a third, on"} {
		f.Add(cut)
	}
	x := extract.New()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		rec := x.Extract(context.Background(), "fuzz", text)
		bare := len(rec.Mentions) + len(rec.Counts) + len(rec.Votes) + len(rec.Stances)
		rec.Quote(text)
		runes := []rune(text)
		n := len(runes)
		check := func(ev extract.Evidence) {
			if ev.Start < 0 || ev.End < ev.Start || ev.End > n {
				t.Fatalf("evidence [%d:%d] outside a text of %d characters", ev.Start, ev.End, n)
			}
			if ev.SentenceStart > ev.Start || ev.End > ev.SentenceEnd || ev.SentenceEnd > n {
				t.Fatalf("evidence [%d:%d] outside its sentence [%d:%d]", ev.Start, ev.End, ev.SentenceStart, ev.SentenceEnd)
			}
			if got := string(runes[ev.Start:ev.End]); got != ev.Text {
				t.Fatalf("quoted evidence text %q, but the text there is %q", ev.Text, got)
			}
			if got := string(runes[ev.SentenceStart:ev.SentenceEnd]); ev.SentenceIn(text) != got {
				t.Fatalf("sentence %q, but the text there is %q", ev.SentenceIn(text), got)
			}
		}
		if bare > 0 {
			plain := x.Extract(context.Background(), "fuzz", text)
			if js, _ := json.Marshal(plain); bytes.Contains(js, []byte(`"sentence":`)) || bytes.Contains(js, []byte(`"text":`)) {
				t.Fatalf("a record copies text into its evidence: %s", js)
			}
		}
		for _, m := range rec.Mentions {
			check(m.Evidence)
		}
		for _, c := range rec.Counts {
			check(*c.Evidence)
		}
		for _, v := range rec.Votes {
			for _, ev := range v.Evidence {
				check(ev)
			}
		}
		for _, s := range rec.Stances {
			check(*s.Evidence)
		}
	})
}

// TestLongInputs feeds texts that stress the readers' loops: one sentence
// with no end, thousands of numbers, very long lists. Each must finish;
// the benchmark BenchmarkLongInput measures that time grows linearly.
func TestLongInputs(t *testing.T) {
	x := extract.New()
	for name, text := range longInputs(2000) {
		t.Run(name, func(t *testing.T) {
			rec := x.Extract(context.Background(), name, text)
			if rec.Doc != name {
				t.Fatalf("doc = %q", rec.Doc)
			}
		})
	}
}

func longInputs(n int) map[string]string {
	return map[string]string{
		"no sentence end":      strings.Repeat("Russia voted against and China abstained while France backed Ukraine ", n),
		"thousands of numbers": strings.Repeat("12 in favour to 3 against, ", n),
		"one long list":        "Those voting against were " + strings.Repeat("Belarus, Iran, ", n) + "and Syria.",
		"dotted letters":       strings.Repeat("a.", n*10),
	}
}

// BenchmarkLongInput extracts from long hostile inputs of two sizes; the
// time per byte must stay flat as the size grows tenfold.
func BenchmarkLongInput(b *testing.B) {
	x := extract.New()
	for _, size := range []int{200, 2000} {
		for name, text := range longInputs(size) {
			b.Run(fmt.Sprintf("%s/n=%d", name, size), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					x.Extract(context.Background(), "long", text)
				}
			})
		}
	}
}
