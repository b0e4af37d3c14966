package extract

import (
	"slices"
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
	return anyWord(its, i, demonstratives...) && anyWord(its, i+1, vetoNouns...)
}

// stances finds actors' stated support for or opposition to other actors.
// vetoers are the casters of the one veto the text reports, if any:
// condemning "the veto" opposes them.
func (d *document) stances(vetoers []string) []Stance {
	r := &stanceReader{d: d, seen: map[[3]string]bool{}, vetoers: vetoers}
	turns := d.turns()
	for si := range d.sents {
		// A sentence that names no actor may still speak of states named
		// before it: "The three countries signed a pact."
		if turns[si] == nil || asksQuestion(d.text[d.sents[si].Start:d.sents[si].End]) ||
			len(d.actorsIn(d.sents[si].Start, d.sents[si].End)) == 0 && !turns[si].group {
			continue
		}
		r.t, r.its, r.lastNoun = turns[si], d.items(si), nil
		for i := 0; i < len(r.its); i++ {
			for _, rule := range stanceRules {
				r.rule = rule.name
				if n, done := rule.read(r, i); done {
					i += n - 1
					break
				}
			}
		}
	}
	sort.SliceStable(r.out, func(i, j int) bool { return r.out[i].Evidence.Start < r.out[j].Evidence.Start })
	return r.out
}

// asksQuestion reports whether a sentence is a question: it ends with a
// question mark, closing quotes and brackets aside. A question states no
// one's stance ("Should Europe condemn Turkey?", "Will Japan back
// Manila?"), whoever asks it.
func asksQuestion(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'’”»)]")
	return strings.HasSuffix(s, "?")
}

// A stanceRule reads a stance whose cue starts at its[i]. It returns
// the cue's length n and done when the reader is to move past the cue
// without trying the later rules there.
type stanceRule struct {
	name string
	read func(r *stanceReader, i int) (n int, done bool)
}

// stanceRules are the stance rules in the order the reader tries them
// at each item of a sentence. A new stance shape is a new rule with its
// cases in testdata/rules.
var stanceRules = []stanceRule{
	{"received", readReceived},
	{"passive", readPassive},
	{"protest", readProtest},
	{"suspended-from", readSuspendedFrom},
	{"retaliation", readPromptedRetaliation},
	{"mutual", readMutualPact},
	{"lodged", readLodgedProtest},
	{"withdrawal-demanded", readWithdrawalDemanded},
	{"said-named", readSaidNamed},
	{"blocked-bid", readBlockedBid},
	{"setback", readSetback},
	{"crime-charge", readCrimeCharge},
	{"condemned-act", readCondemnedAct},
	{"leaving", readEnvoysLeaving},
	{"named-as", readNamedAs},
	{"ally-label", readAllyLabel},
	{"angered", readAngered},
	{"traded", readTraded},
	{"cue", readStanceCue},
}

// stanceReader reads the stances of a text sentence by sentence, against
// the discourse's turn for each.
type stanceReader struct {
	d       *document
	vetoers []string
	seen    map[[3]string]bool
	out     []Stance
	rule    string // the rule being tried, named by --explain

	t   *turn
	its []item
	// lastNoun holds the holders of the sentence's last stance noun.
	lastNoun []string
}

// emit records each holder's stance toward each target once, with the
// cue of n items at its[i] as evidence.
func (r *stanceReader) emit(holders, targets []string, polarity string, i, n int) {
	for _, h := range holders {
		for _, t := range targets {
			key := [3]string{h, t, polarity}
			if h == t || r.seen[key] {
				continue
			}
			r.seen[key] = true
			ev := r.d.evidence(r.its[i].start, r.its[i+n-1].end)
			st := Stance{Holder: h, Target: t, Polarity: polarity, Evidence: &ev}
			if r.d.trace {
				st.Rule = r.rule
			}
			r.out = append(r.out, st)
		}
	}
}

// readReceived is the rule for a stance stated from the target's side
// (see receivedStance):
//
//	Russia vetoed the draft, drawing sharp criticism from Britain.
func readReceived(r *stanceReader, i int) (int, bool) {
	polarity, holders, targets, n := receivedStance(r.its, i)
	if n == 0 {
		return 0, false
	}
	r.emit(holders, targets, polarity, i, n)
	return n, true
}

// readPassive is the rule for a stance cue in the passive (see
// passiveStance):
//
//	Kenya was criticised by Uganda.
func readPassive(r *stanceReader, i int) (int, bool) {
	cue, n := stanceCueAt(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	holders, targets := passiveStance(r.its, i, cue, n)
	if len(holders) > 0 && len(targets) == 0 {
		targets = r.passiveActBack(r.its, i)
	}
	if len(holders) == 0 || len(targets) == 0 {
		return 0, false
	}
	r.emit(holders, targets, cue.polarity, i, n)
	return n, true
}

// readProtest is the rule for acts of diplomatic protest (see
// protestAct):
//
//	France summoned China's envoy.
func readProtest(r *stanceReader, i int) (int, bool) {
	targets, n := protestAct(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	holders, skip := r.holdersAt(r.its, i, 1, r.lastNoun, 0)
	// "ordered the recall of its envoys": the one who ordered it.
	if holders == nil && !skip {
		if k := actVerbBefore(r.its, i); k >= 0 {
			holders, skip = r.holdersAt(r.its, k, 1, r.lastNoun, 0)
		}
	}
	if !skip {
		r.emit(holders, targets, Oppose, i, n)
	}
	return n, true
}

// readEnvoysLeaving is the rule for an expulsion told from the envoys'
// side (see envoysLeaving):
//
//	Qatari diplomats have 48 hours to leave the UAE.
func readEnvoysLeaving(r *stanceReader, i int) (int, bool) {
	holders, targets, n := envoysLeaving(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, n)
	return n, true
}

// readNamedAs is the rule for naming an actor as a friend or a foe (see
// namedAs); the words after the naming verb are read by the later rules
// too:
//
//	He called Serbia a reliable partner.
func readNamedAs(r *stanceReader, i int) (int, bool) {
	polarity, targets, n := namedAs(r.its, i)
	if n == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	holders := participleSubject(r.its, i)
	skip := false
	if holders == nil {
		holders, skip = r.holdersAt(r.its, i, 1, r.lastNoun, 0)
	}
	if !skip {
		r.emit(holders, targets, polarity, i, n)
	}
	return 0, false
}

// readAllyLabel is the rule for an ally label, the named ally's
// support for the one it is allied with (see allyLabel):
//
//	Saudi ally Bahrain cut ties with Iran.
func readAllyLabel(r *stanceReader, i int) (int, bool) {
	allies, allied, n := allyLabel(r.its, i)
	if n == 0 {
		return 0, false
	}
	r.emit(allies, allied, Support, i, n)
	return n, true
}

// readAngered is the rule for a stance told by the feeling it caused
// (see angeredBy):
//
//	Turkey has angered Cyprus with its decision.
func readAngered(r *stanceReader, i int) (int, bool) {
	holders, targets := angeredBy(r.its, i)
	if len(holders) == 0 || len(targets) == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	r.emit(holders, targets, Oppose, i, 1)
	return 1, true
}

// readTraded is the rule for blame traded both ways (see
// tradedStances):
//
//	Turkey and Greece traded accusations.
func readTraded(r *stanceReader, i int) (int, bool) {
	actors := tradedStances(r.its, i)
	if len(actors) == 0 || stanceHedged(r.its, i) {
		return 0, false
	}
	r.emit(actors, actors, Oppose, i, 2)
	return 2, true
}

// readStanceCue is the rule for a stance cue (see stanceCues) with its
// targets after it and its holders found by holdersAt:
//
//	France and Germany condemned Russia.
//	Britain said it stood with Georgetown.
//	The ministers urged Israel to reconsider.
func readStanceCue(r *stanceReader, i int) (int, bool) {
	its := r.its
	cue, n := stanceCueAt(its, i)
	if n == 0 || its[i].tail || stanceHedged(its, i) {
		return 0, false
	}
	targets := stanceTargets(its, i+n)
	if len(targets) == 0 {
		targets = relativeTarget(its, i)
	}
	if len(targets) == 0 {
		targets = r.actBackTarget(its, i, i+n)
	}
	if len(targets) == 0 && cue.polarity == Oppose && vetoAt(its, i+n) {
		targets = r.vetoers
	}
	// "thanked the four nations": resolved once the holders are known.
	_, group := groupAnaphor(its, i+n)
	if len(targets) == 0 && group == 0 || reversalCues[its[i].lw] && !asksReversal(its, i+n) {
		return 0, false
	}
	holders, skip := nounAgent(its, i), false
	if holders == nil {
		holders, skip = r.holdersAt(its, i, n, r.lastNoun, 0)
	}
	if skip {
		return 0, false
	}
	// "X thanked Y for its support": the support is Y's.
	if anyWord(its, i, thanksForms...) && thanksForSupport(its, i+n) && len(holders) > 0 {
		holders, targets = targets, holders
	}
	if len(targets) == 0 {
		targets = r.resolveGroup(its, i+n, holders)
	}
	if isNounCue(its[i].lw) && holders != nil {
		r.lastNoun = holders
	}
	// Calls to undo something need a stated caller: a resolution "that
	// called on Sudan to cease" speaks for no nearby actor.
	if holders == nil && !reversalCues[its[i].lw] {
		holders = stanceHolders(its, i, r.t.motion.sponsors)
	}
	r.emit(holders, targets, cue.polarity, i, n)
	return n, true
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
	for _, c := range stanceCuesByFirst[its[i].lw] {
		if n := wordsAcrossAdverbs(its, i, c.words); n > 0 {
			return c, n
		}
	}
	return stanceCue{}, 0
}

// stanceHedged reports whether the cue at its[i] is negated, conditional
// or contrasted away ("rather than condemning").
func stanceHedged(its []item, i int) bool {
	if aimedClause(its, i) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if stanceHedges[its[k].lw] {
			return true
		}
		if its[k].lw == "," || its[k].lw == ";" {
			break
		}
		// "denies involvement and blames Kyiv": "and" opens a verb
		// of its own, which a denial of something else leaves stated.
		if its[k].lw == "and" && k > 0 && !stanceHedges[its[k-1].lw] {
			break
		}
	}
	return false
}

// aimedClause reports whether the cue at its[i] stands in a clause of
// what someone means to show ("to demonstrate that the members
// supported"): an aim, not a stance.
func aimedClause(its []item, i int) bool {
	for k := i - 1; k >= 2 && k >= i-8; k-- {
		if anyWord(its, k, ";") {
			return false
		}
		if anyWord(its, k, "that") && anyWord(its, k-1, showVerbs...) && anyWord(its, k-2, "to") {
			return true
		}
	}
	return false
}

// baseVerb reports whether the base form at its[i] is a verb: tagged so,
// or after a vow ("pledged to"), a modal, "we" or "they", or a list of actors ("France
// and Germany back Kyiv", "Japan, Korea condemn"), through adverbs. The tagger often takes
// "support" for a noun after an adverb.
func baseVerb(its []item, i int) bool {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || strings.HasSuffix(its[k].lw, "ly")) {
		k--
	}
	// "vowed to support": the subject of the vow. After "urged Hungary
	// to" or "expect China to" the verb is no one's stated stance.
	if anyWord(its, k, "to") {
		return anyWord(its, k-1, vowVerbs...) || firstToAct(its, k) >= 0
	}
	// "Hungary should support Sweden": a demand, often another's.
	if anyWord(its, k, demandModals...) {
		return false
	}
	if its[i].tag == "VB" || its[i].tag == "VBP" || anyWord(its, k, commitmentSubjects...) {
		return true
	}
	// A headline's list may be joined by commas alone: "Japan, South
	// Korea condemn launch".
	return k >= 2 && its[k].isActor() && anyWord(its, k-1, listCommas...) && its[k-2].isActor()
}

// isNounCue reports whether a stance cue word is a noun.
func isNounCue(w string) bool { return slices.Contains(stanceNouns, w) }
