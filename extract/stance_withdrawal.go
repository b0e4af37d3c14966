package extract

import (
	"slices"
	"strings"
)

// readWithdrawalDemanded is the rule for a demand that states withdraw
// their envoys, an expulsion (see withdrawalDemanded):
//
//	Peru demanded that Chile and Bolivia withdraw their diplomats.
func readWithdrawalDemanded(r *stanceReader, i int) (int, bool) {
	its := r.its
	end := withdrawalDemanded(its, i)
	if end == 0 || stanceHedged(its, i) {
		return 0, false
	}
	holders, skip := r.holdersAt(its, i, 1, r.lastNoun, 0)
	if skip || len(holders) == 0 {
		return 0, false
	}
	var targets []string
	for k := i + 2; k < end; k++ {
		var found []string
		if _, n := groupAnaphor(its, k); n > 0 {
			found = r.resolveGroup(its, k, holders)
			k += n - 1
		} else if its[k].isActor() && its[k].body == "" {
			found = []string{its[k].actor}
		}
		for _, code := range found {
			if !slices.Contains(targets, code) && !slices.Contains(holders, code) {
				targets = append(targets, code)
			}
		}
	}
	if len(targets) == 0 {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, end-i)
	return end - i, true
}

// withdrawalDemanded returns the end of a demand that states withdraw
// their envoys, the states named between: "demanded that Chile and
// Bolivia withdraw their diplomats", "demanded that the governments of
// those countries immediately withdraw their representatives"; 0 when
// there is none. The envoys are the states' own, so the demand sends
// them home.
func withdrawalDemanded(its []item, i int) int {
	if !anyWord(its, i, demandVerbs...) || !anyWord(its, i+1, "that") {
		return 0
	}
	for k := i + 2; k < len(its) && k <= i+30; k++ {
		if anyWord(its, k, sentenceStops...) {
			return 0
		}
		if !anyWord(its, k, departVerbs...) {
			continue
		}
		j := k + 1
		if !anyWord(its, j, theirPossessives...) {
			return 0
		}
		j++
		if j < len(its) && strings.HasPrefix(its[j].tag, "JJ") {
			j++
		}
		if j < len(its) && departingEnvoyNouns[its[j].lw] {
			return j + 1
		}
		return 0
	}
	return 0
}
