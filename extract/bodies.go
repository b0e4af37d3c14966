package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// markBodies folds body names into single items with their body code.
// owner is the country the text last named before these items, for
// "its parliament".
func markBodies(its []item, owner string) []item {
	// out stays nil, and its is returned as it is, until a body is
	// found.
	var out []item
	for i := 0; i < len(its); {
		code, n := bodyAt(its, i)
		if n == 0 {
			if out != nil {
				out = append(out, its[i])
			}
			i++
			continue
		}
		if out == nil {
			out = append(make([]item, 0, len(its)), its[:i]...)
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
		} else if seats := seatsNamed(its, i, n); seats > 0 {
			if c := bodyWithSeats(code, seats); c != "" {
				code = c
			}
		}
		it := item{text: text.String(), lw: lower(text.String()), tag: "NNP", start: first.start, end: last.end, body: code}
		if n == 1 {
			it.actor, it.kind = first.actor, first.kind
		}
		out = append(out, it)
		i += n
	}
	if out == nil {
		return its
	}
	return out
}

// bodyIndex maps the first word of each body phrase to the phrases that
// start with it, each split into words.
var bodyIndex = func() map[string][]indexedPhrase {
	idx := map[string][]indexedPhrase{}
	for _, bp := range bodyPhrases {
		ws := strings.Fields(bp.phrase)
		idx[ws[0]] = append(idx[ws[0]], indexedPhrase{ws, bp})
	}
	return idx
}()

// indexedPhrase is a body phrase split into words.
type indexedPhrase struct {
	words []string
	bodyPhrase
}

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
	var best *indexedPhrase
	bestN := 0
	for ci := range cands {
		c := &cands[ci]
		ws := c.words
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
		if w == len(ws) && (best == nil || len(ws) > len(best.words)) {
			best, bestN = c, k-i
		}
	}
	if best == nil || best.ok != nil && !best.ok(its, i, bestN) {
		return "", 0
	}
	return best.code, bestN
}

// The context rules of body names (see contextRule) reject body words
// used for something else: a lower-case "house" that is a building,
// "peers" as equals, a council or assembly of a city.

// nameCapitalized: "the Senate", "the Commons", "National Assembly".
func nameCapitalized(its []item, i, n int) bool {
	t := its[i].text
	return t != "" && t[0] >= 'A' && t[0] <= 'Z'
}

// wordBefore is the lowercase word before its[i], "" at the start.
func wordBefore(its []item, i int) string {
	if i > 0 {
		return its[i-1].lw
	}
	return ""
}

// bareHouse: "the House", "the chamber"; not "a house", "White House".
func bareHouse(its []item, i, n int) bool {
	prev := wordBefore(its, i)
	return (nameCapitalized(its, i, n) || its[i].lw == "chamber") && (prev == "the" || prev == "whole")
}

// bareCouncil: "the Council", "the 193-nation assembly", "the 15-member
// council"; not a city's, a region's or the European one.
func bareCouncil(its []item, i, n int) bool {
	prev := wordBefore(its, i)
	switch prev {
	case "city", "town", "county", "local", "national", "regional", "legislative", "european":
		return false
	}
	return prev == "the" || prev == "'s" || strings.HasSuffix(prev, "-member") || strings.HasSuffix(prev, "-nation") ||
		strings.HasSuffix(prev, "-country") || strings.HasSuffix(prev, "-state") || nameCapitalized(its, i, n)
}

// notEuropean: a parliament that is not the European one.
func notEuropean(its []item, i, n int) bool {
	return wordBefore(its, i) != "european"
}

// afterDeterminer: "the upper house", "Japan's upper house", "its kindUpper
// chamber".
func afterDeterminer(its []item, i, n int) bool {
	prev := wordBefore(its, i)
	return prev == "the" || prev == "'s" || prev == "its"
}

// peersNameLords: "peers" is the House of Lords at the start of a
// clause, after "the", or before a vote verb ("peers voted", "peers
// defeated the government").
func peersNameLords(its []item, i, n int) bool {
	prev, next := wordBefore(its, i), ""
	if i+n < len(its) {
		next = its[i+n].lw
	}
	return prev == "the" || prev == "" || strings.HasPrefix(next, "vot") || anyWord(its, i+n, "defeated", "backed", "rejected", "approved", "passed", "inflicted")
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

// seatsNamed returns the number of members the text gives a body named
// by the n items at its[i]: "the council's 47 member states", "the
// 15-member council"; 0 when it gives none.
func seatsNamed(its []item, i, n int) int {
	if j := i + n; anyWord(its, j, "'s") && j+2 < len(its) && anyWord(its, j+2, memberCountNouns...) {
		if v, ok := itemNumber(its[j+1]); ok {
			return v
		}
	}
	if i > 0 {
		if num, ok := strings.CutSuffix(its[i-1].lw, "-member"); ok {
			if v, ok := itemNumber(item{text: num, lw: num}); ok {
				return v
			}
		}
	}
	return 0
}
