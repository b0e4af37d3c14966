package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// receivedStance reads a stance stated from the target's side: "Russia
// vetoed the draft, drawing sharp criticism from Britain and the United
// States" (Britain and the United States oppose Russia), "Kyiv won
// strong backing from Paris". The noun must be the object of a verb of
// receiving whose subject is an actor, and the givers follow "from". It
// returns the cue's length n, 0 when there is none.
func receivedStance(its []item, i int) (polarity string, holders, targets []string, n int) {
	polarity, ok := receivedNouns[its[i].lw]
	if !ok || !anyWord(its, i+1, "from") || its[i].tail {
		return "", nil, nil, 0
	}
	k := i - 1
	for k >= 0 && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "RB" || anyWord(its, k, receivedDeterminers...)) {
		k--
	}
	// "was hit with retaliation from", "met with condemnation from".
	if anyWord(its, k, receivedWith...) && k > 0 && receiveVerbs[its[k-1].lw] {
		k--
	}
	if k < 0 || !receiveVerbs[its[k].lw] || stanceHedged(its, k) || stanceHedged(its, i) {
		return "", nil, nil, 0
	}
	holders = stanceTargets(its, i+2)
	if len(holders) == 0 {
		return "", nil, nil, 0
	}
	targets = subjectOrAgent(its, k)
	// "Russia vetoed the draft, drawing criticism from": the
	// participle's subject is the main clause's.
	if len(targets) == 0 && its[k].tag == "VBG" {
		targets = participleSubject(its, k)
	}
	// "The EU announced sanctions and was hit with retaliation from":
	// the subject of the verb the first is coordinated with.
	if len(targets) == 0 {
		targets = coordinatedSubject(its, k)
	}
	if len(targets) == 0 {
		return "", nil, nil, 0
	}
	return polarity, holders, targets, 2
}

// namedAs reads "calling Serbia a reliable partner" (support) and
// "calling Moscow's veto a disgrace" (oppose): a naming verb, an actor
// (or its act), then "a", "an" or "as a" and a noun of namedNouns
// through adjectives. It returns the stance, its targets and the length
// of the phrase, n 0 when there is none.
func namedAs(its []item, i int) (polarity string, targets []string, n int) {
	if !namingVerbs[its[i].lw] || i+1 >= len(its) {
		return "", nil, 0
	}
	k := i + 1
	if anyWord(its, k, "the") {
		k++
	}
	if k >= len(its) || !its[k].isActor() {
		return "", nil, 0
	}
	target := its[k].actor
	k++
	for k < len(its) && its[k].tail {
		k++
	}
	// The actor's act: "Moscow's veto", "Australia's decision", "the
	// US withdrawal".
	if anyWord(its, k, possessiveMarks...) {
		k += 2
	} else if k < len(its) && (its[k].tag == "NN" || anyWord(its, k, actNouns...)) && !namedNounSet(its[k].lw) {
		k++
	}
	if anyWord(its, k, "as") {
		k++
	}
	if !anyWord(its, k, indefiniteArticles...) {
		return "", nil, 0
	}
	for j := k + 1; j < len(its) && j <= k+4; j++ {
		// "a 'failure'": the tokenizer may keep the quote on the word.
		if p, ok := namedNouns[strings.TrimLeft(its[j].lw, openingQuoteChars)]; ok {
			// "a partner in crime" is no partner.
			if anyWord(its, j+1, "in") && anyWord(its, j+2, "crime") {
				return "", nil, 0
			}
			return p, []string{target}, j + 1 - i
		}
		if !(strings.HasPrefix(its[j].tag, "JJ") || its[j].tag == "RB" || its[j].lw == "," || anyWord(its, j, quoteMarks...) || its[j].tag == "NN" && j+1 < len(its) && namedNouns[its[j+1].lw] != "") {
			return "", nil, 0
		}
	}
	return "", nil, 0
}

// protestAct reads the acts of diplomatic protest, which a reader takes
// as opposition to the state they are aimed at: summoning or expelling
// its envoy ("summoned China's envoy", "expelled 20 Russian diplomats",
// "summoned Japanese Ambassador Hideo Tarumi"), recalling one's own from
// it ("recalled its ambassadors to the United States and Australia"),
// declaring its people persona non grata ("declared Brazilian President
// Lula persona non grata"). It returns the states and the phrase's
// length, n 0 when there is none.
func protestAct(its []item, i int) (targets []string, n int) {
	switch {
	case anyWord(its, i, summonVerbs...):
		return envoySummoned(its, i)
	case anyWord(its, i, recallVerbs...):
		return envoyRecalled(its, i)
	case anyWord(its, i, declareVerbs...):
		return personaNonGrata(its, i)
	case breakVerbs[its[i].lw]:
		return tiesCut(its, i)
	case anyWord(its, i, giveVerbs...):
		return envoysSentHome(its, i)
	case anyWord(its, i, recallNouns...):
		return recallNamed(its, i)
	case anyWord(its, i, suspendVerbs...):
		return suspension(its, i)
	}
	return nil, 0
}

// envoySummoned reads "summoned China's envoy", "expelled 20 Russian
// diplomats", "summoned Japanese Ambassador Hideo Tarumi".
func envoySummoned(its []item, i int) ([]string, int) {
	k := i + 1
	for k < len(its) && k <= i+4 && !its[k].isActor() {
		if !(anyWord(its, k, expelledCounts...) || isNumberItem(its[k]) || strings.HasPrefix(its[k].tag, "JJ")) {
			return nil, 0
		}
		k++
	}
	if k >= len(its) || !its[k].isActor() {
		return nil, 0
	}
	code := its[k].actor
	j := k + 1
	for j < len(its) && (its[j].tail || anyWord(its, j, possessiveMarks...)) {
		j++
	}
	for j < len(its) && j <= k+3 && !envoyNouns[its[j].lw] && (strings.HasPrefix(its[j].tag, "JJ") || anyWord(its, j, envoyRanks...)) {
		j++
	}
	if j >= len(its) || !envoyNouns[its[j].lw] {
		return nil, 0
	}
	return []string{code}, j + 1 - i
}

// envoyRecalled reads "recalled its ambassadors to the United States and
// Australia".
func envoyRecalled(its []item, i int) ([]string, int) {
	k := i + 1
	if !anyWord(its, k, possessivesPlain...) {
		return nil, 0
	}
	k++
	if k+1 >= len(its) || !envoyNouns[its[k].lw] || !anyWord(its, k+1, recallPrepositions...) {
		return nil, 0
	}
	if t := stanceTargets(its, k+2); len(t) > 0 {
		return t, k + 1 - i
	}
	// "recalled its ambassador from Tehran": a capital after the
	// envoy is the place the envoy served, standing for its state.
	if code := placeState(its, k+2); code != "" {
		return []string{code}, k + 1 - i
	}
	return nil, 0
}

// placeState returns the state of a place named by the proper nouns at
// its[k] ("Tehran", "New Delhi") that the actor table knows, "" if none.
func placeState(its []item, k int) string {
	if k >= len(its) || its[k].tag != "NNP" || its[k].isActor() {
		return ""
	}
	if k+1 < len(its) && its[k+1].tag == "NNP" && !its[k+1].isActor() {
		if code, ok := actors.Lookup(its[k].text + " " + its[k+1].text); ok && !actors.IsBloc(code) {
			return code
		}
	}
	if code, ok := actors.Lookup(its[k].text); ok && !actors.IsBloc(code) {
		return code
	}
	return ""
}

// personaNonGrata reads "declared Brazilian President Lula persona non
// grata".
func personaNonGrata(its []item, i int) ([]string, int) {
	k := i + 1
	for k < len(its) && k <= i+3 && !its[k].isActor() {
		k++
	}
	if k >= len(its) || !its[k].isActor() {
		return nil, 0
	}
	for j := k + 1; j+2 < len(its) && j <= k+10; j++ {
		if words(its, j, personaNonGrataWords...) {
			return []string{its[k].actor}, j + 3 - i
		}
		if anyWord(its, j, clauseEnds...) {
			break
		}
	}
	return nil, 0
}

// namedNounSet reports whether w is a name namedAs reads ("partner",
// "failure").
func namedNounSet(w string) bool {
	_, ok := namedNouns[w]
	return ok
}
