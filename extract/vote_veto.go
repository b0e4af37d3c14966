package extract

import "strings"

// permanentMembers hold a veto in the Security Council, as its row of the
// chamber table says.
var permanentMembers = vetoHolders(BodyUNSC)

// vetoVerbPositions records the actors casting a veto named by a verb as
// voting no: "Russia vetoed the draft", "vetoed by Russia and China".
func vetoVerbPositions(f *fragment, its []item, i int) {
	vetoers := subjectBefore(its, i)
	if anyWord(its, i+1, "by") {
		vetoers = agentList(its, i+2)
	}
	for _, code := range vetoers {
		f.setPosition(code, No, true)
	}
}

// readVetoFormula reads the Security Council's formula for a veto, which
// only the Security Council has:
//
//	The draft was not adopted owing to the negative vote of a permanent member.
func readVetoFormula(_ *voteReader, f *fragment, its []item) {
	for i := range its {
		if words(its, i, vetoFormula...) || words(its, i, vetoFormulaPlural...) {
			f.outcome = Vetoed
			f.body = BodyUNSC
		}
	}
}

// readVetoBlock reads a permanent member blocking a Council text, which
// vetoes it; only the Security Council has a veto, whatever other body
// the sentence names first:
//
//	The United States blocked a similar demand at the Security Council.
func readVetoBlock(r *voteReader, f *fragment, its []item) {
	for i := range its {
		if !anyWord(its, i, blockVerbs...) || hedged(its, i) || !r.namesSecurityCouncil(its) {
			continue
		}
		var p5 []string
		for _, code := range subjectBefore(its, i) {
			if permanentMembers[code] {
				p5 = append(p5, code)
			}
		}
		if len(p5) == 0 {
			continue
		}
		f.outcome = Vetoed
		f.body = BodyUNSC
		for _, code := range p5 {
			f.setPosition(code, No, true)
		}
	}
}

// namesSecurityCouncil reports whether the part names the Security
// Council, by name or as "the Council" when the last council named was
// not another one.
func (r *voteReader) namesSecurityCouncil(its []item) bool {
	for _, it := range its {
		if it.body == BodyUNSC || it.body == refCouncil && r.p.lastCouncil != BodyUNHRC && r.p.lastCouncil != BodyAU {
			return true
		}
	}
	return false
}

// readVetoCast reads a veto named by a noun, and the actors that cast
// it, who vote no:
//
//	The draft was blocked by a Russian veto.
//	Russia cast its 19th veto.
func readVetoCast(_ *voteReader, f *fragment, its []item) {
	for i := range its {
		if !anyWord(its, i, vetoNounsCast...) || hedged(its, i) || anyWord(its, i-1, vetoThreats...) || vetoesInGeneral(its, i) {
			continue
		}
		// The noun phrase: determiners, ordinals, adjectives and the
		// actor that vetoes.
		var vetoers []string
		possessed := false
		k := i - 1
		for k >= 0 && k >= i-4 && (anyWord(its, k, vetoDeterminers...) || its[k].isActor() ||
			strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "CD") {
			if its[k].isActor() {
				vetoers = append(vetoers, its[k].actor)
			}
			possessed = possessed || anyWord(its, k, vetoPossessives...)
			k--
		}
		if k == i-1 {
			continue
		}
		if !anyWord(its, k, castVetoVerbs...) {
			// "Russia and China joined forces in their third double
			// veto": the veto is the subject's, whatever the verb.
			v := ownedVetoVerb(its, k)
			if !possessed || len(vetoers) > 0 || v < 0 {
				continue
			}
			k = v
		}
		if !anyWord(its, k, byWithBlocked...) {
			vetoers = append(vetoers, subjectBefore(its, k)...)
		}
		if len(vetoers) == 0 && !anyWord(its, k, castVetoVerbs...) {
			continue
		}
		f.outcome = Vetoed
		// Of the bodies a text names, only the Security Council gives
		// its permanent members a veto.
		if f.body == "" && len(vetoers) > 0 && allPermanent(vetoers) {
			f.body = BodyUNSC
		}
		for _, code := range vetoers {
			f.setPosition(code, No, true)
		}
	}
}

// ownedVetoVerb returns the index of the verb of the clause whose object
// phrase ends at its[k] with a preposition ("joined forces in their
// veto"), -1 when a finite verb stands not within a few items before.
func ownedVetoVerb(its []item, k int) int {
	if k < 0 || its[k].tag != "IN" {
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if finiteVerb(its[j]) {
			if negatedResult(its, j) || hedged(its, j) {
				return -1
			}
			return j
		}
	}
	return -1
}

// allPermanent reports whether every actor is a permanent member of the
// Security Council.
func allPermanent(codes []string) bool {
	for _, c := range codes {
		if !permanentMembers[c] {
			return false
		}
	}
	return true
}

// vetoesInGeneral reports whether the veto at its[i] is said of vetoes in
// general, not cast on one motion: "it has used its veto to quash such
// resolutions", "every time a permanent member uses its veto". A generic
// determiner stands before a motion, a member or "time" near the veto.
func vetoesInGeneral(its []item, i int) bool {
	for k := max(0, i-10); k < len(its) && k <= i+8; k++ {
		if !anyWord(its, k, genericDeterminers...) {
			continue
		}
		for j := k + 1; j < len(its) && j <= k+3; j++ {
			if _, ok := motionClasses[its[j].lw]; ok || voterNouns[its[j].lw] || anyWord(its, j, genericVetoNouns...) {
				return true
			}
		}
	}
	return false
}
