package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// readBlockedBid is the rule for an attempt to block another state's
// bid (see blockedBid and bidBlockers):
//
//	Russia failed to block Ukraine's entry into the board.
func readBlockedBid(r *stanceReader, i int) (int, bool) {
	targets, n := blockedBid(r.its, i)
	if n == 0 {
		return 0, false
	}
	holders, at := r.bidBlockers(r.its, i)
	if at < 0 || stanceHedged(r.its, at) {
		return 0, false
	}
	// A bid blocked by the text's veto, or in a sentence that tells of
	// a vote, is a member's vote: a position, no stance.
	if at == i && (sharesAny(holders, r.vetoers) || voteContext(r.its)) {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// blockedBid reads a verb of blocking at its[i] whose object is another
// state's bid to join or sit in a body, which a reader takes as
// opposition to that state: "blocked Sweden's accession", "block the
// adhesion of Morocco", "blocking Ukraine from joining". It returns the
// states and the frame's length, n 0 when there is none.
func blockedBid(its []item, i int) ([]string, int) {
	if !bidBlockVerbs[its[i].lw] {
		return nil, 0
	}
	k := i + 1
	if anyWord(its, k, "the") {
		k++
	}
	// "the adhesion of Morocco", "the entry of Finland and Sweden".
	if k < len(its) && bidNouns[its[k].lw] && anyWord(its, k+1, "of") {
		if t := stanceTargets(its, k+2); len(t) > 0 {
			return t, k + 3 - i
		}
		return nil, 0
	}
	if k >= len(its) || !its[k].isActor() {
		return nil, 0
	}
	targets := stanceTargets(its, k)
	for k < len(its) && (its[k].isActor() || its[k].tail || anyWord(its, k, listGlueShort...)) {
		k++
	}
	switch {
	// "Ukraine's entry", "Finland and Sweden's bids".
	case anyWord(its, k, possessiveMarks...) && k+1 < len(its) && bidNouns[its[k+1].lw]:
		return targets, k + 2 - i
	// "Ukraine from joining".
	case anyWord(its, k, "from") && k+1 < len(its) && its[k+1].tag == "VBG":
		return targets, k + 2 - i
	}
	return nil, 0
}

// bidBlockers finds who blocks the bid whose verb of blocking is at
// its[i]: the verb's subject ("Turkey blocked"); for an infinitive, the
// possessor of an attempt ("Moscow's attempt to block"), the subject of
// a verb of trying ("Hungary threatened to block"), the main clause's
// subject when that verb is a gerund ("Russia suffered a defeat after
// failing to block") or the states a relative clause follows ("headed by
// South Africa and Algeria, which tried to block"). It returns them with
// the index of the verb that states the attempt, where a negation or
// condition would stand; at is -1 when the frame names no one, or an
// intent that is no attempt ("is expected to block", "voted to block":
// a vote is a position, not a stance).
func (r *stanceReader) bidBlockers(its []item, i int) (holders []string, at int) {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if !anyWord(its, k, "to") {
		holders, skip := r.holdersAt(its, i, 1, r.lastNoun, 0)
		if skip || holders == nil {
			return nil, -1
		}
		return holders, i
	}
	k--
	switch {
	case k >= 0 && attemptNouns[its[k].lw]:
		j := k - 1
		for j >= 0 && (strings.HasPrefix(its[j].tag, "JJ") || its[j].tag == "RB") {
			j--
		}
		if anyWord(its, j, possessiveMarks...) && j > 0 && its[j-1].isActor() {
			return []string{its[j-1].actor}, k
		}
		// "Russian attempts to block".
		if j >= 0 && its[j].isActor() && its[j].kind == actors.Demonym {
			return []string{its[j].actor}, k
		}
	case k >= 0 && tryVerbs[its[k].lw]:
		v := k
		j := v - 1
		for j >= 0 && its[j].tag == "RB" {
			j--
		}
		if anyWord(its, j, relativeSubjects...) && anyWord(its, j-1, ",") {
			if holders := antecedentList(its, j-2); len(holders) > 0 {
				return holders, v
			}
			return nil, -1
		}
		if holders, skip := r.holdersAt(its, v, 1, r.lastNoun, 0); !skip && holders != nil {
			return holders, v
		}
		if its[v].tag == "VBG" && anyWord(its, j, afterGerunds...) {
			if holders := firstClauseSubject(its, j); len(holders) > 0 {
				return holders, v
			}
		}
	}
	return nil, -1
}

// antecedentList collects the actors of a list that ends at its[k],
// through the glue of a list and the words of a name the table leaves
// out ("South Africa, Algeria and the Sahrawi Arab Republic"), back to
// the preposition or verb before it; nil if its[k] ends no such list.
func antecedentList(its []item, k int) []string {
	var codes []string
	for ; k >= 0; k-- {
		it := its[k]
		switch {
		case it.body != "":
			return nil
		case it.isActor():
			if len(codes) > 0 && codes[len(codes)-1] == it.actor {
				continue
			}
			codes = append(codes, it.actor)
		case it.tail || anyWord(its, k, listGlueShort...) || strings.HasPrefix(it.tag, "NNP") || strings.HasPrefix(it.tag, "JJ"):
		default:
			return reverse(codes)
		}
	}
	return reverse(codes)
}

// readSetback is the rule for an outcome someone names a loss for a
// state (see setbackFor and setbackCaller):
//
//	The envoy called the vote a massive setback for Russia.
func readSetback(r *stanceReader, i int) (int, bool) {
	targets, n := setbackFor(r.its, i)
	if n == 0 {
		return 0, false
	}
	k := setbackCaller(r.its, i)
	if k < 0 || stanceHedged(r.its, k) {
		return 0, false
	}
	holders, skip := r.holdersAt(r.its, k, 1, r.lastNoun, 0)
	if skip {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// setbackFor reads a noun naming an outcome a loss for a state at its[i],
// through a closing quote: "a 'massive setback' for the United States",
// "a blow to Moscow". It returns the states and the phrase's length, n 0
// when there is none.
func setbackFor(its []item, i int) ([]string, int) {
	if !setbackNouns[strings.TrimLeft(its[i].lw, openingQuoteChars)] {
		return nil, 0
	}
	k := i + 1
	if anyWord(its, k, quoteMarks...) {
		k++
	}
	if !anyWord(its, k, setbackLinks...) {
		return nil, 0
	}
	t := stanceTargets(its, k+1)
	if len(t) == 0 {
		return nil, 0
	}
	// "a setback for Russia's critics" is no loss of Russia's.
	end := targetStart(its, k+1)
	for end < len(its) && (its[end].isActor() || its[end].tail || anyWord(its, end, listGlueShort...)) {
		end++
	}
	if anyWord(its, end, possessiveMarks...) {
		return nil, 0
	}
	return t, k + 2 - i
}

// setbackCaller finds the verb by which someone names the outcome a
// setback, whose subject holds the stance: a naming verb before the
// noun's phrase ("in what the envoy called a 'massive setback'"), with
// the outcome between them ("called the vote a defeat", "described it
// as a blow"). -1 when no one names it so: a loss the story itself
// reports ("Russia suffered a defeat") is no one's stance.
func setbackCaller(its []item, i int) int {
	k := i - 1
	for k >= 0 && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "RB" || anyWord(its, k, quoteMarks...)) {
		k--
	}
	if !anyWord(its, k, indefiniteArticles...) {
		return -1
	}
	k--
	if anyWord(its, k, "as") {
		k--
	}
	// The outcome named: "the vote", "it", "the result".
	for j := k; j >= 0 && j >= k-3; j-- {
		if namingVerbs[its[j].lw] {
			return j
		}
		if !(its[j].tag == "DT" || its[j].tag == "NN" || its[j].tag == "PRP" || its[j].tag == "POS") || its[j].isActor() {
			return -1
		}
	}
	return -1
}

// readCrimeCharge is the rule for a speaker's charge that a state
// commits crimes, or names them as the state's (see crimeCharged and
// crimeNamed):
//
//	The US envoy said Russia continues to commit war crimes.
//	"Russia's aggression threatens Europe," the envoy said.
func readCrimeCharge(r *stanceReader, i int) (int, bool) {
	targets, subj := crimeCharged(r.its, i)
	n := 1
	if len(targets) == 0 {
		targets, n = crimeNamed(r.its, i)
		subj = i
	}
	if len(targets) == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	holders := r.chargeSpeaker(r.its, subj, i)
	if len(holders) == 0 {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// crimeNamed reads a crime named as a state's own at its[i], the
// possessive of a state before a crime noun: "Russia's aggression",
// "Israel's war crimes". It returns the state and the phrase's length,
// n 0 when there is none. A demonym ("the Russian war of aggression")
// names the war more than it charges anyone, and is left out.
func crimeNamed(its []item, i int) ([]string, int) {
	if !its[i].isActor() || its[i].body != "" || its[i].kind == actors.Demonym || !anyWord(its, i+1, possessiveMarks...) {
		return nil, 0
	}
	j := i + 2
	for j < len(its) && j <= i+4 && crimeModifiers[its[j].lw] && !crimeNouns[its[j].lw] {
		j++
	}
	if j >= len(its) || !crimeNouns[its[j].lw] {
		return nil, 0
	}
	return []string{its[i].actor}, j + 1 - i
}

// crimeCharged reads a verb of committing at its[i] whose object is a
// crime ("committing genocide", "commit war crimes and other
// atrocities") and whose subject is a state, or a pronoun standing for
// the last state named before it ("if Russia were re-elected while it
// continues to commit war crimes"). It returns the states charged and
// the index of the subject; nil when the subject is no state ("forces
// committed abuses").
func crimeCharged(its []item, i int) (targets []string, subj int) {
	if !commitVerbs[its[i].lw] {
		return nil, -1
	}
	j := i + 1
	for j < len(its) && j <= i+5 && crimeModifiers[its[j].lw] && !crimeNouns[its[j].lw] {
		j++
	}
	if j >= len(its) || !crimeNouns[its[j].lw] {
		return nil, -1
	}
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || anyWord(its, k, chargeAuxiliaries...)) {
		k--
	}
	switch {
	case k < 0:
		return nil, -1
	case its[k].isActor() && its[k].body == "":
		return subjectBefore(its, k+1), k
	case anyWord(its, k, thirdPersons...):
		for m := k - 1; m >= 0 && m >= k-maxReach; m-- {
			if its[m].isActor() && its[m].body == "" {
				return []string{its[m].actor}, k
			}
		}
	}
	return nil, -1
}

// chargeSpeaker finds who makes a charge whose subject is at its[subj]:
// the subject of a verb of saying before it in the sentence ("the US
// envoy told the Council that ... Russia continues to commit"), else the
// one a quote holding it is attributed to. The charged state's own words
// are no charge against it.
func (r *stanceReader) chargeSpeaker(its []item, subj, i int) []string {
	for k := subj - 1; k >= 0; k-- {
		if anyWord(its, k, chargeSayVerbs...) {
			holders, skip := r.holdersAt(its, k, 1, r.lastNoun, 0)
			if skip {
				return nil
			}
			return holders
		}
	}
	if code := r.quoteSpeaker(its, i); code != "" {
		return []string{code}
	}
	return nil
}

// readCondemnedAct is the rule for an act a speaker calls by a
// condemning adjective, opposing its doer (see condemnedAct):
//
//	Russia vetoed the draft. Ukraine called it shameful.
func readCondemnedAct(r *stanceReader, i int) (int, bool) {
	n := condemnedAct(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	targets, holders := r.vetoers, []string(nil)
	if anyWord(r.its, i+1, referringPronouns...) {
		// "it" reaches back to the sentence before only from the
		// sentence's first verb, said by its subject: "..., describing
		// it as unjustified" may mean an act named earlier in the
		// sentence.
		if firstVerb(r.its) != i {
			return 0, false
		}
		targets, holders = r.referredDoer(r.its, i), subjectOrAgent(r.its, i)
	} else {
		var skip bool
		if holders, skip = r.holdersAt(r.its, i, 1, r.lastNoun, 0); skip {
			return 0, false
		}
	}
	if len(targets) == 0 {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// condemnedAct reads a naming verb at its[i] whose object refers back to
// an act, "it" or "the veto", and calls it by a condemning adjective
// through quotes and adverbs: "called it 'unfair, unethical, and
// unjustified'", "described the veto as deeply irresponsible". It
// returns the phrase's length, 0 when there is none.
func condemnedAct(its []item, i int) int {
	if !namingVerbs[its[i].lw] {
		return 0
	}
	k := i + 1
	switch {
	case anyWord(its, k, referringPronouns...):
		k++
	case vetoAt(its, k):
		k += 2
	default:
		return 0
	}
	if anyWord(its, k, "as") {
		k++
	}
	for j := k; j < len(its) && j <= k+3; j++ {
		if condemningAdjectives[strings.TrimLeft(its[j].lw, openingQuoteChars)] {
			// "called it unacceptable that Hungary blocked": "it"
			// stands for the clause after it, not an act before.
			if anyWord(its, j+1, extraposedOpeners...) {
				return 0
			}
			return j + 1 - i
		}
		// The tagger often takes an adverb before an adjective for a
		// noun: "deeply regrettable".
		if !(its[j].tag == "RB" || strings.HasSuffix(its[j].lw, "ly") || anyWord(its, j, quoteMarks...)) {
			return 0
		}
	}
	return 0
}

// firstVerb returns the index of the first verb of a sentence, -1 if it
// has none.
func firstVerb(its []item) int {
	for k := range its {
		if isVerbTag(its[k].tag) {
			return k
		}
	}
	return -1
}
