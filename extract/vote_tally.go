package extract

import "strings"

// talliesOf is the tally rule: it reads the counts of a vote, trying
// tallyShapes in order on each number:
//
//	It was adopted by a vote of 3 in favour (Algeria, China, Russian Federation) to 1 against (United States), with 11 abstentions.
//	The text received 93 votes in favour, 18 against and 65 abstentions.
//	The bill passed 93-18.
//	MPs voted by 322 votes to 308.
//	The resolution received the support of 153 votes.
func (r *voteReader) talliesOf(f *fragment, its []item) {
	// A bill's stage with a tally is a vote: "completed its second
	// reading by 77 to 44".
	if !voteContext(its) && stageAt(its) == "" && !membersVoted(its) {
		return
	}
	// "140 Labour MPs backed renewal and 47 opposed it": the numbers count
	// a party's members, not the chamber's votes.
	if partyCounts(its) {
		return
	}
	noAbstentions(f, its)
	for i := 0; i < len(its); i++ {
		if pair := hyphenPair(its[i].text); pair != nil {
			f.pair = pair[:2]
			if len(pair) == 3 {
				f.setTally(Abstain, pair[2])
			}
			continue
		}
		n, ok := tallyNumber(its, i)
		if !ok {
			continue
		}
		for _, shape := range tallyShapes {
			if last, ok := shape(f, its, i, n); ok {
				i = last
				break
			}
		}
	}
}

// tallyNumber reads the number at its[i] that may count votes: not a
// year or a majority ("a majority of 20"); "none" is 0 ("12 in favour
// to none against", "by 12 votes to none").
func tallyNumber(its []item, i int) (int, bool) {
	it := its[i]
	n, ok := itemNumber(it)
	if it.lw == "none" || it.lw == "zero" || it.lw == "nil" {
		n, ok = 0, true
	}
	if !ok || isYearItem(it) {
		return 0, false
	}
	// "a total of 143 of 193 countries" still counts a side.
	if _, part := partitiveWhole(its, i); !part && (anyWord(its, i-1, "of") && anyWord(its, i-2, majorityTotal...) || anyWord(its, i-1, "majority")) {
		return 0, false
	}
	if partitiveOf(its, i) || failedToGet(its, i) || neededOrChange(its, i) {
		return 0, false
	}
	return n, true
}

// failedToGet reports whether the number at its[i] is what a motion
// failed to get, a threshold and no side's count: "it failed to get 9
// votes in favor", "failed to win the 60 votes".
func failedToGet(its []item, i int) bool {
	k := i - 1
	if anyWord(its, k, "the") {
		k--
	}
	return anyWord(its, k, attainVerbs...) && anyWord(its, k-1, "to") && anyWord(its, k-2, failForms...)
}

// neededOrChange reports whether the number at its[i] is a number of
// votes a motion needed, or a change from an earlier vote, neither of
// them a side's count: "it needed only 9 votes", "requires 60 votes",
// "an increase of five yes votes".
func neededOrChange(its []item, i int) bool {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || anyWord(its, k, "the")) {
		k--
	}
	return anyWord(its, k, needVerbs...) || anyWord(its, k, "of") && anyWord(its, k-1, changeNouns...)
}

// A tallyShape reads the number n at its[i] as a count of votes. It
// reports whether it did, and the index of the last item it used.
type tallyShape func(f *fragment, its []item, i, n int) (last int, ok bool)

// tallyShapes are tried in order on each number of a sentence about a
// vote; the first that reads it wins.
var tallyShapes = []tallyShape{
	partitiveTally, sideFirstTally, sideAfterTally, toNumberTally, backedByTally,
	wonOfCastTally, withVotesTally, supportOfTally, voterVerbTally,
}

// partitiveTally reads a count of voters out of a whole, which counts the
// side the cue after it names; the whole is no tally:
//
//	Eleven of the 15 members of the Council voted in favour.
//	with 30 of its 47 members voting in favour, eight against
//
// The whole itself is never a tally (see tallyNumber).
func partitiveTally(f *fragment, its []item, i, n int) (int, bool) {
	k, ok := partitiveWhole(its, i)
	if !ok {
		return i, false
	}
	for j := k + 1; j < len(its) && j <= k+8; j++ {
		if anyWord(its, j, clauseEndsColon...) {
			break
		}
		if cue, m := cueAt(its, j); m > 0 && cue.strong {
			f.setTally(cue.value, n)
			return j + m - 1, true
		}
	}
	return i, false
}

// partitiveOf reports whether the number at its[i] is the whole of a
// count before it: the 15 of "Eleven of the 15 members".
func partitiveOf(its []item, i int) bool {
	// The part is a few items before: "Eleven of the 15", "123 of the
	// UN's 193".
	for j := i - 1; j >= 1 && j >= i-5; j-- {
		if anyWord(its, j, "of") && isNumberItem(its[j-1]) {
			k, ok := partitiveWhole(its, j-1)
			return ok && k > i && k <= i+3
		}
	}
	return false
}

// partitiveWhole reads "N of the M members" from the number at its[i]:
// "of", an article or possessive ("the UN's"), the whole M and a voter
// noun. It
// returns the index of the noun.
func partitiveWhole(its []item, i int) (int, bool) {
	j := i + 1
	if !anyWord(its, j, "of") {
		return 0, false
	}
	j++
	if anyWord(its, j, articles...) || anyWord(its, j, theirPossessives...) {
		j++
	}
	// "of the UN's 193 member states".
	if anyWord(its, j+1, possessiveMarks...) {
		j += 2
	}
	if j >= len(its) || !isNumberItem(its[j]) || isYearItem(its[j]) {
		return 0, false
	}
	for k := j + 1; k < len(its) && k <= j+3; k++ {
		if voterNouns[its[k].lw] {
			return k, true
		}
	}
	return 0, false
}

// sideFirstTally reads a side named before the number: "Yeas 176; Nays
// 150", "Ayes 172, Noes 145", "Against: 5".
func sideFirstTally(f *fragment, its []item, i, n int) (int, bool) {
	side := sideBefore(its, i)
	if side == "" {
		return i, false
	}
	f.setTally(side, n)
	return i, true
}

// sideAfterTally reads a side named after the number, with the voters
// that follow it: "3 in favour (Algeria, China, Russian Federation)",
// "11 against, from Russia, China and Pakistan".
func sideAfterTally(f *fragment, its []item, i, n int) (int, bool) {
	side, end := sideAfter(its, i)
	if side == "" {
		return i, false
	}
	f.setTally(side, n)
	k := end + 1
	if anyWord(its, k, ",") {
		k++
	}
	if anyWord(its, end+1, "(") || anyWord(its, k, fromIncluding...) {
		if its[k].lw == "from" || its[k].lw == "including" {
			k++
		} else {
			k = end + 2
		}
		for _, code := range actorList(its, k) {
			f.setPosition(code, side, true)
		}
	}
	return i, true
}

// toNumberTally reads a pair whose sides depend on the outcome: "by 322
// votes to 308", "by a vote of 12 to 3".
func toNumberTally(f *fragment, its []item, i, n int) (int, bool) {
	j := toNumber(its, i)
	if j <= 0 {
		return i, false
	}
	m, _ := itemNumber(its[j]) // 0 for "none"
	f.pair = []int{n, m}
	return j, true
}

// backedByTally reads "backed by 141 countries", "opposed by 12 states".
func backedByTally(f *fragment, its []item, i, n int) (int, bool) {
	if !anyWord(its, i-1, "by") || !(countNouns[lowerAt(its, i+1)] || anyWord(its, i+1, "member")) {
		return i, false
	}
	switch {
	case anyWord(its, i-2, backedByVerbs...):
		f.setTally(Yes, n)
		return i, true
	case anyWord(its, i-2, opposedByVerbs...):
		f.setTally(No, n)
		return i, true
	}
	return i, false
}

// wonOfCastTally reads the votes won of the votes cast: "with 562 of the
// 623 valid votes cast".
func wonOfCastTally(f *fragment, its []item, i, n int) (int, bool) {
	if !(anyWord(its, i-1, wonOfVerbs...) && anyWord(its, i+1, "of") && anyWord(its, i+2, "the") && i+3 < len(its) && isNumberItem(its[i+3])) {
		return i, false
	}
	for k := i + 4; k < len(its) && k <= i+6; k++ {
		if anyWord(its, k, ballotNouns...) {
			f.setTally(Yes, n)
			return i + 3, true
		}
	}
	return i, true
}

// withVotesTally reads votes won as votes in favour: "passed with 14
// votes".
func withVotesTally(f *fragment, its []item, i, n int) (int, bool) {
	if !(anyWord(its, i+1, "votes") && anyWord(its, i-1, "with") && !anyWord(its, i+2, againstTo...)) {
		return i, false
	}
	f.setTally(Yes, n)
	return i, true
}

// supportOfTally reads "received the support of 153 votes", "won 120
// votes", "received overwhelming support from 191 of the 193 member
// states".
func supportOfTally(f *fragment, its []item, i, n int) (int, bool) {
	_, partOf := partitiveWhole(its, i)
	ofVoters := anyWord(its, i-1, supportSources...) && (voterNouns[lowerAt(its, i+1)] || partOf)
	if !((anyWord(its, i+1, "votes") || ofVoters) && (anyWord(its, i-1, supportSources...) && anyWord(its, i-2, supportNounsTally...) || anyWord(its, i-1, wonVerbs...))) {
		return i, false
	}
	f.setTally(Yes, n)
	return i, true
}

// partyCounts reports whether a sentence counts the members of a party
// or group: a number, a capitalised name that is no actor, and members.
func partyCounts(its []item) bool {
	for i := 0; i+2 < len(its); i++ {
		if isNumberItem(its[i]) && its[i+1].tag == "NNP" && !its[i+1].isActor() && its[i+1].body == "" &&
			(memberNouns[its[i+2].lw] || anyWord(its, i+2, memberNounsParty...)) {
			return true
		}
	}
	return false
}

// sideBefore reads a side named before the number at its[i]: "Yeas 176",
// "Nays: 150", "In favour: 93", "Against: 5".
func sideBefore(its []item, i int) string {
	k := i - 1
	colon := anyWord(its, k, ":")
	if colon {
		k--
	}
	if k < 0 {
		return ""
	}
	w := its[k].lw
	// "The 'aye's 204": a side in quotes, its plural written with an
	// apostrophe.
	if !colon && k > 0 && anyWord(its, k, possessiveMarks...) {
		w = its[k-1].lw + "s"
	}
	if side, ok := prefixSides[strings.TrimLeft(w, openingQuotes)]; ok {
		return side
	}
	if !colon {
		return ""
	}
	switch {
	case anyWord(its, k, favourWords...):
		if anyWord(its, k-1, "in") {
			return Yes
		}
	case anyWord(its, k, headingYes...):
		return Yes
	case anyWord(its, k, headingNo...):
		return No
	}
	return ""
}

// voteContext reports whether a sentence's items speak of a vote (see
// speaksOfVote); a body named by its full name counts as a body.
func voteContext(its []item) bool {
	return speaksOfVote(len(its), func(i int) string { return its[i].lw }, func(i int) bool { return its[i].body != "" || bodyWord[its[i].lw] })
}

// sideAfter reads the side named after the number at its[i]: "in favour",
// "against", "votes in favor", "members voting in favour", "yes votes",
// "abstentions". It returns the side and the index of its last item.
func sideAfter(its []item, i int) (string, int) {
	for k := i + 1; k < len(its) && k <= i+4; k++ {
		w := its[k].lw
		if w == "in" && anyWord(its, k+1, favourSupport...) {
			return Yes, k + 1
		}
		if side, ok := sideWords[w]; ok {
			if w == "for" && !(k+1 >= len(its) || anyWord(its, k+1, forSideEnds...)) {
				return "", i
			}
			if w == "no" && !anyWord(its, k+1, noSideEnds...) {
				return "", i
			}
			if w == "favour" || w == "favor" {
				return "", i
			}
			// "were 204 against 115": one count set against another,
			// no side of its own.
			if w == "against" && k == i+1 && k+1 < len(its) && isNumberItem(its[k+1]) {
				return "", i
			}
			return side, k
		}
		if countNouns[w] || w == "vote" || w == "voting" || w == "voted" || w == "were" || w == "cast" || w == "members" {
			continue
		}
		if strings.HasPrefix(its[k].tag, "JJ") && k == i+1 {
			continue
		}
		break
	}
	return "", i
}

// toNumber finds the second number of "N votes to M" or "N to M" when
// the number at its[i] starts one, and returns its index (0 if none).
func toNumber(its []item, i int) int {
	k := i + 1
	if anyWord(its, k, voteNouns...) {
		k++
	}
	if !anyWord(its, k, pairLinks...) || k+1 >= len(its) {
		return 0
	}
	if _, ok := itemNumber(its[k+1]); !ok && !anyWord(its, k+1, "none") {
		return 0
	}
	// Needs "by" or "vote(s)" near: "by 322 votes to 308", "a vote of 12
	// to 3".
	if anyWord(its, i+1, voteNouns...) || anyWord(its, i-1, toNumberLeads...) || anyWord(its, i-1, tallyIsWords...) || anyWord(its, i-1, "of") && anyWord(its, i-2, "vote") {
		return k + 1
	}
	return 0
}

// hyphenPair reads "93-18" or "93-18-65" as tally numbers.
func hyphenPair(tok string) []int {
	if !strings.ContainsAny(tok, "-\u2013") {
		return nil
	}
	parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '\u2013' })
	if len(parts) == 3 && strings.EqualFold(parts[1], "to") {
		// "an 88-to-12 vote".
		parts = []string{parts[0], parts[2]}
	}
	if len(parts) < 2 || len(parts) > 3 {
		return nil
	}
	var out []int
	for _, p := range parts {
		v, ok := digitNumber(p)
		if !ok || v != float64(int(v)) || len(p) > 4 {
			return nil
		}
		out = append(out, int(v))
	}
	// Dates ("2023-12-13") are not tallies.
	if len(parts[0]) == 4 && out[0] > 1000 {
		return nil
	}
	return out
}
