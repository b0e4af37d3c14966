package extract

import (
	"sync"

	"github.com/tally-news/tally/extract/actors"
)

// This file is the one table of deciding bodies. Each body is one row;
// the phrase index, the context checks and everything the resolver
// (resolve.go) knows about a chamber are derived from the rows once.
//
// To add a chamber: add its row to chamberTable, its code to the README's
// list of body codes, and a sentence that names it to TestChambers.

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
	refLower      = "ref:lower-house"
	refDeputies   = "ref:chamber-of-deputies"
	refBoard      = "ref:board"
)

// chamberKind says what sort of body a row is.
type chamberKind int

const (
	// kindInternational: UN organs, regional organisations, boards of
	// international agencies.
	kindInternational chamberKind = iota
	// kindLower: the lower chamber of a two-chamber parliament.
	kindLower
	// kindUpper: the upper chamber of a two-chamber parliament.
	kindUpper
	// kindUnicameral: a single-chamber parliament, or a parliament named
	// as a whole.
	kindUnicameral
)

// national reports whether the kind is a country's chamber.
func (k chamberKind) national() bool { return k != kindInternational }

// contextRule reports whether the n items at its[i] that spell a body's
// name are used as that name: "the Senate", not "a senate of elders".
type contextRule func(its []item, i, n int) bool

// chamber is one deciding body.
type chamber struct {
	// Code is the body code records carry.
	Code string
	// Country is the alpha-3 code of the chamber's country; "" for
	// international bodies.
	Country string
	Kind    chamberKind
	// Names are its lowercase names, as whole words: "house of
	// commons", "commons".
	Names []string
	// Capital, when set, makes its names count only when written with a
	// capital: "the Senate", "the Commons".
	Capital bool
	// Members are nouns for its members as people that name it: "mps",
	// "senators".
	Members []string
	// MembersOK, when set, says when a member noun names it: "peers" is
	// also a word for equals.
	MembersOK contextRule
	// Forms are the shared chamber names ("HOUSE", "SENATE", see
	// chamberForms) under which this row is its country's chamber: "the
	// House of Commons" in a story about Britain is UK_COMMONS.
	Forms []string
	// Legislature marks the chamber that "the parliament of" its
	// country means: "Israel's parliament" is the Knesset.
	Legislature bool
	// Bare are the bare references ("the Council", "the Assembly", "the
	// House", "the parliament") that mean this body once the text has
	// named it. Every national chamber is what "the parliament" means
	// after it; the first row answering "the Council" or "the
	// Assembly" is what they mean before any is named.
	Bare []string
	// House is what a bare "the House" means once this chamber is
	// named, when that is another chamber: in American usage the House
	// of Representatives, even right after the Senate.
	House string
	// Veto lists the actors that hold a veto in the body.
	Veto []string
	// Seats is how many members an international body has, by which a
	// bare reference names it: "the council's 47 member states" is the
	// Human Rights Council.
	Seats int

	// derived marks a chamber made from a form for a country the table
	// has no row for ("Canada's House of Commons" is CA_COMMONS).
	derived bool
}

// chamberTable holds every body the extractors know by name.
var chamberTable = []chamber{
	// The UN and other international bodies. The first body answering
	// "the Assembly" and the first answering "the Council" are what
	// those words mean before the text names any.
	{Code: BodyUNGA, Kind: kindInternational, Bare: []string{refAssembly}, Seats: 193,
		Names: []string{"un general assembly", "u.n. general assembly", "united nations general assembly", "general assembly", "unga",
			"first committee", "second committee", "third committee", "fourth committee", "fifth committee", "sixth committee"}},
	{Code: BodyUNSC, Kind: kindInternational, Bare: []string{refCouncil}, Seats: 15,
		Names: []string{"un security council", "u.n. security council", "united nations security council", "security council", "unsc"},
		Veto:  []string{"CHN", "FRA", "RUS", "GBR", "USA"}},
	{Code: BodyUNHRC, Kind: kindInternational, Bare: []string{refCouncil}, Seats: 47,
		Names: []string{"un human rights council", "human rights council", "unhrc"}},
	{Code: BodyAU, Kind: kindInternational, Bare: []string{refCouncil}, Seats: 15,
		Names: []string{"peace and security council"}},
	{Code: BodyEUCouncil, Kind: kindInternational, Bare: []string{refCouncil},
		Names: []string{"council of the european union", "council of the eu", "eu council"}},
	{Code: BodyEP, Kind: kindInternational, Bare: []string{refParliament},
		Names: []string{"european parliament"}, Members: []string{"meps"}},
	{Code: "IAEA_BOARD", Kind: kindInternational, Bare: []string{refBoard}, Seats: 35,
		Names: []string{"iaea board of governors", "board of governors", "iaea board"}},
	{Code: "WHO_ASSEMBLY", Kind: kindInternational, Bare: []string{refAssembly},
		Names: []string{"world health assembly", "world health organization 's assembly", "world health organisation 's assembly"}},
	{Code: "UNESCO_BOARD", Kind: kindInternational, Bare: []string{refBoard},
		Names: []string{"unesco executive board", "unesco 's executive board", "executive board of unesco", "unesco board"}},
	{Code: "OAS", Kind: kindInternational, Bare: []string{refCouncil, refAssembly},
		Names: []string{"organization of american states", "oas", "oas permanent council", "oas general assembly",
			"permanent council of the organization of american states", "general assembly of the organization of american states"}},
	{Code: "OPCW_COUNCIL", Kind: kindInternational, Bare: []string{refCouncil},
		Names: []string{"opcw executive council", "opcw 's executive council", "opcw council", "executive council of the opcw",
			"executive council of the organisation for the prohibition of chemical weapons",
			"executive council of the organization for the prohibition of chemical weapons"}},
	{Code: "ICAO_COUNCIL", Kind: kindInternational, Bare: []string{refCouncil},
		Names: []string{"icao council", "icao 's council", "council of the icao",
			"council of the international civil aviation organization", "council of the international civil aviation organisation"}},

	// Britain and the United States: what the shared chamber names mean
	// when no other country is named.
	{Code: BodyUKCommons, Country: "GBR", Kind: kindLower, Forms: []string{"COMMONS"}, Legislature: true, Bare: []string{refHouse},
		Names: []string{"house of commons", "commons"}, Capital: true, Members: []string{"mps"}},
	{Code: BodyUKLords, Country: "GBR", Kind: kindUpper, Forms: []string{"LORDS"}, Bare: []string{refHouse},
		Names: []string{"house of lords", "lords"}, Capital: true, Members: []string{"peers"}, MembersOK: peersNameLords},
	{Code: BodyUSSenate, Country: "USA", Kind: kindUpper, Forms: []string{"SENATE"}, Bare: []string{refHouse}, House: BodyUSHouse,
		Names: []string{"u.s. senate", "us senate", "senate"}, Capital: true, Members: []string{"senators"}},
	{Code: BodyUSHouse, Country: "USA", Kind: kindLower, Forms: []string{"HOUSE"}, Bare: []string{refHouse},
		Names: []string{"house of representatives"}},

	// Chambers known by their own name.
	{Code: "DE_BUNDESTAG", Country: "DEU", Kind: kindLower, Legislature: true, Names: []string{"bundestag"}},
	{Code: "DE_BUNDESRAT", Country: "DEU", Kind: kindUpper, Names: []string{"bundesrat"}},
	{Code: "IL_KNESSET", Country: "ISR", Kind: kindUnicameral, Legislature: true, Names: []string{"knesset"}},
	{Code: "RU_DUMA", Country: "RUS", Kind: kindLower, Legislature: true, Names: []string{"state duma", "duma"}},
	{Code: "UA_RADA", Country: "UKR", Kind: kindUnicameral, Legislature: true, Names: []string{"verkhovna rada", "rada"}},
	{Code: "IN_LOK_SABHA", Country: "IND", Kind: kindLower, Legislature: true, Names: []string{"lok sabha"}},
	{Code: "IN_RAJYA_SABHA", Country: "IND", Kind: kindUpper, Names: []string{"rajya sabha"}},
	{Code: "IE_DAIL", Country: "IRL", Kind: kindLower, Legislature: true, Names: []string{"dáil", "dail"}},
	{Code: "PL_SEJM", Country: "POL", Kind: kindLower, Legislature: true, Names: []string{"sejm"}},
	{Code: "SE_RIKSDAG", Country: "SWE", Kind: kindUnicameral, Legislature: true, Names: []string{"riksdag"}},
	{Code: "NO_STORTING", Country: "NOR", Kind: kindUnicameral, Legislature: true, Names: []string{"storting"}},
	{Code: "DK_FOLKETING", Country: "DNK", Kind: kindUnicameral, Legislature: true, Names: []string{"folketing"}},
	// Japan's Diet: the House of Representatives, which the project
	// codes as the Diet ("Japan's parliament"), and the House of
	// Councillors.
	{Code: "JP_DIET", Country: "JPN", Kind: kindLower, Forms: []string{"HOUSE"}, Legislature: true, Bare: []string{refHouse},
		Names: []string{"national diet", "diet"}, Capital: true},
	{Code: "JP_COUNCILLORS", Country: "JPN", Kind: kindUpper, Bare: []string{refHouse},
		Names: []string{"house of councillors", "house of councilors"}},
	{Code: "ES_CONGRESS", Country: "ESP", Kind: kindLower, Legislature: true,
		Names: []string{"congress of deputies"}},
	{Code: "ES_SENATE", Country: "ESP", Kind: kindUpper, Forms: []string{"SENATE"}},
	{Code: "BR_CHAMBER", Country: "BRA", Kind: kindLower, Forms: []string{"CHAMBER"}, Legislature: true},
	{Code: "BR_SENATE", Country: "BRA", Kind: kindUpper, Forms: []string{"SENATE"}, Bare: []string{refHouse},
		Names: []string{"federal senate"}, Capital: true},
	{Code: "ZA_ASSEMBLY", Country: "ZAF", Kind: kindLower, Forms: []string{"ASSEMBLY"}, Legislature: true},
	{Code: "PH_SENATE", Country: "PHL", Kind: kindUpper, Forms: []string{"SENATE"}, Bare: []string{refHouse}},
	{Code: "PH_HOUSE", Country: "PHL", Kind: kindLower, Forms: []string{"HOUSE"}, Legislature: true, Bare: []string{refHouse}},
	{Code: "KR_ASSEMBLY", Country: "KOR", Kind: kindUnicameral, Forms: []string{"ASSEMBLY"}, Legislature: true},
	{Code: "NZ_HOUSE", Country: "NZL", Kind: kindUnicameral, Forms: []string{"HOUSE"}, Legislature: true, Bare: []string{refHouse}},
	{Code: "NL_HOUSE", Country: "NLD", Kind: kindLower, Forms: []string{"HOUSE"}, Legislature: true, Bare: []string{refHouse},
		Names: []string{"tweede kamer"}},
	{Code: "KE_ASSEMBLY", Country: "KEN", Kind: kindLower, Forms: []string{"ASSEMBLY"}, Legislature: true},
	{Code: "GR_PARLIAMENT", Country: "GRC", Kind: kindUnicameral, Forms: []string{"PARLIAMENT"}, Legislature: true,
		Names: []string{"hellenic parliament"}},
}

// chamberForm is a chamber name many countries share. Named with a
// country ("Canada's House of Commons", "the Italian Senate", "Hungary's
// parliament"), it is that country's row listing the form, else its
// legislature (for a lower or single chamber) or its upper chamber, else
// a chamber made for it: the country's alpha-2 code, "_" and the form
// (CA_COMMONS, IT_SENATE, HU_PARLIAMENT).
type chamberForm struct {
	Form string
	// Plains are the codes of the form's names with no country:
	// UK_COMMONS for "the House of Commons", refParliament for
	// "parliament"; the first is what the form means with no country.
	Plains []string
	// Kind is the kind of the chambers made from the form.
	Kind chamberKind
	// House marks forms whose chambers a bare "the House" means.
	House bool
}

// chamberForms are the shared chamber names.
var chamberForms = []chamberForm{
	{Form: "COMMONS", Plains: []string{BodyUKCommons}, Kind: kindLower, House: true},
	{Form: "LORDS", Plains: []string{BodyUKLords}, Kind: kindUpper, House: true},
	{Form: "SENATE", Plains: []string{BodyUSSenate, refUpper}, Kind: kindUpper, House: true},
	{Form: "HOUSE", Plains: []string{BodyUSHouse, refLower}, Kind: kindLower, House: true},
	{Form: "PARLIAMENT", Plains: []string{refParliament}, Kind: kindUnicameral},
	{Form: "ASSEMBLY", Plains: []string{refNational}, Kind: kindUnicameral},
	{Form: "CHAMBER", Plains: []string{refDeputies}, Kind: kindLower, House: true},
}

// bareReference is a phrase that names no body by itself ("the
// Council", "the upper house"): the resolver finds what it means.
type bareReference struct {
	ref   string
	names []string
	ok    contextRule
	// members marks nouns for members as people: "lawmakers".
	members bool
}

// bareReferences are the bare references and when their words are one.
var bareReferences = []bareReference{
	{ref: refUpper, names: []string{"upper house", "upper chamber"}, ok: afterDeterminer},
	{ref: refLower, names: []string{"lower house", "lower chamber"}, ok: afterDeterminer},
	{ref: refDeputies, names: []string{"chamber of deputies"}, ok: nameCapitalized},
	{ref: refBoard, names: []string{"board"}, ok: afterDeterminer},
	{ref: refNational, names: []string{"national assembly"}, ok: nameCapitalized},
	{ref: refCouncil, names: []string{"council"}, ok: bareCouncil},
	{ref: refAssembly, names: []string{"assembly"}, ok: bareCouncil},
	{ref: refHouse, names: []string{"house", "chamber"}, ok: bareHouse},
	{ref: refParliament, names: []string{"parliament"}, ok: notEuropean},
	{ref: refParliament, names: []string{"lawmakers", "legislators", "parliamentarians"}, ok: notEuropean, members: true},
}

// bodyPhrase is one name of a body and when it is one.
type bodyPhrase struct {
	phrase string
	code   string
	ok     contextRule // nil: always
}

// bodyPhrases are the lowercase names of deciding bodies and bare
// references, with their codes, from the table.
var bodyPhrases = func() []bodyPhrase {
	var out []bodyPhrase
	for _, c := range chamberTable {
		var ok contextRule
		if c.Capital {
			ok = nameCapitalized
		}
		for _, p := range c.Names {
			out = append(out, bodyPhrase{p, c.Code, ok})
		}
		for _, p := range c.Members {
			out = append(out, bodyPhrase{p, c.Code, c.MembersOK})
		}
	}
	for _, b := range bareReferences {
		for _, p := range b.names {
			out = append(out, bodyPhrase{p, b.ref, b.ok})
		}
	}
	return out
}()

// chamberIndex holds what the resolver looks up, derived from the table
// once.
type chamberIndex struct {
	// byCode holds the rows and, for every country, the chambers made
	// from each form.
	byCode map[string]*chamber
	// forms maps a form's plain codes to the form.
	forms map[string]chamberForm
	// plain holds the rows that are what a form means with no country
	// (UK_COMMONS, US_SENATE).
	plain map[string]bool
	// byForm maps a country's alpha-3 code and a form to its row.
	byForm map[[2]string]*chamber
	// legislature and upperOf map a country's alpha-3 code to the
	// chamber "its parliament" and "its upper house" mean.
	legislature map[string]*chamber
	upperOf     map[string]*chamber
	// bareDefault maps "the Council" and "the Assembly" to what they
	// mean before the text names a body they could stand for.
	bareDefault map[string]string
}

// chambers returns the index, built on first use.
var chambers = sync.OnceValue(func() *chamberIndex {
	x := &chamberIndex{
		byCode:      map[string]*chamber{},
		forms:       map[string]chamberForm{},
		plain:       map[string]bool{},
		byForm:      map[[2]string]*chamber{},
		legislature: map[string]*chamber{},
		upperOf:     map[string]*chamber{},
		bareDefault: map[string]string{},
	}
	for i := range chamberTable {
		c := &chamberTable[i]
		x.byCode[c.Code] = c
		for _, f := range c.Forms {
			x.byForm[[2]string{c.Country, f}] = c
		}
		if c.Legislature {
			x.legislature[c.Country] = c
		}
		if c.Kind == kindUpper {
			x.upperOf[c.Country] = c
		}
		for _, b := range c.Bare {
			if x.bareDefault[b] == "" {
				x.bareDefault[b] = c.Code
			}
		}
	}
	for _, f := range chamberForms {
		for _, p := range f.Plains {
			x.forms[p] = f
		}
		x.plain[f.Plains[0]] = true
	}
	for _, country := range actors.Codes() {
		a2 := actors.Alpha2(country)
		if a2 == "" {
			continue
		}
		for _, f := range chamberForms {
			code := a2 + "_" + f.Form
			if x.byCode[code] != nil {
				continue
			}
			c := &chamber{Code: code, Country: country, Kind: f.Kind, derived: true}
			if f.House {
				c.Bare = []string{refHouse}
			}
			x.byCode[code] = c
		}
	}
	return x
})

// countryChamber returns the code of the chamber a form names in a
// country (alpha-3), as chamberForm describes.
func (x *chamberIndex) countryChamber(country string, f chamberForm) string {
	if c := x.byForm[[2]string{country, f.Form}]; c != nil {
		return c.Code
	}
	if c := x.legislature[country]; c != nil && f.Kind != kindUpper {
		return c.Code
	}
	if c := x.upperOf[country]; c != nil && f.Kind == kindUpper {
		return c.Code
	}
	return actors.Alpha2(country) + "_" + f.Form
}

// answers reports whether a body is what a bare reference means once it
// is named.
func (c *chamber) answers(ref string) bool {
	if ref == refParliament && c.Kind.national() {
		return true
	}
	for _, b := range c.Bare {
		if b == ref {
			return true
		}
	}
	return false
}

// houseMeans is what a bare "the House" means once c is named.
func (c *chamber) houseMeans() string {
	if c.House != "" {
		return c.House
	}
	return c.Code
}

// vetoHolders returns the actors that hold a veto in a body: the
// Security Council's permanent members.
func vetoHolders(body string) map[string]bool {
	c := chambers().byCode[body]
	if c == nil || len(c.Veto) == 0 {
		return nil
	}
	out := make(map[string]bool, len(c.Veto))
	for _, a := range c.Veto {
		out[a] = true
	}
	return out
}

// chamberMemberNouns returns the member nouns of the table's rows and
// the bare references for members of a parliament: "mps", "senators",
// "lawmakers".
func chamberMemberNouns() map[string]bool {
	out := map[string]bool{}
	for _, c := range chamberTable {
		for _, m := range c.Members {
			out[m] = true
		}
	}
	for _, b := range bareReferences {
		if b.members {
			for _, p := range b.names {
				out[p] = true
			}
		}
	}
	return out
}

// bodyWithSeats returns the international body a bare reference means
// when the text gives its number of members ("the council's 47 member
// states"), "" when no row or more than one has that many (the Security
// Council and the African Union's Peace and Security Council both have
// 15): the reference is then resolved as any other.
func bodyWithSeats(ref string, seats int) string {
	found := ""
	for _, c := range chamberTable {
		if c.Seats == seats && c.answers(ref) {
			if found != "" {
				return ""
			}
			found = c.Code
		}
	}
	return found
}
