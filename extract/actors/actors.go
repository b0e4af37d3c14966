// Package actors recognises countries and blocs of countries in English
// news text.
//
// Every ISO 3166-1 country is known by its ISO names (from Debian's
// iso-codes data, see gen.go), the UN's own forms ("Russian Federation",
// "Micronesia (Federated States of)"), short and former names ("US",
// "Britain", "Burma", "Swaziland"), demonyms ("British", "Emirati"),
// capitals and seats of government ("Moscow", "the Kremlin", "Downing
// Street"). Kosovo has the user-assigned code XKX. Blocs (EU, EUROPE,
// NATO, G7, G20, AU, ASEAN, BRICS, ARAB_LEAGUE, OIC) are recognised too and
// are never countries.
//
// Matching is over tokens, longest phrase first, case-sensitive (so the
// pronoun "us" is not the US) except that all-caps text matches ("RUSSIA"),
// with accents, apostrophes and dashes folded ("Cote d'Ivoire" is "Côte
// d’Ivoire"). Context rules, described in rules.go, drop names that do
// not stand for a country: phrases that only contain one ("The
// Washington Post", "New Mexico"), a capital used as a place ("in
// Moscow"), "Georgia" the US state, "Jordan" a person.
//
// The table is built once, on first use, and is read-only afterwards: all
// functions are safe for concurrent use.
package actors

import (
	"slices"
	"strings"
	"sync"
)

// Kind says how an actor was named.
type Kind int

const (
	// FullName is a full or official name: "France", "Russian
	// Federation". (It is not called Name, which is the function that
	// gives a code's display name.)
	FullName Kind = iota + 1
	// ShortName is a short, common, abbreviated or former name: "US",
	// "Britain", "Burma".
	ShortName
	// Demonym is an adjective or a name for the people: "French",
	// "Americans".
	Demonym
	// Capital is a capital or a seat of government standing for the
	// government: "Moscow", "the Kremlin", "the White House".
	Capital
	// Bloc is the name of a bloc: "European Union", "NATO", "European
	// allies".
	Bloc
	// Leader is an office held for a country: "French President",
	// "Russia's foreign minister" (see Leaders).
	Leader
)

var kindNames = [...]string{"unknown", "name", "short name", "demonym", "capital", "bloc", "leader"}

// String returns the kind's name in lower case.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return kindNames[0]
	}
	return kindNames[k]
}

// Mention is one place where a text names a country or a bloc.
type Mention struct {
	// Code is an ISO 3166-1 alpha-3 code, XKX for Kosovo, or a bloc code.
	Code string
	// Start and End are byte offsets in the text, End exclusive.
	Start, End int
	// Text is the surface form, text[Start:End].
	Text string
	// Kind says how the actor was named.
	Kind Kind
}

// Find returns the countries and blocs the text names, in text order,
// without overlaps, the longest phrase winning where phrases overlap.
// It takes time linear in the length of the text.
func Find(text string) []Mention {
	toks, hits := find(text)
	defer putTokens(toks)
	if len(hits) == 0 {
		return nil
	}
	out := make([]Mention, len(hits))
	for k, h := range hits {
		out[k] = h.Mention
	}
	return out
}

// find tokenizes the text and returns its tokens and mentions. The caller
// hands the tokens back with putTokens when done with them.
func find(text string) ([]token, []hit) {
	t := getTable()
	toks := tokenize(text, getTokens(len(text)))
	return toks, shortForms(text, toks, t.elided(text, toks, resolve(text, toks, t.match(toks))))
}

// shortForms adds the bloc institutions a text names in full and then
// by their short form: after "the European Commission", "the
// Commission" is the same body (EU). A short form before the full name,
// or with a name of its own ("the Election Commission"), is not.
func shortForms(text string, toks []token, hits []hit) []hit {
	first := -1 // first token after the first full name
	for _, h := range hits {
		if h.Code == "EU" && strings.EqualFold(h.Text, "European Commission") {
			first = h.j
			break
		}
	}
	if first < 0 {
		return hits
	}
	var added []hit
	k := 0
	for i := first + 1; i < len(toks); i++ {
		if toks[i].key != "Commission" || toks[i-1].key != "the" && toks[i-1].key != "The" {
			continue
		}
		for k < len(hits) && hits[k].j <= i {
			k++
		}
		if k < len(hits) && hits[k].i <= i {
			continue // inside a longer name
		}
		start, end := int(toks[i].start), int(toks[i].end)
		added = append(added, hit{Mention{Code: "EU", Start: start, End: end, Text: text[start:end], Kind: Bloc}, i, i + 1})
	}
	if len(added) == 0 {
		return hits
	}
	out := append(hits, added...)
	slices.SortStableFunc(out, func(a, b hit) int { return a.i - b.i })
	return out
}

// elided adds the countries named by a modifier whose head noun is left
// to the next conjunct: in "North and South Korea" the "North" is North
// Korea, in "South and North Korean troops" the "South" is South Korean.
// The modifier counts only when it and the rest of the phrase after the
// conjunction form a different country of the table; "Sudan and South
// Sudan" and "France and South Africa" add nothing.
func (t *table) elided(text string, toks []token, hits []hit) []hit {
	var out []hit
	prevEnd := 0 // first token after the previous hit
	for k, h := range hits {
		m := h.i - 2
		if h.j-h.i >= 2 && m >= prevEnd && toks[m].class == classWord && toks[m].upper &&
			toks[m].spaceAfter && (toks[h.i-1].key == "and" || toks[h.i-1].key == "or" || toks[h.i-1].key == "&") {
			n, _ := t.step(t.root, &toks[m])
			for x := h.i + 1; n != nil && x < h.j; x++ {
				n, _ = t.step(n, &toks[x])
			}
			if n != nil && n.entry != nil && n.entry.code != "" && n.entry.code != h.Code && !IsBloc(n.entry.code) {
				if out == nil {
					out = append(make([]hit, 0, len(hits)+1), hits[:k]...)
				}
				start, end := int(toks[m].start), int(toks[m].end)
				out = append(out, hit{Mention{Code: n.entry.code, Start: start, End: end, Text: text[start:end], Kind: n.entry.kind}, m, m + 1})
			}
		}
		if out != nil {
			out = append(out, h)
		}
		prevEnd = h.j
	}
	if out == nil {
		return hits
	}
	return out
}

// tokenPool keeps token buffers between calls, so that a steady stream
// of articles does not allocate one per article.
var tokenPool sync.Pool // of *[]token

// maxPooledTokens bounds the buffers kept: a huge input's buffer is left
// to the garbage collector.
const maxPooledTokens = 1 << 16

func getTokens(textLen int) []token {
	// News text runs 5.2 to 5.4 bytes a token (the project's set texts
	// and real texts); a denser text grows the slice as it goes.
	want := textLen/4 + 16
	if p, ok := tokenPool.Get().(*[]token); ok && cap(*p) >= want {
		return (*p)[:0]
	}
	return make([]token, 0, want)
}

func putTokens(toks []token) {
	if cap(toks) > maxPooledTokens {
		return
	}
	clear(toks) // drop the keys, which point into the caller's text
	toks = toks[:0]
	tokenPool.Put(&toks)
}

// Countries returns the distinct country codes the text names, sorted,
// blocs left out: the countries field of a record.
func Countries(text string) []string {
	return countryCodes(Find(text))
}

func countryCodes(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		if !IsBloc(m.Code) && !slices.Contains(out, m.Code) {
			out = append(out, m.Code)
		}
	}
	slices.Sort(out)
	return out
}

// IsBloc reports whether code is one of the bloc codes: EU, EUROPE, NATO,
// G7, G20, AU, ASEAN, BRICS, ARAB_LEAGUE, OIC.
func IsBloc(code string) bool {
	_, ok := getTable().blocs[code]
	return ok
}

// Name returns the English short name of a country or bloc code for
// display ("United States", "Russia", "European Union"), or "" for a code
// it does not know.
func Name(code string) string {
	t := getTable()
	if name, ok := t.blocs[code]; ok {
		return name
	}
	c := t.countries[code]
	switch {
	case c == nil:
		return ""
	case c.display != "":
		return c.display
	case c.common != "":
		return c.common
	}
	return c.name
}

// Codes returns the ISO 3166-1 alpha-3 codes of the table, in order,
// followed by XKX (Kosovo).
func Codes() []string {
	t := getTable()
	out := append([]string(nil), t.order...)
	return append(out, "XKX")
}

// Lookup resolves a surface form found by a caller ("Britain", "the
// Russian Federation", "French") to its code, without context rules. A
// leading "the" is ignored; a country code ("RUS") or bloc code ("EU")
// is returned as it is. Phrases that name no actor ("New Mexico") and
// unknown forms give ok false.
func Lookup(surface string) (code string, ok bool) {
	t := getTable()
	s := stripThe(strings.TrimSpace(surface))
	if _, isBloc := t.blocs[s]; isBloc {
		return s, true
	}
	if _, isCountry := t.countries[s]; isCountry {
		return s, true
	}
	toks := tokenize(s, nil)
	if len(toks) == 0 {
		return "", false
	}
	n := t.root
	for i := range toks {
		n, _ = t.step(n, &toks[i])
		if n == nil {
			return "", false
		}
	}
	if n.entry == nil || n.entry.code == "" {
		return "", false
	}
	return n.entry.code, true
}

// candidate is a phrase of the table found in the tokens, before the
// context rules: tokens [i, j).
type candidate struct {
	i, j    int
	entry   *entry
	variant bool // matched through the all-caps variant of a token
}

// match finds the longest table phrase at each token, left to right.
func (t *table) match(toks []token) []candidate {
	var cands []candidate
	for i := 0; i < len(toks); {
		if toks[i].class != classWord {
			i++
			continue
		}
		n := t.root
		best := candidate{}
		variant := false
		for j := i; j < len(toks) && j-i < t.maxDepth; j++ {
			var v bool
			n, v = t.step(n, &toks[j])
			if n == nil {
				break
			}
			variant = variant || v
			if n.entry != nil {
				best = candidate{i: i, j: j + 1, entry: n.entry, variant: variant}
			}
		}
		if best.entry == nil {
			i++
			continue
		}
		cands = append(cands, best)
		i = best.j
	}
	return cands
}

// step follows one token from n. A token in capitals ("RUSSIA") may also
// follow its title-case ("Russia") or lower-case ("of") form; v reports
// that it did.
func (t *table) step(n *node, tok *token) (next *node, v bool) {
	if next := n.next[tok.key]; next != nil {
		return next, false
	}
	if !tok.caps || len(tok.key) > 64 {
		return nil, false
	}
	var buf [64]byte
	b := append(buf[:0], tok.key...)
	lowerASCII(b)
	if next := n.next[string(b)]; next != nil {
		return next, true
	}
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	if next := n.next[string(b)]; next != nil {
		return next, true
	}
	return nil, false
}

func lowerASCII(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// Alpha2 returns the ISO 3166-1 alpha-2 code of an alpha-3 country code
// ("CAN" gives "CA"), or "" for a code it does not know or a bloc.
func Alpha2(code string) string {
	if c := getTable().countries[code]; c != nil {
		return c.alpha2
	}
	return ""
}
