package extract

import (
	"sort"
	"strings"
)

// vetoers returns the permanent members that cast the veto when the
// votes hold exactly one vetoed motion: "the veto" in the text is theirs.
func vetoers(votes []Vote) []string {
	var out []string
	n := 0
	for _, v := range votes {
		if v.Outcome != Vetoed {
			continue
		}
		n++
		for code, pos := range v.Positions {
			if pos == No && permanentMembers[code] {
				out = append(out, code)
			}
		}
	}
	if n != 1 {
		return nil
	}
	sort.Strings(out)
	return out
}

// vetoAt reports whether its[i] begins "the veto" or "the vetoes".
func vetoAt(its []item, i int) bool {
	return anyWord(its, i, "the", "this", "that", "these") && anyWord(its, i+1, "veto", "vetoes", "vetos")
}

// stances finds actors' stated support for or opposition to other actors.
// vetoers are the casters of the one veto the text reports, if any:
// condemning "the veto" opposes them.
func (d *document) stances(vetoers []string) []Stance {
	var out []Stance
	seen := map[[3]string]bool{}
	turns := d.turns()
	for si := range d.sents {
		if len(d.actorsIn(d.sents[si].Start, d.sents[si].End)) == 0 {
			continue
		}
		its := d.items(si)
		r := &stanceReader{t: turns[si]}
		var lastNoun []string
		// emit records each holder's stance toward each target once, with
		// the cue of n items at its[i] as evidence.
		emit := func(holders, targets []string, polarity string, i, n int) {
			for _, h := range holders {
				for _, t := range targets {
					key := [3]string{h, t, polarity}
					if h == t || seen[key] {
						continue
					}
					seen[key] = true
					ev := d.evidence(its[i].start, its[i+n-1].end)
					out = append(out, Stance{Holder: h, Target: t, Polarity: polarity, Evidence: &ev})
				}
			}
		}
		for i := 0; i < len(its); i++ {
			if polarity, holders, targets, n := receivedStance(its, i); n > 0 {
				emit(holders, targets, polarity, i, n)
				i += n - 1
				continue
			}
			if targets, n := protestAct(its, i); n > 0 && !stanceHedged(its, i) {
				if holders, skip := r.holdersAt(its, i, 1, lastNoun, 0); !skip {
					emit(holders, targets, Oppose, i, n)
				}
				i += n - 1
				continue
			}
			if polarity, targets, n := namedAs(its, i); n > 0 && !stanceHedged(its, i) {
				holders := participleSubject(its, i)
				skip := false
				if holders == nil {
					holders, skip = r.holdersAt(its, i, 1, lastNoun, 0)
				}
				if !skip {
					emit(holders, targets, polarity, i, n)
				}
			}
			cue, n := stanceCueAt(its, i)
			if n == 0 || its[i].tail || stanceHedged(its, i) {
				continue
			}
			targets := stanceTargets(its, i+n)
			if len(targets) == 0 && cue.polarity == Oppose && vetoAt(its, i+n) {
				targets = vetoers
			}
			if len(targets) == 0 {
				continue
			}
			if reversalCues[its[i].lw] && !asksReversal(its, i+n) {
				continue
			}
			holders, skip := r.holdersAt(its, i, n, lastNoun, 0)
			if skip {
				continue
			}
			// "X thanked Y for its support": the support is Y's.
			if anyWord(its, i, "thanked", "thanks") && thanksForSupport(its, i+n) && len(holders) > 0 {
				holders, targets = targets, holders
			}
			if isNounCue(its[i].lw) && holders != nil {
				lastNoun = holders
			}
			// Calls to undo something need a stated caller: a resolution
			// "that called on Sudan to cease" speaks for no nearby actor.
			if holders == nil && !reversalCues[its[i].lw] {
				holders = stanceHolders(its, i, r.t.motion.sponsors)
			}
			emit(holders, targets, cue.polarity, i, n)
			i += n - 1
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence.Start < out[j].Evidence.Start })
	return out
}

// stanceCueAt matches a stance cue at its[i] and returns it with its
// length. Adverbs may stand inside a phrasal cue: "stood firmly with",
// "sided squarely with".
func stanceCueAt(its []item, i int) (stanceCue, int) {
	// Base forms are verbs only when tagged so: "to support Kyiv", "we
	// oppose Moscow", not "US support Ukraine has".
	if p, ok := baseCues[its[i].lw]; ok && baseVerb(its, i) {
		return stanceCue{words: []string{its[i].lw}, polarity: p}, 1
	}
	for _, c := range stanceCues {
		if n := wordsAcrossAdverbs(its, i, c.words); n > 0 {
			return c, n
		}
	}
	return stanceCue{}, 0
}

// stanceHedged reports whether the cue at its[i] is negated, conditional
// or contrasted away ("rather than condemning").
func stanceHedged(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if stanceHedges[its[k].lw] {
			return true
		}
		if its[k].lw == "," || its[k].lw == ";" {
			break
		}
	}
	return false
}

// baseVerb reports whether the base form at its[i] is a verb: tagged so,
// or after a vow ("pledged to"), a modal, "we" or "they", or a list of actors ("France
// and Germany back Kyiv"), through adverbs. The tagger often takes
// "support" for a noun after an adverb.
func baseVerb(its []item, i int) bool {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || strings.HasSuffix(its[k].lw, "ly")) {
		k--
	}
	// "vowed to support": the subject of the vow. After "urged Hungary
	// to" or "expect China to" the verb is no one's stated stance.
	if anyWord(its, k, "to") {
		return anyWord(its, k-1, "continue", "continues", "continued", "vowed", "vows", "pledged", "pledges",
			"promised", "promises", "decided", "agreed", "resolved")
	}
	// "Hungary should support Sweden": a demand, often another's.
	if anyWord(its, k, "should", "must", "ought", "can", "cannot") {
		return false
	}
	if its[i].tag == "VB" || its[i].tag == "VBP" || anyWord(its, k, "would", "will", "shall", "we", "they") {
		return true
	}
	return k >= 2 && its[k].isActor() && anyWord(its, k-1, "and") && its[k-2].isActor()
}

// isNounCue reports whether a stance cue word is a noun.
func isNounCue(w string) bool {
	switch w {
	case "support", "backing", "condemnation", "criticism", "ally", "allies", "solidarity":
		return true
	}
	return false
}
