package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/tally-news/tally/extract/actors"
)

// tiesCut reads a break of relations, which a reader takes as opposition
// to the state it is with: "cut ties with Qatar", "severed diplomatic
// relations with Quito", "broke off diplomatic relations and cut air
// ties with Doha". The verb at its[i] and the tie noun may stand apart
// (adjectives, a list of kinds, a second verb of breaking); "with"
// follows the noun. It returns the targets and the frame's length, n 0
// when there is none.
func tiesCut(its []item, i int) ([]string, int) {
	if !breakVerbs[its[i].lw] {
		return nil, 0
	}
	for j := i + 1; j+1 < len(its) && j <= i+14; j++ {
		if tieNouns[its[j].lw] && anyWord(its, j+1, "with") {
			if t := stanceTargets(its, j+2); len(t) > 0 {
				return t, j + 2 - i
			}
			return nil, 0
		}
		if anyWord(its, j, sentenceStops...) || isVerbTag(its[j].tag) && !breakVerbs[its[j].lw] && its[j].lw != "off" {
			return nil, 0
		}
	}
	return nil, 0
}

// envoysSentHome reads a deadline given to a state's envoys to leave,
// an expulsion: "gave Iranian diplomats 48 hours to leave", "gave French
// Ambassador Jean Dupont two days to leave the country". It returns the
// envoys' state and the frame's length, n 0 when there is none.
func envoysSentHome(its []item, i int) ([]string, int) {
	if !anyWord(its, i, giveVerbs...) {
		return nil, 0
	}
	targets, n := envoySummoned(its, i)
	if n == 0 {
		return nil, 0
	}
	k := i + n
	for k < len(its) && k <= i+n+3 && its[k].tag == "NNP" {
		k++
	}
	if end := deadlineToLeave(its, k); end > 0 {
		return targets, end - i
	}
	return nil, 0
}

// deadlineToLeave reports where a deadline to leave that starts at
// its[k] ends ("48 hours to leave", "two days to leave"), 0 if none is
// there.
func deadlineToLeave(its []item, k int) int {
	if k >= len(its) || !isNumberItem(its[k]) || !anyWord(its, k+1, deadlineUnits...) || !words(its, k+2, leaveWords...) {
		return 0
	}
	return k + 4
}

// envoysLeaving reads the same expulsion told from the envoys' side:
// "Qatari diplomats now have 48 hours to leave the UAE and Bahrain" (the
// states they must leave oppose Qatar). It returns the holders (the
// states left), the envoys' state and the frame's length.
func envoysLeaving(its []item, i int) (holders, targets []string, n int) {
	if its[i].kind != actors.Demonym {
		return nil, nil, 0
	}
	j := i + 1
	if j >= len(its) || !envoyNouns[its[j].lw] {
		return nil, nil, 0
	}
	k := j + 1
	for k < len(its) && k <= j+2 && anyWord(its, k, holdVerbs...) {
		k++
	}
	if k == j+1 {
		return nil, nil, 0
	}
	end := deadlineToLeave(its, k)
	if end == 0 {
		return nil, nil, 0
	}
	holders = stanceTargets(its, end)
	if len(holders) == 0 {
		return nil, nil, 0
	}
	return holders, []string{its[i].actor}, end - i
}

// recallNamed reads the noun of recalling one's envoys: "ordered the
// recall of its ambassadors from Ireland and Norway". It returns the
// states recalled from and the frame's length.
func recallNamed(its []item, i int) ([]string, int) {
	if !anyWord(its, i, recallNouns...) || !anyWord(its, i+1, "of") {
		return nil, 0
	}
	t, n := envoyRecalled(its, i+1)
	if n == 0 {
		return nil, 0
	}
	return t, n + 1
}

// actVerbBefore finds the verb that takes the act named by the noun at
// its[i] as its object, through determiners and adjectives ("ordered an
// immediate recall"); -1 if none.
func actVerbBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && (its[k].tag == "DT" || strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "RB") {
		k--
	}
	if k >= 0 && isVerbTag(its[k].tag) {
		return k
	}
	return -1
}

// allyLabel reads an ally label, the named ally's support for the one
// it is allied with: "Saudi ally Bahrain" (Bahrain supports Saudi
// Arabia), "the US and its ally Israel", "President Assad's supporters
// Russia and China". The ally noun is at its[i] and the allies follow
// it at once. It returns the allies, the one they are allied with and
// the label's length, n 0 when there is none.
func allyLabel(its []item, i int) (allies, allied []string, n int) {
	if !allyNouns[its[i].lw] {
		return nil, nil, 0
	}
	// "its allies, including the US and Japan", "allies such as Japan".
	start := i + 1
	if anyWord(its, start, ",") {
		start++
	}
	listed := false
	for _, w := range allyListers {
		if words(its, start, strings.Fields(w)...) {
			start += len(strings.Fields(w))
			listed = true
			break
		}
	}
	if !listed {
		start = i + 1
	}
	if listed && anyWord(its, start, "the") {
		start++
	}
	if start >= len(its) || !its[start].isActor() {
		return nil, nil, 0
	}
	allies = stanceTargets(its, start)
	k := i - 1
	for k >= 0 && allyModifiers[its[k].lw] {
		k--
	}
	code := allyOwner(its, k)
	// "Seoul will work with allies, including": the clause's subject.
	if code == "" && listed && anyWord(its, k, "with") {
		if subj := stanceHolders(its, k, nil); len(subj) == 1 {
			code = subj[0]
		}
	}
	if code == "" || len(allies) == 0 {
		return nil, nil, 0
	}
	return allies, []string{code}, start + 1 - i
}

// allyOwner finds whom the ally label ending at its[k] names as allied:
// an actor right there ("Saudi ally"), a possessive through a person's
// name or title ("Syrian President Bashar al-Assad's"), or for "its"
// and "their" the actor right before ("the US and its ally").
func allyOwner(its []item, k int) string {
	switch {
	case k < 0:
		return ""
	case its[k].isActor():
		return its[k].actor
	case anyWord(its, k, possessiveMarks...):
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			if its[j].isActor() {
				return its[j].actor
			}
			if !nameWord(its[j]) && !roleNouns[its[j].lw] && !its[j].tail {
				return ""
			}
		}
	case anyWord(its, k, possessivesPlain...):
		j := k - 1
		if anyWord(its, j, "and") {
			j--
		}
		// "accused Turkey of sending troops to back its ally": the
		// nearest actor before, in the same clause.
		for ; j >= 0 && j >= k-maxReach && !anyWord(its, j, clauseMarks...); j-- {
			if its[j].isActor() {
				return its[j].actor
			}
		}
	}
	return ""
}

// nameWord reports whether an item is a word of a name: tagged a proper
// noun or holding a capital ("al-Assad" is often tagged a common noun).
func nameWord(it item) bool {
	return strings.HasPrefix(it.tag, "NNP") || strings.IndexFunc(it.text, unicode.IsUpper) >= 0
}

// nounAgent finds the holders a stance noun names after its targets
// with "by": "the recognition of Palestine as a state by Ireland and
// Spain", "condemnation of the strikes by France". The search stays in
// the clause and stops at a verb; nil if there is no such agent.
func nounAgent(its []item, i int) []string {
	if !isNounCue(its[i].lw) {
		return nil
	}
	for k := i + 1; k < len(its) && k <= i+10; k++ {
		if anyWord(its, k, sentenceStops...) || isVerbTag(its[k].tag) && its[k].tag != "VBN" {
			return nil
		}
		if its[k].lw == "by" {
			return stanceTargets(its, k+1)
		}
	}
	return nil
}

// joinedInSubject finds the holders of a gerund cue at its[i] that
// follows "in" after a verb of joining or following: "Brazil, Chile and
// Peru joined in rebuking Ecuador", "Nicaragua followed Mexico in
// severing ties with Quito". They are that verb's subject and the ones
// joined or followed, who did the act first (Nicaragua and Mexico);
// nil if the cue stands in no such frame or the verb has no subject.
func joinedInSubject(its []item, i int) []string {
	if its[i].tag != "VBG" {
		return nil
	}
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if !anyWord(its, k, "in") {
		return nil
	}
	k--
	// "followed Mexico in", "joined Chile and Peru in": the ones
	// followed are objects.
	var followed []string
	for k >= 0 && k >= i-8 && (its[k].isActor() || its[k].tail || anyWord(its, k, listGlueShort...)) {
		if its[k].isActor() && !its[k].tail {
			followed = append(followed, its[k].actor)
		}
		k--
	}
	if k < 0 || !anyWord(its, k, joinVerbs...) {
		return nil
	}
	subj := subjectOrAgent(its, k)
	if len(subj) == 0 {
		return nil
	}
	slices.Reverse(followed)
	for _, code := range followed {
		if !slices.Contains(subj, code) {
			subj = append(subj, code)
		}
	}
	return subj
}

// issuedStatementHolder finds the holders of a gerund cue at its[i]
// that follows a statement issued by its holders: "Uruguay published a
// press release regretting the decision", "the ministry issued a
// statement condemning Israel". They are the subject of the verb of
// issuing; nil if the cue stands in no such frame.
func issuedStatementHolder(its []item, i int) []string {
	if its[i].tag != "VBG" || !anyWord(its, i-1, statementNouns...) {
		return nil
	}
	k := i - 2
	for k >= 0 && k >= i-5 && (its[k].tag == "DT" || strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "NN") {
		k--
	}
	if k < 0 || !anyWord(its, k, issueVerbs...) {
		return nil
	}
	if subj := subjectOrAgent(its, k); len(subj) > 0 {
		return subj
	}
	return officeOwners(its, k)
}

// relativeHolder finds the holder of a cue at its[i] that opens a
// relative clause on an actor: "watched by Washington, which has
// frozen Iran's assets", "Moscow, which has condemned Kyiv". The actor
// before the pronoun is the holder whatever its part in the main
// clause; nil if the cue stands in no such clause.
func relativeHolder(its []item, i int) []string {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || its[k].tag == "MD" || anyWord(its, k, passiveAuxiliaries...)) {
		k--
	}
	if !anyWord(its, k, relativeSubjects...) || !anyWord(its, k-1, ",") || k < 2 || !its[k-2].isActor() || its[k-2].tail {
		return nil
	}
	return []string{its[k-2].actor}
}

// namedBesideGroup finds the holders of a cue at its[i] whose subject
// joins named actors to a group left unnamed: "The United States and
// Western countries condemned", "France and other European states
// backed". The named ones hold the stance; the group gives nothing.
// Nil if the subject is no such list.
func namedBesideGroup(its []item, i int) []string {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if !anyWord(its, k, stateNouns...) {
		return nil
	}
	k--
	// "Western", "other Gulf": adjectives, or a proper name that
	// names no actor.
	for k >= 0 && k >= i-5 && ((strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "NNP") && !its[k].isActor() || anyWord(its, k, otherWords...)) {
		k--
	}
	if !anyWord(its, k, "and") || k < 1 || !its[k-1].isActor() || objectActor(its, k-1) {
		return nil
	}
	return subjectBefore(its, k)
}

// officeOwners finds the holders of a cue at its[i] whose subject is an
// office "of" its countries: "the Ministry of Foreign Affairs of
// Uruguay", "the leaders of France and Germany". Nil if the subject is
// no such office.
func officeOwners(its []item, i int) []string {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if k < 0 || !its[k].isActor() {
		return nil
	}
	j := k
	for j >= 0 && (its[j].isActor() || its[j].tail || anyWord(its, j, listGlueShort...)) {
		j--
	}
	if !anyWord(its, j, "of") || j < 1 || !(roleNouns[its[j-1].lw] || groupNouns[its[j-1].lw] || anyWord(its, j-1, officeHeads...)) {
		return nil
	}
	return actorList(its, j+1)
}

// suspension reads a state suspended from a body, which a reader takes
// as the body's opposition: "suspended Niger's membership", "suspended
// Mali and Guinea from the bloc". It returns the states and the frame's
// length.
func suspension(its []item, i int) ([]string, int) {
	if !anyWord(its, i, suspendVerbs...) {
		return nil, 0
	}
	targets := stanceTargets(its, i+1)
	if len(targets) == 0 {
		return nil, 0
	}
	k := targetStart(its, i+1)
	for k < len(its) && (its[k].isActor() || its[k].tail || anyWord(its, k, listGlueShort...)) {
		k++
	}
	switch {
	case anyWord(its, k, "from"):
		return targets, k + 1 - i
	case anyWord(its, k, possessiveMarks...) && anyWord(its, k+1, membershipNouns...):
		return targets, k + 2 - i
	}
	return nil, 0
}

// passiveStance reads a stance cue in the passive, its holders the agent
// after "by" and its target the subject: "Kenya was criticised by
// Uganda", "Israel's decision was condemned by Egypt and Jordan". The
// cue at its[i] is a past participle after a form of "be". It returns
// the holders, the targets and the cue's length.
func passiveStance(its []item, i int, cue stanceCue, n int) (holders, targets []string) {
	if its[i].tag != "VBN" && its[i].tag != "VBD" || !anyWord(its, n+i, "by") {
		return nil, nil
	}
	// "The Parliament ratified the deal, a decision welcomed by
	// Britain": the act in apposition is the main clause's subject's.
	if i >= 3 && anyWord(its, i-1, actNouns...) && anyWord(its, i-2, indefiniteArticles...) && anyWord(its, i-3, ",") {
		if holders = stanceTargets(its, n+i+1); len(holders) > 0 {
			return holders, firstClauseSubject(its, i-3)
		}
		return nil, nil
	}
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || anyWord(its, k, passiveAuxiliaries...)) {
		k--
	}
	if k == i-1 || !anyWord(its, k+1, passiveAuxiliaries...) {
		return nil, nil
	}
	holders = stanceTargets(its, n+i+1)
	if len(holders) == 0 {
		return nil, nil
	}
	// The subject: an actor, or an actor's act ("Israel's decision").
	j := k
	if j >= 1 && actNounSet[its[j].lw] && anyWord(its, j-1, possessiveMarks...) {
		j -= 2
	}
	if j >= 0 && its[j].isActor() {
		targets = subjectBefore(its, j+1)
	}
	return holders, targets
}

// angeredBy reads a stance told by the feeling it caused: "Turkey has
// angered Cyprus with its decision" (Cyprus opposes Turkey). The verb
// of angering is at its[i], its object the holders, its subject the
// targets.
func angeredBy(its []item, i int) (holders, targets []string) {
	if !angerVerbs[its[i].lw] {
		return nil, nil
	}
	k := i
	for k > 0 && its[k-1].tag == "RB" {
		k--
	}
	perfect := anyWord(its, k-1, haveForms...)
	if perfect {
		k--
	}
	// "was angered by" is told the other way round.
	if its[i].tag == "VBN" && !perfect {
		return nil, nil
	}
	holders = stanceTargets(its, i+1)
	if len(holders) == 0 {
		return nil, nil
	}
	return holders, subjectOrAgent(its, k)
}

// tradedStances reads stances both ways between the actors of a
// subject that trades blame: "Turkey and Greece traded accusations".
// Each actor opposes each other one.
func tradedStances(its []item, i int) []string {
	if !anyWord(its, i, tradeVerbs...) || i+1 >= len(its) || !mutualNouns[its[i+1].lw] {
		return nil
	}
	k := beforeTimePhrase(its, i-1)
	// "Turkey and Greece this week traded".
	if anyWord(its, k, timeUnits...) && anyWord(its, k-1, recentWords...) {
		k -= 2
	}
	subj := subjectOrAgent(its, k+1)
	if len(subj) < 2 {
		return nil
	}
	return subj
}

// firstClauseSubject finds the actor subject of the sentence's first
// verb before its[end]: "The European Parliament has voted ..., a
// decision welcomed by" (a body that is an actor counts here); nil if
// it has none.
func firstClauseSubject(its []item, end int) []string {
	for k := 1; k < end && k < len(its); k++ {
		if !isVerbTag(its[k].tag) && its[k].tag != "MD" {
			continue
		}
		if subj := subjectBefore(its, k); len(subj) > 0 {
			return subj
		}
		if its[k-1].isActor() {
			return []string{its[k-1].actor}
		}
		return nil
	}
	return nil
}
