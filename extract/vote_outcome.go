package extract

import "strings"

// The outcome rules read what became of the motion from the words of a
// sentence. For each word in turn, a form of "vote" is read by
// readVotedVerb; any other word is tried against outcomeCues, and a
// word that names an outcome is then tried against outcomeGuards, the
// readings under which it states none ("the adopted text", "failed to
// mention", "not adopted"). What passes sets the fragment's outcome,
// unless an earlier word set one already.

// readVotedVerb reads an outcome from "voted" and what follows, and
// reports whether the word at its[i] is a form of "vote":
//
//	The Assembly voted down the amendment.
//	MPs voted to reject the deal.
//	The Rada voted to extend martial law.
//	The House voted 220-212 to approve the bill.
//	The Senate voted against the motion.
func readVotedVerb(f *fragment, its []item, i int) bool {
	// "The Assembly decided on Friday by 143 votes in favour to
	// upgrade ...": a decision taken by a count of votes is a vote.
	if !anyWord(its, i, voteForms...) && !(anyWord(its, i, decideForms...) && votedTo(its, i+1) && tallyWithin(its, i+1, min(len(its), i+6))) {
		return false
	}
	if hedged(its, i) {
		return true
	}
	switch {
	case words(its, i+1, "down"), words(its, i+1, toReject...), words(its, i+1, toBlock...):
		f.outcome = Rejected
	case !bodySubject(its, i):
	case votedTo(its, i+1) || words(its, i+1, inFavourOf...) || words(its, i+1, inFavorOf...) || words(its, i+1, "for"):
		// "voted by 432 votes to 202 to reject" is a rejection.
		f.outcome = Adopted
		if votedToReject(its, i+1) {
			f.outcome = Rejected
		}
	case words(its, i+1, "against"):
		f.outcome = Rejected
	}
	return true
}

// An outcomeCue names the outcome a word at its[i] states, if any.
type outcomeCue struct {
	name  string
	match func(its []item, i int) (string, bool)
}

// outcomeCues are tried in order on each word; a later cue that matches
// overrides an earlier one.
var outcomeCues = []outcomeCue{
	{"outcome-verb", outcomeVerbCue},
	{"went-down", wentDownCue},
	{"got-through", gotThroughCue},
	{"let-through", letThroughCue},
	{"green-light", greenLightCue},
	{"confidence", confidenceCue},
	{"majority-vote", majorityVoteCue},
}

// majorityVoteCue reads a decision taken "with a majority vote of 88 to
// 69" or "by a majority of 12 to 3": a tally given as the majority's
// carries the motion. The tally must be a pair, not a threshold ("needed
// a majority vote of 90").
func majorityVoteCue(its []item, i int) (string, bool) {
	if !anyWord(its, i, "majority") || !anyWord(its, i-1, "a") || !anyWord(its, i-2, withBy...) {
		return "", false
	}
	k := i + 1
	if anyWord(its, k, majorityVoteNouns...) {
		k++
	}
	ok := anyWord(its, k, "of") && k+3 < len(its) && isNumberItem(its[k+1]) && anyWord(its, k+2, "to") && isNumberItem(its[k+3])
	return Adopted, ok
}

// outcomeVerbCue reads a verb of outcome: "The Assembly adopted the
// text", "The motion was carried", "The bill failed 18-79".
func outcomeVerbCue(its []item, i int) (string, bool) {
	o, ok := outcomeWords[its[i].lw]
	return o, ok
}

// wentDownCue reads "a third went down 18-80".
func wentDownCue(its []item, i int) (string, bool) {
	return Rejected, anyWord(its, i, "went") && anyWord(its, i+1, "down") && hyphenPair(lowerAt(its, i+2)) != nil
}

// gotThroughCue reads "scraped through by 348 votes to 345", "sailed
// through".
func gotThroughCue(its []item, i int) (string, bool) {
	return Adopted, anyWord(its, i, throughVerbs...) && anyWord(its, i+1, "through")
}

// letThroughCue reads an abstention that lets a motion through:
// "abstained, allowing it to pass", "letting the text be adopted".
func letThroughCue(its []item, i int) (string, bool) {
	if !anyWord(its, i, letVerbs...) {
		return "", false
	}
	k := i + 1
	if anyWord(its, k, "the") {
		k++
	}
	if !(anyWord(its, k, "it") || motionClasses[lowerAt(its, k)] != "" || anyWord(its, k, motionWords...)) {
		return "", false
	}
	k++
	if anyWord(its, k, "to") {
		k++
	}
	return Adopted, anyWord(its, k, "pass") || words(its, k, beAdopted...) || words(its, k, beApproved...)
}

// greenLightCue reads "gave its final blessing", "gave the green light".
func greenLightCue(its []item, i int) (string, bool) {
	if !anyWord(its, i, giveForms...) {
		return "", false
	}
	for k := i + 1; k < len(its) && k <= i+4; k++ {
		if anyWord(its, k, blessingNouns...) || words(its, k, greenLight...) {
			return Adopted, true
		}
	}
	return "", false
}

// outcomeWord is a word that names an outcome, as the guards see it.
type outcomeWord struct {
	its     []item
	i       int
	outcome string
	// tallied marks a tally right after the verb ("failed 18-79").
	tallied bool
}

// An outcomeGuard reports whether an outcome word states no outcome of
// the motion where it stands.
type outcomeGuard struct {
	name  string
	holds func(f *fragment, w outcomeWord) bool
}

// outcomeGuards are tried in order; the first that holds drops the word.
var outcomeGuards = []outcomeGuard{
	{"hedged", hedgedOutcome},
	{"neither", neitherOutcome},
	{"adjective", adjectiveOutcome},
	{"failed-to", failedToOther},
	{"infinitive", infinitiveAdopt},
	{"passed-away", passedAway},
	{"lost-other", lostOther},
	{"rejected-other", rejectedOther},
	{"adopted-other", adoptedOther},
	{"actor-subject", actorSubject},
	{"speaker-subject", speakerSubject},
	{"generic-motion", genericMotion},
}

// hedgedOutcome drops a negated, conditional or future outcome. A result
// stated in the negative is a rejection, unless a modal or condition
// makes it no result at all: "did not adopt the draft", "was not
// adopted", but not "would not adopt".
func hedgedOutcome(f *fragment, w outcomeWord) bool {
	if !hedged(w.its, w.i) {
		return false
	}
	if w.outcome == Adopted && negatedResult(w.its, w.i) && f.outcome == "" {
		f.outcome = Rejected
	}
	return true
}

// neitherOutcome reads an adoption of neither of two motions as their
// rejection: "The Council has adopted neither Russia's nor the West's
// draft".
func neitherOutcome(f *fragment, w outcomeWord) bool {
	if !anyWord(w.its, w.i+1, neitherWords...) {
		return false
	}
	if w.outcome == Adopted && f.outcome == "" {
		f.outcome = Rejected
	}
	return true
}

// adjectiveOutcome drops a participle used as an adjective: "the adopted
// text".
func adjectiveOutcome(_ *fragment, w outcomeWord) bool {
	its, i := w.its, w.i
	return (its[i].tag == "JJ" || its[i].tag == "VBN") && i > 0 && anyWord(its, i-1, articles...) && i+1 < len(its) && strings.HasPrefix(its[i+1].tag, "NN")
}

// failedToOther keeps "failed" only with a tally, the end of a clause
// or a verb of winning after it: "failed 18-79", "failed to pass",
// "failed to win enough votes", not "failed to mention".
func failedToOther(_ *fragment, w outcomeWord) bool {
	its, i := w.its, w.i
	if !anyWord(its, i, failForms...) {
		return false
	}
	if hyphenPair(lowerAt(its, i+1)) != nil || i+1 >= len(its) || anyWord(its, i+1, failedEnds...) {
		return false
	}
	return !(words(its, i+1, toPass...) || words(its, i+1, toWin...) || words(its, i+1, toSecure...) || words(its, i+1, toObtain...) ||
		words(its, i+1, toGet...) || words(its, i+1, toGarner...) || words(its, i+1, toGain...) || words(its, i+1, toBeAdopted...) || words(its, i+1, toReceive...))
}

// infinitiveAdopt drops an infinitive, which reports no result: "the
// right of States to adopt measures", "urged the Council to adopt"
// ("voted to adopt" is read by readVotedVerb).
func infinitiveAdopt(_ *fragment, w outcomeWord) bool {
	return anyWord(w.its, w.i, "adopt") && anyWord(w.its, w.i-1, "to")
}

// passedAway drops a person's passing: "passed away", "passed through".
func passedAway(_ *fragment, w outcomeWord) bool {
	return anyWord(w.its, w.i, "passed") && anyWord(w.its, w.i+1, passedParticles...)
}

// lostOther keeps "lost" only of a vote: "lost the vote", "the motion
// was lost", "lost 272-285", "lost a confidence vote"; not "lost
// control".
func lostOther(_ *fragment, w outcomeWord) bool {
	its, i := w.its, w.i
	if !anyWord(its, i, "lost") {
		return false
	}
	if confidenceVote(w) {
		return false
	}
	return !(words(its, i+1, theVote...) || anyWord(its, i+1, lostEnds...) || hyphenPair(lowerAt(its, i+1)) != nil || anyWord(its, i-1, wasWere...))
}

// rejectedOther drops a rejection by an actor of something other than a
// motion, which is a stance: "rejected the claims".
func rejectedOther(f *fragment, w outcomeWord) bool {
	return w.outcome == Rejected && !anyWord(w.its, w.i, failedPast...) && !w.tallied && !motionNear(w.its, w.i) && f.class == "" && !confidenceVote(w)
}

// adoptedOther drops an adoption or withdrawal with no motion or body in
// sight: "approved the plan".
func adoptedOther(f *fragment, w outcomeWord) bool {
	return (w.outcome == Adopted || w.outcome == Withdrawn) && !w.tallied && !motionNear(w.its, w.i) && f.class == "" && f.body == "" && !confidenceVote(w)
}

// actorSubject drops an adoption or rejection whose subject is an
// actor, not the body: "Iran rejected the resolution" is Iran's
// position, read by the position rules. Agents of a participle before
// the verb are not its subject: "The measure, tabled by Britain and
// Norway, passed 40-5-2".
func actorSubject(_ *fragment, w outcomeWord) bool {
	if confidenceVote(w) {
		// "The Italian government won a confidence vote": the subject is
		// the government the vote tested.
		return false
	}
	return (w.outcome == Adopted || w.outcome == Rejected) && !passive(w.its, w.i) && len(subjectOrAgent(w.its, w.i)) > 0 && !agentsBefore(w.its, w.i)
}

// speakerSubject drops a rejection voiced by a person rather than
// decided by a body: "he rejects the resolution", "My delegation rejects
// the text", "Smith rejected the criticism". The subject is a personal
// pronoun, a speaker's own noun ("my delegation") or a name that is
// neither an actor nor a body.
func speakerSubject(_ *fragment, w outcomeWord) bool {
	its, i := w.its, w.i
	if w.outcome != Rejected || w.tallied || !strings.HasPrefix(its[i].lw, "reject") || passive(its, i) || bodySubject(its, i) {
		return false
	}
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if k < 0 {
		return false
	}
	switch {
	case anyWord(its, k, speakerPronouns...):
		return true
	case k > 0 && anyWord(its, k-1, speakerPossessives...) && strings.HasPrefix(its[k].tag, "NN"):
		return true
	}
	return personName(its, k)
}

// personName reports whether the run of proper nouns ending at its[k] is
// a name that is neither an actor nor a body, with no article or
// preposition before it: "Minister Kim Lee", not "the Storting" or "on
// Wednesday".
func personName(its []item, k int) bool {
	if its[k].tag != "NNP" {
		return false
	}
	for ; k >= 0 && its[k].tag == "NNP"; k-- {
		if its[k].isActor() || its[k].body != "" || bodyWord[its[k].lw] {
			return false
		}
	}
	return k < 0 || !anyWord(its, k, articles...) && its[k].tag != "IN"
}

// genericMotion drops an outcome said of motions in general, not of one
// motion: "voted against adopting any resolution", "has rejected such a
// draft before".
func genericMotion(_ *fragment, w outcomeWord) bool {
	its, i := w.its, w.i
	for k := max(1, i-6); k < len(its) && k <= i+5; k++ {
		if _, ok := motionClasses[its[k].lw]; ok && (anyWord(its, k-1, genericDeterminers...) || anyWord(its, k-1, articles...) && anyWord(its, k-2, genericDeterminers...)) {
			return true
		}
	}
	return false
}

// readOutcome is the outcome rule: it reads every word of the part with
// readVotedVerb, outcomeCues and outcomeGuards. A word of outcome needs
// an anchor (a motion, a body, or a body spoken of before), or a tally
// right after it in a sentence about a motion ("failed 18-79"): "Arsenal
// went down 2-1" in a sports story states no vote. It notes the cue,
// guard or voted-verb reading that set the outcome, for --explain.
func (r *voteReader) readOutcome(f *fragment, its []item) {
	hasAnchor := f.class != "" || f.body != "" || r.p.context != ""
	for i := range its {
		before := f.outcome
		if readVotedVerb(f, its, i) {
			if f.outcome != before {
				r.note(fOutcome, "voted-verb")
			}
			continue
		}
		o, name := "", ""
		for _, c := range outcomeCues {
			if out, ok := c.match(its, i); ok {
				o, name = out, c.name
			}
		}
		tallied := (hyphenPair(lowerAt(its, i+1)) != nil || anyWord(its, i, "went") && hyphenPair(lowerAt(its, i+2)) != nil) &&
			(hasAnchor || hasMotion(its, 0, len(its))) || votesCountedAfter(its, i+1)
		if name == "" || !hasAnchor && !tallied {
			continue
		}
		if r.guarded(f, outcomeWord{its: its, i: i, outcome: o, tallied: tallied}) {
			continue
		}
		// "Peers defeated the government by 250 votes to 180": the
		// motion against the government carried.
		if anyWord(its, i, "defeated") && anyWord(its, i+1, "the") && anyWord(its, i+2, governmentNouns...) && !anyWord(its, i+3, possessiveMarks...) {
			o = Adopted
		}
		if f.outcome == "" || f.outcome == Adopted && o == Vetoed {
			f.outcome = o
			r.note(fOutcome, name)
		}
		if o == Vetoed {
			vetoVerbPositions(f, its, i)
		}
	}
}

// guarded runs the outcome guards on a word of outcome.
func (r *voteReader) guarded(f *fragment, w outcomeWord) bool {
	before := f.outcome
	for _, g := range outcomeGuards {
		if g.holds(f, w) {
			if f.outcome != before {
				r.note(fOutcome, g.name)
			}
			return true
		}
	}
	return false
}

// votedTo reports whether "to" and a verb follow at its[i], after an
// optional tally: "to approve", "220-212 to extend".
func votedTo(its []item, i int) bool {
	// Skip a tally between "voted" and "to": "220-212", "10 to 3, with
	// two abstentions,".
	for k := i; k < len(its) && k < i+14; k++ {
		if hyphenPair(its[k].lw) != nil || isNumberItem(its[k]) || weekdays[its[k].lw] ||
			anyWord(its, k, votedToFillers...) || anyWord(its, k, "and") && k+1 < len(its) && isNumberItem(its[k+1]) ||
			its[k].lw == "to" && k+1 < len(its) && isNumberItem(its[k+1]) {
			continue
		}
		i = k
		break
	}
	return anyWord(its, i, "to") && i+1 < len(its) && (its[i+1].tag == "VB" || anyWord(its, i+1, votedToVerbs...))
}

// votedToReject reports whether the verb that "voted ... to" leads to
// undoes the motion: "voted 432 to 202 to reject".
func votedToReject(its []item, i int) bool {
	for k := i; k+1 < len(its) && k < i+12; k++ {
		if its[k].lw == "to" && !isNumberItem(its[k+1]) {
			return anyWord(its, k+1, votedToUndo...)
		}
	}
	return false
}

// confidenceCue reads a confidence vote told by what became of the
// government it tested: "won a confidence vote" and "survived a vote of
// confidence" carry the motion of confidence; "survived a no-confidence
// motion" defeats the motion against it; "lost a confidence vote" is the
// motion of confidence rejected, "lost a censure vote" the censure
// carried.
func confidenceCue(its []item, i int) (string, bool) {
	kept := anyWord(its, i, confidenceKept...)
	if !kept && !anyWord(its, i, confidenceLost...) {
		return "", false
	}
	against, vote := false, false
	for k := i + 1; k < len(its) && k <= i+5; k++ {
		switch {
		case anyWord(its, k, noConfidenceWords...), its[k].lw == "confidence" && anyWord(its, k-1, "no"):
			against = true
		case its[k].lw == "confidence":
		case anyWord(its, k, confidenceMotionNouns...):
			vote = true
			continue
		default:
			continue
		}
		if vote || anyWord(its, k+1, confidenceMotionNouns...) {
			if kept == against {
				return Rejected, true
			}
			return Adopted, true
		}
	}
	return "", false
}

// confidenceVote reports whether a word of outcome is a confidence
// vote's result, which names its own motion: "won a confidence vote".
func confidenceVote(w outcomeWord) bool {
	_, ok := confidenceCue(w.its, w.i)
	return ok
}

// votesCountedAfter reports whether a count of votes follows at its[k],
// which makes the verb before it a vote's outcome whatever was voted on:
// "The agreement was passed with 153 votes in favor and 146 against".
func votesCountedAfter(its []item, k int) bool {
	for k < len(its) && its[k].tag == "RB" {
		k++
	}
	if !anyWord(its, k, withBy...) || k+2 >= len(its) || !isNumberItem(its[k+1]) || isYearItem(its[k+1]) {
		return false
	}
	return anyWord(its, k+2, "votes") && anyWord(its, k+3, ballotSides...)
}
