package extract

import (
	"sort"
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// stanceCue is a phrase by which an actor takes a side toward another:
// verbs ("sided with", "condemned"), nouns ("support for", "condemnation
// of") and relations ("an ally of").
type stanceCue struct {
	words    []string
	polarity string
}

// reversalCues oppose only when they ask the target to undo something:
// "urged Israel to reconsider", not "urged Israel to join the talks".
var reversalCues = map[string]bool{"urged": true, "urges": true, "called": true, "calls": true}

var stanceCues = []stanceCue{
	{[]string{"sided", "with"}, Support}, {[]string{"siding", "with"}, Support},
	{[]string{"sides", "with"}, Support}, {[]string{"side", "with"}, Support},
	{[]string{"stands", "with"}, Support}, {[]string{"stood", "with"}, Support},
	{[]string{"stand", "with"}, Support}, {[]string{"standing", "with"}, Support},
	{[]string{"stands", "by"}, Support}, {[]string{"stood", "by"}, Support},
	{[]string{"stand", "by"}, Support}, {[]string{"standing", "by"}, Support},
	{[]string{"rallied", "behind"}, Support}, {[]string{"rallied", "around"}, Support},
	{[]string{"rallying", "behind"}, Support}, {[]string{"in", "support", "of"}, Support},
	{[]string{"solidarity", "with"}, Support}, {[]string{"allied", "with"}, Support},
	{[]string{"ally", "of"}, Support}, {[]string{"allies", "of"}, Support},
	{[]string{"support", "for"}, Support}, {[]string{"backing", "for"}, Support},
	{[]string{"supported"}, Support}, {[]string{"supports"}, Support},
	{[]string{"supporting"}, Support}, {[]string{"backed"}, Support},
	{[]string{"backs"}, Support}, {[]string{"backing"}, Support},
	{[]string{"defended"}, Support}, {[]string{"defends"}, Support},
	{[]string{"praised"}, Support}, {[]string{"praises"}, Support},
	{[]string{"endorsed"}, Support}, {[]string{"thanked"}, Support},
	{[]string{"grateful", "to"}, Support},
	{[]string{"hailed"}, Support}, {[]string{"applauded"}, Support},
	{[]string{"congratulated"}, Support}, {[]string{"welcomed"}, Support},
	{[]string{"lambasted"}, Oppose}, {[]string{"castigated"}, Oppose},
	{[]string{"lashed", "out", "at"}, Oppose}, {[]string{"hit", "out", "at"}, Oppose},
	{[]string{"hit", "back", "at"}, Oppose}, {[]string{"chided"}, Oppose},
	{[]string{"censured"}, Oppose}, {[]string{"assailed"}, Oppose},
	{[]string{"decried"}, Oppose}, {[]string{"berated"}, Oppose},
	{[]string{"concerned", "about"}, Oppose}, {[]string{"concerned", "over"}, Oppose},
	{[]string{"concerned", "by"}, Oppose}, {[]string{"troubled", "by"}, Oppose},
	{[]string{"alarmed", "by"}, Oppose}, {[]string{"alarmed", "at"}, Oppose},
	{[]string{"concern", "over"}, Oppose}, {[]string{"concern", "about"}, Oppose},
	{[]string{"urged"}, Oppose}, {[]string{"urges"}, Oppose},
	{[]string{"called", "on"}, Oppose}, {[]string{"calls", "on"}, Oppose},
	{[]string{"thanks"}, Support},
	{[]string{"condemned"}, Oppose}, {[]string{"condemns"}, Oppose},
	{[]string{"condemning"}, Oppose}, {[]string{"condemnation", "of"}, Oppose},
	{[]string{"blamed"}, Oppose}, {[]string{"blames"}, Oppose}, {[]string{"blaming"}, Oppose},
	{[]string{"criticised"}, Oppose}, {[]string{"criticized"}, Oppose},
	{[]string{"criticises"}, Oppose}, {[]string{"criticizes"}, Oppose},
	{[]string{"criticising"}, Oppose}, {[]string{"criticizing"}, Oppose},
	{[]string{"criticism", "of"}, Oppose}, {[]string{"accused"}, Oppose},
	{[]string{"accuses"}, Oppose}, {[]string{"accusing"}, Oppose},
	{[]string{"denounced"}, Oppose}, {[]string{"denounces"}, Oppose},
	{[]string{"opposed"}, Oppose}, {[]string{"opposes"}, Oppose},
	{[]string{"rebuked"}, Oppose}, {[]string{"slammed"}, Oppose},
	{[]string{"sanctioned"}, Oppose},
	{[]string{"sanctions", "on"}, Oppose}, {[]string{"sanctions", "against"}, Oppose},
	{[]string{"threatened"}, Oppose},
}

// baseCues are stance verbs in their base form, cues only when tagged
// as verbs.
var baseCues = map[string]string{
	"support": Support, "back": Support, "defend": Support, "praise": Support,
	"oppose": Oppose, "condemn": Oppose, "criticise": Oppose, "criticize": Oppose,
	"denounce": Oppose, "blame": Oppose, "accuse": Oppose,
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

// stanceHedges before a cue deny or suspend it.
var stanceHedges = map[string]bool{
	"not": true, "n't": true, "never": true, "could": true,
	"might": true, "if": true, "unless": true, "than": true, "without": true,
	"refused": true, "declined": true, "whether": true, "instead": true,
	"stopped": true, "ceased": true, "no": true, "ca": true, "wo": true,
	"omitting": true, "omitted": true, "omits": true, "avoiding": true,
	"avoided": true, "avoids": true, "dropping": true, "dropped": true,
	"lacking": true, "any": true, "nor": true, "denied": true, "denies": true,
}

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
	var res bodyResolver
	r := &voteReader{d: d, res: &res}
	for si := range d.sents {
		if len(d.actorsIn(d.sents[si].Start, d.sents[si].End)) == 0 {
			continue
		}
		its := d.items(si)
		frag := &fragment{si: si}
		r.bodies(frag, its)
		r.motions(frag, its)
		r.sponsorsOf(frag, its, si)
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
				if holders, skip := r.holdersAt(its, si, i, 1, lastNoun, 0); !skip {
					emit(holders, targets, Oppose, i, n)
				}
				i += n - 1
				continue
			}
			if polarity, targets, n := namedAs(its, i); n > 0 && !stanceHedged(its, i) {
				holders := participleSubject(its, i)
				skip := false
				if holders == nil {
					holders, skip = r.holdersAt(its, si, i, 1, lastNoun, 0)
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
			holders, skip := r.holdersAt(its, si, i, n, lastNoun, 0)
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
				holders = stanceHolders(its, i, frag.sponsors)
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

// wordsAcrossAdverbs reports how many items the words ws take from
// its[i], allowing adverbs between them; 0 when they do not match.
func wordsAcrossAdverbs(its []item, i int, ws []string) int {
	k := i
	for n, w := range ws {
		if n > 0 {
			for k < len(its) && k < i+len(ws)+2 && its[k].tag == "RB" && its[k].lw != w {
				k++
			}
		}
		if k >= len(its) || its[k].lw != w {
			return 0
		}
		k++
	}
	return k - i
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

// stanceTargets reads the actors a cue points at: the actor list right
// after it, through determiners and adjectives ("the legitimate Sudanese
// authorities"). An actor that only modifies a motion ("a European-backed
// resolution", "the US draft") is no target.
func stanceTargets(its []item, i int) []string {
	k := i
	// "opposed attempts by Washington, Seoul and Tokyo", "condemned the
	// decision of Israel": the actors behind an act are its target.
	j := i
	if anyWord(its, j, "the", "any", "all") {
		j++
	}
	if anyWord(its, j, "attempts", "attempt", "efforts", "moves", "move", "plans", "plan", "policies", "policy", "actions", "decision", "bid", "push", "aggression", "occupation") && anyWord(its, j+1, "by", "of", "from") {
		k = j + 2
	}
	for k < len(its) && k <= i+3 && !its[k].isActor() {
		if anyWord(its, k, "the", "its", "their", "our", "both", "his", "her") || strings.HasPrefix(its[k].tag, "JJ") {
			k++
			continue
		}
		return nil
	}
	if k >= len(its) || !its[k].isActor() {
		return nil
	}
	var codes []string
	for ; k < len(its); k++ {
		it := its[k]
		switch {
		case it.isActor():
			// The actor must be the head, not a modifier of a motion.
			j := k + 1
			for j < len(its) && (its[j].tail || its[j].lw == "'s" || its[j].lw == "-") {
				j++
			}
			if j < len(its) {
				if _, motion := motionClasses[its[j].lw]; motion {
					return codes
				}
				// "backed Ukraine and Russia condemned": the actor
				// after "and" is the next clause's subject.
				if len(codes) > 0 && anyWord(its, k-1, "and") && (its[j].tag == "VBD" || its[j].tag == "VBZ" || its[j].tag == "VBP" || its[j].tag == "MD") {
					return codes
				}
				// "Australian producers", "Chinese buyers": a demonym
				// before people who are not the state is no target.
				if it.kind == actors.Demonym && (its[j].tag == "NNS" || its[j].tag == "NN") && !roleNouns[its[j].lw] && !groupNouns[its[j].lw] &&
					!anyWord(its, j, "people", "government", "state", "authorities", "leadership", "regime", "forces", "military") {
					return codes
				}
			}
			codes = append(codes, it.actor)
		case it.lw == "," || it.lw == "and" || it.lw == "the":
		default:
			return codes
		}
	}
	return codes
}

// nounHolder finds who holds a stance stated by a noun ("support for",
// "condemnation of", "ally of"): the actor that modifies or possesses the
// noun, through adjectives and demands ("European calls for stronger
// condemnation of", "Russia's support for"). Nil for verb cues or when no
// actor qualifies the noun.
//
// A noun coordinated with an earlier one ("condemnation of Russia and
// greater support for Ukraine") shares its holder: coordinated is then
// true.
func nounHolder(its []item, i, n int) (holders []string, coordinated bool) {
	if !isNounCue(its[i].lw) || n < 2 && its[i].lw != "backing" {
		return nil, false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		it := its[k]
		switch {
		case it.isActor():
			return []string{it.actor}, false
		case it.lw == "and" || it.lw == "as" && anyWord(its, k-1, "well"):
			return nil, true
		case strings.HasPrefix(it.tag, "JJ") || it.tag == "RB" || it.tag == "POS" || it.tag == "PRP$" || it.tag == "DT":
		case anyWord(its, k, "for", "calls", "call", "demands", "demand", "'s", "'", "close", "closest", "key", "greater", "stronger", "firm", "strong", "full"):
		default:
			return nil, false
		}
	}
	return nil, false
}

// isNounCue reports whether a stance cue word is a noun.
func isNounCue(w string) bool {
	switch w {
	case "support", "backing", "condemnation", "criticism", "ally", "allies", "solidarity":
		return true
	}
	return false
}

// stanceHolders finds who takes the stance: the actors named as subject
// before the cue, seeing through titles and names ("French President
// Emmanuel Macron condemned"), a motion standing for its sponsors ("a
// resolution that blamed Russia"), or the nearest actor before the cue
// that is not an object.
func stanceHolders(its []item, i int, sponsors []string) []string {
	if subj := subjectBefore(its, i); len(subj) > 0 {
		return subj
	}
	// A common noun right before the cue is its subject: "language
	// backing Ukraine" is no actor's stance.
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if its[k].tag == "RB" {
			continue
		}
		if !its[k].isActor() && (its[k].tag == "NN" || its[k].tag == "NNS") {
			return nil
		}
		break
	}
	for k := i - 1; k >= 0 && k >= i-maxReach; k-- {
		it := its[k]
		if it.lw == "that" || it.lw == "which" {
			if k > 0 {
				if _, motion := motionClasses[its[k-1].lw]; motion && len(sponsors) > 0 {
					return sponsors
				}
			}
			continue
		}
		if !it.isActor() {
			continue
		}
		// An actor after a verb or preposition is an object, not the
		// holder ("said Moscow had", "against Russia").
		if k > 0 {
			p := its[k-1]
			if p.tag == "IN" || p.tag == "TO" || isVerbTag(p.tag) && p.lw != "that" {
				continue
			}
		}
		if its[k].tail || k+1 < len(its) && its[k+1].tail {
			continue
		}
		return []string{it.actor}
	}
	return nil
}

// mainVerbBefore finds the finite verb of the clause that a participle
// at its[i], set off by a comma, depends on; -1 if none.
func mainVerbBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || fillers[its[k].lw]) {
		k--
	}
	if !anyWord(its, k, ",") {
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if its[j].tag == "VBD" || its[j].tag == "VBZ" || its[j].tag == "VBP" {
			return j
		}
		if anyWord(its, j, ",", ";") {
			return -1
		}
	}
	return -1
}

// thanksForSupport reports whether a thanks names support received:
// "for its support", "for their backing".
func thanksForSupport(its []item, i int) bool {
	for k := i; k+2 < len(its) && k < i+8; k++ {
		if its[k].lw == "for" {
			return anyWord(its, k+1, "its", "their", "his", "her", "the") && anyWord(its, k+2, "support", "backing", "help", "solidarity", "assistance", "stance")
		}
	}
	return false
}

// reversals are what a party is urged to undo.
var reversals = map[string]bool{
	"reconsider": true, "reverse": true, "withdraw": true, "halt": true,
	"stop": true, "refrain": true, "abandon": true, "drop": true, "rescind": true,
	"scrap": true, "end": true, "cease": true, "repeal": true, "retract": true,
	"revoke": true, "desist": true, "release": true, "lift": true,
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

// sayerBefore returns the index of a verb of saying right before the
// pronoun that precedes the cue at its[i] ("said it stood with", "said
// that they backed"), or -1.
func sayerBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && (fillers[its[k].lw] || its[k].tag == "RB" || its[k].tag == "MD") {
		k--
	}
	if k < 1 || !pronouns[its[k].lw] {
		return -1
	}
	k--
	// "said that they", "said in a joint statement they".
	for j := k; j >= 0 && j >= k-6; j-- {
		if anyWord(its, j, "said", "says", "added", "stated", "declared", "insisted", "stressed", "reiterated", "told") {
			return j
		}
		if !anyWord(its, j, "that", "in", "a", "an", "the", "joint", "statement", "letter", "communique", "declaration", ",") {
			return -1
		}
	}
	return -1
}

// holdersAt finds who holds the stance whose cue of n items starts at
// its[i]: the noun phrase of a stance noun, the imposer of sanctions, the
// subject of a light verb, a speaker or sayer for a pronoun, a role or
// person, the main clause's subject for a participle, and for a verb
// coordinated with an earlier one ("were gravely concerned and urged
// Israel to reconsider"), that verb's holders. lastNoun holds the
// holders of the sentence's last stance noun.
func (r *voteReader) holdersAt(its []item, si, i, n int, lastNoun []string, depth int) (holders []string, skip bool) {
	holders, coordinated := nounHolder(its, i, n)
	// Sanctions name their imposer in the noun phrase or as the
	// subject of imposing them, never by distance.
	if its[i].lw == "sanctions" && holders == nil {
		k := i - 1
		for k >= 0 && (strings.HasPrefix(its[k].tag, "JJ") || anyWord(its, k, "new", "fresh", "further", "more")) {
			k--
		}
		if anyWord(its, k, "imposed", "imposes", "impose", "imposing", "slapped", "announced", "levied", "placed") {
			holders = subjectOrAgent(its, k)
		}
		if holders == nil {
			return nil, true
		}
	}
	// "voiced solidarity with Denmark", "expressed support for
	// Kyiv": the subject of the light verb holds the stance.
	if holders == nil && isNounCue(its[i].lw) {
		k := i - 1
		for k >= 0 && (strings.HasPrefix(its[k].tag, "JJ") || anyWord(its, k, "its", "their", "his", "her")) {
			k--
		}
		if anyWord(its, k, "voiced", "expressed", "offered", "pledged", "declared", "reaffirmed", "voice", "express", "offer", "pledge", "reaffirm") {
			holders = subjectOrAgent(its, k)
		}
	}
	if coordinated {
		holders = lastNoun
	}
	// "her country stood with Ukraine": the speaker's country.
	if holders == nil && ownDelegation(its, i) {
		if code := r.speakerFor(si, i); code != "" {
			holders = []string{code}
		}
	}
	if holders == nil && pronounBefore(its, i) {
		// "Britain, the former colonial power, said it stood
		// with Georgetown": the pronoun is the sayer.
		if k := sayerBefore(its, i); k >= 0 {
			holders = subjectOrAgent(its, k)
		}
		if holders == nil {
			if code := r.speakerFor(si, i); code != "" {
				holders = []string{code}
			}
		}
	}
	if holders == nil && depth == 0 {
		holders = r.coordinatedHolders(its, si, i, lastNoun)
	}
	// "South Korea would stand with", "Beijing will continue to
	// support": the subject of the modal.
	if holders == nil {
		if k := modalBefore(its, i); k > 0 {
			holders = subjectOrAgent(its, k)
		}
	}
	if holders == nil {
		holders = subjectOrAgent(its, i)
	}
	// "Ireland, Norway, Slovenia and Spain went further,
	// condemning Israel's decision": the participle's subject is
	// the main clause's.
	if len(holders) <= 1 && its[i].tag == "VBG" {
		if k := mainVerbBefore(its, i); k > 0 {
			if subj := subjectBefore(its, k); len(subj) > len(holders) {
				holders = subj
			}
		}
	}
	return holders, false
}

// coordinatedHolders finds the holders of a verb right after "and",
// which has no subject of its own: "were gravely concerned and urged
// Israel to reconsider", "stood with Georgia and condemned Russia" (not
// Georgia). They are the holders of the verb before "and"; nil if none.
func (r *voteReader) coordinatedHolders(its []item, si, i int, lastNoun []string) []string {
	if !anyWord(its, i-1, "and") {
		return nil
	}
	for k := i - 2; k >= 0 && k >= i-7; k-- {
		if isVerbTag(its[k].tag) || strings.HasPrefix(its[k].tag, "JJ") && anyWord(its, k-1, "were", "was", "is", "are") {
			h, _ := r.holdersAt(its, si, k, 1, lastNoun, 1)
			return h
		}
		if anyWord(its, k, ",", ";") {
			return nil
		}
	}
	return nil
}

// receivedNouns are stances an actor receives "from" others: "drawing
// criticism from Britain", "won backing from France".
var receivedNouns = map[string]string{
	"criticism": Oppose, "condemnation": Oppose, "rebuke": Oppose, "rebukes": Oppose, "opposition": Oppose,
	"support": Support, "backing": Support, "praise": Support,
}

// receiveVerbs take a received stance as their object.
var receiveVerbs = wordSet(
	"drew", "draws", "draw", "drawing", "drawn", "won", "wins", "win", "winning",
	"received", "receives", "receiving", "got", "gets", "getting", "faced", "faces",
	"face", "facing", "attracted", "attracts", "attracting", "earned", "earns",
	"earning", "garnered", "garners", "garnering", "enjoyed", "enjoys", "enjoying",
	"secured", "secures", "securing", "prompted", "prompting", "sparked",
	"sparking", "triggered", "triggering", "provoked", "provoking",
)

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// receivedStance reads a stance stated from the target's side: "Russia
// vetoed the draft, drawing sharp criticism from Britain and the United
// States" (Britain and the United States oppose Russia), "Kyiv won
// strong backing from Paris". The noun must be the object of a verb of
// receiving whose subject is an actor, and the givers follow "from". It
// returns the cue's length n, 0 when there is none.
func receivedStance(its []item, i int) (polarity string, holders, targets []string, n int) {
	polarity, ok := receivedNouns[its[i].lw]
	if !ok || !anyWord(its, i+1, "from") || its[i].tail {
		return "", nil, nil, 0
	}
	k := i - 1
	for k >= 0 && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "RB" || anyWord(its, k, "the", "a", "an", "some", "much")) {
		k--
	}
	if k < 0 || !receiveVerbs[its[k].lw] || stanceHedged(its, k) || stanceHedged(its, i) {
		return "", nil, nil, 0
	}
	holders = stanceTargets(its, i+2)
	if len(holders) == 0 {
		return "", nil, nil, 0
	}
	targets = subjectOrAgent(its, k)
	// "Russia vetoed the draft, drawing criticism from": the
	// participle's subject is the main clause's.
	if len(targets) == 0 && its[k].tag == "VBG" {
		targets = participleSubject(its, k)
	}
	if len(targets) == 0 {
		return "", nil, nil, 0
	}
	return polarity, holders, targets, 2
}

// modalBefore returns the index of a modal of commitment ("would",
// "will") before the verb at its[i], through adverbs and "continue to";
// -1 if none. Modals of possibility are hedges (see stanceHedges).
func modalBefore(its []item, i int) int {
	k := i - 1
	for k >= 0 && its[k].tag == "RB" {
		k--
	}
	if anyWord(its, k, "to") && anyWord(its, k-1, "continue", "continues") {
		k -= 2
		for k >= 0 && its[k].tag == "RB" {
			k--
		}
	}
	if anyWord(its, k, "would", "will", "shall", "'ll") {
		return k
	}
	return -1
}

// namingVerbs name an actor as something: "calling Serbia a reliable
// partner".
var namingVerbs = wordSet("called", "calls", "call", "calling", "branded", "brands", "branding",
	"described", "describes", "describing", "labelled", "labeled", "labelling", "labeling")

// namedNouns are what an actor or its act is called, with the stance the
// name states.
var namedNouns = map[string]string{
	"partner": Support, "partners": Support, "friend": Support, "friends": Support,
	"ally": Support, "allies": Support, "brother": Support, "champion": Support,
	"disgrace": Oppose, "threat": Oppose, "aggressor": Oppose, "pariah": Oppose,
	"menace": Oppose, "bully": Oppose, "outrage": Oppose, "provocation": Oppose,
	"shame": Oppose, "travesty": Oppose, "betrayal": Oppose, "stab": Oppose,
	"crime": Oppose, "enemy": Oppose, "adversary": Oppose, "sponsor": Oppose,
}

// namedAs reads "calling Serbia a reliable partner" (support) and
// "calling Moscow's veto a disgrace" (oppose): a naming verb, an actor
// (or its act), then "a", "an" or "as a" and a noun of namedNouns
// through adjectives. It returns the stance, its targets and the length
// of the phrase, n 0 when there is none.
func namedAs(its []item, i int) (polarity string, targets []string, n int) {
	if !namingVerbs[its[i].lw] || i+1 >= len(its) {
		return "", nil, 0
	}
	k := i + 1
	if anyWord(its, k, "the") {
		k++
	}
	if k >= len(its) || !its[k].isActor() {
		return "", nil, 0
	}
	target := its[k].actor
	k++
	for k < len(its) && its[k].tail {
		k++
	}
	// The actor's act: "Moscow's veto", "Australia's decision".
	if anyWord(its, k, "'s", "'") {
		k += 2
	}
	if anyWord(its, k, "as") {
		k++
	}
	if !anyWord(its, k, "a", "an") {
		return "", nil, 0
	}
	for j := k + 1; j < len(its) && j <= k+4; j++ {
		if p, ok := namedNouns[its[j].lw]; ok {
			// "a partner in crime" is no partner.
			if anyWord(its, j+1, "in") && anyWord(its, j+2, "crime") {
				return "", nil, 0
			}
			return p, []string{target}, j + 1 - i
		}
		if !(strings.HasPrefix(its[j].tag, "JJ") || its[j].tag == "RB" || its[j].lw == "," || its[j].tag == "NN" && j+1 < len(its) && namedNouns[its[j+1].lw] != "") {
			return "", nil, 0
		}
	}
	return "", nil, 0
}

// participleSubject finds the subject of a participle set off by a comma
// ("South Korea would stand with the United States, calling Tokyo a
// partner"): the actor subject of the nearest finite verb or modal
// before the comma, in the same clause. Nil if the participle follows no
// comma or no such subject is found.
func participleSubject(its []item, i int) []string {
	if !anyWord(its, i-1, ",") {
		return nil
	}
	for k := i - 2; k > 0 && k >= i-maxReach; k-- {
		if anyWord(its, k, ";", ":") {
			return nil
		}
		if t := its[k].tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
			if subj := subjectBefore(its, k); len(subj) > 0 {
				return subj
			}
		}
	}
	return nil
}

// envoyNouns are a state's representatives abroad.
var envoyNouns = wordSet("ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats",
	"charge", "chargé", "d'affaires")

// protestAct reads the acts of diplomatic protest, which a reader takes
// as opposition to the state they are aimed at: summoning or expelling
// its envoy ("summoned China's envoy", "expelled 20 Russian diplomats",
// "summoned Japanese Ambassador Hideo Tarumi"), recalling one's own from
// it ("recalled its ambassadors to the United States and Australia"),
// declaring its people persona non grata ("declared Brazilian President
// Lula persona non grata"). It returns the states and the phrase's
// length, n 0 when there is none.
func protestAct(its []item, i int) (targets []string, n int) {
	w := its[i].lw
	switch w {
	case "summoned", "summons", "summoning", "expelled", "expels", "expelling":
		k := i + 1
		for k < len(its) && k <= i+4 && !its[k].isActor() {
			if !(anyWord(its, k, "the", "a", "an", "two", "three", "four", "five", "several", "dozens", "of") || isNumberItem(its[k]) || strings.HasPrefix(its[k].tag, "JJ")) {
				return nil, 0
			}
			k++
		}
		if k >= len(its) || !its[k].isActor() {
			return nil, 0
		}
		code := its[k].actor
		j := k + 1
		for j < len(its) && (its[j].tail || anyWord(its, j, "'s", "'")) {
			j++
		}
		for j < len(its) && j <= k+3 && !envoyNouns[its[j].lw] && (strings.HasPrefix(its[j].tag, "JJ") || anyWord(its, j, "deputy", "top", "senior")) {
			j++
		}
		if j >= len(its) || !envoyNouns[its[j].lw] {
			return nil, 0
		}
		return []string{code}, j + 1 - i
	case "recalled", "recalls", "recalling":
		k := i + 1
		if !anyWord(its, k, "its", "their", "his", "her") {
			return nil, 0
		}
		k++
		if k+1 >= len(its) || !envoyNouns[its[k].lw] || !anyWord(its, k+1, "to", "from", "in") {
			return nil, 0
		}
		if t := stanceTargets(its, k+2); len(t) > 0 {
			return t, k + 1 - i
		}
	case "declared", "declares", "declaring":
		k := i + 1
		for k < len(its) && k <= i+3 && !its[k].isActor() {
			k++
		}
		if k >= len(its) || !its[k].isActor() {
			return nil, 0
		}
		for j := k + 1; j+2 < len(its) && j <= k+10; j++ {
			if words(its, j, "persona", "non", "grata") {
				return []string{its[k].actor}, j + 3 - i
			}
			if anyWord(its, j, ",", ";", ".") {
				break
			}
		}
	}
	return nil, 0
}
