package extract

// readStage reads the stage of a bill a part reports, which makes it a
// vote of its own: a bill's first, second and third readings and its
// committee stage are separate votes ("passed its third reading by 77 to
// 44", "completed its second reading by 77 to 44"). The stage is kept as
// the motion's identifier when the part names none, so that two stages
// are never merged into one event. A stage still to come ("proceeds to
// the third reading") is none.
func readStage(_ *voteReader, f *fragment, its []item) {
	if f.ident != "" {
		return
	}
	if s := stageAt(its); s != "" {
		f.ident = s
	}
}

// stageAt returns the first stage a part names that is not still to
// come, as "reading:second" or "stage:committee"; "" when none.
func stageAt(its []item) string {
	for i := 1; i < len(its); i++ {
		if !anyWord(its, i, stageNouns...) {
			continue
		}
		ord := its[i-1].lw
		if !anyWord(its, i-1, stageOrdinals...) && ord != "committee" {
			continue
		}
		if anyWord(its, i-2, stageDestinations...) || anyWord(its, i-3, stageDestinations...) && anyWord(its, i-2, stageOwners...) {
			continue
		}
		return its[i].lw + ":" + ord
	}
	return ""
}

// stageCut returns where a sentence reporting two stages of a bill, each
// with its tally, divides: at "and" before "its first reading by 80 to
// 40"; 0 when it does not.
func stageCut(its []item) int {
	for i := 1; i+3 < len(its); i++ {
		if its[i].lw == "and" && anyWord(its, i+1, stageOwners...) && anyWord(its, i+2, stageOrdinals...) && anyWord(its, i+3, stageNouns...) &&
			tallyWithin(its, i+4, min(len(its), i+12)) && tallyWithin(its, 0, i) {
			return i
		}
	}
	return 0
}

// readStageOutcome reads a stage a bill passed: "completed its second
// reading by 77 to 44". A later part that names another stage of the
// same list shares that verb: "... and its first reading by 80 to 40".
func readStageOutcome(r *voteReader, f *fragment, its []item) {
	if f.outcome != "" {
		return
	}
	if stagePassed(its) || !r.whole && anyWord(its, 0, "and") && stageAt(its) != "" && stagePassed(r.t.parts[0].of(r.its)) {
		f.outcome = Adopted
	}
}

// stagePassed reports whether a part says a bill passed a stage:
// "completed its second reading".
func stagePassed(its []item) bool {
	for i := 0; i+3 < len(its); i++ {
		if anyWord(its, i, stagePassVerbs...) && anyWord(its, i+1, stageOwners...) && stageAt(its[i+1:i+4]) != "" {
			return true
		}
	}
	return false
}
