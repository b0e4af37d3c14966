package extract

import "strings"

// motionPhrase is what the noun phrase of a sentence's motion says: its
// kind, its identifier, the sponsors named in it ("a European-backed
// resolution", "Egypt's draft"), whether it points back to the last vote
// ("that text") and whether it announces another motion ("a different
// resolution").
type motionPhrase struct {
	class    string
	ident    string
	backRef  bool
	newEvent bool
	sponsors []string
	// noun is the first motion noun when it tells no kind of motion
	// ("treaty", "law", "measure"), "" otherwise.
	noun string
}

// readMotionPhrase finds the motion nouns of a sentence and reads the
// first one's phrase, with the sponsors and new-motion words of every
// motion noun's phrase.
func readMotionPhrase(its []item) motionPhrase {
	var m motionPhrase
	seen := false
	opening := openingClause(its)
	for i := range its {
		class, ok := motionNounAt(its, i)
		if !ok {
			continue
		}
		// The first motion the sentence names is the one it is about.
		if !seen && i > opening {
			m.class, seen = class, true
			if class == "" {
				m.noun = its[i].lw
			}
			m.backRef = anyWord(its, i-1, backRefDeterminers...) || words(its, i-2, theSame...)
			m.ident = motionIdent(its, i)
		}
		m.readModifiers(its, i, class)
	}
	return m
}

// openingClause returns the end of an opening clause that names another
// motion ("Before acting on the text as a whole, the Assembly considered
// an amendment"), 0 when the sentence opens with none.
func openingClause(its []item) int {
	if !anyWord(its, 0, openingConjunctions...) {
		return 0
	}
	for k := 1; k < len(its) && k < 20; k++ {
		if its[k].lw == "," {
			return k
		}
	}
	return 0
}

// motionNounAt reports whether its[i] is a motion noun heading its
// phrase, with the motion's class: "draft" before another motion noun is
// its modifier ("draft resolution"), and "text" is a motion only with a
// determiner ("the text", "a text on cooperation", not "text messages").
func motionNounAt(its []item, i int) (string, bool) {
	it := its[i]
	class, ok := motionClasses[it.lw]
	if !ok {
		return "", false
	}
	if it.lw == "draft" && i+1 < len(its) {
		if _, next := motionClasses[its[i+1].lw]; next {
			return "", false
		}
	}
	if it.lw == "text" && !anyWord(its, i-1, textDeterminers...) &&
		!(anyWord(its, i-1, anotherArticles...) && anyWord(its, i+1, textDescribers...)) &&
		!determinedText(its, i) {
		return "", false
	}
	return class, true
}

// readModifiers reads the noun phrase before the motion noun at its[i]:
// "a European-backed resolution", "the US resolution", "Egypt's draft"
// name sponsors; "a different resolution" announces another motion.
func (m *motionPhrase) readModifiers(its []item, i int, class string) {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		p := its[k]
		if newEventWords[p.lw] {
			m.newEvent = true
			continue
		}
		if p.isActor() {
			// "the Safety of Rwanda Bill" names no sponsor, and a
			// country before a bill or motion is its subject ("the
			// Rwanda bill"): legislators, not countries, bring bills.
			if !anyWord(its, k-1, topicPrepositions...) && class != "bill" && class != "motion" {
				m.sponsors = addOnce(m.sponsors, p.actor)
			}
			continue
		}
		if _, outcome := outcomeWords[p.lw]; outcome || anyWord(its, k, vetoNouns...) || headlineVerbs[p.lw] {
			// "Russian Federation Vetoes Draft", "Russia, China veto
			// US resolution", "Israel condemns UN resolution": a
			// verb, not a modifier, however a headline tags it.
			return
		}
		if sponsorTails[p.lw] || p.lw == "'s" || p.lw == "'" || p.body != "" {
			continue
		}
		if strings.HasPrefix(p.tag, "JJ") || p.tag == "NN" || p.tag == "NNP" || p.tag == "VBN" || p.tag == "CD" || p.lw == "-" {
			continue
		}
		return
	}
}

// headlineVerbs are the third-person forms of the one-word stance verbs
// ("condemns", "welcomes"), which a headline's tagger may take for
// nouns before a motion noun.
var headlineVerbs = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range stanceCues {
		if w := c.words[0]; len(c.words) == 1 && strings.HasSuffix(w, "s") {
			out[w] = true
		}
	}
	return out
}()

// determinedText reports whether "text" at its[i] heads a noun phrase
// with a determiner and adjectives: "a second, milder text", "its revised
// text".
func determinedText(its []item, i int) bool {
	actor := false
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case anyWord(its, k, textDeterminersAll...):
			// "the US text" is the US's; "a Ukraine text" is about
			// Ukraine.
			return k < i-1 && (!actor || anyWord(its, k, "the"))
		case its[k].isActor():
			actor = true
		// "the same unamended American text".
		case strings.HasPrefix(its[k].tag, "JJ") || anyWord(its, k, textModifiers...):
		default:
			return false
		}
	}
	return false
}

// motionIdent returns the identifier written after the motion noun at
// its[i] ("draft resolution A/79/L.12", "resolution 2728 (2024)", "Bill
// C-74", "(document A/C.3/81/L.33)"), or "".
func motionIdent(its []item, i int) string {
	for k := i + 1; k < len(its) && k <= i+4; k++ {
		w := its[k].text
		if anyWord(its, k, identIntroducers...) {
			continue
		}
		if isIdentifier(w) {
			return strings.ToUpper(w)
		}
		break
	}
	// A symbol given after the title: "the resolution titled
	// '...' (document A/78/L.5)", "a text on cooperation (document
	// A/78/L.27)".
	for k := i + 1; k+1 < len(its) && k <= i+40; k++ {
		if anyWord(its, k, sentenceEnds...) {
			break
		}
		if anyWord(its, k, "document") && isIdentifier(its[k+1].text) {
			return strings.ToUpper(its[k+1].text)
		}
	}
	return ""
}

// isIdentifier reports whether a token looks like a document symbol or a
// motion number: digits with slashes, dots or dashes ("A/79/L.12",
// "C-74"), or a number of three or more digits that is not a year.
func isIdentifier(w string) bool {
	hasDigit := false
	for _, r := range w {
		if r >= '0' && r <= '9' {
			hasDigit = true
		}
	}
	if !hasDigit {
		return false
	}
	if strings.ContainsAny(w, "/.-") {
		return hyphenPair(w) == nil
	}
	v, ok := digitNumber(w)
	return ok && len(w) >= 3 && !(len(w) == 4 && v >= 1900 && v <= 2100)
}

// motionAhead reports whether a motion noun stands within n items from i.
func motionAhead(its []item, i, n int) bool {
	return classAhead(its, i, n) != "" || hasMotion(its, i, n)
}

// motionInClause reports whether a motion noun (or "it") stands within n
// items from i before the clause ends.
func motionInClause(its []item, i, n int) bool {
	for k := i; k < len(its) && k < i+n; k++ {
		if anyWord(its, k, clauseEndsColon...) {
			return false
		}
		if _, ok := motionClasses[its[k].lw]; ok || documentAt(its, k) {
			return true
		}
		if its[k].lw == "it" && k == i {
			return true
		}
	}
	return false
}

// documentAt reports whether a document noun after a determiner stands
// for the motion at its[k]: "the document", "the Kiev-backed document".
func documentAt(its []item, k int) bool {
	if !anyWord(its, k, documentNouns...) {
		return false
	}
	for m := k - 1; m >= 0 && m >= k-3; m-- {
		if anyWord(its, m, documentDeterminers...) {
			return true
		}
		if !(its[m].tail || its[m].isActor() || strings.HasPrefix(its[m].tag, "JJ") || its[m].tag == "VBN") {
			return false
		}
	}
	return false
}

func hasMotion(its []item, i, n int) bool {
	for k := max(0, i); k < len(its) && k < i+n; k++ {
		if _, ok := motionClasses[its[k].lw]; ok {
			return true
		}
		if its[k].lw == "it" && k == i {
			return true
		}
	}
	return false
}

func classAhead(its []item, i, n int) string {
	for k := i; k < len(its) && k < i+n; k++ {
		if c, ok := motionClasses[its[k].lw]; ok && c != "" {
			if its[k].lw == "draft" && k+1 < len(its) {
				if c2, ok := motionClasses[its[k+1].lw]; ok && c2 != "" {
					return c2
				}
			}
			return c
		}
	}
	return ""
}

// motionNear reports whether a motion noun or "it" stands within a few
// items of its[i].
func motionNear(its []item, i int) bool {
	if ellipticMotion(its) {
		return true
	}
	for k := max(0, i-6); k < len(its) && k <= i+5; k++ {
		if _, ok := motionClasses[its[k].lw]; ok {
			return true
		}
		// "adopted it", "it passed".
		if its[k].lw == "it" && (k > i || k >= i-2) {
			return true
		}
	}
	return false
}

// ellipticMotion reports whether a sentence opens on a motion named by
// its rank in a list the text gave before: "The first, tabled by Austria,
// ...", "The second was also rejected", "The latter passed".
func ellipticMotion(its []item) bool {
	return anyWord(its, 0, shortArticles...) && anyWord(its, 1, listOrdinals...) &&
		(anyWord(its, 2, ellipticVerbs...) || isVerbTag(lowerTagAt(its, 2)))
}

// pastVote reports whether a sentence reports an earlier vote for
// comparison: "Last year's version passed 99-9-60", "a similar resolution
// last year received 143 votes", "the previous vote".
func pastVote(its []item) bool {
	for i, it := range its {
		switch {
		case anyWord(its, i, pastVoteAdjectives...):
			if anyWord(its, i+1, pastVoteNouns...) && !comparisonClause(its, i) {
				return true
			}
		case it.lw == "ago":
			return true
		case it.lw == "had":
			// "the General Assembly had adopted": the pluperfect sets a
			// vote before the story's own.
			if k := i + 1; k < len(its) {
				if anyWord(its, k, earlierAdverbs...) {
					k++
				}
				if _, ok := outcomeWords[lowerAt(its, k)]; ok {
					return true
				}
			}
		}
	}
	return false
}

// datedLead reports whether a sentence opens by dating what it reports
// ("In 2024 it passed again", "In March 2022, the Assembly", "This year
// the resolution passed"): a comparison across years reports one vote a
// year.
func datedLead(its []item) bool {
	if words(its, 0, thisYear...) || words(its, 0, lastYear...) || words(its, 0, aYearEarlier...) {
		return true
	}
	if !anyWord(its, 0, datingPrepositions...) {
		return false
	}
	for k := 1; k < len(its) && k <= 4; k++ {
		if isYearItem(its[k]) {
			return true
		}
		// "In March, Washington abstained": a month alone dates an
		// earlier vote too.
		if months[its[k].lw] && its[0].lw == "in" && anyWord(its, k+1, ",") {
			return true
		}
		if !(months[its[k].lw] || isNumberItem(its[k]) || its[k].lw == "early" || its[k].lw == "late" || its[k].lw == "mid") {
			return false
		}
	}
	return false
}

// comparisonClause reports whether its[i] sits in a clause that compares
// the story's vote with earlier ones: ", as they have done in previous
// years", ", like last year".
func comparisonClause(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if anyWord(its, k, comparisonWords...) && anyWord(its, k-1, comparisonCommas...) {
			return true
		}
		if anyWord(its, k, sentenceEnds...) {
			return false
		}
	}
	return false
}

// needsQualifiedMajority reports whether a sentence says the motion needed
// more than a simple majority.
func needsQualifiedMajority(its []item) bool {
	// "needed", "required" only with votes or a majority close by: "the
	// 60 votes needed", "the required number of votes", not "would have
	// required a judge".
	near := func(i int) bool {
		for k := max(0, i-4); k < len(its) && k <= i+4; k++ {
			if anyWord(its, k, majorityNouns...) || isNumberItem(its[k]) && k != i {
				return true
			}
		}
		return false
	}
	for i, it := range its {
		switch {
		case anyWord(its, i, neededWords...):
			if near(i) {
				return true
			}
		case anyWord(its, i, thresholdNouns...):
			return true
		case it.lw == "short":
			if anyWord(its, i+1, "of") {
				return true
			}
		}
	}
	return false
}

// readMotion is the motion rule: it reads the noun phrase of the part's
// motion into the fragment (see readMotionPhrase):
//
//	The Assembly adopted a European-backed resolution (document A/79/L.12).
//	A different resolution failed.
func readMotion(_ *voteReader, f *fragment, its []item) {
	m := readMotionPhrase(its)
	f.class, f.ident, f.backRef, f.noun = m.class, m.ident, m.backRef, m.noun
	// "While Israel and the US voted against it": a vote on "it" is a
	// vote on the motion the text spoke of last, earlier year or not.
	if f.class == "" && !f.backRef && votedOnPronoun(its) {
		f.backRef = true
	}
	f.newEvent = f.newEvent || m.newEvent
	for _, code := range m.sponsors {
		f.addSponsor(code)
	}
}

// votedOnPronoun reports whether a position cue of the sentence takes a
// pronoun for the motion as its object: "voted against it", "backed
// them".
func votedOnPronoun(its []item) bool {
	for i := range its {
		if _, n := cueAt(its, i); n > 0 && anyWord(its, i+n, motionPronouns...) {
			return true
		}
	}
	return false
}
