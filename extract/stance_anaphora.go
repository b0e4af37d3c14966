package extract

import "slices"

// groupAnaphor reads a counted group of states that refers back to
// states named before, at its[k]: "the four nations", "the two
// countries", "both governments". It returns how many states it counts
// and its length, n 0 when there is none. A group with no count ("those
// countries") counts 0: it stands for two or more states.
func groupAnaphor(its []item, k int) (count, n int) {
	if anyWord(its, k, groupPairs...) && anyWord(its, k+1, groupStateNouns...) {
		return 2, 2
	}
	if anyWord(its, k, groupDemonstratives...) && anyWord(its, k+1, groupStateNouns...) {
		return 0, 2
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

// hasGroup reports whether a counted group of states stands in its.
func hasGroup(its []item) bool {
	for k := range its {
		if _, n := groupAnaphor(its, k); n > 0 {
			return true
		}
	}
	return false
}

// resolveGroup finds the states a counted group at its[k] stands for:
// the states named before it in the sentence as no object, leaving out
// skip (the holders of the stance), when there are exactly as many as it
// counts; else those of the sentence before, on the same terms, a
// counted group there standing for the states it resolves to ("Niger
// authorised the two neighbours ... The three countries"). When the
// states named number more than it counts, one list of states joined by
// "and" that numbers exactly as many is the group ("neighbouring Mali
// and Burkina Faso ... the two neighbours"). Nil when nothing matches:
// a count that does not match is no reference a reader can resolve.
func (r *stanceReader) resolveGroup(its []item, k int, skip []string) []string {
	return r.d.groupStates(r.t.si, its, k, skip, 2)
}

// groupStates resolves the counted group at its[k] of sentence si (see
// resolveGroup), looking back at most depth sentences.
func (d *document) groupStates(si int, its []item, k int, skip []string, depth int) []string {
	count, n := groupAnaphor(its, k)
	if n == 0 {
		return nil
	}
	if got := statesNamed(its, k, skip); groupMatches(got, count) {
		return got
	}
	if got := listOfCount(its, k, count, skip); got != nil {
		return got
	}
	if si == 0 || depth == 0 {
		return nil
	}
	prev := d.items(si - 1)
	got := statesNamed(prev, len(prev), skip)
	for g := 0; g < len(prev); g++ {
		if _, gn := groupAnaphor(prev, g); gn > 0 {
			for _, code := range d.groupStates(si-1, prev, g, skip, depth-1) {
				if !slices.Contains(got, code) {
					got = append(got, code)
				}
			}
			g += gn - 1
		}
	}
	if groupMatches(got, count) {
		return got
	}
	return listOfCount(prev, len(prev), count, skip)
}

// groupMatches reports whether states are as many as a group counts,
// or two or more for a group with no count.
func groupMatches(states []string, count int) bool {
	return len(states) >= 2 && (count == 0 || len(states) == count)
}

// listOfCount finds the one list of states in its[:end] joined by commas
// and "and" ("Mali and Burkina Faso") that names exactly count states,
// none of them in skip; nil when there is none or more than one.
func listOfCount(its []item, end, count int, skip []string) []string {
	var found []string
	lists := 0
	for k := 0; k < end && k < len(its); k++ {
		if !its[k].isActor() || its[k].body != "" {
			continue
		}
		var list []string
		j := k
		for j < end && j < len(its) && its[j].isActor() && its[j].body == "" {
			if !slices.Contains(list, its[j].actor) {
				list = append(list, its[j].actor)
			}
			if j+2 < end && anyWord(its, j+1, listCommas...) && its[j+2].isActor() {
				j += 2
				continue
			}
			j++
			break
		}
		k = j - 1
		if len(list) < 2 || len(list) != count || slices.ContainsFunc(list, func(c string) bool { return slices.Contains(skip, c) }) {
			continue
		}
		found = list
		lists++
	}
	if lists != 1 {
		return nil
	}
	return found
}

// statesNamed lists the distinct actors named in its[:end] that stand
// as no object of a verb or preposition (through articles: "on the
// Ukraine situation", "recognised Palestine"), leaving out deciding
// bodies and skip. The states of a list joined by commas and "and"
// stand as its first does: "recognised Palestine and Kosovo"; those
// after "the governments of" stand as the governments do.
func statesNamed(its []item, end int, skip []string) []string {
	var out []string
	for k := 0; k < end && k < len(its); k++ {
		it := its[k]
		if !it.isActor() || it.body != "" || slices.Contains(skip, it.actor) || slices.Contains(out, it.actor) {
			continue
		}
		j := k - 1
		for j >= 1 && anyWord(its, j, listCommas...) && its[j-1].isActor() {
			j -= 2
		}
		for j >= 0 && its[j].tag == "DT" {
			j--
		}
		if j >= 0 && (its[j].tag == "IN" || its[j].tag == "TO" || isVerbTag(its[j].tag) && its[j].lw != "that") && !anyWord(its, j, clauseOpeners...) &&
			!(anyWord(its, j, "of") && anyWord(its, j-1, groupOwnerNouns...)) {
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
