package events_test

import (
	"fmt"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

func ExampleBuild() {
	n := func(v int) *int { return &v }
	vote := func(motion string, yes, no, abst int, sentence string) extract.Vote {
		return extract.Vote{Body: "UNGA", Motion: motion, Outcome: extract.Adopted,
			Tally:    extract.Tally{Yes: n(yes), No: n(no), Abstain: n(abst)},
			Evidence: []extract.Evidence{{Sentence: sentence}}}
	}
	tue := time.Date(2025, 2, 25, 8, 0, 0, 0, time.UTC)
	reports := []events.Report{
		events.NewReport(events.Article{ID: "wire", Published: tue}, 0,
			vote("the Ukrainian text", 93, 18, 65, "The Assembly on Monday adopted the Ukrainian text by 93 votes to 18, with 65 abstentions.")),
		events.NewReport(events.Article{ID: "wire", Published: tue}, 1,
			vote("the amended US text", 93, 8, 73, "Later on Monday it adopted the amended US text by 93 votes to 8, with 73 abstentions.")),
		events.NewReport(events.Article{ID: "daily", Published: tue}, 0,
			vote("the Ukrainian text", 93, 18, 63, "On 24 February the Ukrainian text passed 93-18-63.")),
		events.NewReport(events.Article{ID: "review", Published: tue.AddDate(0, 0, 2)}, 0,
			vote("the Ukrainian text", 93, 18, 65, "The Ukrainian text passed on Monday by 93 votes to 18.")),
	}
	evs, _ := events.Build(events.DefaultConfig(), reports)
	for _, e := range evs {
		fmt.Println(e.Body, e.Date, *e.Tally.Yes, *e.Tally.No, *e.Tally.Abstain, len(e.Articles), "articles")
		if s, ok := e.Support["tally.abstain"]; ok && len(s.Conflicts) > 0 {
			fmt.Println("  abstain:", s.Value, s.Articles, s.Reason, "; against", s.Conflicts[0].Value, s.Conflicts[0].Articles)
		}
	}
	// Output:
	// UNGA 2025-02-24 93 18 65 3 articles
	//   abstain: 65 [review wire] most sources ; against 63 [daily]
	// UNGA 2025-02-24 93 8 73 1 articles
}
