package actors_test

import (
	"fmt"

	"github.com/tally-news/tally/extract/actors"
)

func ExampleFind() {
	text := "The Kremlin welcomed the vote in New York, while French President " +
		"Emmanuel Macron and the EU criticised Washington. The Washington Post said " +
		"the UAE and the Russian Federation abstained."
	for _, m := range actors.Find(text) {
		fmt.Printf("%s %q %s bloc=%v\n", m.Code, m.Text, m.Kind, actors.IsBloc(m.Code))
	}
	// Output:
	// RUS "Kremlin" capital bloc=false
	// FRA "French" demonym bloc=false
	// EU "EU" bloc bloc=true
	// USA "Washington" capital bloc=false
	// ARE "UAE" short name bloc=false
	// RUS "Russian Federation" name bloc=false
}

func ExampleLeaders() {
	for _, m := range actors.Leaders("Russia's foreign minister met the President of France.") {
		fmt.Printf("%s %q\n", m.Code, m.Text)
	}
	// Output:
	// RUS "Russia's foreign minister"
	// FRA "President of France"
}

func ExampleLookup() {
	for _, s := range []string{"Britain", "the Holy See", "Micronesia (Federated States of)", "New Mexico"} {
		code, ok := actors.Lookup(s)
		fmt.Println(s, code, ok, actors.Name(code))
	}
	// Output:
	// Britain GBR true United Kingdom
	// the Holy See VAT true Vatican City
	// Micronesia (Federated States of) FSM true Micronesia
	// New Mexico  false
}

func ExampleCountries() {
	fmt.Println(actors.Countries("Britain and France abstained; NATO and the EU said Moscow erred."))
	// Output:
	// [FRA GBR RUS]
}
