package actors

import "strings"

// Leaders returns the offices the text names for a country or bloc, each
// as a mention of kind Leader whose Code is the country or bloc and whose
// span covers the country and the office: "French President", "Russia's
// foreign minister", "US Secretary of State", "the President of France",
// "the representative of Mozambique", "NATO Secretary General". A person
// named only by title ("President Donald Trump") is not resolved: the
// text must name the office with its country. An office held before
// ("former French President") is left out. Spans never overlap: where
// two would ("the African Union envoy of Chad"), the first is kept.
//
// Callers use Leaders to let a head of state or government, a minister
// or an envoy stand for their country.
func Leaders(text string) []Mention {
	toks, hits := find(text)
	defer putTokens(toks)
	var out []Mention
	end := 0 // end of the last leader: spans never overlap
	for _, h := range hits {
		m, ok := officeAfter(text, toks, h)
		if !ok {
			m, ok = officeBefore(text, toks, h)
		}
		if ok && m.Start >= end {
			out = append(out, m)
			end = m.End
		}
	}
	return out
}

// officeAfter finds "<country> office" and "<country>'s office".
func officeAfter(text string, toks []token, h hit) (Mention, bool) {
	if former(toks, h.i) {
		return Mention{}, false
	}
	n := h.j
	if n+1 < len(toks) && toks[n].class == classApos && toks[n+1].key == "s" {
		n += 2
	} else if n < len(toks) && toks[n].class == classDash {
		return Mention{}, false // "US-backed"
	}
	// "Russia's new foreign minister", "US acting ambassador".
	for n < len(toks) && officeModifiers[strings.ToLower(toks[n].key)] {
		n++
	}
	end := matchOffice(toks, n)
	if end < 0 {
		return Mention{}, false
	}
	start, stop := int(toks[h.i].start), int(toks[end-1].end)
	return Mention{Code: h.Code, Start: start, End: stop, Text: text[start:stop], Kind: Leader}, true
}

// officeBefore finds "office of <country>" and "office of the
// <country>".
func officeBefore(text string, toks []token, h hit) (Mention, bool) {
	p := h.i - 1
	if p >= 0 && (toks[p].key == "the" || toks[p].key == "The") {
		p--
	}
	if p < 1 || toks[p].key != "of" {
		return Mention{}, false
	}
	// Offices are at most four words long; try each start.
	for s := p - 1; s >= 0 && s >= p-4; s-- {
		if toks[s].class != classWord {
			break
		}
		if matchOffice(toks, s) == p && !former(toks, s) {
			start, stop := int(toks[s].start), int(toks[h.j-1].end)
			return Mention{Code: h.Code, Start: start, End: stop, Text: text[start:stop], Kind: Leader}, true
		}
	}
	return Mention{}, false
}

// former reports "former" or "ex-" before token i.
func former(toks []token, i int) bool {
	p := i - 1
	if p >= 0 && toks[p].class == classDash {
		p--
	}
	if p >= 0 && (toks[p].key == "the" || toks[p].key == "The") {
		p--
	}
	if !isWord(toks, p) {
		return false
	}
	switch strings.ToLower(toks[p].key) {
	case "former", "ex", "late", "then":
		return true
	}
	return false
}

// matchOffice returns the end of the longest office phrase starting at
// token i, or -1. Offices match in any case ("Foreign Minister",
// "foreign minister").
func matchOffice(toks []token, i int) int {
	best := -1
	for _, phrase := range officePhrases {
		j := i
		ok := true
		for _, w := range phrase {
			if j >= len(toks) || !strings.EqualFold(toks[j].key, w) {
				ok = false
				break
			}
			j++
		}
		if ok && j > best {
			best = j
		}
	}
	return best
}

// officeModifiers may stand between a country and its office.
var officeModifiers = set("new", "acting", "interim", "incoming", "current", "top", "chief", "deputy", "vice",
	"un", "u.n.", "senior")

// officePhrases are offices that speak or act for a country or bloc.
var officePhrases = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "crown prince",
		"sultan", "supreme leader", "leader", "head of state", "head of government", "government",
		"foreign minister", "foreign secretary", "foreign ministry", "foreign office",
		"minister of foreign affairs", "ministry of foreign affairs", "secretary of state",
		"state department", "defence minister", "defense minister", "defence secretary",
		"defense secretary", "defence ministry", "defense ministry", "ambassador", "envoy",
		"representative", "permanent representative", "delegate", "delegation", "mission",
		"spokesman", "spokeswoman", "spokesperson", "national security adviser",
		"national security advisor", "high representative", "secretary general", "secretary-general",
		"foreign policy chief", "commission president", "administration", "cabinet", "authorities",
		"officials", "diplomats",
		// An envoy to the UN: "US Ambassador to the UN Linda
		// Thomas-Greenfield".
		"ambassador to the un", "ambassador to the united nations", "envoy to the un",
		"envoy to the united nations", "representative to the un", "representative to the united nations",
	} {
		out = append(out, tokenKeys(p))
	}
	return out
}()

// tokenKeys splits a phrase into token keys.
func tokenKeys(phrase string) []string {
	var out []string
	for _, t := range tokenize(phrase, nil) {
		out = append(out, t.key)
	}
	return out
}
