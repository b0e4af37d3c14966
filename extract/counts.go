package extract

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/tally-news/tally/extract/nlp"
)

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true,
}

// currencyBefore marks money when it stands just before a number.
var currencyBefore = map[string]bool{
	"$": true, "£": true, "€": true, "¥": true, "₹": true, "₽": true, "us$": true,
	"usd": true, "eur": true, "gbp": true, "rs": true, "c$": true, "a$": true,
}

// notCountAfter marks a number as a percentage, money, a time or a measure
// that is not a count when it stands just after it.
var notCountAfter = map[string]bool{
	"%": true, "percent": true, "per": true, "pc": true, "percentage": true,
	"dollars": true, "dollar": true, "euros": true, "euro": true, "pounds": true,
	"pound": true, "yen": true, "yuan": true, "rupees": true, "roubles": true,
	"rubles": true, "francs": true, "bn": true, "m": true, "cents": true,
	"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true,
	"o'clock": true, "bst": true, "est": true, "cet": true,
}

// currencyWords name money after a number.
var currencyWords = map[string]bool{
	"kroner": true, "krone": true, "kronor": true, "krona": true, "zloty": true,
	"forint": true, "lira": true, "lire": true, "won": true, "rand": true,
	"reais": true, "real": true, "pesos": true, "peso": true, "shekels": true,
	"dinars": true, "dirhams": true, "riyals": true, "rupiah": true, "ringgit": true,
	"baht": true, "naira": true, "shillings": true, "hryvnias": true, "hryvnia": true,
	"roubles": true, "yuan": true, "renminbi": true, "usd": true, "eur": true,
}

// identifierBefore marks a number as an identifier ("resolution 2728",
// "Article 5", "paragraph 1") when the word stands just before it.
var identifierBefore = map[string]bool{
	"resolution": true, "resolutions": true, "no": true, "no.": true, "nos": true,
	"number": true, "paragraph": true, "paragraphs": true, "article": true,
	"articles": true, "section": true, "chapter": true, "clause": true,
	"item": true, "page": true, "pages": true, "rule": true, "annex": true,
	"protocol": true, "decision": true, "document": true, "meeting": true,
	"session": true, "flight": true, "route": true, "room": true, "line": true,
	"phase": true, "level": true, "grade": true, "amendment": true, "bill": true,
	"act": true, "version": true, "season": true, "episode": true, "vol": true,
	"volume": true, "part": true, "stage": true, "title": true, "highway": true,
	"gate": true, "platform": true, "district": true, "squad": true, "code": true,
	"category": true, "figure": true, "table": true, "box": true, "op": true,
	"ward": true, "block": true, "unit": true, "#": true, "covid": true, "covid-": true,
}

// nounModifiers may stand between a number and its counted noun.
var nounModifiers = map[string]bool{
	"more": true, "other": true, "additional": true, "new": true, "further": true,
	"extra": true, "yes": true, "no": true, "aye": true, "nay": true,
	"separate": true, "different": true, "such": true,
}

// talliedAfter marks a number whose noun is elided in a tally: "169 in
// favour to 6 against", "3 for".
var talliedAfter = map[string]bool{"against": true, "in": true, "for": true, "abstaining": true, "abstained": true}

// counts finds the cardinal quantities the text states.
func (d *document) counts() []Count {
	var out []Count
	seen := map[[2]string]int{}
	add := func(c Count) {
		key := [2]string{formatValue(c.Value), c.Unit}
		if _, ok := seen[key]; ok {
			return
		}
		seen[key] = len(out)
		out = append(out, c)
	}
	for si := range d.sents {
		if !d.readAll && !mayHoldNumber(d.sents[si].Text) {
			continue
		}
		toks := d.tokens(si)
		for i := 0; i < len(toks); i++ {
			c, span, ok := d.countAt(toks, i)
			if !ok {
				continue
			}
			// The evidence runs to the counted noun, also where the count
			// leaves the words after it to others ("two of its closest
			// allies").
			evEnd := span
			for k := span; c.Unit != "" && k < len(toks) && k <= span+8; k++ {
				if lemma(toks[k].Text) == c.Unit {
					evEnd = k
					break
				}
			}
			ev := d.evidence(toks[i].Start, toks[evEnd].End)
			c.Evidence = &ev
			add(c)
			for _, extra := range hyphenTally(toks[i].Text) {
				e := ev
				add(Count{Value: extra, Unit: "vote", Evidence: &e})
			}
			i = span
		}
		if !d.readsSentence(si) {
			// No items will be built from it.
			d.release(si)
		}
	}
	// A value found both with and without a unit keeps only the unit.
	withUnit := map[string]bool{}
	for _, c := range out {
		if c.Unit != "" {
			withUnit[formatValue(c.Value)] = true
		}
	}
	kept := out[:0]
	for _, c := range out {
		if c.Unit == "" && withUnit[formatValue(c.Value)] {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// numberWord reports whether a whole word may start a count in words.
func numberWord(w string) bool {
	if n, ok := smallNumbers[w]; ok {
		return n > 0
	}
	_, isTens := tens[w]
	_, isTimes := multiplicatives[w]
	return isTens || isTimes || w == "dozen"
}

// countAt reads a count starting at toks[i]. It returns the count and the
// index of the last token it used.
func (d *document) countAt(toks []nlp.Token, i int) (Count, int, bool) {
	if c, end, ok, done := d.countWordAt(toks, i); done {
		return c, end, ok
	}
	t := toks[i]
	var value float64
	end := i
	if pair := hyphenPair(t.Text); pair != nil && sentenceSpeaksOfVotes(toks) {
		// "passed 52-47": the first number here, the others by
		// hyphenTally.
		return Count{Value: float64(pair[0]), Unit: "vote"}, i, true
	} else if v, ok := digitNumber(t.Text); ok {
		value = v
		if d.notACount(toks, i, v) {
			return Count{}, i, false
		}
	} else if v, unit, ok := numberCompound(t.Text); ok {
		// "193-member", "15-nation", "ten-day".
		if unit != "" {
			return Count{Value: v, Unit: unit}, end, true
		}
		value = v
	} else if v, e, ok := wordCount(toks, i); ok {
		value, end = v, e
	} else {
		return Count{}, i, false
	}
	value, end = scaled(toks, value, end)
	if value != float64(int64(value)) {
		// Fractions of a unit are measures, not counts.
		return Count{}, i, false
	}
	// "14.6 billion kroner", "5 million euros": money after the scale.
	if end+1 < len(toks) && (notCountAfter[lower(toks[end+1].Text)] || currencyWords[lower(toks[end+1].Text)]) {
		return Count{}, i, false
	}
	unit, uend := d.unitAfter(toks, end, value)
	if fractions[unit] || fractions[unit+"s"] {
		// "two thirds" is a share, not a count.
		return Count{}, i, false
	}
	return Count{Value: value, Unit: unit}, max(end, uend), true
}

// countWordAt reads the words that count without a numeral: "twice",
// "once a year", "at least once", "a dozen". done is false when toks[i]
// is none of them.
func (d *document) countWordAt(toks []nlp.Token, i int) (c Count, end int, ok, done bool) {
	w := lower(toks[i].Text)
	prev, next := "", ""
	if i > 0 {
		prev = lower(toks[i-1].Text)
	}
	if i+1 < len(toks) {
		next = lower(toks[i+1].Text)
	}
	if n, ok := multiplicatives[w]; ok && n > 1 {
		return Count{Value: float64(n), Unit: "time"}, i, true, true
	}
	// "once a year", "at least once": a count; "once an ally" is not.
	if w == "once" && (next == "a" && i+2 < len(toks) && periodWords[lower(toks[i+2].Text)] || prev == "least" || prev == "only" || prev == "than") {
		return Count{Value: 1, Unit: "time"}, i, true, true
	}
	if w == "dozen" && (prev == "a" || prev == "one") {
		unit, end := d.unitAfter(toks, i, 12)
		return Count{Value: 12, Unit: unit}, end, true, true
	}
	return Count{}, i, false, false
}

// wordCount reads a number in words at toks[i] that states a count: not
// "one" as a determiner, not zero; "twenty three" joins. "two hundred",
// "a hundred and fifty" are rare in news; the compound forms and digits
// carry most counts.
func wordCount(toks []nlp.Token, i int) (float64, int, bool) {
	n, ok := wordNumber(toks[i].Text)
	if !ok || n == 1 && !oneIsCounted(toks, i) || n == 0 {
		return 0, i, false
	}
	value, end := float64(n), i
	if end+1 < len(toks) {
		if m, ok := wordNumber(toks[end+1].Text); ok && value >= 20 && m < 10 && int(value)%10 == 0 {
			value += float64(m)
			end++
		}
	}
	return value, end, true
}

// scaled applies the scale words after a number ("1.5 million", "two
// thousand", "a dozen") and returns the value and the last token used.
// "8.7 lakh" is 870000, not 869999.9999999999.
func scaled(toks []nlp.Token, value float64, end int) (float64, int) {
	for end+1 < len(toks) {
		nw := lower(toks[end+1].Text)
		if s, ok := scales[nw]; ok {
			value *= s
			end++
			continue
		}
		if nw == "dozen" {
			value *= 12
			end++
			continue
		}
		break
	}
	if r := math.Round(value); math.Abs(value-r) < 1e-6*math.Max(1, r) {
		value = r
	}
	return value, end
}

// periodWords follow "once a".
var periodWords = map[string]bool{"year": true, "month": true, "week": true, "day": true, "decade": true, "session": true}

// fractions name parts, not counted things: "two-thirds".
var fractions = map[string]bool{
	"half": true, "halves": true, "third": true, "thirds": true, "quarter": true,
	"quarters": true, "fourth": true, "fourths": true, "fifth": true, "fifths": true,
	"tenth": true, "tenths": true,
}

// ordinalUnits end compound ordinals: "seventy-eighth".
var ordinalUnits = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true,
}

// numberCompound parses "193-member" or "ten-day" into its value and the
// noun it counts.
func numberCompound(tok string) (float64, string, bool) {
	i := strings.IndexAny(tok, "-\u2010\u2011")
	if i <= 0 || i == len(tok)-1 {
		return 0, "", false
	}
	head, rest := tok[:i], strings.TrimLeft(tok[i:], "-\u2010\u2011")
	if rest == "year-old" || rest == "years-old" {
		// "22-year-old": an age, a count of years.
		if v, ok := digitNumber(head); ok {
			return v, "year", true
		}
		if n, ok := wordNumber(head); ok {
			return float64(n), "year", true
		}
	}
	for _, r := range rest {
		if r < 'a' || r > 'z' {
			return 0, "", false
		}
	}
	if strings.Contains(rest, "-") || rest == "old" || fractions[rest] || ordinalUnits[rest] {
		return 0, "", false
	}
	if v, ok := digitNumber(head); ok {
		return v, lemma(rest), true
	}
	if n, ok := wordNumber(head); ok && n > 1 {
		if _, isUnitWord := smallNumbers[rest]; isUnitWord {
			return 0, "", false
		}
		return float64(n), lemma(rest), true
	}
	return 0, "", false
}

// hyphenTally reads the other numbers of a tally written "93-18" or
// "93-18-65"; the first number is read by countAt.
func hyphenTally(tok string) []float64 {
	parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '\u2013' })
	if len(parts) < 2 || len(parts) > 3 {
		return nil
	}
	var out []float64
	for _, p := range parts[1:] {
		v, ok := digitNumber(p)
		if !ok {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// notACount reports whether the digits at toks[i] are a year, date, time,
// percentage, sum of money or identifier.
func (d *document) notACount(toks []nlp.Token, i int, v float64) bool {
	t := toks[i].Text
	prev, next := "", ""
	if i > 0 {
		prev = lower(toks[i-1].Text)
	}
	if i+1 < len(toks) {
		next = lower(toks[i+1].Text)
	}
	if measureBeside(prev, next) {
		return true
	}
	// "the Group of 77" names a group.
	if prev == "of" && i > 1 && toks[i-2].Text == "Group" {
		return true
	}
	if i+1 < len(toks) && strings.HasPrefix(toks[i+1].Text, ":") {
		return true
	}
	// Years: four digits without a separator, unless a plural noun follows.
	if len(t) == 4 && !strings.Contains(t, ",") && v >= 1000 && v <= 2199 {
		if i+1 < len(toks) && looksPlural(toks[i+1].Text, toks[i+1].Tag) && isNounTag(toks[i+1].Tag) {
			return false
		}
		return true
	}
	// A number in brackets right after a word is a reference or a year.
	if prev == "(" && i+1 < len(toks) && toks[i+1].Text == ")" {
		return true
	}
	// Attached to a slash ("S/RES/2728") or a letter ("G20") it names
	// something.
	if i > 0 && toks[i-1].End == toks[i].Start && (strings.HasSuffix(toks[i-1].Text, "/") || isLetters(toks[i-1].Text)) {
		return true
	}
	return false
}

// measureBeside reports whether the words before and after a number make
// it money, a percentage, a time, an identifier or a date: "$300",
// "45 percent", "Article 5", "25 March".
func measureBeside(prev, next string) bool {
	return currencyBefore[prev] || notCountAfter[next] || currencyWords[next] || identifierBefore[prev] ||
		months[strings.TrimSuffix(prev, ".")] || months[strings.TrimSuffix(next, ".")] ||
		next == "per" || next == "cent" && prev == "per"
}

func isLetters(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// oneIsCounted reports whether the word "one" at toks[i] states a count
// rather than serving as a determiner or pronoun: "only one country", "one
// against", "one abstention".
func oneIsCounted(toks []nlp.Token, i int) bool {
	if i > 0 {
		switch lower(toks[i-1].Text) {
		case "only", "just", "exactly", "but", "than":
			return true
		}
	}
	if i+1 < len(toks) {
		n := lower(toks[i+1].Text)
		if n == "against" || n == "abstention" || n == "vote" || n == "in" && i+2 < len(toks) && strings.HasPrefix(lower(toks[i+2].Text), "favo") {
			return true
		}
	}
	// "by 119 votes to one".
	if i > 1 && lower(toks[i-1].Text) == "to" && (lower(toks[i-2].Text) == "votes" || isDigits(toks[i-2].Text)) {
		return true
	}
	return false
}

func isDigits(s string) bool {
	_, ok := digitNumber(s)
	return ok
}

func isNounTag(tag string) bool { return strings.HasPrefix(tag, "NN") }

// unitAfter finds the noun a number at toks[i] counts: the first plural
// noun of the noun phrase that follows (the first noun for the value 1),
// through "of" for partitives ("two of its closest allies"); "vote" for a
// tally's elided noun ("169 in favour to 6 against").
func (d *document) unitAfter(toks []nlp.Token, i int, value float64) (string, int) {
	j := i + 1
	if j < len(toks) && lower(toks[j].Text) == "of" {
		return partitiveUnit(toks, i)
	}
	if unit, end, ok := nounAfter(toks, i, value); ok {
		return unit, end
	}
	if tallyNoun(toks, i) {
		return "vote", i
	}
	return "", i
}

// partitiveUnit finds the noun a partitive counts: "two of its closest
// allies", through determiners, possessives and adjectives. Its words are
// not used up: "53 of the chamber's 100 seats" holds another count. "a
// majority of 20" counts votes.
func partitiveUnit(toks []nlp.Token, i int) (string, int) {
	j := i + 1
	if partitiveVoters(toks, i) {
		return "vote", i
	}
	for k := j + 1; k < len(toks) && k <= j+6; k++ {
		t := toks[k]
		lw := lower(t.Text)
		if isNounTag(t.Tag) && looksPlural(t.Text, t.Tag) && !strings.HasSuffix(lw, "'s") {
			return lemma(t.Text), i
		}
		if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "POS" || strings.HasPrefix(t.Tag, "JJ") || t.Tag == "NNP" || t.Tag == "NN" || t.Tag == "CD" || lw == "'s" || lw == "the") {
			break
		}
	}
	if prevIs(toks, i, "majority") || prevIs(toks, i-1, "majority") {
		return "vote", i
	}
	return "", i
}

// nounAfter finds the first plural noun of the noun phrase after the
// number at toks[i] (the first noun for the value 1), or "vote" for a
// tally's elided noun ("169 in favour to 6 against"); ok is false when
// the phrase holds none.
func nounAfter(toks []nlp.Token, i int, value float64) (string, int, bool) {
	j := i + 1
	for k := j; k < len(toks) && k <= j+4; k++ {
		t := toks[k]
		lw := lower(t.Text)
		if k == j && (talliedAfter[lw] && elidedTally(toks, k) || elidedVoters(toks, k)) {
			return "vote", i, true
		}
		if nounModifiers[lw] {
			continue
		}
		if isNounTag(t.Tag) && hasLetter(t.Text) || (t.Tag == "" && isLetters(t.Text)) {
			if value != 1 && looksPlural(t.Text, t.Tag) {
				// "1,000 police officers": a plural noun after it is the
				// head.
				if k+1 < len(toks) && toks[k+1].Tag == "NNS" {
					return lemma(toks[k+1].Text), k + 1, true
				}
				return lemma(t.Text), k, true
			}
			if value == 1 && !nextIsNoun(toks, k) {
				return lemma(t.Text), k, true
			}
			continue
		}
		if strings.HasPrefix(t.Tag, "JJ") || t.Tag == "VBN" || t.Tag == "VBD" || t.Tag == "VBG" && nextIsNoun(toks, k) {
			continue
		}
		break
	}
	return "", i, false
}

// tallyNoun reports whether the number at toks[i], with no noun after
// it, counts votes: one of a pair in a vote ("287 to 268"), the second
// number of "by 322 votes to 308", a majority ("a majority of 20"), or
// a side named before it ("Yeas 176", "Nays: 150").
func tallyNoun(toks []nlp.Token, i int) bool {
	j := i + 1
	if j < len(toks) && lower(toks[j].Text) == "to" && j+1 < len(toks) {
		if _, ok := digitNumber(toks[j+1].Text); ok && (sentenceSpeaksOfVotes(toks) || namesStage(toks)) {
			return true
		}
	}
	if i > 1 && lower(toks[i-1].Text) == "to" {
		if _, ok := digitNumber(toks[i-2].Text); ok && (sentenceSpeaksOfVotes(toks) || namesStage(toks)) {
			return true
		}
		for k := i - 2; k >= 0 && k >= i-3; k-- {
			if lower(toks[k].Text) == "votes" || lower(toks[k].Text) == "vote" {
				return true
			}
		}
	}
	if prevIs(toks, i, "majority") || (prevIs(toks, i, "of") && prevIs(toks, i-1, "majority")) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		w := lower(toks[k].Text)
		if _, ok := prefixSides[w]; ok {
			return true
		}
		if w != ":" {
			break
		}
	}
	return false
}

// sentenceSpeaksOfVotes reports whether a sentence's tokens speak of a
// vote (see speaksOfVote).
func sentenceSpeaksOfVotes(toks []nlp.Token) bool {
	return speaksOfVote(len(toks), func(i int) string { return lower(toks[i].Text) }, func(i int) bool { return bodyWord[lower(toks[i].Text)] })
}

// prevIs reports whether the token before toks[i] is word.
func prevIs(toks []nlp.Token, i int, word string) bool {
	return i > 0 && i-1 < len(toks) && lower(toks[i-1].Text) == word
}

func nextIsNoun(toks []nlp.Token, k int) bool {
	return k+1 < len(toks) && isNounTag(toks[k+1].Tag)
}

// elidedTally reports whether toks[k] ("in", "against", "for") starts the
// side of a tally: "in favour", "against", "for" followed by a number, a
// bracket or the end of a clause.
func elidedTally(toks []nlp.Token, k int) bool {
	w := lower(toks[k].Text)
	switch w {
	case "against", "abstaining", "abstained":
		return true
	case "in":
		return k+1 < len(toks) && strings.HasPrefix(lower(toks[k+1].Text), "favo")
	case "for":
		if k+1 >= len(toks) {
			return true
		}
		n := toks[k+1]
		return n.Text == "," || n.Text == "(" || n.Text == ")" || lower(n.Text) == "and" || n.Tag == "TO" || lower(n.Text) == "to"
	}
	return false
}

// elidedVoters reports whether toks[k], right after a number whose noun
// is left out, tells how the counted voted, which makes the number a
// tally: "443 voted in favour", "10 voting against", "107 of them being
// in favour" and, in a sentence about a vote, "85 opposed".
func elidedVoters(toks []nlp.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	w := lower(toks[k].Text)
	if w == "opposed" {
		return sentenceSpeaksOfVotes(toks)
	}
	if !votingVerbs[w] || k+1 >= len(toks) {
		return false
	}
	side := lower(toks[k+1].Text)
	if side == "in" {
		return k+2 < len(toks) && slices.Contains(favourSupport, lower(toks[k+2].Text))
	}
	return w != "being" && votedSides[side]
}

// partitiveVoters reports whether the partitive at toks[i] counts, out
// of a whole named by a pronoun, voters by how they voted, which makes it
// a tally whose noun is left out: "107 of them being in favour", "60 of
// those voting against". Where a noun names the whole ("28 of the 47
// member states voting in favour"), the noun is the unit.
func partitiveVoters(toks []nlp.Token, i int) bool {
	k := i + 2
	return k < len(toks) && (toks[k].Tag == "PRP" || toks[k].Tag == "DT" && !nextIsNoun(toks, k)) && elidedVoters(toks, k+1)
}

// hasLetter reports whether a token holds a letter: a dash tagged as a
// noun is no unit.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// namesStage reports whether a sentence names a stage of a bill, whose
// pairs of numbers are tallies: "completed its second reading by 77 to
// 44", "the committee stage".
func namesStage(toks []nlp.Token) bool {
	for k := 1; k < len(toks); k++ {
		prev := lower(toks[k-1].Text)
		if slices.Contains(stageNouns, lower(toks[k].Text)) && (slices.Contains(stageOrdinals, prev) || prev == "committee") {
			return true
		}
	}
	return false
}
