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
		{"number words", "Ninety-three countries backed the text, and twelve opposed it.", []string{"12 country", "93 country"}},
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
		{"a number with its voting verb is a tally", "Of the 400 deputies present, 250 voted in favour and 132 voted against.", []string{"132 vote", "250 vote", "400 deputy"}},
		{"a number opposed in a vote is a tally", "The bill passed with 204 in favour and 85 opposed.", []string{"204 vote", "85 vote"}},
		{"a partitive of a pronoun by side is a tally", "Some 300 senators took part in the vote, with 91 of them voting against.", []string{"300 senator", "91 vote"}},
		{"a dash after a tally is no unit", "The chamber backed the plan by 324 votes to 288 – a majority of 36.", []string{"288 vote", "324 vote", "36 vote"}},
		{"a pair at a bill's stage is a tally", "The bill completed its second reading by 61 to 59.", []string{"59 vote", "61 vote"}},
		{"a noun carries to a compared number", "The mayor won 61 votes, far fewer than 140 for her rival and 95 for the third man.", []string{"140 vote", "61 vote", "95 vote"}},
		{"a noun carries to the whole it is part of", "The motion won 40 deputies out of 120.", []string{"120 deputy", "40 deputy"}},
		{"a noun carries back to the part", "Of the 245 senators, 230 took part.", []string{"230 senator", "245 senator"}},
		{"a range shares its noun", "Between 2,500 and 3,000 soldiers, or from five to three crossings.", []string{"2500 soldier", "3 crossing", "3000 soldier", "5 crossing"}},
		{"a supplied noun does not carry", "Two countries voted against, while 11 abstained and two did not vote.", []string{"11 vote", "2 country"}},
		{"a side's heading sizes its list", "In favour (31): Chile, Peru. Abstentions (12): Kenya, Nepal.", []string{"12 abstention", "31 vote"}},
		{"a bracketed number after a word is still a reference", "The text (2) was amended.", nil},
		{"a label counts its noun", "Votes needed: 101\nAbstention: 14\nNays 90", []string{"101 vote", "14 abstention", "90 nay"}},
		{"a hyphenated pair with to is a tally", "It passed in a 71-to-25 vote.", []string{"25 vote", "71 vote"}},
		{"a pair joined by against is a tally", "The vote was 204 against 115.", []string{"115 vote", "204 vote"}},
		{"scale letters", "Some 6.2m voters took part; the plan costs £3bn.", []string{"6200000 voter"}},
		{"one before a scale or more counts", "One million residents stayed for one more year.", []string{"1 year", "1000000 resident"}},
		{"one before an ordinal does not", "The One Hundred and Sixth Amendment passed.", nil},
		{"at least one is a count", "At least one guard was hurt.", []string{"1 guard"}},
		{"a compound with long", "Talks ended after a 14-hour-long session and a 32-Year wait.", []string{"14 hour", "32 year"}},
		{"south asian grouping", "About 1,20,000 people left.", []string{"120000 person"}},
		{"demonyms count their people", "The ministry said 58 Canadians, 33 Britons, 72 Israelis and 9,000 Sudanese had fled.", []string{"33 briton", "58 canadian", "72 israeli", "9000 sudanese"}},
		{"a demonym before a noun leaves the noun as unit", "It holds 58 Sudanese refugees.", []string{"58 refugee"}},
		{"abbreviated hours", "Fighting must stop within 36 hrs.", []string{"36 hour"}},
		{"others in a vote count votes", "Nine countries voted for it, while five others abstained.", []string{"5 vote", "9 country"}},
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
