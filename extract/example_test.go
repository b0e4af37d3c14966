package extract_test

import (
	"context"
	"fmt"

	"github.com/tally-news/tally/extract"
)

func ExampleExtractor_Extract() {
	x := extract.New()
	rec := x.Extract(context.Background(), "example",
		"The Security Council adopted the resolution by 13 votes in favour to none against, with 2 abstentions. "+
			"China and Russia abstained. France condemned Iran.")
	fmt.Println("countries:", rec.Countries)
	for _, v := range rec.Votes {
		fmt.Println("vote:", v.Body, v.Outcome, *v.Tally.Yes, *v.Tally.No, *v.Tally.Abstain, v.Positions)
	}
	for _, s := range rec.Stances {
		fmt.Println("stance:", s.Holder, s.Polarity, s.Target)
	}
	// Output:
	// countries: [CHN FRA IRN RUS]
	// vote: UNSC adopted 13 0 2 map[CHN:abstain RUS:abstain]
	// stance: FRA oppose IRN
}
