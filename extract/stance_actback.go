package extract

// actBackTarget reads the target of a stance toward an act named without
// its doer right after the cue at its[j] ("condemned the launch",
// "condemn launch"): the one who did it, named as the subject of the
// half before (see referredDoer). Nil when the act names its actors
// ("the move by Russia", read by stanceTargets) or is no referred act.
func (r *stanceReader) actBackTarget(its []item, cue, j int) []string {
	if anyWord(its, j, referringDeterminers...) {
		j++
	}
	if !anyWord(its, j, referredActs...) || anyWord(its, j+1, actPrepositions...) || anyWord(its, j+1, possessiveMarks...) {
		return nil
	}
	return r.referredDoer(its, cue)
}

// passiveActBack reads the target of a passive stance whose subject is
// a referred act opening the sentence or its half: "The move was
// condemned by Iran" (the cue at its[i]).
func (r *stanceReader) passiveActBack(its []item, i int) []string {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || anyWord(its, k, passiveAuxiliaries...)) {
		k--
	}
	if k < 1 || !anyWord(its, k, referredActs...) || !anyWord(its, k-1, referringDeterminers...) {
		return nil
	}
	if k > 1 && !anyWord(its, k-2, ";") {
		return nil
	}
	return r.referredDoer(its, k-1)
}

// referredDoer finds who did an act referred back to from its[at]: the
// single subject of the half before a semicolon in the same sentence (a
// headline's "X fires missile; Y condemns launch"), else of the sentence
// before. Nil when that subject is no actor or not one actor's.
func (r *stanceReader) referredDoer(its []item, at int) []string {
	var doer []string
	semi := -1
	for k := at - 1; k > 0; k-- {
		if anyWord(its, k, ";") {
			semi = k
			break
		}
	}
	switch {
	case semi > 0:
		doer = firstClauseSubject(its, semi)
		// A headline's half often goes untagged as a clause ("North
		// Korea test fires missile"): the one actor opening it.
		if len(doer) == 0 && its[0].isActor() && its[0].body == "" && len(statesNamed(its, semi, nil)) == 1 {
			doer = []string{its[0].actor}
		}
	case r.t.si > 0:
		prev := r.d.items(r.t.si - 1)
		doer = firstClauseSubject(prev, len(prev))
		// "The sectarian conflict deepened after Saudi Arabia
		// executed a cleric. The move was condemned by Iran": the one
		// actor doing anything in the sentence before.
		if len(doer) == 0 {
			doer = soleActingSubject(prev)
		}
	}
	if len(doer) != 1 {
		return nil
	}
	return doer
}

// soleActingSubject returns the actor subject of an adverbial clause
// in its ("after Saudi Arabia executed a cleric") when every finite
// verb there with an actor subject has that one; nil otherwise. A
// subject in reported speech ("said Syria had moved") is no doer the
// reader is told of.
func soleActingSubject(its []item) []string {
	var doer []string
	opened := false
	for k := 1; k < len(its); k++ {
		if t := its[k].tag; t != "VBD" && t != "VBZ" && t != "VBP" {
			continue
		}
		subj := subjectBefore(its, k)
		if len(subj) == 0 {
			continue
		}
		if len(subj) != 1 || doer != nil && doer[0] != subj[0] {
			return nil
		}
		doer = subj
		j := k - 1
		for j >= 0 && (its[j].isActor() || its[j].tail || anyWord(its, j, listGlueShort...)) {
			j--
		}
		opened = opened || anyWord(its, j, clauseOpeners...)
	}
	if !opened {
		return nil
	}
	return doer
}
