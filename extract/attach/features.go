package attach

import (
	"strconv"
	"strings"
)

// unit is one token of a sentence, or a whole actor mention folded into
// one.
type unit struct {
	word  string // lower case, curly apostrophes straightened
	tag   string
	actor int // index into Sentence.Actors, or -1
}

// view is a sentence as units, with where each actor and cue stands.
type view struct {
	s     Sentence
	units []unit
	actor []int    // unit index of each actor
	cue   [][2]int // unit range of each cue, end exclusive
}

func newView(s Sentence) *view {
	v := &view{s: s, actor: make([]int, len(s.Actors)), cue: make([][2]int, len(s.Cues))}
	for k := range v.actor {
		v.actor[k] = -1
	}
	ai := 0
	for ti := 0; ti < len(s.Tokens); ti++ {
		t := s.Tokens[ti]
		for ai < len(s.Actors) && s.Actors[ai].End <= t.Start {
			ai++
		}
		if ai < len(s.Actors) && t.End > s.Actors[ai].Start {
			v.actor[ai] = len(v.units)
			v.units = append(v.units, unit{word: "<actor>", tag: "NNP", actor: ai})
			for ti+1 < len(s.Tokens) && s.Tokens[ti+1].Start < s.Actors[ai].End {
				ti++
			}
			ai++
			continue
		}
		v.units = append(v.units, unit{word: strings.ToLower(strings.ReplaceAll(t.Text, "\u2019", "'")), tag: t.Tag, actor: -1})
	}
	starts := make([]int, len(v.units)+1)
	ends := make([]int, len(v.units))
	ui := 0
	for ti := 0; ti < len(s.Tokens) && ui < len(v.units); ti++ {
		t := s.Tokens[ti]
		if v.units[ui].actor >= 0 {
			m := s.Actors[v.units[ui].actor]
			starts[ui], ends[ui] = min(t.Start, m.Start), max(t.End, m.End)
			for ti+1 < len(s.Tokens) && s.Tokens[ti+1].Start < m.End {
				ti++
				ends[ui] = max(ends[ui], s.Tokens[ti].End)
			}
		} else {
			starts[ui], ends[ui] = t.Start, t.End
		}
		ui++
	}
	for ci, c := range s.Cues {
		lo, hi := -1, -1
		for u := range v.units {
			if ends[u] > c.Start && starts[u] < c.End {
				if lo < 0 {
					lo = u
				}
				hi = u + 1
			}
		}
		v.cue[ci] = [2]int{lo, hi}
	}
	return v
}

// closedWords are the words the features name as themselves; every
// other word is named by its tag only, so that the model learns shapes,
// not wording.
var closedWords = wordSet(
	"by", "with", "against", "on", "to", "from", "of", "for", "at", "over", "about", "behind", "in", "toward", "towards",
	"'s", "'", "and", "or", ",", ";", ":", "--", "-", "\"", "“", "”", "(", ")", "?",
	"was", "were", "is", "are", "been", "be", "being", "got", "has", "have", "had",
	"not", "n't", "never", "no", "would", "could", "might", "may", "will", "if", "whether", "should",
	"refused", "declined", "rather", "instead", "than", "denied", "without",
	"said", "says", "say", "told", "that", "which", "who", "while", "but", "whereas", "after", "as",
	"its", "their", "his", "her", "the", "a", "an", "both", "including", "also", "such")

// clauseBreaks between a mention and a cue suggest they stand in
// different clauses.
var clauseBreaks = wordSet(";", ":", "said", "says", "told", "while", "but", "whereas", "which", "who", "that", "after", "as", "\"", "“", "”")

// hedgeWords before a cue deny it or leave it unstated.
var hedgeWords = wordSet("not", "n't", "never", "no", "would", "could", "might", "may", "will", "if", "whether",
	"should", "refused", "declined", "rather", "instead", "without", "denied")

// auxiliaries before a past participle make it passive.
var auxiliaries = wordSet("was", "were", "is", "are", "been", "be", "being", "got")

func wordSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func (v *view) at(u int) unit {
	if u < 0 {
		return unit{word: "<s>", tag: "<s>", actor: -1}
	}
	if u >= len(v.units) {
		return unit{word: "</s>", tag: "</s>", actor: -1}
	}
	return v.units[u]
}

// shown names a unit for a feature: a closed word as itself, an actor
// as such, any other word by its tag.
func (v *view) shown(u int) string {
	x := v.at(u)
	if x.actor >= 0 {
		return "ACT"
	}
	if closedWords[x.word] {
		return x.word
	}
	return x.tag
}

func bucket(d int) string {
	switch {
	case d <= 3:
		return strconv.Itoa(d)
	case d <= 5:
		return "4-5"
	case d <= 8:
		return "6-8"
	}
	return "9+"
}

// features appends to buf the features of actor ai against cue ci.
func (v *view) features(buf []string, ci, ai int) []string {
	a, c := v.actor[ai], v.cue[ci]
	if a < 0 || c[0] < 0 {
		return append(buf, "unplaced")
	}
	cue := v.s.Cues[ci]
	var words []string
	for u := c[0]; u < c[1]; u++ {
		words = append(words, v.at(u).word)
	}
	cueWords := strings.Join(words, "_")
	cueTag := v.at(c[0]).tag
	cueClass := cue.Polarity + "/" + cueTag
	// from and to bound the units strictly between the mention and the cue.
	dir, dist, from, to := "L", c[0]-a, a+1, c[0]
	if a >= c[1] {
		dir, dist, from, to = "R", a-c[1]+1, c[1], a
	} else if a >= c[0] {
		dir, dist, from, to = "I", 0, a, a
	}
	kind := v.s.Actors[ai].Kind.String()
	buf = append(buf, "bias",
		"d="+dir+bucket(dist),
		"dc="+dir+cueWords,
		"dt="+dir+cueTag,
		"dcc="+dir+cueClass,
		"k="+dir+kind,
		"kc="+dir+kind+"/"+cueTag)
	// The mention's neighbourhood and the cue's, by tags and closed words.
	for off := -3; off <= 3; off++ {
		if off == 0 {
			continue
		}
		o := strconv.Itoa(off)
		buf = append(buf, "t"+o+"="+v.at(a+off).tag, "w"+o+"="+dir+v.shown(a+off))
		cu := c[0] + off
		if off > 0 {
			cu = c[1] - 1 + off
		}
		buf = append(buf, "ct"+o+"="+v.at(cu).tag, "cw"+o+"="+dir+v.shown(cu))
	}
	buf = append(buf, "pre="+dir+v.shown(a-1)+"/"+cueTag, "post="+dir+v.shown(a+1)+"/"+cueTag)
	// The words between.
	nActors, nVerbs := 0, 0
	for u := from; u < to; u++ {
		x := v.at(u)
		switch {
		case x.actor >= 0:
			nActors++
		case strings.HasPrefix(x.tag, "VB"):
			nVerbs++
		}
		if closedWords[x.word] {
			buf = append(buf, "bw="+dir+x.word)
		}
		if clauseBreaks[x.word] {
			buf = append(buf, "cb="+dir+x.word)
		}
	}
	buf = append(buf, "na="+dir+bucket(min(nActors, 3)), "nv="+dir+bucket(min(nVerbs, 3)))
	// Its rank among the mentions on its side of the cue, nearest first.
	rank := 1
	for _, u := range v.actor {
		if u >= 0 && u != a && ((dir == "L" && u > a && u < c[0]) || (dir == "R" && u < a && u >= c[1])) {
			rank++
		}
	}
	buf = append(buf, "rk="+dir+bucket(min(rank, 4)))
	// Lists: a mention joined to another by "and", "or" or a comma.
	joinedPrev, joinedNext := v.joined(a, -1) >= 0, v.joined(a, 1) >= 0
	switch {
	case joinedPrev && joinedNext:
		buf = append(buf, "list="+dir+"mid")
	case joinedPrev:
		buf = append(buf, "list="+dir+"last")
	case joinedNext:
		buf = append(buf, "list="+dir+"first")
	}
	if joinedPrev || joinedNext {
		buf = append(buf, "listc="+dir+cueTag)
	}
	// Possessives: "Russia's invasion".
	if w := v.at(a + 1).word; w == "'s" || w == "'" {
		buf = append(buf, "poss="+dir, "possc="+dir+cueTag)
	}
	// Passives: "was condemned by".
	if cueTag == "VBN" && (auxiliaries[v.at(c[0]-1).word] || auxiliaries[v.at(c[0]-2).word]) {
		buf = append(buf, "pass="+dir, "passpre="+dir+v.shown(a-1))
	}
	// Hedges before the cue, and questions.
	for u := c[0] - 1; u >= 0 && u >= c[0]-4; u-- {
		if hedgeWords[v.at(u).word] {
			buf = append(buf, "hg="+v.at(u).word)
		}
	}
	if last := v.at(len(v.units) - 1); last.word == "?" {
		buf = append(buf, "question")
	}
	if a == 0 || (a == 1 && v.at(0).tag == "DT") {
		buf = append(buf, "first="+dir)
	}
	return buf
}

func listJoin(w string) bool { return w == "and" || w == "or" || w == "," }

// joined returns the unit of the mention joined to the one at unit a in
// a list, before it (step -1) or after it (step 1), or -1: "France and
// Germany", "Britain, France and the US".
func (v *view) joined(a, step int) int {
	u := a + step
	if !listJoin(v.at(u).word) {
		return -1
	}
	u += step
	if step > 0 && v.at(u).word == "the" {
		u++
	}
	if step < 0 && v.at(u).actor < 0 && v.at(u+1).word == "the" {
		return -1
	}
	if v.at(u).actor < 0 {
		return -1
	}
	return u
}

// lists returns, for each actor, the index of the first actor of the
// list it stands in; an actor in no list is its own.
func (v *view) lists() []int {
	head := make([]int, len(v.actor))
	for ai, a := range v.actor {
		head[ai] = ai
		if a < 0 {
			continue
		}
		if p := v.joined(a, -1); p >= 0 {
			head[ai] = head[v.units[p].actor]
		}
	}
	return head
}
