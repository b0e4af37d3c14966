package extract

import "slices"

// groupAnaphor reads a counted group of states that refers back to
// states named before, at its[k]: "the four nations", "the two
// countries", "both governments". It returns how many states it counts
// and its length, n 0 when there is none.
func groupAnaphor(its []item, k int) (count, n int) {
	if anyWord(its, k, groupPairs...) && anyWord(its, k+1, groupStateNouns...) {
		return 2, 2
	}
	if !anyWord(its, k, "the") || k+2 >= len(its) {
		return 0, 0
	}
	c, ok := itemNumber(its[k+1])
	if !ok || c < 2 || its[k+1].tag != "CD" {
		return 0, 0
	}
	if !anyWord(its, k+2, groupStateNouns...) {
		return 0, 0
	}
	return c, 3
}

// resolveGroup finds the states a counted group at its[k] stands for:
// the states named before it in the sentence as no object, leaving out
// skip (the holders of the stance), when there are exactly as many as it
// counts; else those of the sentence before, on the same terms. Nil when
// neither matches: a count that does not match is no reference a reader
// can resolve.
func (r *stanceReader) resolveGroup(its []item, k int, skip []string) []string {
	count, n := groupAnaphor(its, k)
	if n == 0 {
		return nil
	}
	if got := statesNamed(its, k, skip); len(got) == count {
		return got
	}
	if si := r.t.si; si > 0 && len(r.d.actorsIn(r.d.sents[si-1].Start, r.d.sents[si-1].End)) > 0 {
		prev := r.d.items(si - 1)
		if got := statesNamed(prev, len(prev), skip); len(got) == count {
			return got
		}
	}
	return nil
}

// statesNamed lists the distinct actors named in its[:end] that stand
// as no object of a verb or preposition (through articles: "on the
// Ukraine situation", "recognised Palestine"), leaving out deciding
// bodies and skip.
func statesNamed(its []item, end int, skip []string) []string {
	var out []string
	for k := 0; k < end && k < len(its); k++ {
		it := its[k]
		if !it.isActor() || it.body != "" || slices.Contains(skip, it.actor) || slices.Contains(out, it.actor) {
			continue
		}
		j := k - 1
		for j >= 0 && its[j].tag == "DT" {
			j--
		}
		if j >= 0 && (its[j].tag == "IN" || its[j].tag == "TO" || isVerbTag(its[j].tag) && its[j].lw != "that") && !anyWord(its, j, clauseOpeners...) {
			continue
		}
		out = append(out, it.actor)
	}
	return out
}

// groupSubject finds a counted group right before the cue at its[i],
// through adverbs and auxiliaries ("the two countries have also
// condemned"), and returns where it starts; -1 if there is none.
func groupSubject(its []item, i int) int {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || anyWord(its, k, passiveAuxiliaries...) || its[k].tag == "MD") {
		k--
	}
	for _, start := range []int{k - 2, k - 1} {
		if c, n := groupAnaphor(its, start); c > 0 && start+n-1 == k {
			return start
		}
	}
	return -1
}
