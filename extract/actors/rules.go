package actors

import (
	"sort"
	"strings"
)

// The context rules decide which table phrases found in a text stand for
// a country or a bloc. They are what a careful reader applies to any
// news text:
//
//   - Blocking phrases contain a name but name no actor: "Latin American",
//     "The Washington Post", "New Mexico", "South China Sea" (a sea, not
//     the state), "Indian Ocean", "Paris Agreement". They are matched like
//     any phrase, so the longest match removes the name inside them.
//   - A name right before a "$" is a currency prefix ("US$5"), not an
//     actor.
//   - A capital counts only when it stands for the government: not after
//     a locative word ("in", "at", "to", "from", "near", "of", "visited"
//     ...: "in Moscow", "a visit to Beijing"), nor in a list that follows
//     one ("in Moscow and Beijing"), nor before a place noun ("Moscow
//     region", "Moscow's mayor", "Moscow-based"), nor as part of a longer
//     name ("Beijing Olympics", "Denzel Washington"), nor after another
//     place and a comma ("Olympia, Washington"), nor before its country
//     ("Amman, Jordan"), nor as a dateline
//     ("MOSCOW (Reuters) -", "Moscow, Feb 3"), nor as a US town ("Paris,
//     Texas"), nor in all-caps text.
//     "Moscow said", "Washington's position", "talks between Kyiv and
//     Moscow" count. "Brussels" standing for a government is the EU: the
//     Belgian government is nearly always named "Belgium". "The Hague",
//     "Geneva" and "New York" are not in the table: standing for
//     anything, they stand for the courts and the UN they host.
//   - A seat of government ("the Kremlin", "the White House", "Downing
//     Street") counts unless it is a place ("at the White House", "inside
//     the Kremlin", "the White House lawn"); "a statement from the
//     White House", "the speaker of the Knesset" count.
//   - "Europe" is the EUROPE bloc only when it is not a place ("security
//     in Europe", "the future of Europe").
//   - A demonym used for a language is not an actor ("in French",
//     "Russian-speaking", "Russian speakers").
//   - "Jordan", "Chad", "Cuba", "Holland" and "Georgia" may be first names or
//     surnames, and "Turkey" a bird in a title-case heading ("Roast
//     Turkey Recipe"): followed or preceded by a capitalised name ("Jordan
//     Peterson", "Michael Jordan", "Chad Smith") they are a person; a bare
//     one is a person too when the text names such a person and names the
//     country in no other way ("Jordanian", "Amman"). The capitals
//     "Washington", "Sofia" and "Santiago" are also names: once the text
//     names a person so ("Denzel Washington"), a later bare "Washington"
//     is that person.
//   - "Georgia" is the US state, not the country, next to US-state words
//     ("Georgia's governor", "Georgia Senate", "Atlanta, Georgia", "the
//     state of Georgia"); a bare "Georgia" is the state too when the text
//     has such a sign or names Atlanta, and names the country in no other
//     way ("Georgian", "Tbilisi").
//   - A bare "Congo" or "Congolese" is the Republic of the Congo (COG, the
//     ISO and UN short name), unless the text names the Democratic
//     Republic of the Congo explicitly ("DRC", "DR Congo", "Kinshasa")
//     and never the Republic explicitly, or it follows "eastern" (the
//     eastern DRC): then it is COD. In a list of names (", Congo,"), as
//     in a recorded vote, it stays COG: such lists use the UN's names.
//   - England, Scotland, Wales and Northern Ireland, and "Scottish",
//     "Welsh", "Northern Irish", are the United Kingdom (GBR). "English"
//     is not in the table: it is far more often the language.
//   - A bare "Korea" or "Korean" is South Korea (KOR); "the Korean
//     Peninsula" and "the Korean War" name neither.
//   - "Dominican" is the Dominican Republic; Dominica has no demonym.
//   - "Republic of China" is Taiwan (TWN); "People's Republic of China"
//     is China.
//   - Historical states (the Soviet Union, Zaire, Yugoslavia) are not
//     in the table; still-used former names (Burma, Swaziland, Macedonia,
//     Ivory Coast, Cape Verde, East Timor) are.
func resolve(text string, toks []token, cands []candidate) []hit {
	if len(cands) == 0 {
		return nil
	}
	d := newDocContext(toks, cands)
	out := make([]hit, 0, len(cands))
	placeEnd := -1 // last token of the last capital rejected as a place
	for k, c := range cands {
		e := c.entry
		if e.code == "" {
			continue
		}
		if c.variant && e.flags&flagNoCaps != 0 {
			continue
		}
		if currencyPrefix(toks, c) {
			continue
		}
		if e.flags&flagPerson != 0 && d.person[k] {
			continue
		}
		if e.flags&flagUSState != 0 && d.usState[k] {
			continue
		}
		if e.flags&flagPlace != 0 && usedAsPlace(toks, cands, c, placeEnd) {
			placeEnd = c.j - 1
			continue
		}
		if e.kind == Demonym && usedAsLanguage(toks, c) {
			continue
		}
		code := e.code
		if e.flags&flagCongo != 0 {
			code = d.congo(toks, c)
		}
		start, end := int(toks[c.i].start), int(toks[c.j-1].end)
		out = append(out, hit{Mention{Code: code, Start: start, End: end, Text: text[start:end], Kind: e.kind}, c.i, c.j})
	}
	return out
}

// hit is a mention with its tokens [i, j).
type hit struct {
	Mention
	i, j int
}

// docContext holds what the whole text says about ambiguous names.
type docContext struct {
	person  map[int]bool // candidate index to "is a person"
	usState map[int]bool // candidate index to "is the US state"
	hasCOD  bool         // the DR Congo is named explicitly
	hasCOG  bool         // the Republic of the Congo is named explicitly
}

func newDocContext(toks []token, cands []candidate) *docContext {
	ambiguous := getTable().ambiguous
	d := &docContext{person: map[int]bool{}, usState: map[int]bool{}}
	otherForm := map[string]bool{} // codes named by a form that is not ambiguous
	personCodes := map[string]bool{}
	usCodes := map[string]bool{}
	for _, c := range cands {
		e := c.entry
		switch {
		case e.code == "COD":
			d.hasCOD = true
		case e.code == "COG" && e.flags&flagCongo == 0:
			d.hasCOG = true
		}
		if e.flags&(flagPerson|flagUSState) == 0 && ambiguous[e.code] {
			otherForm[e.code] = true
		}
	}
	atlanta := false
	for i := range toks {
		if len(toks[i].key) == 7 && strings.EqualFold(toks[i].key, "Atlanta") {
			atlanta = true
			break
		}
	}
	// Each ambiguous name first gets the reading its neighbours give it
	// ("Michael Jordan", "Georgia's governor"). A bare one then takes the
	// last reading the text gave that name before it: a person, the US
	// state, or the country (any other form of the country, such as
	// "Jordanian", gives that reading).
	const (
		readNone = iota
		readPerson
		readUSState
		readCountry
	)
	local := make([]int, len(cands))
	for k, c := range cands {
		e := c.entry
		switch {
		case e.flags&flagPerson != 0 && personLocal(toks, cands, c):
			local[k] = readPerson
			personCodes[e.code] = true
		case e.flags&flagUSState != 0 && usStateLocal(toks, c):
			local[k] = readUSState
			usCodes[e.code] = true
		case e.flags&flagUSState != 0 && countryLocal(toks, c):
			local[k] = readCountry
		}
	}
	last := map[string]int{}
	personNames := map[string]bool{} // capitals seen as surnames
	for k, c := range cands {
		e := c.entry
		if e.flags&(flagPerson|flagUSState) == 0 {
			if ambiguous[e.code] {
				last[e.code] = readCountry
			}
			continue
		}
		if e.kind == Capital {
			// A capital that is also a name ("Washington") is read by its
			// surface: once a person, a bare one later is that person.
			name := toks[c.i].key
			if local[k] == readPerson {
				personNames[name] = true
			}
			d.person[k] = local[k] == readPerson || personNames[name]
			continue
		}
		r := local[k]
		if r == readNone {
			r = last[e.code]
		}
		if r == readNone && !otherForm[e.code] {
			switch {
			case personCodes[e.code] && e.flags&flagPerson != 0:
				r = readPerson
			case (usCodes[e.code] || atlanta) && e.flags&flagUSState != 0:
				r = readUSState
			}
		}
		d.person[k] = r == readPerson
		d.usState[k] = r == readUSState
		if local[k] != readNone {
			last[e.code] = local[k]
		}
	}
	return d
}

// congo resolves a bare "Congo" or "Congolese".
func (d *docContext) congo(toks []token, c candidate) string {
	if d.hasCOD && !d.hasCOG && !listItem(toks, c) {
		return "COD"
	}
	if p := c.i - 1; p >= 0 && (toks[p].key == "eastern" || toks[p].key == "Eastern") {
		return "COD"
	}
	return "COG"
}

// listItem reports a name standing alone between list separators, as
// in a recorded-vote list ("..., Comoros, Congo, Costa Rica, ..."), where
// names are the UN's.
func listItem(toks []token, c candidate) bool {
	p, n := c.i-1, c.j
	before := toks[c.i].lineStart || p >= 0 && (toks[p].key == "," || toks[p].key == ";" || toks[p].key == "(")
	after := n >= len(toks) || toks[n].lineStart
	if !after {
		switch toks[n].key {
		case ",", ";", ")", ".":
			after = true
		}
	}
	return before && after
}

func isWord(toks []token, i int) bool {
	return i >= 0 && i < len(toks) && toks[i].class == classWord
}

// candidateAt reports whether a candidate covers token i.
func candidateAt(cands []candidate, i int) bool {
	k := sort.Search(len(cands), func(k int) bool { return cands[k].j > i })
	return k < len(cands) && cands[k].i <= i && cands[k].entry.code != ""
}

// personLocal reports whether the name is part of a person's name:
// followed or preceded by a capitalised name.
func personLocal(toks []token, cands []candidate, c candidate) bool {
	if n := c.j; isWord(toks, n) && toks[c.j-1].spaceAfter && toks[n].upper && !toks[n].caps && !toks[n].sentStart &&
		!notNames[toks[n].key] && !candidateAt(cands, n) {
		return true
	}
	return nameBefore(toks, cands, c.i)
}

// nameBefore reports whether the token before i ends a person's first
// name or initial: "Michael Jordan", "Michael B. Jordan", "Denzel
// Washington".
func nameBefore(toks []token, cands []candidate, i int) bool {
	p := i - 1
	if p >= 1 && toks[p].key == "." && toks[p].spaceAfter && isWord(toks, p-1) &&
		len(toks[p-1].key) == 1 && toks[p-1].upper && toks[p-1].end == toks[p].start {
		return true // "Michael B. Jordan"
	}
	if isWord(toks, p) && toks[p].spaceAfter && toks[p].upper && !toks[p].caps && !notNames[toks[p].key] &&
		!functionWords[strings.ToLower(toks[p].key)] && !candidateAt(cands, p) {
		if !toks[p].sentStart {
			return true
		}
		// A sentence-initial word is a first name unless it looks like
		// an ordinary word ("Neighbouring", "Landlocked", "Only").
		w := strings.ToLower(toks[p].key)
		return !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly")
	}
	return false
}

// usStateLocal reports whether "Georgia" is the US state by its
// neighbours.
func usStateLocal(toks []token, c candidate) bool {
	n := c.j
	if n+1 < len(toks) && toks[n].class == classApos && toks[n+1].key == "s" {
		if isWord(toks, n+2) && usStateAfterPossessive[toks[n+2].key] {
			return true
		}
	} else if isWord(toks, n) && usStateNext[toks[n].key] {
		return true
	}
	// "Georgia, USA", "Georgia (U.S.)"; not "Georgia, US and ..." in a list.
	if n+1 < len(toks) {
		switch toks[n].key {
		case "(":
			switch toks[n+1].key {
			case "USA", "U.S.", "US", "U.S.A.":
				return true
			}
		case ",":
			switch toks[n+1].key {
			case "USA", "U.S.A.":
				return n+2 >= len(toks) || toks[n+2].lineStart || toks[n+2].class != classWord && toks[n+2].key != ","
			}
		}
	}
	p := c.i - 1
	if isWord(toks, p) && usStatePrev[toks[p].key] {
		return true
	}
	// "the state of Georgia"
	if p >= 1 && toks[p].key == "of" && (toks[p-1].key == "state" || toks[p-1].key == "State") {
		return true
	}
	// "Atlanta, Georgia"
	if p >= 1 && toks[p].key == "," && isWord(toks, p-1) && (georgiaCities[toks[p-1].key] ||
		toks[p-1].caps && georgiaCities[titleCase(toks[p-1].key)]) {
		return true
	}
	return false
}

// countryLocal reports whether "Georgia" is the country by its
// neighbours: "Georgia's president", "the foreign minister of Georgia".
func countryLocal(toks []token, c candidate) bool {
	n := c.j
	if n+1 < len(toks) && toks[n].class == classApos && toks[n+1].key == "s" {
		n += 2
	}
	if isWord(toks, n) && countrySignals[strings.ToLower(toks[n].key)] {
		return true
	}
	p := c.i - 1
	return p >= 1 && toks[p].key == "of" && isWord(toks, p-1) && countrySignals[strings.ToLower(toks[p-1].key)]
}

// currencyPrefix reports a name written right before "$" ("US$5").
func currencyPrefix(toks []token, c candidate) bool {
	n := c.j
	return n < len(toks) && toks[n].key == "$" && !toks[n-1].spaceAfter
}

// usedAsPlace reports whether a capital, seat or "Europe" is used as a
// place rather than for a government or a bloc. placeEnd is the last
// token of the last candidate rejected as a place.
func usedAsPlace(toks []token, cands []candidate, c candidate, placeEnd int) bool {
	e := c.entry
	seat := e.flags&flagSeat != 0
	city := e.kind == Capital && !seat
	p := c.i - 1
	if p >= 0 && (toks[p].key == "the" || toks[p].key == "The") {
		p--
	}
	if isWord(toks, p) {
		w := strings.ToLower(toks[p].key)
		if seat && seatLocatives[w] || !seat && locatives[w] && !governmentAct(toks, p) {
			return true
		}
		// "in Moscow and Beijing"
		if (w == "and" || w == "or") && placeEnd >= 0 && (p-1 == placeEnd || p-2 == placeEnd && toks[p-1].key == ",") {
			return true
		}
	} else if p >= 0 && placeEnd >= 0 && toks[p].key == "," && p-1 == placeEnd {
		return true
	}
	n := c.j
	// "Moscow-based", "Kyiv-born"
	if n+1 < len(toks) && toks[n].class == classDash && !toks[n-1].spaceAfter && placeAdjectives[toks[n+1].key] {
		return true
	}
	// "Moscow region", "Moscow's mayor"
	m := n
	if m+1 < len(toks) && toks[m].class == classApos && toks[m+1].key == "s" {
		m += 2
	}
	if isWord(toks, m) && placeNouns[toks[m].key] {
		return true
	}
	if !city {
		return false
	}
	// A dateline: "MOSCOW (Reuters) -", "Moscow, Feb 3".
	if toks[c.i].lineStart && n < len(toks) {
		switch toks[n].key {
		case "(", "-":
			return true
		case ",":
			if n+1 < len(toks) && (dateWords[toks[n+1].key] || toks[n+1].key[0] >= '0' && toks[n+1].key[0] <= '9') {
				return true
			}
		}
	}
	// A US town that shares the name: "Paris, Texas", "Moscow, Idaho".
	if n+1 < len(toks) && toks[n].key == "," && isWord(toks, n+1) {
		if usStates[toks[n+1].key] {
			return true
		}
		if n+2 < len(toks) && isWord(toks, n+2) && usStates[toks[n+1].key+" "+toks[n+2].key] {
			return true
		}
	}
	// A city and its country: "Amman, Jordan", "Moscow, Russia".
	if n+1 < len(toks) && toks[n].key == "," {
		k := sort.Search(len(cands), func(k int) bool { return cands[k].i >= n+1 })
		if k < len(cands) && cands[k].i == n+1 && cands[k].entry.code == e.code && cands[k].entry.kind != Capital {
			return true
		}
	}
	// A publisher's place: "London: Penguin, 2019".
	if n+1 < len(toks) && toks[n].key == ":" && toks[n+1].upper {
		return true
	}
	// Part of a longer name: "Beijing Olympics", "Washington Supreme
	// Court", "Denzel Washington".
	if isWord(toks, n) && toks[n-1].spaceAfter && toks[n].upper && !toks[n].sentStart && !dateWords[toks[n].key] {
		return true
	}
	// A place in a place: "Olympia, Washington", "Hotel Inbal, Jerusalem",
	// or a list of towns: "Hamburg, Berlin".
	if p := c.i - 1; p >= 1 && toks[p].key == "," && isWord(toks, p-1) && toks[p-1].upper && !toks[p-1].caps &&
		!toks[p-1].sentStart && !functionWords[strings.ToLower(toks[p-1].key)] && !dateWords[toks[p-1].key] && !candidateAt(cands, p-1) {
		return true
	}
	return nameBefore(toks, cands, c.i)
}

// governmentAct reports whether the locative at toks[p] ties a capital
// to something only a government gives or holds: "a warning from
// Moscow", "criticism from Washington", "the position of Beijing".
func governmentAct(toks []token, p int) bool {
	if !isWord(toks, p-1) {
		return false
	}
	prev := strings.ToLower(toks[p-1].key)
	switch strings.ToLower(toks[p].key) {
	case "from":
		return actNouns[prev] || giveNouns[prev]
	case "of":
		return actNouns[prev] || heldNouns[prev]
	}
	return false
}

// actNouns are stances and acts a government gives or takes ("from
// Moscow", "of Moscow"). Lower case.
var actNouns = set("criticism", "condemnation", "support", "backing", "praise", "rebuke", "approval",
	"opposition", "objection", "objections", "demand", "demands", "request", "warning", "warnings",
	"threat", "threats", "pressure", "assurances", "guarantee", "guarantees", "retaliation")

// giveNouns are what comes "from" a government. Lower case.
var giveNouns = set("statement", "response", "reaction", "message", "signal", "signals", "protest", "reply", "denial")

// heldNouns are what a government holds ("the position of Beijing").
// Lower case.
var heldNouns = set("position", "stance", "policy", "policies", "decision", "ally", "allies", "view", "views")

// usedAsLanguage reports a demonym that names a language: "in French",
// "Russian-speaking", "Russian speakers".
func usedAsLanguage(toks []token, c candidate) bool {
	n := c.j
	if n+1 < len(toks) && toks[n].class == classDash && languageWords[toks[n+1].key] {
		return true
	}
	if isWord(toks, n) && languageWords[toks[n].key] {
		return true
	}
	p := c.i - 1
	if isWord(toks, p) && languagePrev[strings.ToLower(toks[p].key)] {
		if n >= len(toks) || toks[n].class != classWord || toks[n].key == "and" || toks[n].key == "or" {
			return true
		}
	}
	return false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// locatives are words after which a capital is a place. Lower case.
var locatives = set("in", "at", "to", "from", "near", "outside", "inside", "into", "onto", "around",
	"across", "throughout", "via", "within", "toward", "towards", "of", "visit", "visits", "visited",
	"visiting", "reached", "arrived", "landed", "fled", "flew", "downtown", "central", "northern",
	"southern", "eastern", "western", "suburban", "beyond", "above", "over", "under", "outskirts")

// seatLocatives are words after which a seat of government is a place.
// Lower case. "from" and "to" are not among them: "a statement from the
// White House" is the government speaking.
var seatLocatives = set("in", "at", "on", "inside", "outside", "near", "into", "onto", "around", "across",
	"visit", "visits", "visited", "visiting", "toured", "arrived", "within", "entered", "left")

// placeNouns are words after which a capital or seat is a place.
var placeNouns = set("region", "oblast", "suburb", "suburbs", "area", "areas", "airport", "metro",
	"subway", "residents", "resident", "mayor", "streets", "street", "skyline", "time", "city",
	"bureau", "correspondent", "correspondents", "marathon", "lawn", "grounds", "gate", "gates",
	"walls", "tour", "district", "districts", "neighbourhood", "neighborhood", "hotel", "zoo",
	"outskirts", "apartment", "restaurant", "stadium", "university", "police")

// placeAdjectives follow a capital and a hyphen: "Moscow-based".
var placeAdjectives = set("based", "born", "bound", "area", "region")

// languageWords after a demonym make it a language.
var languageWords = set("speaking", "speaker", "speakers", "language", "languages", "translation",
	"subtitles", "dialect", "dialects", "lessons", "teacher", "teachers", "literature", "cuisine")

// languagePrev are words before a demonym that, with no noun after it,
// make it a language: "in French", "translated from Russian". Lower case.
var languagePrev = set("in", "from", "into", "speak", "speaks", "spoke", "speaking", "learn", "learned",
	"learning", "fluent")

// notNames are capitalised words that are not names: titles, offices,
// institutions, weekdays and months. They neither make a person of
// "Jordan" nor a longer name of "Moscow".
var notNames = set("President", "Prime", "Minister", "Ministry", "Foreign", "Defence", "Defense",
	"King", "Queen", "Prince", "Princess", "Crown", "Emir", "Sheikh", "Sultan", "Chancellor",
	"Premier", "Secretary", "Ambassador", "Envoy", "Embassy", "Consulate", "Government", "Army",
	"Armed", "Military", "National", "Interior", "Parliament", "Supreme", "Central", "State",
	"Republic", "Kingdom", "Federal", "Mr", "Mrs", "Ms", "Dr", "Sir", "General", "Gen", "Lt", "Col",
	"Pope", "Vice", "Deputy", "Acting", "Interim", "Opposition", "Mission", "Permanent", "UN", "U.N.",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
	"February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec", "I", "A", "But", "And", "Or", "On", "In", "On", "The", "This", "That", "It")

// dateWords may follow a capital in news style ("Moscow Monday said").
var dateWords = set("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec")

// functionWords are lower-cased words that, capitalised, start a
// sentence rather than a name.
var functionWords = set("the", "a", "an", "in", "at", "on", "for", "from", "to", "with", "by", "as",
	"and", "but", "or", "nor", "if", "when", "while", "since", "after", "before", "although",
	"though", "because", "yet", "so", "then", "now", "still", "meanwhile", "however", "also",
	"even", "only", "both", "neither", "either", "unlike", "like", "against", "between", "among",
	"without", "under", "over", "within", "through", "across", "why", "how", "what", "where",
	"who", "whom", "whose", "whether", "that", "this", "these", "those", "did", "does", "do", "will",
	"would", "could", "should", "can", "may", "might", "must", "has", "have", "had", "is", "was",
	"are", "were", "be", "not", "no", "yes", "said", "says", "told", "asked", "all", "some", "many",
	"most", "every", "each", "other", "another", "such", "here", "there", "today", "yesterday",
	"tomorrow", "tonight", "last", "next", "new", "our", "their", "his", "her", "its", "my", "your",
	"we", "they", "he", "she", "it", "i", "you", "about", "until", "unless", "whereas", "instead",
	"indeed", "thus", "hence", "therefore", "besides", "despite", "during", "including", "per",
	"via", "near", "outside", "inside", "into", "onto", "toward", "towards", "upon", "once", "twice",
	"neighbouring", "neighboring", "landlocked", "oil-rich", "neutral", "president", "king", "queen",
	"prime", "minister", "foreign", "mr", "mrs", "ms", "dr", "sir", "general", "gen", "senator",
	"sen", "rep", "gov", "governor", "ambassador", "envoy", "chancellor", "premier", "emir", "sheikh",
	"prince", "princess", "crown", "pope", "sultan", "secretary", "chief", "mayor", "lord", "lady")

// usStateNext follow "Georgia" as the US state: "Georgia Senate".
var usStateNext = set("Senate", "House", "state", "State", "Gov", "governor", "Governor",
	"Republican", "Republicans", "Democrat", "Democrats", "Democratic", "GOP", "voters", "voter",
	"Tech", "Bulldogs", "Power", "Supreme", "Secretary", "secretary", "primary", "runoff",
	"runoffs", "legislature", "Legislature", "lawmakers", "county", "County", "counties",
	"Bureau", "Attorney", "attorney", "congressman", "congresswoman", "senator", "senators",
	"Sen", "Rep", "sheriff", "Sheriff", "Assembly", "General", "Peach", "peach", "peaches")

// usStateAfterPossessive follow "Georgia's" as the US state: "Georgia's
// governor".
var usStateAfterPossessive = set("governor", "Governor", "Gov", "Senate", "senator", "senators",
	"legislature", "Legislature", "secretary", "Secretary", "Republican", "Republicans",
	"Democrat", "Democrats", "Democratic", "GOP", "voters", "counties", "county", "electoral",
	"attorney", "Attorney", "lieutenant", "Lieutenant", "congressional", "state", "State",
	"sheriff", "peach", "peaches")

// usStatePrev precede "Georgia" as the US state. Case kept: "South
// Georgia" is a British overseas territory.
var usStatePrev = set("north", "south", "metro", "suburban", "rural", "coastal", "Gov", "Governor",
	"Republican", "Democratic")

// countrySignals next to "Georgia" make it the country. Lower case.
var countrySignals = set("president", "prime", "minister", "foreign", "ambassador", "embassy", "envoy",
	"parliament", "army", "military", "troops", "breakaway", "defence", "defense", "republic",
	"ministry", "president's", "presidency", "border", "borders")

// georgiaCities, before a comma and "Georgia", make it the US state:
// "Atlanta, Georgia".
var georgiaCities = set("Atlanta", "Savannah", "Augusta", "Macon", "Athens", "Columbus", "Marietta",
	"Alpharetta", "Albany", "Valdosta", "Roswell", "Decatur", "Dalton", "Rome", "Kennesaw",
	"Brunswick", "Dahlonega", "Americus", "Plains", "Smyrna", "Duluth", "Gainesville")

// titleCase gives "Atlanta" for "ATLANTA" (ASCII only).
func titleCase(w string) string {
	b := []byte(strings.ToLower(w))
	if len(b) > 0 && b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

// usStates are the US states and their postal and AP abbreviations, which
// after a comma make a capital's name a US town.
var usStates = set("Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
	"Connecticut", "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
	"Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
	"Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
	"New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
	"Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
	"Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
	"La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
	"Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo")
