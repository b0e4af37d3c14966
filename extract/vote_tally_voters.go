package extract

// voterVerbTally reads a count of voters followed by how they voted,
// with the voters' noun, a chamber's name or an aside between:
//
//	280 lawmakers supported the bill.
//	140 Senate members voted against.
//	660 MEPs (members of the European Parliament) voted in favour.
//	156 members of the upper house of the Italian parliament voted in support.
//	with 107 of them being in favour
//	with 70 countries having voted in favor
func voterVerbTally(f *fragment, its []item, i, n int) (int, bool) {
	k := skipVoterWords(its, i+1)
	// "with 70 countries having voted in favor".
	if anyWord(its, k, perfectParticiples...) && anyWord(its, k+1, "voted") {
		k++
	}
	if k >= len(its) {
		return i, false
	}
	if side, ok := voterSideVerbs[its[k].lw]; ok {
		f.setTally(side, n)
		return k, true
	}
	if !votingVerbs[its[k].lw] {
		return i, false
	}
	switch {
	case anyWord(its, k+1, "in") && anyWord(its, k+2, favourSupport...):
		f.setTally(Yes, n)
		return k + 2, true
	case k+1 < len(its) && votedSides[its[k+1].lw] && its[k].lw != "being":
		if side := sideWords[its[k+1].lw]; side != "" {
			f.setTally(side, n)
			return k + 1, true
		}
	}
	return i, false
}

// skipVoterWords returns the index after the words that name the voters
// a number counts: their noun ("lawmakers"), a chamber's name ("Senate
// members"), adjectives, "of them", and an aside in brackets.
func skipVoterWords(its []item, k int) int {
	start := k
	for k < len(its) && k <= start+10 {
		switch it := its[k]; {
		case voterNouns[it.lw] || countNouns[it.lw] || memberNouns[it.lw] || it.body != "" || it.tag == "JJ":
			k++
		case it.lw == "of" && k == start && anyWord(its, k+1, partitivePronouns...):
			k += 2
		case it.lw == "of" && k > start && ofChamber(its, k+1) > 0:
			// "156 members of the upper house of the Italian parliament".
			k += 1 + ofChamber(its, k+1)
		case it.lw == "(":
			e := k + 1
			for e < len(its) && e <= k+8 && its[e].lw != ")" {
				e++
			}
			if e >= len(its) || its[e].lw != ")" {
				return k
			}
			k = e + 1
		default:
			return k
		}
	}
	return k
}

// ofChamber returns how many items at its[k] name a chamber after "of":
// "the upper house", "the Italian parliament"; 0 when none does.
func ofChamber(its []item, k int) int {
	m := k
	if anyWord(its, m, "the") {
		m++
	}
	if m < len(its) && its[m].isActor() && its[m].body == "" {
		m++
	}
	if m < len(its) && its[m].body != "" {
		return m + 1 - k
	}
	return 0
}

// noAbstentions reads abstentions stated as none: "There were no
// abstentions", "nobody abstained".
func noAbstentions(f *fragment, its []item) {
	for i := 0; i+1 < len(its); i++ {
		if anyWord(its, i, noneWords...) && sideWords[its[i+1].lw] == Abstain {
			f.setTally(Abstain, 0)
		}
	}
}

// membersVoted reports whether a sentence counts a chamber's members by
// how they voted, which makes it a sentence about a vote: "280
// lawmakers supported the bill".
func membersVoted(its []item) bool {
	for i, it := range its {
		if !isNumberItem(it) || !anyWord(its, i+1, legislatorNouns...) && !memberNouns[lowerAt(its, i+1)] {
			continue
		}
		if _, ok := voterVerbTally(&fragment{}, its, i, 0); ok {
			return true
		}
	}
	return false
}
