package actors

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// found renders Find's mentions as CODE=surface, in order.
func found(text string) []string {
	var out []string
	for _, m := range Find(text) {
		out = append(out, m.Code+"="+m.Text)
	}
	return out
}

type findCase struct {
	name string
	text string
	want []string // CODE=surface, in text order
}

func runFind(t *testing.T, cases []findCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := found(tc.text)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Find(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFindNames(t *testing.T) {
	runFind(t, []findCase{
		{"iso name", "France and Germany voted yes.", []string{"FRA=France", "DEU=Germany"}},
		{"multiword", "The United Arab Emirates abstained.", []string{"ARE=United Arab Emirates"}},
		{"official", "the Federal Republic of Germany and the Hellenic Republic", []string{"DEU=Federal Republic of Germany", "GRC=Hellenic Republic"}},
		{"un russian federation", "The Russian Federation voted against.", []string{"RUS=Russian Federation"}},
		{"un dprk", "the Democratic People's Republic of Korea and the Republic of Korea", []string{"PRK=Democratic People's Republic of Korea", "KOR=Republic of Korea"}},
		{"un dprk curly", "the Democratic People’s Republic of Korea", []string{"PRK=Democratic People’s Republic of Korea"}},
		{"un micronesia", "Micronesia (Federated States of), Monaco", []string{"FSM=Micronesia (Federated States of)", "MCO=Monaco"}},
		{"un iran", "Iran (Islamic Republic of) and Venezuela (Bolivarian Republic of)", []string{"IRN=Iran (Islamic Republic of)", "VEN=Venezuela (Bolivarian Republic of)"}},
		{"un bolivia", "Bolivia (Plurinational State of) voted in favour", []string{"BOL=Bolivia (Plurinational State of)"}},
		{"un tanzania moldova", "United Republic of Tanzania, Republic of Moldova", []string{"TZA=United Republic of Tanzania", "MDA=Republic of Moldova"}},
		{"un syria laos", "Syrian Arab Republic, Lao People's Democratic Republic", []string{"SYR=Syrian Arab Republic", "LAO=Lao People's Democratic Republic"}},
		{"un palestine", "the State of Palestine welcomed it", []string{"PSE=State of Palestine"}},
		{"un netherlands", "Netherlands (Kingdom of the), Norway", []string{"NLD=Netherlands (Kingdom of the)", "NOR=Norway"}},
		{"un uk full", "United Kingdom of Great Britain and Northern Ireland", []string{"GBR=United Kingdom of Great Britain and Northern Ireland"}},
		{"cote divoire accents", "Côte d'Ivoire, Côte d’Ivoire, Cote d'Ivoire", []string{"CIV=Côte d'Ivoire", "CIV=Côte d’Ivoire", "CIV=Cote d'Ivoire"}},
		{"turkiye", "Türkiye and Turkiye and Turkey", []string{"TUR=Türkiye", "TUR=Turkiye", "TUR=Turkey"}},
		{"viet nam", "Viet Nam and Vietnam", []string{"VNM=Viet Nam", "VNM=Vietnam"}},
		{"saint forms", "Saint Lucia, St Lucia, St. Kitts and Nevis", []string{"LCA=Saint Lucia", "LCA=St Lucia", "KNA=St. Kitts and Nevis"}},
		{"holy see", "the Holy See and the Vatican", []string{"VAT=Holy See", "VAT=Vatican"}},
		{"kosovo", "Kosovo and Serbia", []string{"XKX=Kosovo", "SRB=Serbia"}},
		{"taiwan", "Taiwan and the People's Republic of China", []string{"TWN=Taiwan", "CHN=People's Republic of China"}},
		{"republic of china", "the Republic of China (Taiwan)", []string{"TWN=Republic of China", "TWN=Taiwan"}},
		{"czechia", "Czechia, the Czech Republic and Czech", []string{"CZE=Czechia", "CZE=Czech Republic", "CZE=Czech"}},
	})
}

func TestFindShortAndFormer(t *testing.T) {
	runFind(t, []findCase{
		{"us forms", "the US, the U.S., the USA and the United States of America", []string{"USA=US", "USA=U.S.", "USA=USA", "USA=United States of America"}},
		{"us pronoun", "Let us vote; tell us more. Us too.", nil},
		{"us at sentence end", "It was approved by the U.S.", []string{"USA=U.S."}},
		{"us-backed", "the US-backed resolution", []string{"USA=US"}},
		{"america", "America's allies", []string{"USA=America"}},
		{"uk forms", "the UK, the U.K., Britain and Great Britain", []string{"GBR=UK", "GBR=U.K.", "GBR=Britain", "GBR=Great Britain"}},
		{"uk nations", "England, Scotland and Wales", []string{"GBR=England", "GBR=Scotland", "GBR=Wales"}},
		{"koreas", "South Korea and North Korea", []string{"KOR=South Korea", "PRK=North Korea"}},
		{"dprk", "the DPRK fired", []string{"PRK=DPRK"}},
		{"common names", "Iran, Syria, Laos, Bolivia, Venezuela, Tanzania, Moldova", []string{"IRN=Iran", "SYR=Syria", "LAO=Laos", "BOL=Bolivia", "VEN=Venezuela", "TZA=Tanzania", "MDA=Moldova"}},
		{"holland", "Holland and the Netherlands", []string{"NLD=Holland", "NLD=Netherlands"}},
		{"ivory coast", "Ivory Coast", []string{"CIV=Ivory Coast"}},
		{"former", "Burma, Swaziland and Macedonia", []string{"MMR=Burma", "SWZ=Swaziland", "MKD=Macedonia"}},
		{"uae", "the UAE and Saudi Arabia", []string{"ARE=UAE", "SAU=Saudi Arabia"}},
		{"brunei", "Brunei Darussalam and Brunei", []string{"BRN=Brunei Darussalam", "BRN=Brunei"}},
		{"palestine", "Palestine and Israel", []string{"PSE=Palestine", "ISR=Israel"}},
		{"cape verde", "Cabo Verde, Cape Verde", []string{"CPV=Cabo Verde", "CPV=Cape Verde"}},
		{"east timor", "Timor-Leste, East Timor", []string{"TLS=Timor-Leste", "TLS=East Timor"}},
		{"abbreviated koreas", "N. Korea and S. Korea", []string{"PRK=N. Korea", "KOR=S. Korea"}},
		{"a warning from a capital", "a stern warning from Moscow and criticism from Washington", []string{"RUS=Moscow", "USA=Washington"}},
		{"the position of a capital", "the position of Beijing", []string{"CHN=Beijing"}},
		{"flights from a capital are a place", "flights from Moscow and the mayor of Paris", nil},
		{"the commission after the european commission", "The European Commission proposed tariffs. China accused the Commission of protectionism.", []string{"EU=European Commission", "CHN=China", "EU=Commission"}},
		{"the commission before the european commission", "The Commission met. The European Commission proposed tariffs.", []string{"EU=European Commission"}},
		{"another commission", "The European Commission proposed tariffs. The Election Commission of India met.", []string{"EU=European Commission", "IND=India"}},
		{"a capital after a month and a comma", "In March, Washington abstained. On Tuesday, Moscow said no.", []string{"USA=Washington", "RUS=Moscow"}},
		{"georgetown stands for guyana, not a university", "Britain said it stood with Georgetown. Georgetown University students met in Georgetown.", []string{"GBR=Britain", "GUY=Georgetown"}},
		{"elided koreas", "talks between North and South Korea", []string{"PRK=North", "KOR=South Korea"}},
		{"elided korean demonyms", "South and North Korean troops", []string{"KOR=South", "PRK=North Korean"}},
		{"elided no other country", "Sudan and South Sudan", []string{"SDN=Sudan", "SSD=South Sudan"}},
		{"elided not a country", "France and South Africa", []string{"FRA=France", "ZAF=South Africa"}},
		{"elided lower case", "the north and South Korea", []string{"KOR=South Korea"}},
		{"chinese taipei", "Chinese Taipei won gold", []string{"TWN=Chinese Taipei"}},
		{"turkey country", "NATO member Turkey and the EU-Turkey deal", []string{"NATO=NATO", "TUR=Turkey", "EU=EU", "TUR=Turkey"}},
		{"turkey president", "Turkey President Erdogan", []string{"TUR=Turkey"}},
	})
}

func TestFindLongestMatch(t *testing.T) {
	runFind(t, []findCase{
		{"niger nigeria", "Niger and Nigeria", []string{"NER=Niger", "NGA=Nigeria"}},
		{"dominica", "Dominica and the Dominican Republic", []string{"DMA=Dominica", "DOM=Dominican Republic"}},
		{"sudans", "Sudan and South Sudan", []string{"SDN=Sudan", "SSD=South Sudan"}},
		{"guineas", "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", []string{"GIN=Guinea", "GNB=Guinea-Bissau", "GNQ=Equatorial Guinea", "PNG=Papua New Guinea"}},
		{"guinea dash", "Guinea–Bissau", []string{"GNB=Guinea–Bissau"}},
		{"samoa", "Samoa and American Samoa", []string{"WSM=Samoa", "ASM=American Samoa"}},
		{"virgin islands", "the British Virgin Islands and the US Virgin Islands", []string{"VGB=British Virgin Islands", "VIR=US Virgin Islands"}},
		{"guiana", "French Guiana, Guyana", []string{"GUF=French Guiana", "GUY=Guyana"}},
		{"turks", "Turks and Caicos Islands; Turks", []string{"TCA=Turks and Caicos Islands", "TUR=Turks"}},
		{"south africa", "South Africa and South Africans", []string{"ZAF=South Africa", "ZAF=South Africans"}},
		{"hyphen pair", "the Russia-Ukraine war", []string{"RUS=Russia", "UKR=Ukraine"}},
	})
}

func TestFindDemonyms(t *testing.T) {
	runFind(t, []findCase{
		{"leaders", "French President Emmanuel Macron met British Prime Minister Keir Starmer.", []string{"FRA=French", "GBR=British"}},
		{"emirati", "an Emirati diplomat and a Ukrainian envoy", []string{"ARE=Emirati", "UKR=Ukrainian"}},
		{"plurals", "Americans, Russians, Israelis and Palestinians", []string{"USA=Americans", "RUS=Russians", "ISR=Israelis", "PSE=Palestinians"}},
		{"no plural s", "the Swiss and the Chinese and the British", []string{"CHE=Swiss", "CHN=Chinese", "GBR=British"}},
		{"dutch", "the Dutch government", []string{"NLD=Dutch"}},
		{"scottish welsh", "Scottish and Welsh ministers", []string{"GBR=Scottish", "GBR=Welsh"}},
		{"english is a language", "The English text and the English Channel", nil},
		{"possessive", "Russia’s foreign minister", []string{"RUS=Russia"}},
		{"north korean", "North Korean troops", []string{"PRK=North Korean"}},
		{"korean", "Korean exporters", []string{"KOR=Korean"}},
		{"dominican", "Dominican officials", []string{"DOM=Dominican"}},
		{"cypriots", "Greek Cypriots and Turkish Cypriots", []string{"CYP=Greek Cypriots", "CYP=Turkish Cypriots"}},
		{"anti", "anti-American protests and pro-Russian forces", []string{"USA=American", "RUS=Russian"}},
		{"sino", "Sino-American ties", []string{"CHN=Sino", "USA=American"}},
	})
}

func TestFindDemonymAsLanguage(t *testing.T) {
	runFind(t, []findCase{
		{"in french", "The text was published in French.", nil},
		{"in russian and english", "signs in Russian and English", nil},
		{"russian-speaking", "Russian-speaking regions", nil},
		{"speakers", "Russian speakers in Latvia", []string{"LVA=Latvia"}},
		{"in french politics", "in French politics", []string{"FRA=French"}},
	})
}

func TestFindCapitals(t *testing.T) {
	runFind(t, []findCase{
		{"subject", "Moscow said the vote was illegal.", []string{"RUS=Moscow"}},
		{"possessive", "Washington's position hardened.", []string{"USA=Washington"}},
		{"between", "talks between Kyiv and Moscow", []string{"UKR=Kyiv", "RUS=Moscow"}},
		{"kiev", "Kiev rejected it", []string{"UKR=Kiev"}},
		{"object", "openly supporting Moscow", []string{"RUS=Moscow"}},
		{"in", "He lives in Moscow.", nil},
		{"at to from near", "at Beijing, to Tehran, from Paris, near London", nil},
		{"list after in", "summits in Moscow, Beijing and Tehran", nil},
		{"list after in then actor", "In Moscow and Beijing, officials said Washington had erred.", []string{"USA=Washington"}},
		{"visited", "Macron visited Beijing", nil},
		{"based", "a Washington-based think tank", nil},
		{"region", "the Moscow region and Moscow's mayor", nil},
		{"longer name", "the Beijing Olympics and the Paris Saint-Germain club", nil},
		{"surname", "Denzel Washington starred", nil},
		{"george washington", "George Washington University", nil},
		{"washington state", "Washington state and Washington State", nil},
		{"washington dc", "Washington, D.C. announced sanctions", []string{"USA=Washington, D.C."}},
		{"dateline caps", "MOSCOW (Reuters) - The Kremlin said", []string{"RUS=Kremlin"}},
		{"dateline comma", "Moscow, Feb 3 - Officials met.", nil},
		{"all caps country", "RUSSIA VETOES TEXT", []string{"RUS=RUSSIA"}},
		{"brussels is the eu", "Brussels imposed tariffs", []string{"EU=Brussels"}},
		{"in brussels", "a meeting in Brussels", nil},
		{"delhi", "New Delhi abstained", []string{"IND=New Delhi"}},
		{"seat of government beside the capital", "Bahrain normalised ties with Tel Aviv", []string{"BHR=Bahrain", "ISR=Tel Aviv"}},
		{"seat of government as a place", "moving the embassy from Tel Aviv to Jerusalem", nil},
		{"treaty of rome", "the Treaty of Rome", nil},
		{"us towns", "Paris, Texas and Moscow, Idaho and Athens, Ga. and Lima, New York", nil},
		{"chicken kiev", "Chicken Kiev for dinner", nil},
		{"brussels sprouts", "kale and Brussels sprouts", nil},
		{"state place", "in Olympia, Washington. The Washington Supreme Court ruled", nil},
		{"towns", "concerts in Hamburg, Berlin and Munich", nil},
		{"capital list", "Moscow, Beijing and Tehran objected", []string{"RUS=Moscow", "CHN=Beijing", "IRN=Tehran"}},
		{"after clause", "Meanwhile, Washington said no", []string{"USA=Washington"}},
		{"ap style", "Washington Monday said no", []string{"USA=Washington"}},
	})
}

func TestFindSeats(t *testing.T) {
	runFind(t, []findCase{
		{"kremlin", "The Kremlin denied it.", []string{"RUS=Kremlin"}},
		{"white house speaks", "the White House said", []string{"USA=White House"}},
		{"white house title", "White House Press Secretary Karoline Leavitt", []string{"USA=White House"}},
		{"at the white house", "Macron met Trump at the White House", nil},
		{"from the white house", "a statement from the White House", []string{"USA=White House"}},
		{"downing street", "Downing Street and Whitehall said", []string{"GBR=Downing Street", "GBR=Whitehall"}},
		{"outside downing street", "protesters outside Downing Street", nil},
		{"elysee", "the Élysée and the Elysee Palace", []string{"FRA=Élysée", "FRA=Elysee Palace"}},
		{"kremlin lawn", "the White House lawn", nil},
		{"knesset", "the speaker of the Knesset", []string{"ISR=Knesset"}},
		{"state department", "the State Department spokesman", []string{"USA=State Department"}},
	})
}

func TestFindBlocs(t *testing.T) {
	runFind(t, []findCase{
		{"eu", "the EU and the European Union", []string{"EU=EU", "EU=European Union"}},
		{"eu institutions", "the European Commission and the European Parliament", []string{"EU=European Commission", "EU=European Parliament"}},
		{"europe group", "European allies and European nations", []string{"EUROPE=European allies", "EUROPE=European nations"}},
		{"european-backed", "a European-backed resolution", []string{"EUROPE=European"}},
		{"europe actor", "Europe must respond", []string{"EUROPE=Europe"}},
		{"europe place", "security in Europe", nil},
		{"nato", "NATO and Nato and the North Atlantic Treaty Organization", []string{"NATO=NATO", "NATO=Nato", "NATO=North Atlantic Treaty Organization"}},
		{"groups", "the G7, the G-20 and the Group of Seven", []string{"G7=G7", "G20=G-20", "G7=Group of Seven"}},
		{"au asean", "the African Union and ASEAN", []string{"AU=African Union", "ASEAN=ASEAN"}},
		{"brics arab league oic", "BRICS, the Arab League and the Organisation of Islamic Cooperation", []string{"BRICS=BRICS", "ARAB_LEAGUE=Arab League", "OIC=Organisation of Islamic Cooperation"}},
		{"oic us spelling", "the Organization of Islamic Cooperation (OIC)", []string{"OIC=Organization of Islamic Cooperation", "OIC=OIC"}},
		{"council of europe", "the Council of Europe and the European Court of Human Rights", nil},
	})
}

func TestFindBlockedPhrases(t *testing.T) {
	runFind(t, []findCase{
		{"washington post", "The Washington Post reported", nil},
		{"new mexico", "New Mexico and New South Wales and New Jersey", nil},
		{"american compounds", "Latin American and South American and African American voters", nil},
		{"american plurals", "Latin Americans and Native Americans", nil},
		{"indian ocean", "the Indian Ocean", nil},
		{"south china sea", "the South China Sea", nil},
		{"turkey the bird", "we ate turkey", nil},
		{"guinea pig", "a guinea pig", nil},
		{"new guinea island", "the island of New Guinea", nil},
		{"lake chad", "Lake Chad shrank", nil},
		{"niger delta", "the Niger Delta", []string{}},
		{"british columbia", "British Columbia", nil},
		{"korean war", "the Korean War and the Korean Peninsula", nil},
		{"paris agreement", "the Paris Agreement", nil},
		{"currency", "US$5 million and AU$3", nil},
		{"gulf of mexico", "the Gulf of Mexico", nil},
		{"news agencies", "Agence France-Presse, France 24 and Voice of America reported", nil},
		{"oas", "the Organization of American States and the Inter-American Development Bank", nil},
		{"actor", "Tom Holland starred", nil},
		{"seas", "the Sea of Japan, the Gulf of Oman and the Irish Sea", nil},
		{"sports events", "the US Open, the French Open and Indian Wells", nil},
		{"recipe heading", "Small Whole Turkey – How to Roast It", nil},
		{"publisher", "Paperback edition. London: Oneworld, 2019.", nil},
	})
}

func TestFindGeorgia(t *testing.T) {
	runFind(t, []findCase{
		{"country", "Georgia and Armenia voted yes.", []string{"GEO=Georgia", "ARM=Armenia"}},
		{"country possessive", "Georgia's president", []string{"GEO=Georgia"}},
		{"list with comma", "Russia, Georgia and Ukraine", []string{"RUS=Russia", "GEO=Georgia", "UKR=Ukraine"}},
		{"atlanta comma", "He lives in Atlanta, Georgia.", nil},
		{"governor", "Georgia's governor signed it.", nil},
		{"senate", "The Georgia Senate passed the bill.", nil},
		{"state of", "the state of Georgia", nil},
		{"doc context", "Atlanta is growing. Georgia voted for the governor.", nil},
		{"doc context spreads", "The Georgia Senate met. Later, Georgia passed it.", nil},
		{"country context wins", "Georgian officials in Tbilisi said Georgia would vote.", []string{"GEO=Georgian", "GEO=Georgia"}},
		{"south georgia", "South Georgia", []string{"SGS=South Georgia"}},
		{"postal", "Savannah is a city in Georgia, USA.", []string{"USA=USA"}},
		{"list with usa", "Ukraine, Georgia, USA and France", []string{"UKR=Ukraine", "GEO=Georgia", "USA=USA", "FRA=France"}},
	})
}

func TestFindPersons(t *testing.T) {
	runFind(t, []findCase{
		{"jordan country", "Jordan and Egypt abstained.", []string{"JOR=Jordan", "EGY=Egypt"}},
		{"michael jordan", "Michael Jordan scored.", nil},
		{"jordan peterson", "The author Jordan Peterson spoke.", nil},
		{"jordan title", "Jordan King Abdullah spoke.", []string{"JOR=Jordan"}},
		{"surname reuse", "Rep. Jim Jordan spoke. Jordan said he disagreed.", nil},
		{"surname with country context", "Rep. Jim Jordan praised Jordanian troops. Jordan said it would help.", []string{"JOR=Jordanian", "JOR=Jordan"}},
		{"in jordan", "refugees in Jordan", []string{"JOR=Jordan"}},
		{"amman comma", "Amman, Jordan", []string{"JOR=Jordan"}},
		{"sentence initial", "Neighbouring Jordan closed its border.", []string{"JOR=Jordan"}},
		{"chad person", "Chad Smith plays drums.", nil},
		{"chad country", "Chad and Niger", []string{"TCD=Chad", "NER=Niger"}},
		{"cuba person", "Cuba Gooding Jr. starred.", nil},
		{"initial", "Michael B. Jordan starred.", nil},
		{"all caps", "JORDAN AND EGYPT CLOSE BORDERS", []string{"JOR=JORDAN", "EGY=EGYPT"}},
	})
}

func TestFindCongo(t *testing.T) {
	runFind(t, []findCase{
		{"bare is cog", "Congo voted in favour.", []string{"COG=Congo"}},
		{"explicit cod", "the Democratic Republic of the Congo, the DRC and DR Congo", []string{"COD=Democratic Republic of the Congo", "COD=DRC", "COD=DR Congo"}},
		{"explicit cog", "the Republic of the Congo and Congo-Brazzaville", []string{"COG=Republic of the Congo", "COG=Congo-Brazzaville"}},
		{"bare follows cod", "Fighting in the DRC goes on. Congo accused Rwanda.", []string{"COD=DRC", "COD=Congo", "RWA=Rwanda"}},
		{"both named", "The DRC and Congo-Brazzaville met; Congo abstained.", []string{"COD=DRC", "COG=Congo-Brazzaville", "COG=Congo"}},
		{"eastern", "rebels in eastern Congo", []string{"COD=Congo"}},
		{"vote list", "In favour: Comoros, Congo, Democratic Republic of the Congo, Costa Rica.", []string{"COM=Comoros", "COG=Congo", "COD=Democratic Republic of the Congo", "CRI=Costa Rica"}},
		{"congolese", "Congolese troops and Kinshasa", []string{"COD=Congolese", "COD=Kinshasa"}},
	})
}

func TestFindCityOnlyPlace(t *testing.T) {
	runFind(t, []findCase{
		{"new york", "The UN General Assembly in New York voted.", nil},
		{"united nations", "UNITED NATIONS — The Security Council met.", nil},
		{"geneva", "talks in Geneva", nil},
	})
}

func TestFindOffsets(t *testing.T) {
	text := "Côte d’Ivoire and the U.S. backed Ukraine’s bid."
	for _, m := range Find(text) {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, text[m.Start:m.End])
		}
	}
	got := found(text)
	want := []string{"CIV=Côte d’Ivoire", "USA=U.S.", "UKR=Ukraine"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestKinds(t *testing.T) {
	tests := []struct {
		text string
		want Kind
	}{
		{"France", FullName},
		{"Russian Federation", FullName},
		{"Britain", ShortName},
		{"British", Demonym},
		{"Moscow said", Capital},
		{"the Kremlin said", Capital},
		{"NATO", Bloc},
	}
	for _, tc := range tests {
		ms := Find(tc.text)
		if len(ms) != 1 || ms[0].Kind != tc.want {
			t.Errorf("Find(%q) = %+v, want one mention of kind %v", tc.text, ms, tc.want)
		}
	}
	if got := Demonym.String(); got != "demonym" {
		t.Errorf("Demonym.String() = %q", got)
	}
	if got := Kind(99).String(); got != "unknown" {
		t.Errorf("Kind(99).String() = %q", got)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		surface string
		code    string
		ok      bool
	}{
		{"Britain", "GBR", true},
		{"the Russian Federation", "RUS", true},
		{"French", "FRA", true},
		{"Côte d’Ivoire", "CIV", true},
		{"U.S.", "USA", true},
		{"the Kremlin", "RUS", true},
		{"European Union", "EU", true},
		{"RUS", "RUS", true},
		{"ARAB_LEAGUE", "ARAB_LEAGUE", true},
		{"Kosovo", "XKX", true},
		{"New Mexico", "", false},
		{"Narnia", "", false},
		{"us", "", false},
		{"", "", false},
		{"France and Germany", "", false},
	}
	for _, tc := range tests {
		code, ok := Lookup(tc.surface)
		if code != tc.code || ok != tc.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tc.surface, code, ok, tc.code, tc.ok)
		}
	}
}

func TestNameAndIsBloc(t *testing.T) {
	names := map[string]string{
		"USA": "United States", "RUS": "Russia", "GBR": "United Kingdom", "EU": "European Union",
		"FRA": "France", "KOR": "South Korea", "XKX": "Kosovo", "BOL": "Bolivia", "ZZZ": "",
	}
	for code, want := range names {
		if got := Name(code); got != want {
			t.Errorf("Name(%q) = %q, want %q", code, got, want)
		}
	}
	for _, code := range blocCodes {
		if !IsBloc(code) {
			t.Errorf("IsBloc(%q) = false", code)
		}
		if Name(code) == "" {
			t.Errorf("bloc %s has no display name", code)
		}
	}
	for _, code := range []string{"USA", "FRA", "", "eu"} {
		if IsBloc(code) {
			t.Errorf("IsBloc(%q) = true", code)
		}
	}
}

// TestTableCoverage checks that every ISO 3166-1 country has a name that
// resolves to it and a demonym, or a stated reason for having none.
func TestTableCoverage(t *testing.T) {
	tab := getTable()
	if n := len(tab.order); n != 249 {
		t.Errorf("ISO table has %d countries, want 249", n)
	}
	for _, code := range Codes() {
		c := tab.countries[code]
		name := Name(code)
		if name == "" {
			t.Errorf("%s: no display name", code)
			continue
		}
		if got, ok := Lookup(name); !ok || got != code {
			t.Errorf("%s: Lookup(Name(%s) = %q) = %q, %v", code, code, name, got, ok)
		}
		if got, ok := Lookup(c.name); !ok || got != code {
			t.Errorf("%s: Lookup(ISO name %q) = %q, %v", code, c.name, got, ok)
		}
		switch {
		case len(c.demonyms) == 0 && c.noDemonym == "":
			t.Errorf("%s (%s): no demonym and no reason for lacking one", code, name)
		case len(c.demonyms) > 0 && c.noDemonym != "":
			t.Errorf("%s (%s): has demonyms %q and a reason for lacking one", code, name, c.demonyms)
		}
		for _, d := range c.demonyms {
			if got, ok := Lookup(d); !ok || got != code {
				t.Errorf("%s: Lookup(demonym %q) = %q, %v", code, d, got, ok)
			}
		}
	}
}

// TestTableErrors checks that bad table data is reported with its line.
func TestTableErrors(t *testing.T) {
	tests := []struct {
		name, supp, want string
	}{
		{"unknown code", "ZZZ\tshort\tZedland\n", "supplement.tsv line 1: unknown code"},
		{"unknown kind", "FRA\tnickname\tLa France\n", `unknown kind "nickname"`},
		{"unknown flag", "FRA\tshort\tGaul\tfancy\n", `unknown flag "fancy"`},
		{"conflict", "DEU\tshort\tFrance\n", `names both "FRA" and "DEU"`},
		{"fields", "FRA\n", "1 fields, want 3 or 4"},
		{"block code", "FRA\tblock\tParis Hilton\n", "a blocking phrase has code -"},
		{"bloc kind on country", "FRA\tbloc\tLes Bleus\n", "FRA is not a bloc code"},
		{"no word", "FRA\tshort\t(France)\n", "must start with a word"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := buildTable(iso3166TSV, tc.supp)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("buildTable error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := buildTable("ABW\tAW\n", ""); err == nil || !strings.Contains(err.Error(), "iso3166.tsv line 1") {
		t.Errorf("short ISO line: error = %v", err)
	}
}

// TestTokenize checks the word boundaries the matcher relies on.
func TestTokenize(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"U.S.-backed", []string{"U.S.", "-", "backed"}},
		{"U.S.A. and D.C.", []string{"U.S.A.", "and", "D.C."}},
		{"St. Lucia", []string{"St", ".", "Lucia"}},
		{"Russia’s", []string{"Russia", "'", "s"}},
		{"Côte d’Ivoire", []string{"Cote", "d", "'", "Ivoire"}},
		{"G7 G-20", []string{"G7", "G", "-", "20"}},
		{"A.Bc", []string{"A", ".", "Bc"}},
		{"\xff\xfeRussia", []string{"\ufffd", "\ufffd", "Russia"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range tokenize(tc.text, nil) {
			got = append(got, tok.key)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFindSurnameReuse(t *testing.T) {
	runFind(t, []findCase{
		{"washington surname", "Denzel Washington won. The American actor thanked fans; Washington said he was moved.", []string{"USA=American"}},
		{"washington government", "American officials agreed. Washington said it was moved.", []string{"USA=American", "USA=Washington"}},
		{"sofia person", "Sofia Coppola spoke. Later Sofia said no.", nil},
	})
}

func TestLeaders(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"demonym office", "French President Emmanuel Macron met British Prime Minister Keir Starmer.", []string{"FRA=French President", "GBR=British Prime Minister"}},
		{"possessive office", "Russia’s foreign minister said", []string{"RUS=Russia’s foreign minister"}},
		{"abbreviation office", "US Secretary of State Marco Rubio", []string{"USA=US Secretary of State"}},
		{"office of", "the President of France and the representative of the Russian Federation", []string{"FRA=President of France", "RUS=representative of the Russian Federation"}},
		{"un form", "the representative of Mozambique stressed", []string{"MOZ=representative of Mozambique"}},
		{"modifier", "China's new ambassador", []string{"CHN=China's new ambassador"}},
		{"bloc office", "the EU foreign policy chief", []string{"EU=EU foreign policy chief"}},
		{"former", "former US President Barack Obama and ex-British Prime Minister Tony Blair", nil},
		{"title only", "President Donald Trump said", nil},
		{"no office", "Russia and China voted no", nil},
		{"backed", "the US-backed government", nil},
		{"kremlin spokesman", "Kremlin spokesman Dmitry Peskov", []string{"RUS=Kremlin spokesman"}},
		{"envoy to the un", "the US Ambassador to the UN Mary Brown and Chile's envoy to the United Nations", []string{"USA=US Ambassador to the UN", "CHL=Chile's envoy to the United Nations"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range Leaders(tc.text) {
				if m.Kind != Leader || tc.text[m.Start:m.End] != m.Text {
					t.Errorf("bad mention %+v", m)
				}
				got = append(got, m.Code+"="+m.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Leaders(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestSeed checks the seed article against the countries of the gold
// format's example, which is that article's gold.
func TestSeed(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Skip("no module root")
	}
	b, err := os.ReadFile(filepath.Join(root, "..", "shared", "seed", "un-ukraine-anniversary.txt"))
	if err != nil {
		t.Skip("no seed article")
	}
	got := countrySet(Find(string(b)))
	want := []string{"BLR", "FRA", "GBR", "PRK", "RUS", "UKR", "USA"}
	if !slices.Equal(got, want) {
		t.Errorf("countries = %v, want %v", got, want)
	}
}

// TestFindVoteShapes runs Find over sentences in the shapes vote stories
// use, checking that every named actor is found.
func TestFindVoteShapes(t *testing.T) {
	runFind(t, []findCase{
		{"sentence positions", "Russia voted no, while China, India and the UAE abstained.", []string{"RUS=Russia", "CHN=China", "IND=India", "ARE=UAE"}},
		{"forced to abstain", "the US was forced to abstain", []string{"USA=US"}},
		{"joined", "Britain joined Russia in opposing the text", []string{"GBR=Britain", "RUS=Russia"}},
		{"parenthesised", "3 in favour (Algeria, China, Russian Federation) to 1 against (United States)", []string{"DZA=Algeria", "CHN=China", "RUS=Russian Federation", "USA=United States"}},
		{"running list", "Those voting against were Belarus, Nicaragua and the Syrian Arab Republic.", []string{"BLR=Belarus", "NIC=Nicaragua", "SYR=Syrian Arab Republic"}},
		{"bulleted", "Countries that abstained:\n- Brazil\n- Mozambique\n• Kenya", []string{"BRA=Brazil", "MOZ=Mozambique", "KEN=Kenya"}},
		{"sponsor", "The draft, tabled by Malta on behalf of the elected members and the European Union", []string{"MLT=Malta", "EU=European Union"}},
		{"veto", "Moscow vetoed the text, and Beijing followed", []string{"RUS=Moscow", "CHN=Beijing"}},
		{"ecj", "the European Court of Justice ruled", []string{"EU=European Court of Justice"}},
		{"sports", "the European Championship in Germany", []string{"DEU=Germany"}},
	})
}

// TestFindConcurrent runs Find from many goroutines on the shared table;
// run with -race.
func TestFindConcurrent(t *testing.T) {
	texts := []string{
		"Moscow said Britain and the EU erred.",
		"Michael Jordan met Georgia's governor in Atlanta, Georgia.",
		"Côte d’Ivoire, Congo and the DRC abstained.",
	}
	want := make([][]string, len(texts))
	for i, text := range texts {
		want[i] = found(text)
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			for n := 0; n < 200; n++ {
				i := (g + n) % len(texts)
				if got := found(texts[i]); !slices.Equal(got, want[i]) {
					done <- fmt.Errorf("Find(%q) = %q, want %q", texts[i], got, want[i])
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
