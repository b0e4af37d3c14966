package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// Body codes. The gold format fixes the first eight; the others are the
// project's own codes for national parliaments, documented in the README.
const (
	BodyUNGA      = "UNGA"
	BodyUNSC      = "UNSC"
	BodyUNHRC     = "UNHRC"
	BodyUKCommons = "UK_COMMONS"
	BodyUKLords   = "UK_LORDS"
	BodyUSSenate  = "US_SENATE"
	BodyUSHouse   = "US_HOUSE"
	BodyEP        = "EP"
	// BodyAU is the African Union's Peace and Security Council and its
	// Assembly; BodyEUCouncil the Council of the European Union.
	BodyAU        = "AU"
	BodyEUCouncil = "EU_COUNCIL"
)

// Body references that name no body by themselves ("the Council", "the
// House") and are resolved against the bodies the article named before.
const (
	refCouncil    = "ref:council"
	refAssembly   = "ref:assembly"
	refHouse      = "ref:house"
	refParliament = "ref:parliament"
	refNational   = "ref:national-assembly"
	refUpper      = "ref:upper-house"
)

// chambers maps body codes that other countries' parliaments share a name
// with to the suffix of the code such a chamber gets: "Canada's House of
// Commons" is CA_COMMONS, "the Italian Senate" IT_SENATE.
var chambers = map[string]string{
	BodyUKCommons: "COMMONS", BodyUKLords: "LORDS", BodyUSSenate: "SENATE",
	BodyUSHouse: "HOUSE", refParliament: "PARLIAMENT", refNational: "ASSEMBLY",
}

// legislatures are the named parliaments of countries, which "the
// parliament of X" means.
var legislatures = map[string]string{
	"ISR": "IL_KNESSET", "DEU": "DE_BUNDESTAG", "RUS": "RU_DUMA", "UKR": "UA_RADA",
	"IND": "IN_LOK_SABHA", "IRL": "IE_DAIL", "POL": "PL_SEJM", "SWE": "SE_RIKSDAG",
	"NOR": "NO_STORTING", "DNK": "DK_FOLKETING", "GBR": BodyUKCommons,
}

// upperChambers are the named upper chambers that "the upper house" or
// "the Senate" of a country means.
var upperChambers = map[string]string{"IND": "IN_RAJYA_SABHA", "DEU": "DE_BUNDESRAT"}

// homes are the countries whose chambers the plain codes name.
var homes = map[string]string{
	BodyUKCommons: "GBR", BodyUKLords: "GBR", BodyUSSenate: "USA", BodyUSHouse: "USA",
}

// qualifiedBody returns the code of a chamber named with its country, and
// whether the name was qualified: "House of Commons of Canada", "the
// Italian Senate", "Hungary's parliament".
//
// ownerBefore is the country last named before the sentence, which "its"
// stands for.
func qualifiedBody(its []item, i, n int, code, ownerBefore string) (string, bool) {
	suffix, ok := chambers[code]
	if !ok {
		return code, false
	}
	country := ""
	switch {
	case i > 0 && anyWord(its, i-1, "its", "their") && ownerBefore != "":
		// "Turkey was the other holdout. Its parliament ratified".
		country = ownerBefore
	case i > 0 && its[i-1].isActor():
		country = its[i-1].actor
	case i > 2 && anyWord(its, i-1, "whose") && anyWord(its, i-2, ",") && its[i-3].isActor():
		// "Finland, whose parliament approved".
		country = its[i-3].actor
	case i > 1 && its[i-1].lw == "'s" && its[i-2].isActor():
		country = its[i-2].actor
	case i+n+1 < len(its) && its[i+n].lw == "of" && its[i+n+1].isActor():
		country = its[i+n+1].actor
	}
	a2 := actors.Alpha2(country)
	if country == "" || a2 == "" {
		return code, false
	}
	if homes[code] == country {
		return code, true
	}
	// "Israel's parliament" is the Knesset.
	if named, ok := legislatures[country]; ok && (code == refParliament || code == refNational) {
		return named, true
	}
	return a2 + "_" + suffix, true
}

// bodyPhrases maps lowercase names of deciding bodies to their codes,
// longest first where they overlap.
var bodyPhrases = []struct {
	phrase string
	code   string
}{
	{"un human rights council", BodyUNHRC},
	{"human rights council", BodyUNHRC},
	{"unhrc", BodyUNHRC},
	{"un security council", BodyUNSC},
	{"u.n. security council", BodyUNSC},
	{"united nations security council", BodyUNSC},
	{"security council", BodyUNSC},
	{"unsc", BodyUNSC},
	{"un general assembly", BodyUNGA},
	{"u.n. general assembly", BodyUNGA},
	{"united nations general assembly", BodyUNGA},
	{"general assembly", BodyUNGA},
	{"unga", BodyUNGA},
	{"first committee", BodyUNGA},
	{"second committee", BodyUNGA},
	{"third committee", BodyUNGA},
	{"fourth committee", BodyUNGA},
	{"fifth committee", BodyUNGA},
	{"sixth committee", BodyUNGA},
	{"house of commons", BodyUKCommons},
	{"commons", BodyUKCommons},
	{"mps", BodyUKCommons},
	{"house of lords", BodyUKLords},
	{"lords", BodyUKLords},
	{"peers", BodyUKLords},
	{"u.s. senate", BodyUSSenate},
	{"us senate", BodyUSSenate},
	{"senate", BodyUSSenate},
	{"senators", BodyUSSenate},
	{"house of representatives", BodyUSHouse},
	{"european parliament", BodyEP},
	{"peace and security council", BodyAU},
	{"iaea board of governors", "IAEA_BOARD"},
	{"board of governors", "IAEA_BOARD"},
	{"iaea board", "IAEA_BOARD"},
	{"upper house", refUpper},
	{"upper chamber", refUpper},
	{"council of the european union", BodyEUCouncil},
	{"council of the eu", BodyEUCouncil},
	{"eu council", BodyEUCouncil},
	{"national assembly", refNational},
	{"meps", BodyEP},
	{"bundestag", "DE_BUNDESTAG"},
	{"bundesrat", "DE_BUNDESRAT"},
	{"knesset", "IL_KNESSET"},
	{"state duma", "RU_DUMA"},
	{"duma", "RU_DUMA"},
	{"verkhovna rada", "UA_RADA"},
	{"rada", "UA_RADA"},
	{"lok sabha", "IN_LOK_SABHA"},
	{"rajya sabha", "IN_RAJYA_SABHA"},
	{"dáil", "IE_DAIL"},
	{"dail", "IE_DAIL"},
	{"sejm", "PL_SEJM"},
	{"riksdag", "SE_RIKSDAG"},
	{"storting", "NO_STORTING"},
	{"folketing", "DK_FOLKETING"},
	{"council", refCouncil},
	{"assembly", refAssembly},
	{"house", refHouse},
	{"chamber", refHouse},
	{"parliament", refParliament},
	{"lawmakers", refParliament},
	{"legislators", refParliament},
	{"parliamentarians", refParliament},
}

// markBodies folds body names into single items with their body code.
// owner is the country the text last named before these items, for
// "its parliament".
func markBodies(its []item, owner string) []item {
	out := its[:0:0]
	for i := 0; i < len(its); {
		code, n := bodyAt(its, i)
		if n == 0 {
			out = append(out, its[i])
			i++
			continue
		}
		first, last := its[i], its[i+n-1]
		var text strings.Builder
		for k := i; k < i+n; k++ {
			if k > i {
				text.WriteByte(' ')
			}
			text.WriteString(its[k].text)
		}
		if q, ok := qualifiedBody(its, i, n, code, owner); ok {
			code = q
		}
		it := item{text: text.String(), lw: lower(text.String()), tag: "NNP", start: first.start, end: last.end, body: code}
		if n == 1 {
			it.actor, it.kind = first.actor, first.kind
		}
		out = append(out, it)
		i += n
	}
	return out
}

// bodyIndex maps the first word of each body phrase to the phrases that
// start with it, longest first, each split into words.
var bodyIndex = func() map[string][][]string {
	idx := map[string][][]string{}
	for _, bp := range bodyPhrases {
		ws := strings.Fields(bp.phrase)
		idx[ws[0]] = append(idx[ws[0]], append(ws, bp.code))
	}
	return idx
}()

// bodyAt finds the longest body phrase starting at its[i] and returns its
// code and how many items it spans. An item may hold several words (an
// actor such as "European Parliament" folded into one).
func bodyAt(its []item, i int) (string, int) {
	first := its[i].lw
	if sp := strings.IndexByte(first, ' '); sp > 0 {
		first = first[:sp]
	}
	cands := bodyIndex[first]
	if len(cands) == 0 {
		return "", 0
	}
	best, bestN, bestWords := "", 0, 0
	for _, c := range cands {
		ws, code := c[:len(c)-1], c[len(c)-1]
		// Match the phrase's words against the items' words.
		k, w := i, 0
		for w < len(ws) && k < len(its) {
			iw := strings.Fields(its[k].lw)
			if len(iw) == 0 || w+len(iw) > len(ws) {
				break
			}
			ok := true
			for j := range iw {
				if iw[j] != ws[w+j] {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
			w += len(iw)
			k++
		}
		if w == len(ws) && len(ws) > bestWords {
			best, bestN, bestWords = code, k-i, len(ws)
		}
	}
	if bestN == 0 || !bodyContextOK(its, i, bestN, best) {
		return "", 0
	}
	return best, bestN
}

// bodyContextOK rejects body words used for something else: a
// lower-case "house" that is a building, "peers" as equals, a council or
// assembly of a city.
func bodyContextOK(its []item, i, n int, code string) bool {
	first := its[i]
	capital := first.text != "" && first.text[0] >= 'A' && first.text[0] <= 'Z'
	prev := ""
	if i > 0 {
		prev = its[i-1].lw
	}
	switch code {
	case refHouse:
		// "the House", "the chamber"; not "a house", "White House".
		return (capital || first.lw == "chamber") && (prev == "the" || prev == "whole")
	case refCouncil, refAssembly:
		if prev == "city" || prev == "town" || prev == "county" || prev == "local" || prev == "national" || prev == "regional" || prev == "legislative" || prev == "european" {
			return false
		}
		// "the 193-nation assembly", "the 15-member council".
		return prev == "the" || prev == "'s" || strings.HasSuffix(prev, "-member") || strings.HasSuffix(prev, "-nation") ||
			strings.HasSuffix(prev, "-country") || strings.HasSuffix(prev, "-state") || capital
	case refParliament:
		return prev != "european"
	case refNational:
		return capital
	case BodyUKLords:
		if first.lw == "peers" {
			next := ""
			if i+n < len(its) {
				next = its[i+n].lw
			}
			return prev == "the" || prev == "" || strings.HasPrefix(next, "vot") || anyWord(its, i+n, "defeated", "backed", "rejected", "approved", "passed", "inflicted")
		}
		return capital
	case BodyUKCommons:
		return capital
	case BodyUSSenate:
		return capital || first.lw == "senators" || first.lw == "upper"
	case BodyEUCouncil:
		return true
	case refUpper:
		return prev == "the" || prev == "'s" || prev == "its"
	}
	return true
}

// chamberCountryOf guesses the country whose chambers a text speaks of
// when it names them without a country ("the Senate passed the bill" in a
// story from Canberra): the country the text names most, when it is
// neither the United States nor Britain and the text uses no words of
// their politics. It returns an alpha-2 code or "".
func chamberCountryOf(text string, mentions []actors.Mention) (alpha2, alpha3 string) {
	if us, uk := politicsSignals(text); us > 0 || uk > 0 {
		return "", ""
	}
	if !strings.Contains(text, "Senate") && !strings.Contains(text, "House") && !strings.Contains(text, "upper house") && !strings.Contains(text, "MPs") {
		return "", ""
	}
	n := map[string]int{}
	best, bestN := "", 0
	for _, m := range mentions {
		if actors.IsBloc(m.Code) {
			continue
		}
		n[m.Code]++
		if n[m.Code] > bestN {
			best, bestN = m.Code, n[m.Code]
		}
	}
	if best == "" || best == "USA" || best == "GBR" {
		return "", ""
	}
	return actors.Alpha2(best), best
}

// lowerChamberOf guesses which lower chamber "the House" names in a text
// that names none, from the words of American and British politics it
// uses; "" when it cannot tell.
//
// chamberCountry is what chamberCountryOf found: a story about another
// country's Senate is not about Congress.
func lowerChamberOf(text, chamberCountry string) string {
	us, uk := politicsSignals(text)
	switch {
	case us > uk:
		return BodyUSHouse
	case uk > us:
		return BodyUKCommons
	case us == 0 && uk == 0 && chamberCountry == "" && strings.Contains(text, "Senate"):
		// A House and a Senate with no other country named: Congress.
		return BodyUSHouse
	}
	return ""
}

// politicsSignals counts the words of American and of British politics
// in a text.
//
// Words shared with other countries' politics (MPs, Conservatives, the
// Commons) count for Britain only when the text names Britain.
func politicsSignals(text string) (us, uk int) {
	for _, w := range []string{"Congress", "Republican", "Democrat", "GOP", "White House", "Capitol", "U.S. Senate", "US Senate"} {
		us += strings.Count(text, w)
	}
	for _, w := range []string{"Westminster", "Downing Street", "Tory", "Tories", "Liberal Democrat", "House of Lords"} {
		uk += strings.Count(text, w)
	}
	if strings.Contains(text, "Britain") || strings.Contains(text, "British") || strings.Contains(text, "UK") || strings.Contains(text, "England") || uk > 0 {
		for _, w := range []string{"MPs", "Commons", "Labour", "Conservative"} {
			uk += strings.Count(text, w)
		}
	}
	return us, uk
}

// baseOf returns the plain code a country's chamber code was made from
// ("CA_COMMONS" gives UK_COMMONS).
func baseOf(code string) (string, bool) {
	i := strings.IndexByte(code, '_')
	if i != 2 || homes[code] != "" {
		return "", false
	}
	for base, suffix := range chambers {
		if code[i+1:] == suffix && homes[base] != "" || code[i+1:] == suffix && (base == refParliament || base == refNational) {
			return base, true
		}
	}
	return "", false
}

// bodyResolver resolves body references against the bodies an article
// named before them.
type bodyResolver struct {
	// lowerDefault is the lower chamber "the House" means when the
	// article has named none: US_HOUSE in American politics, UK_COMMONS
	// in British.
	lowerDefault   string
	lastCouncil    string
	lastHouse      string
	lastParliament string
	// country3 is country's alpha-3 code.
	country3 string
	// country is the alpha-2 code of the country whose parliament the
	// article named by country: after "Canada's House of Commons", a bare
	// "House of Commons" is CA_COMMONS and "the Senate" CA_SENATE.
	country string
	// lastUpper is the last upper chamber named (a Senate, the Lords,
	// the Rajya Sabha), which "the upper house" refers to.
	lastUpper string
	// lastLower is the last lower chamber named (a House or Commons), which
	// "the House" refers to.
	lastLower string
}

// resolve returns the body code for a body item, recording explicit names
// for later references; "" when a reference cannot be resolved.
func (r *bodyResolver) resolve(code string) string {
	out := r.resolveCode(code)
	if isUpperChamber(out) {
		r.lastUpper = out
	}
	return out
}

func (r *bodyResolver) resolveCode(code string) string {
	if suffix, plain := chambers[code]; plain && homes[code] != "" && r.country != "" {
		code = r.country + "_" + suffix
		// India's MPs sit in the Lok Sabha: a country with a named lower
		// chamber keeps its name.
		if named, ok := legislatures[r.country3]; ok && (suffix == "COMMONS" || suffix == "HOUSE") {
			code = named
		}
		if named, ok := upperChambers[r.country3]; ok && (suffix == "SENATE" || suffix == "LORDS") {
			code = named
		}
	}
	if base, ok := baseOf(code); ok {
		r.country = code[:2]
		if base != refParliament && base != refNational {
			r.lastHouse = code
			if base == BodyUKCommons || base == BodyUSHouse {
				r.lastLower = code
			}
		}
		r.lastParliament = code
		return code
	}
	switch code {
	case refCouncil:
		if r.lastCouncil != "" {
			return r.lastCouncil
		}
		return BodyUNSC
	case refAssembly:
		return BodyUNGA
	case refHouse:
		if r.lastLower != "" {
			return r.lastLower
		}
		if r.lastHouse == "" && r.lastParliament == "" && r.lowerDefault != "" {
			return r.lowerDefault
		}
		switch r.lastHouse {
		case BodyUSSenate, BodyUSHouse:
			// In American usage "the House" is the House of
			// Representatives, even right after the Senate.
			return BodyUSHouse
		case "":
			return r.lastParliament
		}
		return r.lastHouse
	case refParliament:
		return r.lastParliament
	case refNational:
		return r.lastParliament
	case refUpper:
		// "the upper house": the upper chamber named before, or the
		// one of the country the text is about.
		switch {
		case r.lastUpper != "":
			return r.lastUpper
		case upperChambers[r.country3] != "":
			return upperChambers[r.country3]
		case r.country != "":
			return r.country + "_SENATE"
		}
		return BodyUSSenate
	case BodyUNSC, BodyUNHRC, BodyAU, BodyEUCouncil:
		r.lastCouncil = code
	case BodyUKCommons, BodyUKLords, BodyUSHouse, BodyUSSenate:
		r.lastHouse = code
		r.lastParliament = code
		if code == BodyUKCommons || code == BodyUSHouse {
			r.lastLower = code
		}
	case BodyUNGA:
	default:
		r.lastParliament = code
	}
	return code
}

// isUpperChamber reports whether a body code is an upper chamber: a
// Senate, the Lords or a named one ("the Rajya Sabha").
func isUpperChamber(code string) bool {
	if code == BodyUKLords || strings.HasSuffix(code, "SENATE") {
		return true
	}
	for _, c := range upperChambers {
		if c == code {
			return true
		}
	}
	return false
}
