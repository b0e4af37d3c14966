package extract_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/tally-news/tally/extract"
)

// TestChambers names each chamber of the table the way news does and
// checks the body of every vote the text reports, in order. A new row of
// the chamber table brings a case here.
func TestChambers(t *testing.T) {
	x := extract.New()
	for _, c := range []struct {
		name string
		text string
		want []string
	}{
		// Chambers named with their country.
		{"japan parliament", "Japan's parliament approved the defence budget by 300 votes to 150.", []string{"JP_DIET"}},
		{"japan diet", "The Diet passed the bill on Friday.", []string{"JP_DIET"}},
		{"japan lower house", "Japan's lower house rejected a no-confidence motion against the cabinet by 342 votes to 107.", []string{"JP_DIET"}},
		{"japan councillors then upper house",
			"Japan's House of Councillors met on Monday. The upper house passed the defence bill 150-95.", []string{"JP_COUNCILLORS"}},
		{"japan upper house", "Japan's upper house approved the treaty by 160 votes to 80.", []string{"JP_COUNCILLORS"}},
		{"spain congress", "Spain's Congress of Deputies approved the amnesty law by 178 votes to 172.", []string{"ES_CONGRESS"}},
		{"spain parliament", "The Spanish parliament backed the budget by 180 votes to 170.", []string{"ES_CONGRESS"}},
		{"spain senate", "The Spanish Senate rejected the amnesty bill by 149 votes to 113.", []string{"ES_SENATE"}},
		{"spain congress then senate",
			"Spain's Congress of Deputies approved the amnesty law by 178 votes to 172 in March. On Tuesday the Senate rejected the budget by 143 votes to 120.", []string{"ES_CONGRESS", "ES_SENATE"}},
		{"brazil chamber", "Brazil's Chamber of Deputies approved the tax reform by 382 votes to 118.", []string{"BR_CHAMBER"}},
		{"brazil senate", "Brazil's Federal Senate approved the reform by 53 votes to 24.", []string{"BR_SENATE"}},
		{"italy chamber", "Italy's Chamber of Deputies passed the bill by 201 votes to 119.", []string{"IT_CHAMBER"}},
		{"south africa", "South Africa's National Assembly adopted the budget by 230 votes to 141.", []string{"ZA_ASSEMBLY"}},
		{"philippine senate", "The Philippine Senate ratified the treaty by 20 votes to 2.", []string{"PH_SENATE"}},
		{"philippine house", "The Philippine House of Representatives passed the measure by 257 votes to 2.", []string{"PH_HOUSE"}},
		{"south korea", "South Korea's National Assembly voted 204-85 to impeach the president.", []string{"KR_ASSEMBLY"}},
		{"new zealand", "New Zealand's House of Representatives passed the bill by 77 votes to 44.", []string{"NZ_HOUSE"}},
		{"new zealand then the house",
			"New Zealand's House of Representatives debated the bill on Tuesday. The House passed it by 77 votes to 44.", []string{"NZ_HOUSE"}},
		{"dutch house", "The Dutch House of Representatives rejected the motion by 86 votes to 64.", []string{"NL_HOUSE"}},
		{"tweede kamer", "The Tweede Kamer rejected the motion by 86 votes to 64.", []string{"NL_HOUSE"}},
		{"kenya", "Kenya's National Assembly passed the Finance Bill by 204 votes to 115.", []string{"KE_ASSEMBLY"}},
		{"greece", "The Greek parliament ratified the agreement by 153 votes to 146.", []string{"GR_PARLIAMENT"}},
		{"hellenic parliament", "The Hellenic Parliament ratified the agreement by 153 votes to 146.", []string{"GR_PARLIAMENT"}},

		// International bodies.
		{"world health assembly", "The World Health Assembly adopted the resolution by 88 votes to 12, with 53 abstentions.", []string{"WHO_ASSEMBLY"}},
		{"who assembly then the assembly",
			"Delegates met at the World Health Assembly in Geneva. The Assembly then adopted the pandemic text by 124 votes to 0.", []string{"WHO_ASSEMBLY"}},
		{"unesco board", "UNESCO's executive board adopted the resolution on Tuesday by 24 votes to 6.", []string{"UNESCO_BOARD"}},
		{"unesco board then the board",
			"UNESCO's Executive Board met in Paris on Tuesday. The board approved the measure by 24 votes to 6.", []string{"UNESCO_BOARD"}},
		{"oas", "The Permanent Council of the Organization of American States approved the resolution by 18 votes to 9.", []string{"OAS"}},
		{"oas short", "The OAS Permanent Council adopted the text by 18 votes to 9.", []string{"OAS"}},
		{"opcw", "The OPCW Executive Council adopted the decision by 29 votes to 3.", []string{"OPCW_COUNCIL"}},
		{"opcw then the council",
			"The Executive Council of the Organisation for the Prohibition of Chemical Weapons met in The Hague. The Council adopted the decision by 29 votes to 3.", []string{"OPCW_COUNCIL"}},
		{"icao", "The ICAO Council adopted the decision by 26 votes to 2.", []string{"ICAO_COUNCIL"}},
		{"icao long", "The Council of the International Civil Aviation Organization found Russia responsible by 26 votes to 2.", []string{"ICAO_COUNCIL"}},

		// The Council and the Assembly still mean the UN's before any
		// other is named.
		{"bare council", "The Council adopted the resolution by 13 votes to 0.", []string{"UNSC"}},
		{"bare assembly", "The Assembly adopted the resolution by 120 votes to 8.", []string{"UNGA"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := x.Extract(context.Background(), c.name, c.text)
			var got []string
			for _, v := range rec.Votes {
				got = append(got, v.Body)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("bodies = %v, want %v\n%s", got, c.want, c.text)
			}
		})
	}
}
