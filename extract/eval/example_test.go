package eval_test

import (
	"fmt"
	"os"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

func ExampleEvaluate() {
	yes := 93
	gold := extract.Record{
		Doc:       "un-vote",
		Countries: []string{"RUS", "UKR", "USA"},
		Counts:    []extract.Count{{Value: 93, Unit: "vote"}},
		Votes: []extract.Vote{{
			Body: "UNGA", Outcome: extract.Adopted, Tally: extract.Tally{Yes: &yes},
			Positions: map[string]string{"USA": extract.No},
		}},
	}
	pred := extract.Record{
		Countries: []string{"RUS", "USA", "FRA"},
		Counts:    []extract.Count{{Value: 93, Unit: "vote"}},
		Votes: []extract.Vote{{
			Body: "UNGA", Outcome: extract.Adopted, Tally: extract.Tally{Yes: &yes},
			Positions: map[string]string{"USA": extract.Yes},
		}},
	}
	report := eval.Evaluate([]eval.Pair{{Gold: gold, Pred: pred}})
	if err := report.WriteText(os.Stdout, true); err != nil {
		fmt.Println(err)
	}
	// Output:
	// type        precision   recall  F1     TP  FP  FN
	// country     0.667       0.667   0.667  2   1   1
	// count       1.000       1.000   1.000  1   0   0
	// count_unit  1.000       1.000   1.000  1   0   0
	// vote        0.750       0.750   0.750  3   1   1
	// stance      not scored  -       -      0   0   0
	// overall     0.750       0.750   0.750  6   2   2
	//
	// un-vote
	//   votes aligned: gold 0 = pred 0
	//   missing   country (un-vote, UKR)
	//   missing   vote (un-vote, votes[0], positions.USA, no)
	//   spurious  country (un-vote, FRA)
	//   spurious  vote (un-vote, votes[0], positions.USA, yes)
}

func ExampleLoadGoldFile() {
	_, err := eval.LoadGoldFile("testdata/bad/position.json")
	fmt.Println(err)
	// Output:
	// testdata/bad/position.json: votes[1].positions["FRA"]: "maybe" is not yes, no or abstain
}
