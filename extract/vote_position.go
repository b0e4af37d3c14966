package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// positionsOf is the position rule: it reads how actors voted, and the
// tallies stated as "N countries, including ..., voted against" (or
// "supported the draft"):
//
//	China and Russia abstained.
//	Ten countries, including the US, Israel and Austria, voted against.
//	Those voting against were the United States and Israel.
//	MPs backed the bill.
func (r *voteReader) positionsOf(f *fragment, its []item) {
	for i := 0; i < len(its); i++ {
		cue, n := cueAt(its, i)
		if n == 0 || !positionCueReads(f, its, i, n, cue) {
			continue
		}
		subj := r.votersBefore(f, its, i, n, cue)
		// "Germany struck a deal with the Commission, and subsequently
		// voted in favor": the verbs share the first one's subject.
		if v := coordinatedVerb(its, i); v >= 0 {
			if s := subjectBefore(its, v); len(s) > 0 {
				subj = s
			}
		}
		// "Washington heeded Israel's call to vote no": the subject of
		// the verb that heeded the call voted as it asked.
		if h := heededCall(its, i); h >= 0 {
			subj = subjectBefore(its, h)
		}
		if j, ok := joinedVoters(its, i); ok {
			subj = j
		}
		// "Ukraine switched from voting yes to voting no": the old
		// position is not read, the new one belongs to the subject of
		// "switched".
		if anyWord(its, i-1, "from") && switchedBefore(its, i-1) >= 0 {
			i += n - 1
			continue
		}
		if anyWord(its, i-1, "to") {
			if k := switchedBefore(its, i-1); k >= 0 {
				subj = subjectBefore(its, k)
			}
		}
		with := votersAlongside(its, i+n)
		subj = append(subj, with...)
		f.alongside = append(f.alongside, with...)
		// "Starmer voted for the bill": a person's own vote as a
		// member, not the state's.
		if personVoting(its, i) {
			subj = nil
		}
		for _, code := range subj {
			f.setPosition(code, cue.value, cue.strong)
		}
		if cue.strong || cue.motion {
			if count, ok := countedSubject(its, i); ok {
				f.setTally(cue.value, count)
			}
		}
		i += n - 1
	}
}

// positionCueReads reports whether the position cue of n items at its[i]
// states positions there: not a tally ("with 11 abstentions"), a heading
// ("Abstaining:", read by the list rule), a compound ("-backed"), a
// hedged cue, "opposed" with no motion as object, or "voted for" a
// person. A count right before a strong cue is a tally ("Another 251
// voted against", "nine abstained"), recorded here.
func positionCueReads(f *fragment, its []item, i, n int, cue positionCue) bool {
	if i > 0 && isNumberItem(its[i-1]) && !isYearItem(its[i-1]) {
		if !cue.strong || its[i].lw == "abstention" || failedToGet(its, i-1) {
			return false
		}
		v, _ := itemNumber(its[i-1])
		f.setTally(cue.value, v)
	}
	if anyWord(its, i+n, ":") || anyWord(its, i+n, "(") && anyWord(its, i+n+2, ")") && anyWord(its, i+n+3, ":") {
		return false
	}
	if its[i].tail || hedged(its, i) && heededCall(its, i) < 0 {
		return false
	}
	if cue.motion && (!motionInClause(its, i+n, 12) || anyWord(its, i+n, "by")) {
		return false
	}
	// "for" as in "voted for Trump" needs a motion or a clause end.
	return !(cue.words[len(cue.words)-1] == "for" && !(motionAhead(its, i+n, 4) || anyWord(its, i+n, forEnds...)))
}

// coordinatedVerb returns the index of the verb whose subject the cue at
// its[i] shares when it follows "and" with no subject of its own:
// "Germany struck a deal with the Commission, and subsequently voted in
// favor"; -1 when the cue has a subject between "and" and it, or no
// finite verb stands before the "and" in the sentence.
func coordinatedVerb(its []item, i int) int {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || fillers[its[k].lw]) {
		k--
	}
	if !anyWord(its, k, "and") {
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-maxReach; j-- {
		if anyWord(its, j, clauseEnds...) && !anyWord(its, j, ",") {
			return -1
		}
		if finiteVerb(its[j]) {
			return j
		}
	}
	return -1
}

// whoBefore reports whether the cue at its[i] opens a relative clause on
// persons: "who opposed", "who had voted against".
func whoBefore(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if anyWord(its, k, "who") {
			return true
		}
		if !fillers[its[k].lw] && its[k].tag != "RB" {
			return false
		}
	}
	return false
}

// heededCall returns the index of the verb by which a subject did as a
// call to vote asked, when the position cue at its[i] is the call's
// infinitive: "heeded Israel's call to vote no", "followed the appeal to
// abstain"; -1 when the cue is no such call.
func heededCall(its []item, i int) int {
	if !anyWord(its, i-1, "to") || !anyWord(its, i-2, callNouns...) {
		return -1
	}
	for k := i - 3; k >= 0 && k >= i-7; k-- {
		switch {
		case anyWord(its, k, heedVerbs...):
			// "did not heed the call" is no vote as it asked.
			if negatedResult(its, k) || hedged(its, k) {
				return -1
			}
			return k
		case its[k].isActor() || anyWord(its, k, possessiveMarks...) || anyWord(its, k, articles...) || anyWord(its, k, theirPossessives...) || strings.HasPrefix(its[k].tag, "JJ"):
		default:
			return -1
		}
	}
	return -1
}

// votersBefore finds who voted as the cue of n items at its[i] says: the
// subject before it, the speaker's country ("her delegation voted
// against", "she said it had abstained"), or a list after it ("Those
// voting against were ...", "Countries that abstained:"). A body as
// subject decides the motion ("MPs backed the bill", "the Assembly
// voted against the draft"): that sets the outcome.
func (r *voteReader) votersBefore(f *fragment, its []item, i, n int, cue positionCue) []string {
	if subj := subjectBefore(its, i); len(subj) > 0 {
		return subj
	}
	if ownDelegation(its, i) || cue.strong && pronounBefore(its, i) && !partySays(its, i) {
		if code := r.speakerFor(i); code != "" {
			return []string{code}
		}
	}
	// "members of the National Assembly who opposed the bill": a
	// clause on who, among the members, voted so; not the chamber's
	// decision.
	if bodySubject(its, i) && !whoBefore(its, i) && (cue.motion || motionAhead(its, i+n, 5)) && f.outcome == "" {
		if cue.value == Yes {
			f.outcome = Adopted
		} else if cue.value == No {
			f.outcome = Rejected
		}
	}
	j := i + n
	if anyWord(its, j, "the") && anyWord(its, j+1, motionNouns...) {
		j += 2
	} else if anyWord(its, j, motionPronouns...) {
		// "Others that voted against it included ...".
		j++
	}
	// "Also voting against alongside Argentina were ...": the voters
	// named with the cue vote too (see votersAlongside); the list
	// follows them.
	j = pastAlongside(its, j)
	if !anyWord(its, j, listVerbs...) {
		return nil
	}
	j++
	// "were, among others, Singapore, ...".
	for j < len(its) && anyWord(its, j, listFillers...) {
		j++
	}
	return actorList(its, j)
}

// pastAlongside returns the index after the voters named with "alongside"
// or "together with" at its[j], when a verb that opens a list follows
// them: "alongside Argentina were ..."; j otherwise.
func pastAlongside(its []item, j int) int {
	k := j
	switch {
	case anyWord(its, k, "alongside"):
		k++
	case words(its, k, togetherWith...) || words(its, k, alongWith...):
		k += 2
	default:
		return j
	}
	sawActor := false
	for k < len(its) && (its[k].isActor() || listGlue[its[k].lw]) {
		sawActor = sawActor || its[k].isActor()
		k++
	}
	if sawActor && anyWord(its, k, listVerbs...) {
		return k
	}
	return j
}

// joinedVoters reads voters who joined others in a vote: "joined Russia,
// North Korea and Belarus ... in voting against", "again sided with the
// United States in voting no" give both sides.
func joinedVoters(its []item, i int) ([]string, bool) {
	if !anyWord(its, i-1, "in") {
		return nil, false
	}
	for k := i - 2; k >= 0 && k >= i-20; k-- {
		if anyWord(its, k, joinForms...) {
			return append(subjectBefore(its, k), actorList(its, k+1)...), true
		}
		if anyWord(its, k, sideForms...) && anyWord(its, k+1, "with") {
			return append(subjectBefore(its, k), actorList(its, k+2)...), true
		}
	}
	return nil, false
}

// votersAlongside reads voters named after a cue that ends at its[j]:
// "... alongside Russia and a few other nations", "joined by the United
// Kingdom", "Nine countries voted against, among them the United States
// and Israel", "Three voted against - Russia, China and Burkina Faso -".
func votersAlongside(its []item, j int) []string {
	for k := j; k < len(its) && k <= j+4; k++ {
		if anyWord(its, k, alongsideWords...) {
			return actorList(its, k+1)
		}
		if words(its, k, alongWith...) || words(its, k, togetherWith...) || words(its, k, asDid...) || words(its, k, joinedBy...) || words(its, k, amongThem...) {
			return actorList(its, k+2)
		}
	}
	return nil
}

// switchedBefore returns the index of "switched" (or "moved", "changed")
// that a "from" or "to" at its[i] belongs to, or -1.
func switchedBefore(its []item, i int) int {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if anyWord(its, k, switchVerbs...) {
			return k
		}
		if anyWord(its, k, clauseEnds...) {
			return -1
		}
	}
	return -1
}

// cueAt matches a position cue at its[i] and returns it with its length.
func cueAt(its []item, i int) (positionCue, int) {
	for _, c := range dissentCues {
		if words(its, i, c.words...) {
			return c, len(c.words)
		}
	}
	for _, c := range positionCues {
		if words(its, i, c.words...) {
			return c, len(c.words)
		}
	}
	return positionCue{}, 0
}

// countedSubject finds a counted subject before a position cue: "Ten
// countries, including the US, Israel and Austria, voted against" gives
// 10.
func countedSubject(its []item, i int) (int, bool) {
	k, ok := pastCountedExamples(its, i)
	if !ok {
		return 0, false
	}
	// "Six members of the Council, namely ...": the chamber the counted
	// members sit in. The count must stand right before its noun, with
	// no article: "the three African members of the Council" are a
	// group of the chamber, not a side's tally.
	if o := ofChamberBefore(its, k); o > 0 {
		k = o - 1
		if k < 1 || !voterNouns[its[k].lw] || !isNumberItem(its[k-1]) || anyWord(its, k-2, articles...) {
			return 0, false
		}
	}
	// "four more - Kuwait, Germany ... - abstained": the counted noun
	// left out after "more".
	if k >= 1 && anyWord(its, k, moreVoters...) && isNumberItem(its[k-1]) && !isYearItem(its[k-1]) {
		return numberEndingAt(its, k-1)
	}
	if k < 1 || !voterNouns[its[k].lw] {
		return 0, false
	}
	return countBeforeNoun(its, k-1, i)
}

// pastCountedExamples skips back from a position cue at its[i] over the
// fillers and the examples of a counted subject ("Ten countries,
// including the US, Israel and Austria, voted against") and returns the
// index before them. Actors between the count and the verb must be the
// count's examples, introduced as such, not a subject of their own.
func pastCountedExamples(its []item, i int) (int, bool) {
	k := i - 1
	sawActor, introduced := false, false
	for k >= 0 && k >= i-maxReach && (fillers[its[k].lw] || listGlue[its[k].lw] || its[k].isActor() || anyWord(its, k, exampleIntroducers...) || anyWord(its, k, apposedListLeads...)) {
		sawActor = sawActor || its[k].isActor()
		introduced = introduced || anyWord(its, k, exampleIntroducers...) || anyWord(its, k, apposedListLeads...)
		k--
	}
	return k, !sawActor || introduced
}

// countBeforeNoun reads the count that stands before a voter noun, past
// its modifiers from its[k] back: "The remaining 14 council members",
// "ten other member states"; but "139 Labour MPs" are a party's members,
// not the chamber's tally.
func countBeforeNoun(its []item, k, i int) (int, bool) {
	for k >= 0 && k >= i-maxReach && !isNumberItem(its[k]) && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "NN" || its[k].tag == "NNP" && !its[k].isActor() || anyWord(its, k, countModifiers...)) {
		if its[k].tag == "NNP" && !its[k].isActor() && its[k].text != "" && its[k].text[0] >= 'A' && its[k].text[0] <= 'Z' && !anyWord(its, k, councilMembers...) {
			return 0, false
		}
		k--
	}
	if k < 0 {
		return 0, false
	}
	return numberEndingAt(its, k)
}

// ofChamberBefore returns the index of the "of" that opens the name of a
// chamber ending at its[k] ("members of the Security Council"), -1 when
// no chamber's name ends there.
func ofChamberBefore(its []item, k int) int {
	if k < 0 || k >= len(its) || its[k].body == "" {
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if anyWord(its, j, "of") {
			return j
		}
		if its[j].tag != "NNP" && its[j].body == "" && !anyWord(its, j, articles...) {
			return -1
		}
	}
	return -1
}

// numberEndingAt reads the number that ends at its[k], with tens and
// units written as two words: "Thirty five states" is 35.
func numberEndingAt(its []item, k int) (int, bool) {
	v, ok := itemNumber(its[k])
	if !ok {
		return 0, false
	}
	if t, ok := itemNumber(itemAt(its, k-1)); ok && v < 10 && t >= 20 && t < 100 && t%10 == 0 {
		v += t
	}
	return v, true
}

// itemAt returns its[k], or an empty item when k is out of range.
func itemAt(its []item, k int) item {
	if k < 0 || k >= len(its) {
		return item{}
	}
	return its[k]
}

// passivePositions reads the voters of a passive position cue, named
// after "by", and a count of them as the side's tally:
//
//	The text was backed by most African countries, Brazil and Mexico.
//	The draft, which was opposed by seven of the 193 member states,
//	including Syria and Cuba, passed.
//
// The cue must follow a form of "be" and a motion (or a relative pronoun
// standing for one) before it in the clause: "was supported by France"
// with no motion says nothing of a vote.
func passivePositions(_ *voteReader, f *fragment, its []item) {
	for i := 1; i < len(its); i++ {
		cue, n := cueAt(its, i)
		if n == 0 || !cue.motion || !anyWord(its, i-1, passiveBe...) || hedged(its, i) || !motionBehind(its, i-1) {
			continue
		}
		// "was opposed only by", "was backed overwhelmingly by".
		by := i + n
		for by < len(its) && its[by].tag == "RB" {
			by++
		}
		if !anyWord(its, by, "by") {
			continue
		}
		j := by + 1
		if v, ok := countedVoters(its, j); ok {
			f.setTally(cue.value, v)
		}
		for _, code := range votersAfter(its, j) {
			f.setPosition(code, cue.value, true)
		}
		i += n
	}
}

// motionBehind reports whether a motion noun, "it" or a relative pronoun
// stands in the few items before its[i], within its clause, or before a
// relative clause set off by commas that ends right before it ("The
// resolution, which was adopted ..., was opposed only by ...").
func motionBehind(its []item, i int) bool {
	i = pastRelativeClause(its, i)
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if _, ok := motionClasses[its[k].lw]; ok || documentAt(its, k) || anyWord(its, k, relativeMotion...) || anyWord(its, k, motionPronouns...) {
			return true
		}
		if anyWord(its, k, clauseEndsColon...) {
			return false
		}
	}
	return false
}

// pastRelativeClause returns the index of the ", which" or ", that" that
// opens a relative clause closed by a comma right before its[i], so that
// the clause's subject is looked for before it; i when none does.
func pastRelativeClause(its []item, i int) int {
	if !anyWord(its, i-1, ",") {
		return i
	}
	for k := i - 2; k > 0 && k >= i-40; k-- {
		if anyWord(its, k, ",") && anyWord(its, k+1, relativeMotion...) {
			return k
		}
	}
	return i
}

// countedVoters reads a count of voters at its[j]: "seven countries",
// "six of the 52 member states", "nine of its members"; not "120 votes".
func countedVoters(its []item, j int) (int, bool) {
	if j >= len(its) || !isNumberItem(its[j]) || isYearItem(its[j]) {
		return 0, false
	}
	v, ok := itemNumber(its[j])
	if !ok {
		return 0, false
	}
	for k := j + 1; k < len(its) && k <= j+3; k++ {
		if voterNouns[its[k].lw] || its[k].lw == "of" && k == j+1 {
			return v, true
		}
		if !strings.HasPrefix(its[k].tag, "JJ") && !anyWord(its, k, countModifiers...) {
			return 0, false
		}
	}
	return 0, false
}

// votersAfter reads the voters named after "by" at its[j], to the end of
// the clause, or to another side's cue ("by 29 countries, nine
// abstained"): the first list of actors, past a count or a group of them
// ("most African countries, Brazil and Mexico", "seven of the member
// states, including Syria and Cuba").
func votersAfter(its []item, j int) []string {
	for k := j; k < len(its) && k < j+maxReach; k++ {
		if its[k].isActor() {
			list := actorList(its, k)
			// "by the majority of European countries, United States,
			// Georgia": part of a group is not the group voting.
			if len(list) > 0 && partOfGroup(its, k) {
				list = list[1:]
			}
			return list
		}
		if _, n := cueAt(its, k); n > 0 || anyWord(its, k, sentenceEnds...) || motionClasses[its[k].lw] != "" || finiteVerb(its[k]) {
			return nil
		}
	}
	return nil
}

// partOfGroup reports whether the actor at its[k] is named as a group
// only part of which is meant: "the majority of European countries",
// "most Arab states".
func partOfGroup(its []item, k int) bool {
	return anyWord(its, k-1, groupShares...) || anyWord(its, k-1, "of") && anyWord(its, k-2, groupShares...)
}

// finiteVerb reports whether an item is a verb with a tense, which ends
// a phrase of voters: "passed", "said".
func finiteVerb(it item) bool { return it.tag == "VBD" || it.tag == "VBZ" || it.tag == "VBP" }

// amongThemPositions reads a list that names some of the counted voters
// of the sentence before, which gave their side:
//
//	Another 40 countries abstained. Among them were Kenya, Peru and Chile.
//
// The sentence must open with "Among them" (or "Among those") and a form
// of "be"; the sentence before must count the voters of its last side
// ("40 countries abstained", "12 states voted against").
func amongThemPositions(r *voteReader, f *fragment, its []item) {
	if !r.whole || !r.d.amongThem(r.t.si) {
		return
	}
	side, ok := countedSideOf(r.d.items(r.t.si - 1))
	if !ok {
		return
	}
	for _, code := range actorList(its, 3) {
		f.setPosition(code, side, true)
	}
}

// amongThem reports whether sentence si opens with "Among them were",
// naming some of the voters the sentence before counted; it is read as
// part of a vote although it names none.
func (d *document) amongThem(si int) bool {
	// Most sentences are told apart by their first word, before their
	// items are built.
	if si == 0 || len(d.sents[si].Text) < 6 || !strings.EqualFold(d.sents[si].Text[:5], "among") {
		return false
	}
	its := d.items(si)
	return anyWord(its, 0, "among") && anyWord(its, 1, amongPronouns...) && anyWord(its, 2, beForms...)
}

// countedSideOf returns the side of the last strong position cue of a
// sentence when a count of voters stands as its subject: "Another 40
// countries abstained", "12 voted against".
func countedSideOf(its []item) (string, bool) {
	side, ok := "", false
	for i := 1; i < len(its); i++ {
		cue, n := cueAt(its, i)
		if n == 0 || !cue.strong {
			continue
		}
		_, counted := countedSubject(its, i)
		if counted || isNumberItem(its[i-1]) && !isYearItem(its[i-1]) {
			side, ok = cue.value, true
		} else {
			side, ok = "", false
		}
		i += n - 1
	}
	return side, ok
}

// personVoting reports whether the voter right before the cue at its[i]
// is one person named for a country (a leader, by office or name), not
// a list of voters: a member's own vote.
func personVoting(its []item, i int) bool {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	return k >= 0 && its[k].kind == actors.Leader && !anyWord(its, k-1, listCommas...)
}
