package attach_test

import (
	"fmt"
	"strings"

	"github.com/tally-news/tally/extract/attach"
	"github.com/tally-news/tally/extract/nlp"
)

func ExampleModel_Attach() {
	all, err := attach.ReadAnnotatedFile("testdata/sentences.txt")
	if err != nil {
		panic(err)
	}
	exs, err := attach.Examples(nlp.Load(), all)
	if err != nil {
		panic(err)
	}
	m := attach.Train(exs, attach.DefaultTrainConfig())

	for _, text := range []string{
		"Chile was criticised by Bolivia and Peru on Monday.",
		"Cameroon and Gabon praised Chad for hosting the talks.",
		"Gabon declined to criticise Cameroon.",
	} {
		s := attach.Prepare(nlp.Load(), nlp.Sentence{Text: text, End: len(text)})
		// The cue is the caller's: here the one stance verb of each text.
		for _, verb := range []string{"criticised", "praised", "criticise"} {
			if k := strings.Index(text, verb); k >= 0 {
				polarity := attach.Oppose
				if verb == "praised" {
					polarity = attach.Support
				}
				s.Cues = append(s.Cues, attach.Cue{Start: k, End: k + len(verb), Polarity: polarity})
				break
			}
		}
		fmt.Println(text, m.Attach(s))
	}
	// Output:
	// Chile was criticised by Bolivia and Peru on Monday. [{BOL CHL oppose} {PER CHL oppose}]
	// Cameroon and Gabon praised Chad for hosting the talks. [{CMR TCD support} {GAB TCD support}]
	// Gabon declined to criticise Cameroon. []
}
