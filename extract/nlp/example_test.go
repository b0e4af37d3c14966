package nlp_test

import (
	"fmt"

	"github.com/tally-news/tally/extract/nlp"
)

func ExampleSentences() {
	text := "Mr. Guterres spoke. The U.S. Senate voted 52-47.\nHeadline without a stop"
	for _, s := range nlp.Sentences(text) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// 0-19 Mr. Guterres spoke.
	// 20-48 The U.S. Senate voted 52-47.
	// 49-72 Headline without a stop
}
