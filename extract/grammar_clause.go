package extract

// hedged reports whether the word at its[i] is negated, conditional or in
// the future.
func hedged(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if hedges[its[k].lw] {
			return true
		}
		// "to" before the word marks an infinitive that may be only
		// intended ("expected to pass"), unless the verb before it says
		// the act happened ("voted to reject", "chose to abstain", "the
		// only countries to vote against").
		if its[k].lw == "to" && !anyWord(its, k-1, factualInfinitives...) && (k == 0 || !countNouns[its[k-1].lw]) && switchedBefore(its, k) < 0 {
			return true
		}
		if its[k].lw == "," || its[k].lw == ";" {
			break
		}
	}
	return false
}

// hedgedBefore reports whether a modal or a condition stands within a
// few items before its[k].
func hedgedBefore(its []item, k int) bool {
	for j := k; j >= 0 && j >= k-3; j-- {
		if modalOrCondition[its[j].lw] {
			return true
		}
	}
	return false
}

// negatedResult reports whether the word at its[i] is negated by "not"
// or "n't" alone, with no modal or condition before it.
func negatedResult(its []item, i int) bool {
	neg := false
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case anyWord(its, k, notWords...):
			neg = true
		case anyWord(its, k, auxiliaries...):
		case its[k].tag == "RB":
		default:
			return neg && !hedgedBefore(its, k)
		}
	}
	return neg
}

// passive reports whether the verb at its[i] is passive or a participle
// after its noun: "was adopted", "has been rejected", "the text, adopted
// by".
func passive(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case anyWord(its, k, passiveAux...):
			return true
		case its[k].tag == "RB" || anyWord(its, k, passiveAdverbs...):
		default:
			return false
		}
	}
	return false
}

// beforeTimePhrase skips a time phrase ending at its[k] ("last night",
// "on Tuesday", "yesterday") and returns the index before it; k when
// there is none.
func beforeTimePhrase(its []item, k int) int {
	switch {
	case anyWord(its, k, dayWords...):
		return k - 1
	case anyWord(its, k, timeUnits...) && anyWord(its, k-1, "last"):
		return k - 2
	case k >= 0 && weekdays[its[k].lw]:
		if anyWord(its, k-1, "on") {
			return k - 2
		}
		return k - 1
	}
	return k
}

// modalBefore returns the index of a modal of commitment ("would",
// "will") before the verb at its[i], through adverbs and "continue to";
// -1 if none. Modals of possibility are hedges (see stanceHedges).
func modalBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if anyWord(its, k, "to") && anyWord(its, k-1, continueForms...) {
		k -= 2
		for k >= 0 && its[k].tag == "RB" {
			k--
		}
	}
	if anyWord(its, k, futureModals...) {
		return k
	}
	return -1
}

// mainVerbBefore finds the finite verb of the clause that a participle
// at its[i], set off by a comma, depends on; -1 if none.
func mainVerbBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || fillers[its[k].lw]) {
		k--
	}
	if !anyWord(its, k, ",") {
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if its[j].tag == "VBD" || its[j].tag == "VBZ" || its[j].tag == "VBP" {
			return j
		}
		if anyWord(its, j, clauseMarks...) {
			return -1
		}
	}
	return -1
}

// participleSubject finds the subject of a participle set off by a comma
// ("South Korea would stand with the United States, calling Tokyo a
// partner"): the actor subject of the nearest finite verb or modal
// before the comma, in the same clause. Nil if the participle follows no
// comma or no such subject is found.
func participleSubject(its []item, i int) []string {
	if !anyWord(its, i-1, ",") {
		return nil
	}
	for k := i - 2; k > 0 && k >= i-maxReach; k-- {
		if anyWord(its, k, listStops...) {
			return nil
		}
		if t := its[k].tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
			if subj := subjectBefore(its, k); len(subj) > 0 {
				return subj
			}
		}
	}
	return nil
}

// sayerBefore returns the index of a verb of saying right before the
// pronoun that precedes the cue at its[i] ("said it stood with", "said
// that they backed"), or -1.
func sayerBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && (fillers[its[k].lw] || its[k].tag == "RB" || its[k].tag == "MD") {
		k--
	}
	if k < 1 || !pronouns[its[k].lw] {
		return -1
	}
	k--
	// "said that they", "said in a joint statement they".
	for j := k; j >= 0 && j >= k-6; j-- {
		if anyWord(its, j, sayVerbs...) {
			return j
		}
		if !anyWord(its, j, sayFillers...) {
			return -1
		}
	}
	return -1
}

// wordsAcrossAdverbs reports how many items the words ws take from
// its[i], allowing adverbs between them; 0 when they do not match.
func wordsAcrossAdverbs(its []item, i int, ws []string) int {
	k := i
	for n, w := range ws {
		if n > 0 {
			for k < len(its) && k < i+len(ws)+2 && its[k].tag == "RB" && its[k].lw != w {
				k++
			}
		}
		if k >= len(its) || its[k].lw != w {
			return 0
		}
		k++
	}
	return k - i
}

// coordinatedSubject finds the subject of a verb at its[k] that follows
// "and" with none of its own ("announced sanctions and was hit with"):
// the actor subject of the nearest finite verb before "and", in the same
// clause; nil if there is none.
func coordinatedSubject(its []item, k int) []string {
	j := k - 1
	for j >= 0 && (its[j].tag == "RB" || anyWord(its, j, passiveAuxiliaries...)) {
		j--
	}
	if !anyWord(its, j, "and") {
		return nil
	}
	for v := j - 1; v >= 0 && v >= j-maxReach; v-- {
		if anyWord(its, v, clauseMarks...) || anyWord(its, v, sentenceStops...) {
			return nil
		}
		if t := its[v].tag; t == "VBD" || t == "VBZ" || t == "VBP" {
			return subjectBefore(its, v)
		}
	}
	return nil
}
