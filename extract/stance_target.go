package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// stanceTargets reads the actors a cue points at: the actor list right
// after it, through determiners and adjectives ("the legitimate Sudanese
// authorities"). An actor that only modifies a motion ("a European-backed
// resolution", "the US draft") is no target.
func stanceTargets(its []item, i int) []string {
	k := targetStart(its, i)
	if k < 0 {
		return nil
	}
	var codes []string
	for ; k < len(its); k++ {
		it := its[k]
		switch {
		case it.isActor():
			if !targetHead(its, k, len(codes) > 0) {
				return codes
			}
			codes = append(codes, it.actor)
		case it.lw == "," || it.lw == "and" || it.lw == "the":
		default:
			return codes
		}
	}
	return codes
}

// targetStart returns the index of the first actor a cue ending before
// its[i] points at, through determiners and adjectives, and through an
// act ("opposed attempts by Washington, Seoul and Tokyo", "condemned the
// decision of Israel": the actors behind an act are its target); -1 if
// none.
func targetStart(its []item, i int) int {
	k := i
	j := i
	if anyWord(its, j, quantifiersAll...) || anyWord(its, j, indefiniteArticles...) {
		j++
	}
	// "the joint airstrikes by", "the recent decision of".
	for j < len(its) && j <= i+3 && strings.HasPrefix(its[j].tag, "JJ") && !its[j].isActor() {
		j++
	}
	if anyWord(its, j, actNouns...) && anyWord(its, j+1, actPrepositions...) {
		k = j + 2
	}
	if anyWord(its, j, patientActs...) {
		return actAgent(its, j)
	}
	for k < len(its) && k <= i+3 && !its[k].isActor() {
		if !(anyWord(its, k, targetDeterminers...) || strings.HasPrefix(its[k].tag, "JJ")) {
			return -1
		}
		k++
	}
	if k >= len(its) || !its[k].isActor() {
		return -1
	}
	return k
}

// targetHead reports whether the actor at its[k] heads its phrase as a
// target: not a modifier of a motion ("the US draft"), not the subject of
// the next clause ("backed Ukraine and Russia condemned", "sanctions
// against Russia, China was"; more says targets came before), and not a demonym before people who are not the
// state ("Australian producers", "Chinese buyers").
func targetHead(its []item, k int, more bool) bool {
	j := k + 1
	for j < len(its) && (its[j].tail || its[j].lw == "'s" || its[j].lw == "-") {
		j++
	}
	if j >= len(its) {
		return true
	}
	if _, motion := motionClasses[its[j].lw]; motion {
		return false
	}
	if more && anyWord(its, k-1, listCommas...) && (its[j].tag == "VBD" || its[j].tag == "VBZ" || its[j].tag == "VBP" || its[j].tag == "MD") {
		return false
	}
	return !(its[k].kind == actors.Demonym && (its[j].tag == "NNS" || its[j].tag == "NN") && !roleNouns[its[j].lw] && !groupNouns[its[j].lw] &&
		!anyWord(its, j, statePeople...) && !anyWord(its, j, counterpartNouns...))
}

// asksReversal reports whether the words after a cue's target ask it to
// undo something: "Israel to reconsider".
func asksReversal(its []item, i int) bool {
	for k := i; k+1 < len(its) && k < i+8; k++ {
		if its[k].lw == "to" {
			return reversals[its[k+1].lw]
		}
	}
	return false
}

// thanksForSupport reports whether a thanks names support received:
// "for its support", "for their backing".
func thanksForSupport(its []item, i int) bool {
	for k := i; k+2 < len(its) && k < i+8; k++ {
		if its[k].lw == "for" {
			return anyWord(its, k+1, supportDeterminers...) && anyWord(its, k+2, supportNouns...)
		}
	}
	return false
}

// actAgent finds the actors behind the act named at its[j] by a noun of
// patientActs: the list after "by", past what the act was done to ("the
// recognition of Palestine as a state by Ireland and Spain"), in the
// same clause; -1 when the act names no agent ("the invasion of
// Ukraine" is no stance toward Ukraine).
func actAgent(its []item, j int) int {
	for k := j + 1; k+1 < len(its) && k <= j+10; k++ {
		if anyWord(its, k, sentenceStops...) || anyWord(its, k, clauseMarks...) || isVerbTag(its[k].tag) && its[k].tag != "VBN" {
			return -1
		}
		if its[k].lw == "by" {
			if anyWord(its, k+1, "the") {
				k++
			}
			if k+1 < len(its) && its[k+1].isActor() {
				return k + 1
			}
			return -1
		}
	}
	return -1
}

// relativeTarget finds the target of a cue in a relative clause whose
// object is the relative pronoun: "crimes by Israel, which he accuses
// of ...", "Chile, whom Peru blamed" (the actor before the pronoun);
// nil if the cue stands in no such clause.
func relativeTarget(its []item, i int) []string {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if k < 0 || !pronouns[its[k].lw] && !its[k].isActor() {
		return nil
	}
	k--
	if !anyWord(its, k, relativeObjects...) {
		return nil
	}
	k--
	if anyWord(its, k, ",") {
		k--
	}
	if k >= 0 && its[k].isActor() {
		return []string{its[k].actor}
	}
	return nil
}
