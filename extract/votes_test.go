package extract_test

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/tally-news/tally/extract"
)

// wantVote is the part of a vote a test case checks; empty fields are not
// checked, except that Positions and Sponsors are compared whole when set.
type wantVote struct {
	body      string
	outcome   string
	yes       int // -1: must be absent; 0: not checked
	no        int
	abstain   int
	positions map[string]string
	sponsors  []string
}

func n(v *int) int {
	if v == nil {
		return -1
	}
	return *v
}

func checkVote(t *testing.T, got extract.Vote, want wantVote) {
	t.Helper()
	if want.body != "" && got.Body != want.body {
		t.Errorf("body = %q, want %q", got.Body, want.body)
	}
	if want.outcome != "" && got.Outcome != want.outcome {
		t.Errorf("outcome = %q, want %q", got.Outcome, want.outcome)
	}
	for _, c := range []struct {
		side      string
		got, want int
	}{{"yes", n(got.Tally.Yes), want.yes}, {"no", n(got.Tally.No), want.no}, {"abstain", n(got.Tally.Abstain), want.abstain}} {
		if c.want != 0 && c.got != c.want {
			t.Errorf("tally %s = %d, want %d", c.side, c.got, c.want)
		}
	}
	if want.positions != nil && len(got.Positions)+len(want.positions) > 0 && !reflect.DeepEqual(got.Positions, want.positions) {
		t.Errorf("positions = %v, want %v", got.Positions, want.positions)
	}
	if want.sponsors != nil {
		s := append([]string(nil), got.Sponsors...)
		sort.Strings(s)
		if !reflect.DeepEqual(s, want.sponsors) && len(s)+len(want.sponsors) > 0 {
			t.Errorf("sponsors = %v, want %v", s, want.sponsors)
		}
	}
}

var extractor = extract.New()

func TestVoteShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantVote
	}{
		{
			name: "recorded vote with in favour, against and abstentions",
			text: "The General Assembly adopted the text by a recorded vote of 169 in favour to 6 against, with 3 abstentions.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 169, no: 6, abstain: 3}},
		},
		{
			name: "votes in favour, against and abstentions as a list",
			text: "The resolution received 93 votes in favour, 18 against and 65 abstentions in the 193-member Assembly.",
			want: []wantVote{{body: "UNGA", yes: 93, no: 18, abstain: 65}},
		},
		{
			name: "hyphenated tally",
			text: "The Senate passed the measure 52-48 late on Thursday.",
			want: []wantVote{{body: "US_SENATE", outcome: "adopted", yes: 52, no: 48, abstain: -1}},
		},
		{
			name: "a tally in a sentence of its own with only an outcome",
			text: "The Senate on Wednesday rejected the resolution. It failed 18-79.",
			want: []wantVote{{body: "US_SENATE", outcome: "rejected", yes: 18, no: 79}},
		},
		{
			name: "a list of motions with a tally each, two in one sentence",
			text: "The Senate rejected two amendments to the farm bill on Tuesday. One, on subsidies, failed 40-58, and a second, on crop insurance for small farms, went down 33-65.",
			want: []wantVote{{body: "US_SENATE", outcome: "rejected", yes: 40, no: 58}, {body: "US_SENATE", outcome: "rejected", yes: 33, no: 65}},
		},
		{
			name: "an abstention that lets a motion pass",
			text: "In the Security Council, China abstained on the draft resolution, letting the text be adopted.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", positions: map[string]string{"CHN": "abstain"}}},
		},
		{
			name: "members backing a motion after an amendment was defeated: two votes",
			text: "MPs backed the government's motion on the budget by 320 votes to 250, after an opposition amendment was defeated by 300 votes to 270.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "adopted", yes: 320, no: 250}, {body: "UK_COMMONS", outcome: "rejected", yes: 270, no: 300}},
		},
		{
			name: "hyphenated tally with abstentions after",
			text: "The assembly resolution passed 93-18, with 65 abstentions.",
			want: []wantVote{{outcome: "adopted", yes: 93, no: 18, abstain: 65}},
		},
		{
			name: "rejected by votes to votes: larger side is no",
			text: "Lawmakers in the House of Commons rejected the amendment by 322 votes to 308.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "rejected", yes: 308, no: 322}},
		},
		{
			name: "approved by votes to votes: larger side is yes",
			text: "The European Parliament approved the regulation by 402 votes to 207.",
			want: []wantVote{{body: "EP", outcome: "adopted", yes: 402, no: 207}},
		},
		{
			name: "yes votes",
			text: "The Security Council resolution was adopted with 12 yes votes.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", yes: 12}},
		},
		{
			name: "positions in parentheses after each side",
			text: "By a vote of 2 in favour (China, Russian Federation) to 10 against (France, United Kingdom, United States), with 3 abstentions, the Council rejected the draft.",
			want: []wantVote{{body: "UNSC", outcome: "rejected", yes: 2, no: 10, abstain: 3,
				positions: map[string]string{"CHN": "yes", "RUS": "yes", "FRA": "no", "GBR": "no", "USA": "no"}}},
		},
		{
			name: "running list of those voting against",
			text: "The Third Committee approved the draft by a recorded vote of 80 in favour to 4 against, with 60 abstentions. Those voting against were Belarus, Nicaragua, Syria and Iran.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 80, no: 4, abstain: 60,
				positions: map[string]string{"BLR": "no", "NIC": "no", "SYR": "no", "IRN": "no"}}},
		},
		{
			name: "list under a heading",
			text: "The Human Rights Council adopted the resolution with 28 votes in favour.\nCountries that abstained:\n- Brazil\n- India\n- Mexico\nThe text now goes to the Assembly.",
			want: []wantVote{{body: "UNHRC", outcome: "adopted", yes: 28,
				positions: map[string]string{"BRA": "abstain", "IND": "abstain", "MEX": "abstain"}}},
		},
		{
			name: "press-release voting lists on one line",
			text: "The Assembly adopted the resolution by a recorded vote of 5 in favour to 2 against, with 2 abstentions.\nThe voting was as follows: In favour: Albania, Andorra, Iran (Islamic Republic of), Japan, Kenya. Against: Syrian Arab Republic; Venezuela (Bolivarian Republic of). Abstaining: Chad, Mali. Absent: Nauru.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 5, no: 2, abstain: 2,
				positions: map[string]string{"ALB": "yes", "AND": "yes", "IRN": "yes", "JPN": "yes", "KEN": "yes", "SYR": "no", "VEN": "no", "TCD": "abstain", "MLI": "abstain"}}},
		},
		{
			name: "heading with a count and bullets",
			text: "The European Parliament adopted the text.\nAgainst (2):\n* Hungary\n* Slovakia\nThe vote followed a long debate.",
			want: []wantVote{{body: "EP", outcome: "adopted", no: 2, positions: map[string]string{"HUN": "no", "SVK": "no"}}},
		},
		{
			name: "a speaker's own delegation",
			text: "The Security Council adopted the resolution with 14 votes in favour. Speaking after the vote, the representative of Guyana said her delegation had voted in favour, while Russia's ambassador said his country abstained.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", yes: 14, positions: map[string]string{"GUY": "yes", "RUS": "abstain"}}},
		},
		{
			name: "a pronoun for the speaking delegation",
			text: "The Council adopted the resolution by 13 votes in favour. The representative of Brazil said it had abstained because the text went too far.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", yes: 13, positions: map[string]string{"BRA": "abstain"}}},
		},
		{
			name: "member states of a bloc, an appositive and those that abstained",
			text: "The Security Council adopted the text. The United States and the member states of the European Union voted against. Algeria, the only Arab member of the council, voted in favor, while India and Japan were among those that abstained.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", positions: map[string]string{"USA": "no", "EU": "no", "DZA": "yes", "IND": "abstain", "JPN": "abstain"}}},
		},
		{
			name: "a government defeat carries the motion",
			text: "Peers defeated the government by 250 votes to 180, inserting an amendment to the Safety of Rwanda Bill.",
			want: []wantVote{{body: "UK_LORDS", outcome: "adopted", yes: 250, no: 180, sponsors: []string{}}},
		},
		{
			name: "positions in a sentence with while",
			text: "The council adopted the resolution. Russia voted no, while China, India and the UAE abstained.",
			want: []wantVote{{outcome: "adopted",
				positions: map[string]string{"RUS": "no", "CHN": "abstain", "IND": "abstain", "ARE": "abstain"}}},
		},
		{
			name: "forced to abstain",
			text: "The Security Council approved the text, and the US was forced to abstain.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", positions: map[string]string{"USA": "abstain"}}},
		},
		{
			name: "joined in opposing",
			text: "At the General Assembly, Hungary joined Russia in opposing the resolution, which passed comfortably.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", positions: map[string]string{"HUN": "no", "RUS": "no"}}},
		},
		{
			name: "vetoed by a permanent member",
			text: "Russia vetoed a Security Council resolution on Tuesday that 13 members supported, with China abstaining.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", positions: map[string]string{"RUS": "no", "CHN": "abstain"}}},
		},
		{
			name: "cast its nth veto",
			text: "Russia cast its 19th veto in the Security Council on Friday, killing a draft that had the backing of 13 members.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", yes: 13, positions: map[string]string{"RUS": "no"}}},
		},
		{
			name: "a weekday between subject and verb, and the remaining members",
			text: "The United States on Wednesday vetoed a Security Council resolution on Gaza. The remaining 14 council members voted in favor.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", yes: 14, positions: map[string]string{"USA": "no"}}},
		},
		{
			name: "the House in an American story",
			text: "The House approved the bill by a vote of 311-112 on Saturday, sending it to the Senate.",
			want: []wantVote{{body: "US_HOUSE", outcome: "adopted", yes: 311, no: 112}},
		},
		{
			name: "voted N-M with abstentions and a day to do something",
			text: "The U.N. General Assembly voted 143-9 with 25 abstentions Friday to grant new rights to Palestine.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 143, no: 9, abstain: 25}},
		},
		{
			name: "failed to win enough votes",
			text: "The draft put forward by Brazil failed to win the nine votes needed in the Security Council.",
			want: []wantVote{{body: "UNSC", outcome: "rejected", sponsors: []string{"BRA"}}},
		},
		{
			name: "sponsors: drafted by",
			text: "The resolution, drafted by Mexico and Ireland, was adopted by the General Assembly without a vote.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", sponsors: []string{"IRL", "MEX"}}},
		},
		{
			name: "sponsors: tabled by",
			text: "An amendment tabled by Pakistan was rejected by the Human Rights Council.",
			want: []wantVote{{body: "UNHRC", outcome: "rejected", sponsors: []string{"PAK"}}},
		},
		{
			name: "sponsors: introduced on behalf of",
			text: "Introduced by Nigeria on behalf of the African Union, the text was approved by the Assembly.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", sponsors: []string{"AU", "NGA"}}},
		},
		{
			name: "a vote reported by two sentences is one vote",
			text: "The UN General Assembly adopted a resolution on Thursday demanding the return of deported children. The text received 99 votes in favour, with 14 against.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 99, no: 14}},
		},
		{
			name: "an earlier vote mentioned for comparison is its own vote",
			text: "The Assembly adopted the resolution with 141 votes in favour. A similar resolution last year received 143 votes in favour.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 141}, {yes: 143}},
		},
		{
			name: "amendment then resolution",
			text: "The Council first rejected an amendment proposed by Russia, with 3 in favour and 9 against. It then adopted the resolution by 12 votes to none, with 3 abstentions.",
			want: []wantVote{{body: "UNSC", outcome: "rejected", yes: 3, no: 9, sponsors: []string{"RUS"}}, {body: "UNSC", outcome: "adopted", abstain: 3}},
		},
		{
			name: "en dash tally and word-number abstentions",
			text: "The council approved the text 13–0, with two abstentions.",
			want: []wantVote{{outcome: "adopted", yes: 13, no: 0, abstain: 2}},
		},
		{
			name: "vote of N to M",
			text: "The House of Representatives passed the bill by a vote of 220 to 212.",
			want: []wantVote{{body: "US_HOUSE", outcome: "adopted", yes: 220, no: 212}},
		},
		{
			name: "the only countries to vote against",
			text: "The Assembly adopted the resolution. Israel and the United States were the only countries to vote against.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", positions: map[string]string{"ISR": "no", "USA": "no"}}},
		},
		{
			name: "cast the lone vote against",
			text: "The Security Council adopted the resolution after the United States cast the lone vote against.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", positions: map[string]string{"USA": "no"}}},
		},
		{
			name: "backed by N countries",
			text: "The resolution, backed by 141 countries, was adopted by the General Assembly.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 141}},
		},
		{
			name: "members voting in favour and abstaining in words",
			text: "The Council adopted resolution 2231 with 12 members voting in favour and three abstaining.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", yes: 12, abstain: 3}},
		},
		{
			name: "withdrawn motion",
			text: "The opposition motion in the House of Commons was withdrawn before a vote.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "withdrawn", yes: -1, no: -1, abstain: -1}},
		},
		{
			name: "division with Yeas and Nays in another country's chamber",
			text: "The Canadian House of Commons passed the bill at third reading. The motion was carried on division: Yeas 170; Nays 140. It now goes to the Senate, where it was approved by 60 votes to 30.",
			want: []wantVote{{body: "CA_COMMONS", outcome: "adopted", yes: 170, no: 140}, {body: "CA_SENATE", outcome: "adopted", yes: 60, no: 30}},
		},
		{
			name: "only abstentions and a relative clause before the verb",
			text: "The Human Rights Council resolution passed 40-5-2. Brazil and India were the only abstentions. Japan, which retains capital punishment, voted against.",
			want: []wantVote{{body: "UNHRC", outcome: "adopted", yes: 40, no: 5, abstain: 2, positions: map[string]string{"BRA": "abstain", "IND": "abstain", "JPN": "no"}}},
		},
		{
			name: "switched from one position to another",
			text: "The General Assembly adopted the resolution again. Ukraine switched from voting yes to voting no, and Moldova switched from abstaining to voting yes.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", positions: map[string]string{"UKR": "no", "MDA": "yes"}}},
		},
		{
			name: "votes of two years are two votes",
			text: "In 2023 the Assembly resolution passed 187-2. In 2024 it passed again, 187-2, while Moldova abstained.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 187, no: 2}, {body: "UNGA", outcome: "adopted", yes: 187, no: 2, positions: map[string]string{"MDA": "abstain"}}},
		},
		{
			name: "a withdrawn motion is its own event",
			text: "The council voted 10 to 3, with two abstentions, to readmit the country. A motion by Algeria to open a debate was withdrawn before a vote.",
			want: []wantVote{{outcome: "adopted", yes: 10, no: 3, abstain: 2}, {outcome: "withdrawn", sponsors: []string{"DZA"}}},
		},
		{
			name: "scores and court rulings are not votes",
			text: "Manchester City beat Real Madrid 3-1 on Tuesday as the champions passed their toughest test. The Supreme Court ruled 6-3 that the law was unconstitutional, rejecting the appeal.",
			want: nil,
		},
		{
			name: "the N-nation assembly is the General Assembly, whatever body the text named before",
			text: "The vote follows a veto of a Security Council text. The resolution was adopted with 122 votes in favor, 13 against and 36 abstentions in the 193-nation assembly.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 122, no: 13, abstain: 36}},
		},
		{
			name: "an infinitive of adopting is no adoption",
			text: "The Assembly then considered an amendment presented by Hungary, which would have recognized the right of States to adopt such measures. The amendment was rejected by 51 votes to 98.",
			want: []wantVote{{body: "UNGA", outcome: "rejected", yes: 51, no: 98, sponsors: []string{"HUN"}}},
		},
		{
			name: "a body named in a sentence with no vote word is the body of the next",
			text: "The nuclear watchdog's 35-nation Board of Governors on Thursday declared Iran in breach of its obligations. The resolution was passed with 19 countries in favour and 3 against.",
			want: []wantVote{{body: "IAEA_BOARD", outcome: "adopted", yes: 19, no: 3}},
		},
		{
			name: "the body a sentence is about, not one it mentions, is the context of the next",
			text: "The General Assembly on Wednesday called for a ceasefire, weeks after the United States blocked a similar demand at the Security Council. The resolution was adopted by 158 votes to nine.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", positions: map[string]string{"USA": "no"}}, {body: "UNGA", outcome: "adopted", yes: 158, no: 9}},
		},
		{
			name: "a chamber and its verb around a time phrase",
			text: "MPs last night backed the government's motion on the budget by 320 votes to 250.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "adopted", yes: 320, no: 250}},
		},
		{
			name: "the council a text names as an object is not the council it votes in",
			text: "The Human Rights Council voted to appoint an expert, a first for any permanent member of the Security Council. The resolution was adopted by 17 votes to 6 in the 47-member Council.",
			want: []wantVote{{body: "UNHRC", outcome: "adopted", yes: 17, no: 6}},
		},
		{
			name: "a chamber electing its own president, with the votes won of the votes cast",
			text: "Metsola was re-elected president of the European Parliament with 562 of the 623 valid votes cast.",
			want: []wantVote{{body: "EP", outcome: "adopted", yes: 562, no: -1}},
		},
		{
			name: "a party that says it voted against is not its leader's country",
			text: "The European Parliament approved her by 401 votes to 284. Italian Prime Minister Giorgia Meloni's party said afterwards that it had voted against.",
			want: []wantVote{{body: "EP", outcome: "adopted", yes: 401, no: 284, positions: map[string]string{}}},
		},
		{
			name: "the country's text is its draft",
			text: "The same unamended US text went to the 15-member security council, where it was adopted by 10 votes to none.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", yes: 10, no: 0, sponsors: []string{"USA"}}},
		},
		{
			name: "a country's name on a text may be its topic",
			text: "Russia vetoed a Ukraine text in the Security Council.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", sponsors: []string{}}},
		},
		{
			name: "the upper house is the upper chamber the text named",
			text: "The Rajya Sabha approved the bill by 128 votes to 95. Moving the bill in the Upper House, the minister spoke. All opposition amendments were defeated by voice vote.",
			want: []wantVote{{body: "IN_RAJYA_SABHA", outcome: "adopted", yes: 128, no: 95}, {body: "IN_RAJYA_SABHA", outcome: "rejected"}},
		},
		{
			name: "a margin beside the tally is no side of it",
			text: "The plan has been rejected by 150 votes - a record defeat. MPs voted by 400 votes to 250 to reject the plan.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "rejected", yes: 250, no: 400}},
		},
		{
			name: "neither adopted is no adoption",
			text: "The Security Council voted on two rival drafts on Friday and neither was adopted.",
			want: nil,
		},
		{
			name: "scores after outcome verbs are not votes",
			text: "Arsenal went down 2-1 at Chelsea. Liverpool failed 0-1 at home, and Real Madrid passed 3-1 on aggregate.",
			want: nil,
		},
		{
			name: "sponsors in a participle before the outcome verb are not its subject",
			text: "The measure, tabled by Britain, Germany, Norway and the United States, passed 40-5-2.",
			want: []wantVote{{outcome: "adopted", yes: 40, no: 5, abstain: 2, sponsors: []string{"DEU", "GBR", "NOR", "USA"}}},
		},
		{
			name: "resolutions adopted in a row are told apart by their symbols",
			text: "The Assembly then adopted draft resolution A/79/L.12 by a recorded vote of 120 in favour to 8 against, with 40 abstentions. It next adopted draft resolution A/79/L.13 without a vote.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 120, no: 8, abstain: 40}, {body: "UNGA", outcome: "adopted", yes: -1, no: -1, abstain: -1}},
		},
		{
			name: "amendments named by their rank",
			text: "Prior to that, the Assembly rejected two amendments. The first, tabled by Austria, was rejected by a recorded vote of 89 in favour to 61 against, with 20 abstentions. The second, proposed by the United States, was also rejected, by 84 in favour to 62 against, with 25 abstentions.",
			want: []wantVote{{body: "UNGA", outcome: "rejected", yes: 89, no: 61, abstain: 20, sponsors: []string{"AUT"}}, {body: "UNGA", outcome: "rejected", yes: 84, no: 62, abstain: 25, sponsors: []string{"USA"}}},
		},
		{
			name: "two motions in one sentence, each adopted without a vote",
			text: "The Assembly then adopted without a vote the resolution on sustainable fisheries (document A/78/L.31), introduced by the representative of Norway, and, also without a vote, a text on cooperation with the Caribbean Community (document A/78/L.27). It later adopted the resolution on the embargo (document A/78/L.5), tabled by Cuba, by a recorded vote of 187 in favour to 2 against.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: -1, sponsors: []string{"NOR"}}, {body: "UNGA", outcome: "adopted", yes: -1}, {body: "UNGA", outcome: "adopted", yes: 187, no: 2, sponsors: []string{"CUB"}}},
		},
		{
			name: "the Security Council's formula for a veto",
			text: "The draft received 13 votes in favour to 1 against (Russian Federation), with 1 abstention (China), and was not adopted owing to the negative vote of a permanent member of the Council.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", yes: 13, no: 1, abstain: 1, positions: map[string]string{"RUS": "no", "CHN": "abstain"}}},
		},
		{
			name: "two laws in one sentence and a named parliament",
			text: "Israel's parliament passed two laws on Monday. The first law was approved by 92 votes to 10 and the second by 87 votes to 9.",
			want: []wantVote{{body: "IL_KNESSET", outcome: "adopted", yes: 92, no: 10}, {body: "IL_KNESSET", yes: 87, no: 9}},
		},
		{
			name: "scraped through, and voters listed after the verb",
			text: "The motion scraped through the Bundestag by 348 votes to 345. In New York, the General Assembly adopted the resolution with 143 votes; nine countries voted against, among them Hungary and Israel.",
			want: []wantVote{{body: "DE_BUNDESTAG", outcome: "adopted", yes: 348, no: 345}, {body: "UNGA", outcome: "adopted", yes: 143, no: 9, positions: map[string]string{"HUN": "no", "ISR": "no"}}},
		},
		{
			name: "a headline with two outcomes for two motions",
			text: "General Assembly Adopts Text on Trade Measures, Rejects European Union Amendment by Recorded Vote",
			want: []wantVote{{body: "UNGA", outcome: "adopted"}, {body: "UNGA", outcome: "rejected", sponsors: []string{"EU"}}},
		},
		{
			name: "another country's chambers named without the country",
			text: "Australia will ban social media for children after the Senate passed the bill 34 votes to 19. Several crossbench senators voted against it. A day earlier it cleared the House of Representatives 102 votes to 13.",
			want: []wantVote{{body: "AU_SENATE", outcome: "adopted", yes: 34, no: 19}, {body: "AU_HOUSE", outcome: "adopted", yes: 102, no: 13}},
		},
		{
			name: "a result stated in the negative",
			text: "The Security Council did not adopt the draft resolution, which received 4 votes in favour to 9 against, with 2 abstentions.",
			want: []wantVote{{body: "UNSC", outcome: "rejected", yes: 4, no: 9, abstain: 2}},
		},
		{
			name: "the IAEA board, and voters in a dash list",
			text: "The IAEA Board of Governors passed the resolution with 19 countries voting in favour. Three countries voted against - Russia, China and Burkina Faso - while 11 abstained.",
			want: []wantVote{{body: "IAEA_BOARD", outcome: "adopted", yes: 19, no: 3, abstain: 11, positions: map[string]string{"RUS": "no", "CHN": "no", "BFA": "no"}}},
		},
		{
			name: "a permanent member blocking a Council text",
			text: "Last month the United States blocked a similar demand at the Security Council.",
			want: []wantVote{{body: "UNSC", outcome: "vetoed", positions: map[string]string{"USA": "no"}}},
		},
		{
			name: "MPs rejected the government's motion",
			text: "Cameron said he would not order military action after MPs rejected the government's motion by 285 votes to 272.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "rejected", yes: 272, no: 285}},
		},
		{
			name: "MPs of a country with a named lower house",
			text: "India's Lok Sabha passed the bill with 454 members voting in favour. An amendment was rejected by a voice vote. The two MPs who voted against are from a small party.",
			want: []wantVote{{body: "IN_LOK_SABHA", outcome: "adopted", yes: 454}, {body: "IN_LOK_SABHA", outcome: "rejected"}},
		},
		{
			name: "drafted by a bloc with its acronym, presented by a group led by countries",
			text: "The text was approved by the Assembly with 134 votes in favour. It was drafted by the Organisation of Islamic Cooperation (OIC) and the European Union.",
			want: []wantVote{{body: "UNGA", outcome: "adopted", yes: 134, sponsors: []string{"EU", "OIC"}}},
		},
		{
			name: "voted by N to M to reject",
			text: "MPs voted by 432 votes to 202 to reject the withdrawal agreement.",
			want: []wantVote{{body: "UK_COMMONS", outcome: "rejected", yes: 202, no: 432}},
		},
		{
			name: "a final blessing, and a delegation named by whose",
			text: "The European Parliament gave its final blessing to the AI Act by 523 votes to 46. The representative of France, whose delegation voted in favour, welcomed the text.",
			want: []wantVote{{body: "EP", outcome: "adopted", yes: 523, no: 46, positions: map[string]string{"FRA": "yes"}}},
		},
		{
			name: "an upper house with its own name",
			text: "India's Rajya Sabha debate ended late. The Upper House passed the Waqf bill by 128 votes to 95.",
			want: []wantVote{{body: "IN_RAJYA_SABHA", outcome: "adopted", yes: 128, no: 95}},
		},
		{
			name: "a list between double dashes, and a party's members are no tally",
			text: "The Security Council adopted resolution 1973 with 10 votes in favour. Five countries -- Russia, China, Germany, Brazil and India -- abstained. In London, 139 Labour MPs voted against the government.",
			want: []wantVote{{body: "UNSC", outcome: "adopted", yes: 10, abstain: 5, positions: map[string]string{"RUS": "abstain", "CHN": "abstain", "DEU": "abstain", "BRA": "abstain", "IND": "abstain"}}},
		},
		{
			name: "a party's members counted, and a body named only as the permanent members' council",
			text: "The Human Rights Council voted 17 to 6 to appoint a rapporteur on Russia, one of the five permanent members of the Security Council. In London, 140 Labour MPs backed renewal and 47 opposed it.",
			want: []wantVote{{body: "UNHRC", outcome: "adopted", yes: 17, no: 6}},
		},
		{
			name: "future and conditional votes are not votes",
			text: "The Assembly is expected to vote on the resolution next week. If it passes, it would be the fourth such text.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := extractor.Extract(context.Background(), "t", tt.text)
			if len(rec.Votes) != len(tt.want) {
				t.Fatalf("got %d votes, want %d: %+v", len(rec.Votes), len(tt.want), rec.Votes)
			}
			for i, w := range tt.want {
				checkVote(t, rec.Votes[i], w)
			}
		})
	}
}

// TestMotionText checks the motion description a vote carries: from the
// first of its sentences that names the motion, to the end of the clause,
// through the dots of an abbreviation.
func TestMotionText(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			"abbreviation dots do not end the clause",
			"Russia vetoed a draft U.N. Security Council resolution that called for a truce. The other members voted in favour.",
			"draft U.N. Security Council resolution that called for a truce",
		},
		{
			"the first sentence that names the motion",
			"The Human Rights Council on Friday voted to set up an inquiry. It adopted a resolution tabled by the EU with 21 votes in favour.",
			"resolution tabled by the EU with 21 votes in favour",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			votes := extractor.Extract(context.Background(), "t", tt.text).Votes
			if len(votes) != 1 {
				t.Fatalf("got %d votes, want 1: %+v", len(votes), votes)
			}
			if votes[0].Motion != tt.want {
				t.Errorf("motion = %q, want %q", votes[0].Motion, tt.want)
			}
		})
	}
}
