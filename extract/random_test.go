package extract_test

import (
	"context"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// vocabulary mixes the words the readers look for with punctuation,
// numbers and names, so that random sequences of them reach the readers'
// edge cases: cues at the start or end of a sentence, lists without ends,
// brackets that never close.
var vocabulary = strings.Fields(`the a an of by to in on at with while and , ; : ( ) - — " ' .
voted against in favour abstained abstaining abstentions yes no adopted rejected passed vetoed
veto failed withdrawn resolution draft amendment bill motion text tabled proposed introduced
on behalf sponsors co-sponsors were among those the only countries members 12 93-18 1,500
ninety-three twice once Russia China France United States Britain the UK EU NATO G7 Israel
Palestinian French President Macron Security Council General Assembly House of Commons Senate
MPs peers Lords it he she they we his her delegation representative said condemned backed
supported accused sided stood thanked urged reconsider concerned over Yeas Nays Against In
favour Abstaining Absent the first second last year In 2023 March Friday document A/79/L.12
whose which who joined alongside as did switched from lakh million recalled its ambassador
summoned envoy expelled diplomats declared persona non grata calling called partner disgrace
drawing criticism won backing faced opposition would will continue firmly support back
European Commission Commission Moscow Washington North South Korea went down 18-80 allowing
pass let`)

// TestRandomTexts feeds the extractor random sequences of its own
// vocabulary: none may panic, and all evidence must point into the text.
func TestRandomTexts(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 400; n++ {
		words := make([]string, 5+rng.Intn(120))
		for i := range words {
			words[i] = vocabulary[rng.Intn(len(vocabulary))]
			if rng.Intn(15) == 0 {
				words[i] += "\n"
			}
		}
		text := strings.Join(words, " ")
		rec := extractor.Extract(context.Background(), "random", text)
		chars := utf8.RuneCountInString(text)
		for _, v := range rec.Votes {
			for _, ev := range v.Evidence {
				if ev.Start < 0 || ev.End > chars || ev.Start > ev.End {
					t.Fatalf("vote evidence [%d:%d] outside %d characters of %q", ev.Start, ev.End, chars, text)
				}
			}
		}
		for _, c := range rec.Counts {
			if c.Evidence.End > chars {
				t.Fatalf("count evidence outside the text: %q", text)
			}
		}
	}
}
