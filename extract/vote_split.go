package extract

// splitMotions splits a sentence that reports several motions, each with
// its own document symbol ("adopted without a vote the resolution on
// fisheries (document A/78/L.31), and, also without a vote, a text on
// cooperation (document A/78/L.27)"), at the clause boundary before each
// later motion. A sentence with one motion or none is one part.
func splitMotions(its []item) [][]item {
	var cuts []int
	seen := ""
	for i, it := range its {
		if _, ok := motionClasses[it.lw]; !ok {
			continue
		}
		id := motionIdent(its, i)
		if id == "" || id == seen {
			continue
		}
		if seen != "" {
			// Cut at the last ", and" or ";" before the motion's phrase.
			for k := i - 1; k > 0 && k >= i-12; k-- {
				if anyWord(its, k, ";") || anyWord(its, k, "and") && anyWord(its, k-1, ",") {
					cuts = append(cuts, k)
					break
				}
			}
		}
		seen = id
	}
	// "Adopts Text Calling for ..., Rejects European Union Amendment":
	// two verbs of outcome, each with its own kind of motion.
	if len(cuts) == 0 {
		if c := outcomeCut(its); c > 0 {
			cuts = append(cuts, c)
		} else if c := contrastCut(its); c > 0 {
			cuts = append(cuts, c)
		}
	}
	// "The first law was approved by 92 votes to 10 and the second by 87
	// votes to 9", "A second failed 19-78, and a third, on kits, went
	// down 18-80": a later motion of a list with a tally of its own, when
	// the part before has one too.
	for i := 1; i+2 < len(its); i++ {
		if its[i].lw == "and" && anyWord(its, i+1, shortArticles...) && anyWord(its, i+2, laterOrdinals...) &&
			tallyWithin(its, i+3, min(len(its), i+30)) && tallyWithin(its, 0, i) {
			cuts = append(cuts, i)
		}
	}
	if c := stageCut(its); c > 0 {
		cuts = append(cuts, c)
	}
	if len(cuts) == 0 {
		return [][]item{its}
	}
	var parts [][]item
	from := 0
	for _, c := range cuts {
		if c > from {
			parts = append(parts, its[from:c])
			from = c
		}
	}
	return append(parts, its[from:])
}

// tallyWithin reports whether a tally shape ("18-80", "by 87") starts
// in its[from:to].
func tallyWithin(its []item, from, to int) bool {
	for k := from; k < to; k++ {
		if hyphenOrBy(its, k) {
			return true
		}
	}
	return false
}

// hyphenOrBy reports whether a tally follows at its[i]: "by 87 votes",
// "87-9".
func hyphenOrBy(its []item, i int) bool {
	return anyWord(its, i, "by") && i+1 < len(its) && isNumberItem(its[i+1]) || i < len(its) && hyphenPair(its[i].lw) != nil
}

// outcomeCut returns where a sentence reporting two outcomes of two kinds
// of motion divides: at the comma or "and" before the second outcome
// verb; 0 when it does not.
func outcomeCut(its []item) int {
	var verbs []int
	var outs []string
	classes := map[string]bool{}
	for i, it := range its {
		o, ok := outcomeWords[it.lw]
		// "MPs backed the motion": a chamber's members backing a
		// motion adopt it.
		if !ok && anyWord(its, i, backedForms...) && bodySubject(its, i) {
			o, ok = Adopted, true
		}
		if ok && (o == Adopted || o == Rejected) {
			verbs = append(verbs, i)
			outs = append(outs, o)
		}
		if c, ok := motionClasses[it.lw]; ok && c != "" {
			classes[c] = true
		}
	}
	if len(verbs) < 2 || len(classes) < 2 || outs[0] == outs[1] {
		return 0
	}
	for k := verbs[1] - 1; k > verbs[0]; k-- {
		if anyWord(its, k, cutMarks...) {
			// Each side must name its motion.
			from := max(0, verbs[0]-3)
			if hasMotion(its, from, k-from) && hasMotion(its, k, len(its)-k) {
				return k
			}
			return 0
		}
	}
	return 0
}

// contrastCut returns where a sentence contrasting two motions with
// opposite outcomes divides: at the comma before "while" or "whereas"
// that opens a clause with a motion of its own ("A Ukrainian draft was
// adopted, while a rival draft, tabled by Russia, was rejected"); 0 when
// it does not.
func contrastCut(its []item) int {
	for k := 1; k+2 < len(its); k++ {
		if !anyWord(its, k, ",") || !anyWord(its, k+1, contrastWords...) || !hasMotion(its, k+2, 4) {
			continue
		}
		before, after := outcomeIn(its[:k]), outcomeIn(its[k:])
		if before != "" && after != "" && before != after {
			return k
		}
	}
	return 0
}

// outcomeIn returns the first outcome of adoption or rejection a word of
// its states, "" if none.
func outcomeIn(its []item) string {
	for _, it := range its {
		if o, ok := outcomeWords[it.lw]; ok && (o == Adopted || o == Rejected) {
			return o
		}
	}
	return ""
}
