package extract_test

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"
)

func TestCounts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "value unit" or "value" for no unit, sorted
	}{
		{"digits with separators", "Some 1,500 people marched through the capital.", []string{"1500 person"}},
		{"number words", "Ninety-three countries backed the text, and twelve opposed it.", []string{"12", "93 country"}},
		{"number word after approximation", "More than 70 delegations spoke, and almost 60 asked for a vote.", []string{"60", "70 delegation"}},
		{"twice", "The council has met twice this week.", []string{"2 time"}},
		{"partitive", "It faced resistance from two of its closest allies.", []string{"2 ally"}},
		{"hyphenated compound", "The 193-member Assembly and the 15-member council met.", []string{"15 member", "193 member"}},
		{"adjectives before the noun", "The 10 elected Council members drafted the text.", []string{"10 member"}},
		{"elided tally noun", "It was adopted by 169 in favour to 6 against.", []string{"169 vote", "6 vote"}},
		{"yes votes", "It passed with 11 yes votes.", []string{"11 vote"}},
		{"ordinals are not counts", "It was the third vote of the 31st session, at its 9586th meeting.", nil},
		{"years and dates are not counts", "In 2023, on 25 March and on March 25, it met.", nil},
		{"percentages and money are not counts", "Turnout was 45 percent, or 45%, and the fund holds $300 million and £4bn.", nil},
		{"identifiers are not counts", "Resolution 2728 cites article 5 and paragraph 1 of document S/RES/2728.", nil},
		{"one as a determiner is not a count", "In one such text, one delegate said one thing.", nil},
		{"only one is a count", "Only one country voted against.", []string{"1 country"}},
		{"million scales", "About 1.5 million refugees have fled.", []string{"1500000 refugee"}},
		{"days", "After 171 days of war, the talks resumed.", []string{"171 day"}},
		{"lakh", "The board holds 8.7 lakh properties.", []string{"870000 property"}},
		{"one of five", "Russia is one of five permanent members.", []string{"5 member"}},
		{"fractions are not counts", "It needed a two-thirds majority.", nil},
		{"ages count years", "The 22-year-old died in custody.", []string{"22 year"}},
		{"once a year is a count, once an ally is not", "They meet at least once a year. Once an ally, it now stands apart.", []string{"1 time"}},
		{"a partitive leaves the whole for its own count", "Republicans hold 53 of the chamber's 100 seats.", []string{"100 seat", "53 seat"}},
		{"vague plurals are not counts", "Tens of thousands marched, and dozens were held for hundreds of days.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractor.Extract(context.Background(), "t", tt.text)
			var got []string
			for _, c := range rec.Counts {
				s := fmt.Sprint(c.Value)
				if c.Value >= 1e6 {
					s = fmt.Sprintf("%.0f", c.Value)
				}
				if c.Unit != "" {
					s += " " + c.Unit
				}
				got = append(got, s)
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("counts = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStances(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "HOLDER polarity TARGET", sorted
	}{
		{"sided with", "On Monday the United States sided with Russia at the UN.", []string{"USA support RUS"}},
		{"imposed sanctions on", "Canada imposed sanctions on Iran on Tuesday.", []string{"CAN oppose IRN"}},
		{"sanctions named by distance are not a stance", "Russia vetoed a text renewing the panel that monitors UN sanctions on North Korea.", nil},
		{"a person introduced with an office stands for the country", "Danish Prime Minister Mette Frederiksen met reporters. Later, Frederiksen criticised Russia.", []string{"DNK oppose RUS"}},
		{"a light verb before a stance noun", "French President Emmanuel Macron voiced solidarity with Denmark.", []string{"FRA support DNK"}},
		{"rallied behind", "European leaders rallied behind Denmark on Thursday.", []string{"EUROPE support DNK"}},
		{"lashed out at", "Iran lashed out at Britain over the seizure.", []string{"IRN oppose GBR"}},
		{"opposed the attempts of actors", "China's foreign ministry said it opposed attempts by Washington and Tokyo to form blocs.", []string{"CHN oppose JPN", "CHN oppose USA"}},
		{"thanks for support received", "Sudan thanked Egypt for its support.", []string{"EGY support SDN"}},
		{"a long office before an appositive name", "Iran's vice president for women and family affairs, Khadijeh Karimi, accused Germany of meddling.", []string{"IRN oppose DEU"}},
		{"a joint statement, concern and a call to reconsider", "Britain and Japan said in a joint statement they were gravely concerned and urged Israel to reconsider.", []string{"GBR oppose ISR", "JPN oppose ISR"}},
		{"a call to join is no opposition", "France urged Italy to join the talks.", nil},
		{"a resolution calling on a country speaks for no nearby actor", "Russia vetoed a draft resolution that called on Sudan to cease hostilities.", nil},
		{"a participle takes the main clause's subjects", "Ireland, Norway and Spain went further, condemning Israel's decision.", []string{"ESP oppose ISR", "IRL oppose ISR", "NOR oppose ISR"}},
		{"welcomed a country", "Germany welcomed Finland into the alliance.", []string{"DEU support FIN"}},
		{"criticism received from others", "Russia vetoed the text, drawing sharp criticism from Britain and the United States.", []string{"GBR oppose RUS", "USA oppose RUS"}},
		{"criticism received after a long main clause", "Russia on Monday vetoed a draft resolution that called on Sudan's warring parties to stop fighting, drawing criticism from Britain.", []string{"GBR oppose RUS"}},
		{"backing won from others", "Ukraine won strong backing from France and Germany.", []string{"DEU support UKR", "FRA support UKR"}},
		{"a speaker's own country", "The representative of Norway said her country stood with Georgia.", []string{"NOR support GEO"}},
		{"a verb after and shares the subject of the verb before", "The representative of Norway said her country stood with Georgia and condemned the Russian Federation's occupation of its regions.", []string{"NOR oppose RUS", "NOR support GEO"}},
		{"a verb after and with its own subject", "France backed Ukraine and Russia condemned the decision of Kyiv.", []string{"FRA support UKR", "RUS oppose UKR"}},
		{"an adverb inside a phrasal cue", "London stood firmly with Ukraine.", []string{"GBR support UKR"}},
		{"a commitment with a modal in reported speech", "Yoon said that South Korea would stand firmly with Japan.", []string{"KOR support JPN"}},
		{"will continue to", "He said that France will continue to stand with Japan.", []string{"FRA support JPN"}},
		{"a modal of possibility is a hedge", "He said France could stand with Japan.", nil},
		{"a base verb after a commitment", "China's top diplomat said Beijing would continue to firmly support Saudi Arabia and Iran in improving their relations.", []string{"CHN support IRN", "CHN support SAU"}},
		{"a base verb after a list of actors", "Germany and France back Ukraine.", []string{"DEU support UKR", "FRA support UKR"}},
		{"a base verb after a vow", "Japan pledged to support Ukraine.", []string{"JPN support UKR"}},
		{"a base verb asked of another is no one's stance", "Britain urged Hungary to support Sweden. Few expect China to back Russia.", nil},
		{"a base verb demanded of another is no one's stance", "Hungary should support Sweden, Britain said.", nil},
		{"a noun is no base verb", "With US support Ukraine has held the line.", nil},
		{"calling a country a partner", "Germany called Poland a close, like-minded partner.", []string{"DEU support POL"}},
		{"calling a country's act a disgrace", "British Foreign Secretary David Lammy told the council, calling Moscow's veto a disgrace.", []string{"GBR oppose RUS"}},
		{"calling takes the main clause's subject", "Yoon said South Korea would stand with the US, calling Tokyo an indispensable partner.", []string{"KOR support JPN", "KOR support USA"}},
		{"a partner in crime is no partner", "He called Iran a partner in crime.", nil},
		{"a name not given", "Britain did not call Russia an enemy.", nil},
		{"summoning an envoy", "The Philippines summoned China's envoy on Tuesday.", []string{"PHL oppose CHN"}},
		{"expelling diplomats", "Britain expelled 20 Russian diplomats.", []string{"GBR oppose RUS"}},
		{"recalling one's ambassadors", "France on Friday recalled its ambassadors to the United States and Australia for consultations.", []string{"FRA oppose AUS", "FRA oppose USA"}},
		{"persona non grata", "Israel on Monday declared Brazilian President Luiz Inacio Lula da Silva \"persona non grata\" after he spoke.", []string{"ISR oppose BRA"}},
		{"an envoy not summoned", "Japan did not summon China's envoy. Germany recalled its ambassador's words about Poland.", nil},
		{"a ministry named by its field", "China's commerce ministry accused Germany of protectionism.", []string{"CHN oppose DEU"}},
		{"condemning the veto opposes its caster", "Russia vetoed a draft Security Council resolution on Sudan on Monday. The other 14 members voted in favour. British Foreign Secretary David Lammy condemned the veto.", []string{"GBR oppose RUS"}},
		{"the veto of an unknown caster is no target", "Britain condemned the veto.", nil},
		{"the veto of two vetoed drafts is no target", "Russia vetoed a draft Security Council resolution on Syria. Later the United States vetoed a second draft Security Council resolution. France condemned the veto.", nil},
		{"condemnation from a capital", "Moscow faced condemnation from Washington after the vote.", []string{"USA oppose RUS"}},
		{"opposition faced", "Sweden faced opposition from Hungary and Turkey.", []string{"HUN oppose SWE", "TUR oppose SWE"}},
		{"support received by a text is no actor's", "The draft received support from France.", nil},
		{"support not received", "Serbia did not win support from Hungary.", nil},
		{"the bloc stands for the bloc named before", "The European Union's foreign policy chief said the bloc stood with Copenhagen.", []string{"EU support DNK"}},
		{"a demonym before private people is no target", "Beijing accused Australian producers of dumping.", nil},
		{"the pronoun after said is the sayer", "Britain, the former colonial power, also said it stood with Guyana.", []string{"GBR support GUY"}},
		{"a commitment in reported speech", "Britain's ambassador said London would stand by Ukraine for as long as it took.", []string{"GBR support UKR"}},
		{"backed", "Germany backed Ukraine throughout the talks.", []string{"DEU support UKR"}},
		{"a close ally of", "Belarus, a close ally of Russia, abstained.", []string{"BLR support RUS"}},
		{"condemned", "France condemned Iran for the strikes.", []string{"FRA oppose IRN"}},
		{"blamed", "Ukraine blamed Russia for the attack on the dam.", []string{"UKR oppose RUS"}},
		{"criticised", "Britain criticised China over the new law.", []string{"GBR oppose CHN"}},
		{"head of government stands for the country", "British Prime Minister Keir Starmer criticised Russia on Tuesday.", []string{"GBR oppose RUS"}},
		{"head of state with a title after the name", "French President Emmanuel Macron condemned Moscow.", []string{"FRA oppose RUS"}},
		{"negated stances are not stances", "Japan did not condemn China, and Brazil refused to back Venezuela.", nil},
		{"a resolution's words speak for its sponsors", "Canada proposed a resolution that condemned Syria.", []string{"CAN oppose SYR"}},
		{"a vote on a motion is not a stance", "Chile backed the Mexican resolution.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractor.Extract(context.Background(), "t", tt.text)
			var got []string
			for _, s := range rec.Stances {
				got = append(got, s.Holder+" "+s.Polarity+" "+s.Target)
			}
			sort.Strings(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("stances = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCountries(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"names, short forms and demonyms", "Britain and the US met Emirati and Ukrainian officials.", []string{"ARE", "GBR", "UKR", "USA"}},
		{"UN forms", "The Russian Federation, the Democratic People's Republic of Korea and Côte d'Ivoire spoke.", []string{"CIV", "PRK", "RUS"}},
		{"seats of government", "The Kremlin and Downing Street traded barbs, and the White House said nothing.", []string{"GBR", "RUS", "USA"}},
		{"blocs are not countries", "The European Union and NATO welcomed the vote.", nil},
		{"names inside other names", "The Washington Post reported from New Mexico.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractor.Extract(context.Background(), "t", tt.text)
			got := rec.Countries
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("countries = %q, want %q", got, tt.want)
			}
		})
	}
}
