package extract

import "github.com/tally-news/tally/extract/actors"

// qualifiedBody returns the code of a chamber named with its country, and
// whether the name was qualified: "House of Commons of Canada", "the
// Italian Senate", "Hungary's parliament".
//
// ownerBefore is the country last named before the sentence, which "its"
// stands for.
func qualifiedBody(its []item, i, n int, code, ownerBefore string) (string, bool) {
	x := chambers()
	form, ok := x.forms[code]
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
	case i+n+2 < len(its) && its[i+n].lw == "of" && its[i+n+1].lw == "the" && its[i+n+2].isActor() && its[i+n+2].kind != actors.Leader:
		// "the upper house of the Italian parliament".
		country = its[i+n+2].actor
	default:
		country = governmentIn(its, i)
	}
	if country == "" || actors.Alpha2(country) == "" {
		return code, false
	}
	return x.countryChamber(country, form), true
}

// bodyResolver resolves body references against the bodies an article
// named before them. Its zero value resolves with no knowledge of the
// article.
type bodyResolver struct {
	// lowerDefault is the lower chamber "the House" means when the
	// article has named none: US_HOUSE in American politics, UK_COMMONS
	// in British.
	lowerDefault string
	// lastCouncil is the last body named that "the Council" means.
	lastCouncil string
	// lastAssembly is the last body named that "the Assembly" means.
	lastAssembly string
	// lastBoard is the last board named, which "the board" means.
	lastBoard string
	// lastHouse is what "the House" means after the last chamber named
	// that answers to it.
	lastHouse string
	// lastParliament is the last chamber named, which "the parliament"
	// means.
	lastParliament string
	// country3 is the alpha-3 code of the country whose parliament the
	// article named by country: after "Canada's House of Commons", a bare
	// "House of Commons" is CA_COMMONS and "the Senate" CA_SENATE.
	country3 string
	// country is country3's alpha-2 code; the two are set together.
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
	if c := chambers().byCode[out]; c != nil && c.Kind == kindUpper {
		r.lastUpper = out
	}
	return out
}

// reference resolves a bare reference ("the Council", "the upper house")
// against the bodies named before it, and reports whether it did; a
// reference it leaves (a plain "the lower house" in a story about a
// country) is resolved as that country's chamber.
func (r *bodyResolver) reference(code string) (string, bool) {
	x := chambers()
	switch code {
	case refCouncil:
		if r.lastCouncil != "" {
			return r.lastCouncil, true
		}
		return x.bareDefault[refCouncil], true
	case refAssembly:
		if r.lastAssembly != "" {
			return r.lastAssembly, true
		}
		return x.bareDefault[refAssembly], true
	case refHouse:
		if r.lastLower != "" {
			return r.lastLower, true
		}
		if r.lastHouse == "" && r.lastParliament == "" && r.lowerDefault != "" {
			return r.lowerDefault, true
		}
		if r.lastHouse != "" {
			return r.lastHouse, true
		}
		return r.lastParliament, true
	case refBoard:
		return r.lastBoard, true
	case refParliament, refNational:
		return r.lastParliament, true
	case refLower:
		// "the lower house": the lower chamber named before, or the one
		// of the country the text is about (resolveCode).
		if r.lastLower != "" {
			return r.lastLower, true
		}
		if r.country3 == "" {
			return r.lowerDefault, true
		}
	case refDeputies:
		// "the Chamber of Deputies" of the country the text is about
		// (resolveCode), else as "the chamber".
		if r.country3 == "" {
			return r.resolveCode(refHouse), true
		}
	case refUpper:
		// "the upper house": the upper chamber named before, or the
		// one of the country the text is about.
		switch {
		case r.lastUpper != "":
			return r.lastUpper, true
		case r.country3 != "":
			return x.countryChamber(r.country3, x.forms[refUpper]), true
		}
		// With no country, the plain Senate.
		return x.forms[refUpper].Plains[0], true
	}
	return code, false
}

// resolveCode returns the code a body item stands for and records it.
func (r *bodyResolver) resolveCode(code string) string {
	if out, ok := r.reference(code); ok {
		return out
	}
	x := chambers()
	// A chamber's plain name ("the Senate") in a story about another
	// country's parliament is that country's; so is "the lower house".
	if f, ok := x.forms[code]; ok && r.country3 != "" {
		code = x.countryChamber(r.country3, f)
	}
	c := x.byCode[code]
	if c == nil {
		r.lastParliament = code
		return code
	}
	// A country's own chamber makes the shared names that follow its
	// country's: after "Spain's Congress of Deputies", "the Senate" is
	// Spain's.
	if c.Kind.national() && !x.plain[code] {
		r.country, r.country3 = actors.Alpha2(c.Country), c.Country
	}
	r.named(c)
	return code
}

// named records a body the text named for the references after it.
func (r *bodyResolver) named(c *chamber) {
	if c.answers(refCouncil) {
		r.lastCouncil = c.Code
	}
	if c.answers(refAssembly) {
		r.lastAssembly = c.Code
	}
	if c.answers(refBoard) {
		r.lastBoard = c.Code
	}
	if c.answers(refParliament) {
		r.lastParliament = c.Code
	}
	if c.answers(refHouse) {
		r.lastHouse = c.houseMeans()
		if c.Kind == kindLower {
			r.lastLower = c.Code
		}
	}
}

// governmentIn returns the country whose government the sentence names
// before a chamber at its[i] that the government acts in: "The Italian
// government won a confidence motion in the Senate". "" when the chamber
// does not follow "in the" or no government is named with its country.
func governmentIn(its []item, i int) string {
	if !anyWord(its, i-1, "the") || !anyWord(its, i-2, "in") {
		return ""
	}
	for k := i - 3; k > 0; k-- {
		if anyWord(its, k, governmentNouns...) && its[k-1].isActor() {
			return its[k-1].actor
		}
		if anyWord(its, k, governmentNouns...) && k > 1 && its[k-1].lw == "'s" && its[k-2].isActor() {
			return its[k-2].actor
		}
	}
	return ""
}
