package extract

import (
	"math"
	"strings"

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
		if !d.readAll && !mayHoldNumber(d.sents[si].Text) || d.skipped != nil && d.skipped[si] {
			continue
		}
		toks := d.tokens(si)
		last := -1 // the token of the sentence's last counted noun
		lastUnit := ""
		for i := 0; i < len(toks); i++ {
			c, span, ok := d.countAt(toks, i)
			if !ok {
				continue
			}
			// A noun the text writes is carried to bare numbers nearby;
			// one the reader supplies (the "vote" of "11 abstained") is not.
			written := c.Unit != "" && (lemma(toks[span].Text) == c.Unit || span == i && strings.ContainsAny(toks[i].Text, "-\u2010\u2011"))
			if c.Unit == "" {
				c.Unit = d.sharedUnit(toks, i, span, last, lastUnit)
				written = c.Unit != ""
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
			if written {
				last, lastUnit = evEnd, c.Unit
			}
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
	} else if v, ok := suffixScaled(t.Text); ok && i+1 < len(toks) && isNounTag(toks[i+1].Tag) && !(i > 0 && currencyBefore[lower(toks[i-1].Text)]) {
		// "some 10.5m people"; "£3bn" is money.
		value = v
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
	head, rest := tok[:i], strings.ToLower(strings.TrimLeft(tok[i:], "-\u2010\u2011"))
	// "an 11-hour-long debate" counts hours.
	rest = strings.TrimSuffix(rest, "-long")
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

// suffixScaled reads a number written with a scale letter, as headlines
// and some newsrooms write millions and billions: "10.5m", "3bn".
func suffixScaled(tok string) (float64, bool) {
	for suffix, scale := range scaleSuffixes {
		if head, ok := strings.CutSuffix(tok, suffix); ok {
			if v, ok := digitNumber(head); ok {
				return v * scale, true
			}
		}
	}
	return 0, false
}

// hyphenTally reads the other numbers of a tally written "93-18" or
// "93-18-65"; the first number is read by countAt.
func hyphenTally(tok string) []float64 {
	parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '\u2013' })
	if len(parts) == 3 && strings.EqualFold(parts[1], "to") {
		parts = []string{parts[0], parts[2]}
	}
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
	// A number in brackets right after a word is a reference or a year,
	// unless it sizes the list a side's heading opens.
	if prev == "(" && i+1 < len(toks) && toks[i+1].Text == ")" && !listHeadingSize(toks, i) {
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
// rather than serving as a determiner or pronoun: "only one country", "at
// least one guard", "one million people", "one more year", "one
// against", "one abstention".
func oneIsCounted(toks []nlp.Token, i int) bool {
	if i > 0 {
		switch lower(toks[i-1].Text) {
		case "only", "just", "exactly", "but", "than", "least":
			return true
		}
	}
	if i+1 < len(toks) {
		n := lower(toks[i+1].Text)
		// "one million people", "for one more year"; not "One Hundred and
		// Twenty-Eighth", an ordinal.
		if _, scale := scales[n]; scale && !(i+2 < len(toks) && lower(toks[i+2].Text) == "and") || n == "more" {
			return true
		}
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
