package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/tally-news/tally/extract/actors"
	"github.com/tally-news/tally/extract/nlp"
)

// The unit of a count: the noun it counts, written after it, before it,
// shared with a neighbouring count, or left out of a tally ("vote").

// unitAfter finds the noun a number at toks[i] counts: the first plural
// noun of the noun phrase that follows (the first noun for the value 1),
// through "of" for partitives ("two of its closest allies"); "vote" for a
// tally's elided noun ("169 in favour to 6 against").
func (d *document) unitAfter(toks []nlp.Token, i int, value float64) (string, int) {
	j := i + 1
	if j < len(toks) && lower(toks[j].Text) == "of" {
		return partitiveUnit(toks, i)
	}
	if unit, ok := d.demonymUnit(toks, j); ok {
		return unit, j
	}
	if unit, end, ok := nounAfter(toks, i, value); ok {
		return unit, end
	}
	if u := sideUnit(toks, i); u != "" {
		return u, i
	}
	if tallyNoun(toks, i) {
		return "vote", i
	}
	return "", i
}

// sideUnit is the unit of a number written after the side it counts: a
// noun keeps its lemma ("Yeas 151" counts yeas, "Abstentions (16):" and
// "Abstention: 16" abstentions), a label of votes counts votes ("Votes
// needed: 149"), and a side that is no noun counts votes ("In favour
// (21):", "Against: 9").
func sideUnit(toks []nlp.Token, i int) string {
	heading := i > 1 && toks[i-1].Text == "(" && i+1 < len(toks) && toks[i+1].Text == ")"
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := lower(toks[k].Text)
		if w == ":" || heading && k == i-1 || k == i-2 && toks[k+1].Text == ":" && (toks[k].Tag == "VBN" || strings.HasPrefix(toks[k].Tag, "JJ")) {
			continue
		}
		if _, ok := prefixSides[w]; ok || labelSides[lemma(w)] {
			if strings.HasPrefix(w, "abstain") {
				return "vote"
			}
			return lemma(w)
		}
		if _, ok := sideWords[w]; ok && (heading || k == i-2 && toks[k+1].Text == ":") && w != "abstaining" && w != "abstained" {
			if u := lemma(w); labelSides[u] {
				return u
			}
			return "vote"
		}
		break
	}
	return ""
}

// listHeadingSize reports whether the number at toks[i] is the size of a
// list under a side's heading: "In favour (21): Argentina, ...".
func listHeadingSize(toks []nlp.Token, i int) bool {
	if i < 2 || i+2 >= len(toks) || toks[i-1].Text != "(" || toks[i+1].Text != ")" || toks[i+2].Text != ":" {
		return false
	}
	w := lower(toks[i-2].Text)
	_, side := sideWords[w]
	_, prefix := prefixSides[w]
	return side || prefix
}

// demonymUnit reads a demonym right after a number as the people it
// counts, singular: "72 Israelis" count israelis, "409,000 Sudanese" who
// fled count sudanese. A noun after the demonym is the head instead
// ("58 Sudanese refugees").
func (d *document) demonymUnit(toks []nlp.Token, j int) (string, bool) {
	if j >= len(toks) || nextIsNoun(toks, j) {
		return "", false
	}
	t := toks[j]
	ms := d.actorsIn(t.Start, t.End)
	if len(ms) != 1 || ms[0].Kind != actors.Demonym || ms[0].Start != t.Start {
		return "", false
	}
	if one, ok := strings.CutSuffix(t.Text, "s"); ok {
		if _, known := actors.Lookup(one); known {
			return lower(one), true
		}
	}
	return lower(t.Text), true
}

// partitiveUnit finds the noun a partitive counts: "two of its closest
// allies", through determiners, possessives and adjectives. Its words are
// not used up: "53 of the chamber's 100 seats" holds another count. "a
// majority of 20" counts votes.
func partitiveUnit(toks []nlp.Token, i int) (string, int) {
	j := i + 1
	if partitiveVoters(toks, i) {
		return "vote", i
	}
	for k := j + 1; k < len(toks) && k <= j+6; k++ {
		t := toks[k]
		lw := lower(t.Text)
		if isNounTag(t.Tag) && looksPlural(t.Text, t.Tag) && !strings.HasSuffix(lw, "'s") {
			return lemma(t.Text), i
		}
		if !(t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "POS" || strings.HasPrefix(t.Tag, "JJ") || t.Tag == "NNP" || t.Tag == "NN" || t.Tag == "CD" || lw == "'s" || lw == "the") {
			break
		}
	}
	if prevIs(toks, i, "majority") || prevIs(toks, i-1, "majority") {
		return "vote", i
	}
	return "", i
}

// nounAfter finds the first plural noun of the noun phrase after the
// number at toks[i] (the first noun for the value 1), or "vote" for a
// tally's elided noun ("169 in favour to 6 against"); ok is false when
// the phrase holds none.
func nounAfter(toks []nlp.Token, i int, value float64) (string, int, bool) {
	j := i + 1
	for k := j; k < len(toks) && k <= j+4; k++ {
		t := toks[k]
		lw := lower(t.Text)
		if k == j && (talliedAfter[lw] && elidedTally(toks, k) || elidedVoters(toks, k)) {
			return "vote", i, true
		}
		if nounModifiers[lw] {
			continue
		}
		if lw == "others" {
			// "five others abstained": the noun is left out; in a vote it
			// counts votes.
			if sentenceSpeaksOfVotes(toks) {
				return "vote", k, true
			}
			return "", i, false
		}
		if isNounTag(t.Tag) && hasLetter(t.Text) || (t.Tag == "" && isLetters(t.Text)) {
			if value != 1 && looksPlural(t.Text, t.Tag) {
				// "1,000 police officers": a plural noun after it is the
				// head.
				if k+1 < len(toks) && toks[k+1].Tag == "NNS" {
					return lemma(toks[k+1].Text), k + 1, true
				}
				return lemma(t.Text), k, true
			}
			if value == 1 && !nextIsNoun(toks, k) {
				return lemma(t.Text), k, true
			}
			continue
		}
		if strings.HasPrefix(t.Tag, "JJ") || t.Tag == "VBN" || t.Tag == "VBD" || t.Tag == "VBG" && nextIsNoun(toks, k) {
			continue
		}
		break
	}
	return "", i, false
}

// tallyNoun reports whether the number at toks[i], with no noun after
// it, counts votes: one of a pair in a vote ("287 to 268"), the second
// number of "by 322 votes to 308" or "were 204 against 115", or a
// majority ("a majority of 20"); see sideUnit for a side named before
// it ("Yeas 176").
func tallyNoun(toks []nlp.Token, i int) bool {
	j := i + 1
	if j < len(toks) && lower(toks[j].Text) == "to" && j+1 < len(toks) {
		if _, ok := digitNumber(toks[j+1].Text); ok && (sentenceSpeaksOfVotes(toks) || namesStage(toks)) {
			return true
		}
	}
	if i > 1 && (lower(toks[i-1].Text) == "to" || lower(toks[i-1].Text) == "against") {
		if _, ok := digitNumber(toks[i-2].Text); ok && (sentenceSpeaksOfVotes(toks) || namesStage(toks)) {
			return true
		}
		for k := i - 2; k >= 0 && k >= i-3; k-- {
			if lower(toks[k].Text) == "votes" || lower(toks[k].Text) == "vote" {
				return true
			}
		}
	}
	if prevIs(toks, i, "majority") || (prevIs(toks, i, "of") && prevIs(toks, i-1, "majority")) {
		return true
	}
	return false
}

// sentenceSpeaksOfVotes reports whether a sentence's tokens speak of a
// vote (see speaksOfVote).
func sentenceSpeaksOfVotes(toks []nlp.Token) bool {
	return speaksOfVote(len(toks), func(i int) string { return lower(toks[i].Text) }, func(i int) bool { return bodyWord[lower(toks[i].Text)] })
}

// prevIs reports whether the token before toks[i] is word.
func prevIs(toks []nlp.Token, i int, word string) bool {
	return i > 0 && i-1 < len(toks) && lower(toks[i-1].Text) == word
}

func nextIsNoun(toks []nlp.Token, k int) bool {
	return k+1 < len(toks) && isNounTag(toks[k+1].Tag)
}

// elidedTally reports whether toks[k] ("in", "against", "for") starts the
// side of a tally: "in favour", "against", "for" followed by a number, a
// bracket or the end of a clause.
func elidedTally(toks []nlp.Token, k int) bool {
	w := lower(toks[k].Text)
	switch w {
	case "against", "abstaining", "abstained":
		return true
	case "in":
		return k+1 < len(toks) && strings.HasPrefix(lower(toks[k+1].Text), "favo")
	case "for":
		if k+1 >= len(toks) {
			return true
		}
		n := toks[k+1]
		return n.Text == "," || n.Text == "(" || n.Text == ")" || lower(n.Text) == "and" || n.Tag == "TO" || lower(n.Text) == "to"
	}
	return false
}

// elidedVoters reports whether toks[k], right after a number whose noun
// is left out, tells how the counted voted, which makes the number a
// tally: "443 voted in favour", "10 voting against", "107 of them being
// in favour" and, in a sentence about a vote, "85 opposed".
func elidedVoters(toks []nlp.Token, k int) bool {
	if k >= len(toks) {
		return false
	}
	w := lower(toks[k].Text)
	if w == "opposed" {
		return sentenceSpeaksOfVotes(toks)
	}
	if !votingVerbs[w] || k+1 >= len(toks) {
		return false
	}
	side := lower(toks[k+1].Text)
	if side == "in" {
		return k+2 < len(toks) && slices.Contains(favourSupport, lower(toks[k+2].Text))
	}
	return w != "being" && votedSides[side]
}

// partitiveVoters reports whether the partitive at toks[i] counts, out
// of a whole named by a pronoun, voters by how they voted, which makes it
// a tally whose noun is left out: "107 of them being in favour", "60 of
// those voting against". Where a noun names the whole ("28 of the 47
// member states voting in favour"), the noun is the unit.
func partitiveVoters(toks []nlp.Token, i int) bool {
	k := i + 2
	return k < len(toks) && (toks[k].Tag == "PRP" || toks[k].Tag == "DT" && !nextIsNoun(toks, k)) && elidedVoters(toks, k+1)
}

// hasLetter reports whether a token holds a letter: a dash tagged as a
// noun is no unit.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// namesStage reports whether a sentence names a stage of a bill, whose
// pairs of numbers are tallies: "completed its second reading by 77 to
// 44", "the committee stage".
func namesStage(toks []nlp.Token) bool {
	for k := 1; k < len(toks); k++ {
		prev := lower(toks[k-1].Text)
		if slices.Contains(stageNouns, lower(toks[k].Text)) && (slices.Contains(stageOrdinals, prev) || prev == "committee") {
			return true
		}
	}
	return false
}

// sharedUnit finds the noun a bare number at toks[i] (ending at span)
// shares with a neighbouring count, as a reader carries it over: forward
// in a range or a change ("2,500 to 3,000 soldiers", "from five to three
// crossings"), backward in a comparison, a coordination or a part of a
// whole ("61 votes, fewer than 140 for the rival and 95 for the third",
// "40 deputies out of 120", "of its 245 senators, 230 ..."). last is the
// token of the sentence's last counted noun, -1 for none.
func (d *document) sharedUnit(toks []nlp.Token, i, span, last int, lastUnit string) string {
	if k := span + 1; k+1 < len(toks) && rangeLinks[lower(toks[k].Text)] {
		if c, _, ok := d.countAt(toks, k+1); ok && c.Unit != "" {
			return c.Unit
		}
	}
	if last < 0 || i-last > 6 || i == 0 || !unitLinks[lower(toks[i-1].Text)] {
		return ""
	}
	// Nothing in between may start another counted thing: a noun after
	// the last count's that is not a name ("61 votes from members and 95")
	// breaks the chain.
	for k := last + 1; k < i; k++ {
		if toks[k].Tag == "NNS" {
			return ""
		}
	}
	return lastUnit
}
