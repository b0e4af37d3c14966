package extract

import "strings"

// positionsOf reads how actors voted, and the tallies stated as "N
// countries, including ..., voted against".
func (r *voteReader) positionsOf(f *fragment, its []item) {
	for i := 0; i < len(its); i++ {
		cue, n := cueAt(its, i)
		if n == 0 {
			continue
		}
		// "with 11 abstentions" is a tally, and "Abstaining:" a heading,
		// both read elsewhere; "Another 251 voted against" and "nine
		// abstained" are tallies too.
		if i > 0 && isNumberItem(its[i-1]) && !isYearItem(its[i-1]) {
			if !cue.strong || its[i].lw == "abstention" {
				continue
			}
			v, _ := itemNumber(its[i-1])
			f.setTally(cue.value, v)
		}
		if anyWord(its, i+n, ":") || anyWord(its, i+n, "(") && anyWord(its, i+n+2, ")") && anyWord(its, i+n+3, ":") {
			continue
		}
		// "-backed" after an actor names a sponsor.
		if its[i].tail {
			continue
		}
		if hedged(its, i) {
			continue
		}
		if cue.motion {
			if !motionInClause(its, i+n, 12) || anyWord(its, i+n, "by") {
				continue
			}
		}
		// "for" as in "voted for Trump" needs a motion or a clause end.
		if cue.words[len(cue.words)-1] == "for" && !(motionAhead(its, i+n, 4) || anyWord(its, i+n, ",", ".", "(", ")", "and", "it")) {
			continue
		}
		subj := subjectBefore(its, i)
		// "her delegation voted against", "she said it had abstained":
		// the speaker's country.
		if len(subj) == 0 && (ownDelegation(its, i) || cue.strong && pronounBefore(its, i) && !partySays(its, i)) {
			if code := r.speakerFor(i); code != "" {
				subj = []string{code}
			}
		}
		// A body as subject decides the motion: "MPs backed the bill",
		// "the Assembly voted against the draft".
		if len(subj) == 0 && bodySubject(its, i) && (cue.motion || motionAhead(its, i+n, 5)) && f.outcome == "" {
			if cue.value == Yes {
				f.outcome = Adopted
			} else if cue.value == No {
				f.outcome = Rejected
			}
		}
		// "Those voting against were ...", "Countries that abstained:".
		if len(subj) == 0 {
			j := i + n
			if anyWord(its, j, "the") && anyWord(its, j+1, "resolution", "draft", "text", "motion", "bill", "amendment") {
				j += 2
			}
			if anyWord(its, j, "were", "was", ":", "included", "include", "being", "are") {
				j++
				// "were, among others, Singapore, ...".
				for j < len(its) && anyWord(its, j, ",", "among", "others", "them", "inter", "alia", ":") {
					j++
				}
				subj = actorList(its, j)
			}
		}
		// "joined Russia, North Korea and Belarus ... in voting
		// against", "again sided with the United States in voting no".
		if anyWord(its, i-1, "in") {
			for k := i - 2; k >= 0 && k >= i-20; k-- {
				if anyWord(its, k, "joined", "joins", "join") {
					subj = append(subjectBefore(its, k), actorList(its, k+1)...)
					break
				}
				if anyWord(its, k, "sided", "sides", "siding") && anyWord(its, k+1, "with") {
					subj = append(subjectBefore(its, k), actorList(its, k+2)...)
					break
				}
			}
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
		// "... alongside Russia and a few other nations", "joined by the
		// United Kingdom".
		for k := i + n; k < len(its) && k <= i+n+4; k++ {
			if anyWord(its, k, "alongside", "like", "including", "-", "—", "–", ":") || words(its, k, "along", "with") || words(its, k, "together", "with") || words(its, k, "as", "did") || words(its, k, "joined", "by") || words(its, k, "among", "them") {
				// "Nine countries voted against, among them the United
				// States and Israel", "Three voted against - Russia,
				// China and Burkina Faso -".
				skip := 1
				if !anyWord(its, k, "alongside", "like", "including", "-", "—", "–", ":") {
					skip = 2
				}
				subj = append(subj, actorList(its, k+skip)...)
				break
			}
		}
		for _, code := range subj {
			f.setPosition(code, cue.value, cue.strong)
		}
		if cue.strong {
			if count, ok := countedSubject(its, i); ok {
				f.setTally(cue.value, count)
			}
		}
		i += n - 1
	}
}

// switchedBefore returns the index of "switched" (or "moved", "changed")
// that a "from" or "to" at its[i] belongs to, or -1.
func switchedBefore(its []item, i int) int {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if anyWord(its, k, "switched", "switching", "switches", "moved", "changed", "shifted", "went") {
			return k
		}
		if anyWord(its, k, ",", ";", ".") {
			return -1
		}
	}
	return -1
}

// cueAt matches a position cue at its[i] and returns it with its length.
func cueAt(its []item, i int) (positionCue, int) {
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
	k := i - 1
	sawActor, introduced := false, false
	for k >= 0 && k >= i-maxReach && (fillers[its[k].lw] || listGlue[its[k].lw] || its[k].isActor()) {
		sawActor = sawActor || its[k].isActor()
		introduced = introduced || anyWord(its, k, "including", "such", "-", "--", "–", "—", "(", ":")
		k--
	}
	// Actors between the count and the verb must be the count's
	// examples ("Ten countries, including the US, ..."), not a subject of
	// their own.
	if k < 1 || !voterNouns[its[k].lw] || sawActor && !introduced {
		return 0, false
	}
	k--
	// "The remaining 14 council members", "ten other member states"; but
	// "139 Labour MPs" are a party's members, not the chamber's tally.
	for k >= 0 && k >= i-maxReach && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "NN" || its[k].tag == "NNP" && !its[k].isActor() || anyWord(its, k, "other", "more", "member")) {
		if its[k].tag == "NNP" && !its[k].isActor() && its[k].text != "" && its[k].text[0] >= 'A' && its[k].text[0] <= 'Z' && !anyWord(its, k, "council", "member", "members") {
			return 0, false
		}
		k--
	}
	if k < 0 {
		return 0, false
	}
	if v, ok := itemNumber(its[k]); ok {
		return v, true
	}
	return 0, false
}
