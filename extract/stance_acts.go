package extract

import (
	"slices"
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
	// "prompting an outraged response from": a reaction in anger.
	if !ok && anyWord(its, i, reactionNouns...) && anyWord(its, i-1, angerAdjectives...) {
		polarity, ok = Oppose, true
	}
	// "drew criticism, including from Britain".
	from := i + 1
	if anyWord(its, from, ",") && anyWord(its, from+1, includingWords...) {
		from += 2
	}
	if !ok || !anyWord(its, from, "from") || its[i].tail {
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
	holders = stanceTargets(its, from+1)
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
	return polarity, holders, targets, from + 1 - i
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
	case anyWord(its, i, orderOutVerbs...):
		return envoysOrderedOut(its, i)
	case anyWord(its, i, freezeVerbs...):
		return assetsFrozen(its, i)
	}
	return nil, 0
}

// envoySummoned reads "summoned China's envoy", "expelled 20 Russian
// diplomats", "summoned Japanese Ambassador Hideo Tarumi".
func envoySummoned(its []item, i int) ([]string, int) {
	return envoyObject(its, i, envoyNouns)
}

// envoyObject reads a state's envoys, named by one of nouns, as the
// object of the verb at its[i]: "China's envoy", "20 Russian
// diplomats", "Japanese Ambassador Hideo Tarumi". It returns the state
// and the length from the verb to the noun, n 0 when there is none.
func envoyObject(its []item, i int, nouns map[string]bool) ([]string, int) {
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
	for j < len(its) && j <= k+3 && !nouns[its[j].lw] && (strings.HasPrefix(its[j].tag, "JJ") || anyWord(its, j, envoyRanks...)) {
		j++
	}
	if j >= len(its) || !nouns[its[j].lw] {
		return nil, 0
	}
	return []string{code}, j + 1 - i
}

// envoysOrderedOut reads an order to a state's envoys to leave, an
// expulsion: "ordered Venezuelan diplomats to leave the country",
// "instructed the Russian ambassador to depart", "forced Iranian
// diplomatic personnel to withdraw". It returns the envoys' state and
// the frame's length, n 0 when there is none.
func envoysOrderedOut(its []item, i int) ([]string, int) {
	targets, n := envoyObject(its, i, departingEnvoyNouns)
	if n == 0 {
		return nil, 0
	}
	// "Ambassador Sylvain Itte to leave": the envoy's name.
	k := i + n
	for k < len(its) && k <= i+n+3 && its[k].tag == "NNP" && (!its[k].isActor() || its[k].kind == actors.Leader) {
		k++
	}
	if !anyWord(its, k, "to") || !anyWord(its, k+1, departVerbs...) {
		return nil, 0
	}
	return targets, k + 2 - i
}

// assetsFrozen reads a freeze of a state's assets, a sanction: "froze
// Afghanistan's central bank assets", "has frozen billions in Iran's
// reserves", "freezing the assets of Libya". It returns the state and
// the frame's length, n 0 when there is none.
func assetsFrozen(its []item, i int) ([]string, int) {
	for k := i + 1; k < len(its) && k <= i+6; k++ {
		switch {
		case its[k].isActor() && its[k].kind != actors.Demonym && anyWord(its, k+1, possessiveMarks...):
			// "Afghanistan's central bank assets".
			for j := k + 2; j < len(its) && j <= k+5; j++ {
				if anyWord(its, j, frozenAssetNouns...) {
					return []string{its[k].actor}, j + 1 - i
				}
				if !(strings.HasPrefix(its[j].tag, "NN") || strings.HasPrefix(its[j].tag, "JJ")) {
					break
				}
			}
			return nil, 0
		case anyWord(its, k, frozenAssetNouns...) && anyWord(its, k+1, "of"):
			// "the assets of Libya", "the assets of the Libyan state".
			j := k + 2
			for j < len(its) && j <= k+4 && !its[j].isActor() && (its[j].tag == "DT" || strings.HasPrefix(its[j].tag, "JJ")) {
				j++
			}
			if j < len(its) && its[j].isActor() && targetHead(its, j, false) {
				return []string{its[j].actor}, j + 1 - i
			}
			return nil, 0
		case anyWord(its, k, sentenceStops...) || anyWord(its, k, clauseMarks...) || isVerbTag(its[k].tag):
			return nil, 0
		}
	}
	return nil, 0
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

// readSuspendedFrom is the rule for states told as suspended from a
// body, the body's opposition (see suspendedFrom):
//
//	Mali and Guinea were suspended from the African Union.
func readSuspendedFrom(r *stanceReader, i int) (int, bool) {
	bodies, states, n := r.suspendedFrom(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	r.emit(bodies, states, Oppose, i, n)
	return n, true
}

// suspendedFrom reads states told as suspended from a body: "Mali and
// Guinea were suspended from the African Union", "Niger joins Mali and
// Sudan, suspended from the bloc". The participle at its[i] follows the
// states' list, through a comma or a passive auxiliary; the body is a
// bloc named after "from", or "the bloc" last named. It returns the
// body, the states and the frame's length, n 0 when there is none.
func (r *stanceReader) suspendedFrom(its []item, i int) (bodies, states []string, n int) {
	if !anyWord(its, i, suspendVerbs...) || !anyWord(its, i+1, "from") {
		return nil, nil, 0
	}
	k := i + 2
	if anyWord(its, k, "the") {
		k++
	}
	switch {
	case k < len(its) && its[k].isActor() && actors.IsBloc(its[k].actor):
		bodies = []string{its[k].actor}
	case anyWord(its, k, blocAnaphors...):
		if code := r.lastBlocBefore(its[i].start); code != "" {
			bodies = []string{code}
		}
	}
	if bodies == nil {
		return nil, nil, 0
	}
	j := i - 1
	for j >= 0 && (its[j].tag == "RB" || anyWord(its, j, passiveAuxiliaries...)) {
		j--
	}
	switch {
	case j < i-1 && j >= 0 && its[j].isActor():
	case anyWord(its, j, ",") && j > 0 && its[j-1].isActor():
		j--
	default:
		return nil, nil, 0
	}
	for ; j >= 0 && (its[j].isActor() || its[j].tail || anyWord(its, j, listGlueShort...)); j-- {
		if its[j].isActor() && !its[j].tail && !slices.Contains(states, its[j].actor) {
			states = append(states, its[j].actor)
		}
	}
	slices.Reverse(states)
	return bodies, states, k + 1 - i
}

// readPromptedRetaliation is the rule for a retaliation an act
// prompted, the retaliator's opposition to the actor (see
// promptedRetaliation):
//
//	Latvia expelled three diplomats, prompting Moscow to say it would respond in kind.
func readPromptedRetaliation(r *stanceReader, i int) (int, bool) {
	holders, targets, n := promptedRetaliation(r.its, i)
	if n == 0 {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// promptedRetaliation reads a retaliation, or a vow of one, that the
// main clause's act prompted: "Estonia and Latvia expelled ten
// diplomats, prompting Moscow to say it would respond in kind", "the
// EU raised its tariffs, leading Washington to retaliate". The
// retaliator opposes the main clause's subject. The cue is at its[i];
// it returns the retaliator, the actors retaliated against and the
// cue's length, n 0 when there is none.
func promptedRetaliation(its []item, i int) (holders, targets []string, n int) {
	switch {
	case anyWord(its, i, retaliateForms...) && !anyWord(its, i+1, retaliationObjects...):
		n = 1
	case anyWord(its, i, respondForms...) && words(its, i+1, inKind...):
		n = 3
	default:
		return nil, nil, 0
	}
	// Back over what the retaliator says of it: "to say it would".
	k := i - 1
	for k >= 0 && k >= i-6 && !anyWord(its, k, "to") {
		if !(anyWord(its, k, retaliationSayers...) || pronouns[its[k].lw] || its[k].tag == "MD" || its[k].tag == "RB" || anyWord(its, k, "that")) {
			return nil, nil, 0
		}
		if anyWord(its, k, negations...) {
			return nil, nil, 0
		}
		k--
	}
	if !anyWord(its, k, "to") || k < 3 || !its[k-1].isActor() || !anyWord(its, k-2, promptVerbs...) {
		return nil, nil, 0
	}
	targets = participleSubject(its, k-2)
	if len(targets) == 0 {
		return nil, nil, 0
	}
	return []string{its[k-1].actor}, targets, n
}

// readMutualPact is the rule for a pact of mutual defence or an
// alliance formed among actors, each one's support for each other one
// (see mutualPact):
//
//	Mali, Niger and Burkina Faso signed a mutual defence pact.
func readMutualPact(r *stanceReader, i int) (int, bool) {
	n := pactAt(r.its, i)
	if n == 0 {
		return 0, false
	}
	parties := r.pactParties(r.its, i, n)
	if len(parties) < 2 {
		return 0, false
	}
	r.emit(parties, parties, Support, i, n)
	return n, true
}

// pactAt returns the length of a pact of mutual defence named at
// its[i]: "alliance", "a mutual defence pact", "security treaty",
// "mutual assistance in matters of defence"; 0 if none is there. A
// pact or treaty of no stated defence ("a trade pact") is none.
func pactAt(its []item, i int) int {
	k := i
	mutual := anyWord(its, k, mutualWords...)
	if mutual {
		k++
	}
	defence := false
	for k < len(its) && k <= i+3 && anyWord(its, k, defenceWords...) {
		defence = true
		k++
	}
	switch {
	case anyWord(its, k, allianceNouns...) && (k == i || mutual || defence):
		return k + 1 - i
	case anyWord(its, k, pactNouns...) && defence:
		return k + 1 - i
	case mutual && anyWord(its, k, assistanceNouns...):
		// "mutual assistance in matters of defence".
		for j := k + 1; j < len(its) && j <= k+5; j++ {
			if anyWord(its, j, defenceWords...) {
				return j + 1 - i
			}
			if anyWord(its, j, clauseEnds...) {
				break
			}
		}
	}
	return 0
}

// pactParties finds who formed the pact named by the n items at its[i]:
// the subject of the verb of forming it before ("signed", "formed",
// "agreed to grant each other"), several actors or a counted group of
// them, and those it was formed "with" after it. Nil when the pact is
// no one's act: negated, only planned, or with one party named.
func (r *stanceReader) pactParties(its []item, i, n int) []string {
	// The verb takes the pact as its object ("signed a mutual defence
	// pact"), or grants it to each other ("grant each other facilities
	// for mutual assistance"); "agreed to strengthen the alliance"
	// forms none.
	k := pactDeterminers(its, i-1)
	if anyWord(its, k, "for") {
		k = pactDeterminers(its, k-1)
		for j := 0; j < 2 && k >= 0 && strings.HasPrefix(its[k].tag, "NN") && !its[k].isActor(); j++ {
			k--
		}
	}
	if k >= 1 && anyWord(its, k, reciprocalWords...) && anyWord(its, k-1, reciprocalWords...) {
		k -= 2
	}
	if k < 0 || !anyWord(its, k, pactVerbs...) || stanceHedged(its, k) {
		return nil
	}
	// "agreed to grant each other": the subject of the verb of agreeing.
	if anyWord(its, k-1, "to") && k >= 2 && anyWord(its, k-2, pactVerbs...) {
		k -= 2
		if stanceHedged(its, k) {
			return nil
		}
	}
	parties := subjectOrAgent(its, k)
	if len(parties) == 0 {
		if g := groupSubject(its, k); g >= 0 {
			parties = r.resolveGroup(its, g, nil)
		}
	}
	if anyWord(its, i+n, "with") {
		for _, code := range stanceTargets(its, i+n+1) {
			if !slices.Contains(parties, code) {
				parties = append(parties, code)
			}
		}
	}
	return parties
}

// readLodgedProtest is the rule for a protest lodged with no state
// named, against the doer of the act reported just before (see
// lodgedProtest):
//
//	Beijing's coast guard seized a boat after China announced a reserve. Manila lodged a protest.
func readLodgedProtest(r *stanceReader, i int) (int, bool) {
	n := lodgedProtest(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	holders := lightVerbHolder(r.its, i+n-1)
	if len(holders) == 0 {
		return 0, false
	}
	targets := r.referredDoer(r.its, i)
	if len(targets) == 0 {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// lodgedProtest returns the length of a protest lodged that names no
// state it is lodged with or against: "lodged a diplomatic protest",
// "filed a formal protest"; 0 when there is none or a state or an act
// follows ("lodged a protest with Beijing", "over China's plans", read
// by the cue rules).
func lodgedProtest(its []item, i int) int {
	if !anyWord(its, i, protestLodgers...) {
		return 0
	}
	k := i + 1
	for k < len(its) && k <= i+4 && (its[k].tag == "DT" || strings.HasPrefix(its[k].tag, "JJ")) && !its[k].isActor() {
		k++
	}
	if !anyWord(its, k, protestNouns...) || anyWord(its, k+1, protestObjects...) {
		return 0
	}
	return k + 1 - i
}

// readSaidNamed is the rule for an actor's act said to be a thing of
// namedNouns (see saidNamed):
//
//	Ethiopia said that Egypt's decision was an affront to the AU.
func readSaidNamed(r *stanceReader, i int) (int, bool) {
	polarity, holders, n := saidNamed(r.its, i)
	if n == 0 || len(holders) == 0 {
		return 0, false
	}
	r.emit(holders, []string{r.its[i].actor}, polarity, i, n)
	return n, true
}

// saidNamed reads an actor's act that a sayer says is a thing of
// namedNouns: "Ethiopia's Foreign Ministry said on Monday that Egypt's
// decision to involve the Arab League was an affront" (Ethiopia opposes
// Egypt). The actor is at its[i]; the holders are the sayer's subject.
// It returns the stance, the holders and the length from the actor to
// the noun, n 0 when there is none.
func saidNamed(its []item, i int) (polarity string, holders []string, n int) {
	if !its[i].isActor() || its[i].kind == actors.Demonym || !(anyWord(its, i+1, possessiveMarks...) || i+1 < len(its) && its[i+1].tag == "POS") ||
		!anyWord(its, i+2, actNouns...) {
		return "", nil, 0
	}
	k := actCopula(its, i+3)
	if k < 0 || stanceHedged(its, k+1) {
		return "", nil, 0
	}
	polarity, end := namedPredicate(its, k+1)
	if end == 0 {
		return "", nil, 0
	}
	s := sayerOfClause(its, i)
	if s < 0 || stanceHedged(its, s) {
		return "", nil, 0
	}
	return polarity, subjectOrAgent(its, s), end - i
}

// actCopula finds the copula after an act's own words that start at
// its[k] ("to involve the Arab League was"); -1 if a clause ends or
// another verb comes first.
func actCopula(its []item, k int) int {
	for j := k; j < len(its) && j <= k+9; j++ {
		if anyWord(its, j, beForms...) {
			return j
		}
		if anyWord(its, j, clauseEnds...) || anyWord(its, j, sentenceStops...) || its[j].tag == "VBD" || its[j].tag == "VBZ" || its[j].tag == "MD" {
			return -1
		}
	}
	return -1
}

// namedPredicate reads "an affront", "a grave 'mistake'" at its[k],
// through quotes and adjectives: the stance of the noun of namedNouns
// and the index after it, end 0 when there is none.
func namedPredicate(its []item, k int) (polarity string, end int) {
	for k < len(its) && anyWord(its, k, quoteMarks...) {
		k++
	}
	if !anyWord(its, k, indefiniteArticles...) {
		return "", 0
	}
	for j := k + 1; j < len(its) && j <= k+4; j++ {
		if p, ok := namedNouns[strings.TrimLeft(its[j].lw, openingQuoteChars)]; ok {
			return p, j + 1
		}
		if !(strings.HasPrefix(its[j].tag, "JJ") || its[j].tag == "RB" || anyWord(its, j, quoteMarks...)) {
			return "", 0
		}
	}
	return "", 0
}

// sayerOfClause finds the verb of saying whose object clause begins at
// its[i]: "said on Monday that", "said"; -1 if none.
func sayerOfClause(its []item, i int) int {
	s := i - 1
	if anyWord(its, s, "that") {
		s--
	}
	for s >= 0 && s >= i-5 && !anyWord(its, s, sayVerbs...) && (anyWord(its, s, "on") || weekdays[its[s].lw] || its[s].tag == "RB") {
		s--
	}
	if s < 0 || !anyWord(its, s, sayVerbs...) {
		return -1
	}
	return s
}

// pactDeterminers skips back from its[k] over the determiners,
// numbers and adjectives before a pact and returns the index before
// them.
func pactDeterminers(its []item, k int) int {
	for k >= 0 && (its[k].tag == "DT" || its[k].tag == "CD" || its[k].tag == "PRP$" || strings.HasPrefix(its[k].tag, "JJ")) && !anyWord(its, k, reciprocalWords...) {
		k--
	}
	return k
}
