package extract

import (
	"slices"
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

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
		case anyWord(its, k, nounCueModifiers...):
		default:
			return nil, false
		}
	}
	return nil, false
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
	// "a Russian resolution condemning the strikes": the motion speaks
	// for its sponsors, or for no one when they are not known.
	if i > 0 && its[i].tag == "VBG" && motionClasses[its[i-1].lw] != "" {
		return sponsors
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
				// The motion speaks for its sponsors, or for no one
				// when they are not known.
				if _, motion := motionClasses[its[k-1].lw]; motion {
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
		if objectActor(its, k) {
			continue
		}
		if its[k].tail || k+1 < len(its) && its[k+1].tail {
			continue
		}
		return []string{it.actor}
	}
	return nil
}

// objectActor reports whether the actor at its[k] stands in an object:
// right after a verb or preposition ("said Moscow had", "against
// Russia"), or as the modifier of a noun phrase after one, through
// articles, numbers and adjectives ("expelled three Russian diplomats").
func objectActor(its []item, k int) bool {
	j := k - 1
	if its[k].kind == actors.Demonym {
		for j >= 0 && j >= k-3 && (its[j].tag == "DT" || its[j].tag == "CD" || strings.HasPrefix(its[j].tag, "JJ")) {
			j--
		}
	}
	if j < 0 {
		return false
	}
	p := its[j]
	return p.tag == "IN" || p.tag == "TO" || isVerbTag(p.tag) && p.lw != "that"
}

// holdersAt finds who holds the stance whose cue of n items starts at
// its[i]: the noun phrase of a stance noun, the imposer of sanctions, the
// subject of a light verb, a speaker or sayer for a pronoun, a role or
// person, the main clause's subject for a participle, and for a verb
// coordinated with an earlier one ("were gravely concerned and urged
// Israel to reconsider"), that verb's holders. lastNoun holds the
// holders of the sentence's last stance noun.
func (r *stanceReader) holdersAt(its []item, i, n int, lastNoun []string, depth int) (holders []string, skip bool) {
	holders, coordinated := nounHolder(its, i, n)
	if holders == nil {
		if holders, skip = broughtActHolders(its, i); skip {
			return nil, true
		}
	}
	if holders == nil && isNounCue(its[i].lw) {
		holders = lightVerbHolder(its, i)
		// A protest or aid is held only by its noun phrase or the
		// subject of lodging or pledging it: "in protest against"
		// names no holder.
		if holders == nil && !coordinated && boundNouns[its[i].lw] {
			return nil, true
		}
	}
	if coordinated {
		holders = lastNoun
	}
	// "her country stood with Ukraine": the speaker's country.
	if holders == nil && ownDelegation(its, i) {
		if code := r.t.speakerFor(i); code != "" {
			holders = []string{code}
		}
	}
	if holders == nil {
		holders = r.referredHolders(its, i)
	}
	if holders == nil && pronounBefore(its, i) {
		holders = r.pronounHolder(its, i)
	}
	if holders == nil && depth == 0 {
		holders = r.coordinatedHolders(its, i, lastNoun)
	}
	if holders == nil {
		holders = joinedInSubject(its, i)
	}
	if holders == nil {
		holders = issuedStatementHolder(its, i)
	}
	if holders == nil {
		holders = relativeHolder(its, i)
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
	if holders == nil {
		holders = namedBesideGroup(its, i)
	}
	if holders == nil {
		holders = officeOwners(its, i)
	}
	if len(holders) <= 1 && its[i].tag == "VBG" {
		holders = participleHolders(its, i, holders)
	}
	return holders, false
}

// participleHolders finds the holders of a participle cue at its[i]
// given those found so far: the main clause's subject ("Ireland, Norway,
// Slovenia and Spain went further, condemning Israel's decision"), from
// further back when needed ("the UAE announced that it will downgrade
// ties with Iran, recalling its ambassador": an object before the comma
// is no subject).
func participleHolders(its []item, i int, holders []string) []string {
	if k := mainVerbBefore(its, i); k > 0 {
		if subj := subjectBefore(its, k); len(subj) > len(holders) {
			holders = subj
		}
	}
	if len(holders) == 0 || anyWord(its, i-1, ",") && i >= 2 && its[i-2].isActor() && objectActor(its, i-2) {
		if subj := participleSubject(its, i); len(subj) > 0 {
			holders = subj
		}
	}
	return holders
}

// broughtActHolders finds who holds sanctions or a legal action named at
// its[i]: its imposer or bringer, never an actor found by distance (skip
// is then true when there is none).
func broughtActHolders(its []item, i int) (holders []string, skip bool) {
	switch {
	// "The EU imposed new sanctions on".
	case its[i].lw == "sanctions":
		holders = sanctionsImposer(its, i)
	// "Chile initiated proceedings against".
	case anyWord(its, i, legalActNouns...):
		holders = actBringer(its, i, legalVerbs)
	default:
		return nil, false
	}
	return holders, holders == nil
}

// referredHolders finds holders named as a reference to states named
// before ("The two countries condemned") or as the subject of a copula
// ("Russia became the first country to recognise"); nil if none.
func (r *stanceReader) referredHolders(its []item, i int) []string {
	if k := groupSubject(its, i); k >= 0 {
		return r.resolveGroup(its, k, nil)
	}
	if k := firstToAct(its, i-1); k >= 0 {
		return subjectOrAgent(its, k)
	}
	// "The ambassador also protested": the country of the office
	// last named with one.
	if role := bareSubject(its, i, anaphoricRoles); role != "" {
		if code := r.t.roleFor(role); code != "" {
			return []string{code}
		}
	}
	// "The bloc condemned": the bloc last named before.
	if bareSubject(its, i, blocAnaphors) != "" {
		if code := r.lastBlocBefore(its[i].start); code != "" {
			return []string{code}
		}
	}
	return nil
}

// lastBlocBefore returns the bloc the text last named before byte
// offset b, or "".
func (r *stanceReader) lastBlocBefore(b int) string {
	code := ""
	for _, m := range r.d.actors {
		if m.Start >= b {
			break
		}
		if actors.IsBloc(m.Code) && !slices.Contains(regionGroups, m.Code) {
			code = m.Code
		}
	}
	return code
}

// bareSubject returns the noun of nouns named with no actor as the
// subject right before the cue at its[i], through adverbs ("The
// ambassador also strongly protested", "the foreign minister
// condemned", "the bloc condemned"); "" if there is none. The subject
// must open the sentence or a clause.
func bareSubject(its []item, i int, nouns []string) string {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || its[k].tag == "MD" || anyWord(its, k, haveForms...)) {
		k--
	}
	if !anyWord(its, k, nouns...) {
		return ""
	}
	role := its[k].lw
	j := k - 1
	for j >= 0 && j >= k-3 && (portfolios[its[j].lw] || roleNouns[its[j].lw] || titles[its[j].lw]) && !its[j].isActor() {
		j--
	}
	if !anyWord(its, j, "the") || j > 0 && !anyWord(its, j-1, clauseMarks...) && !anyWord(its, j-1, clauseJoiners...) {
		return ""
	}
	return role
}

// sanctionsImposer finds who imposes the sanctions at its[i]: the
// subject of imposing them ("The EU imposed new sanctions on").
func sanctionsImposer(its []item, i int) []string {
	return actBringer(its, i, imposeVerbs)
}

// actBringer finds who brings the act named by the noun at its[i]: the
// subject of one of verbs before it, through determiners, adjectives,
// ordinals, names and nouns ("initiated ICAO proceedings against", "filed
// a new arbitration case against", "adopted its 12th sanctions package
// against"), or of the verb it is coordinated with ("voiced their
// outrage and mobilised sanctions against"); nil if none.
func actBringer(its []item, i int, verbs []string) []string {
	k := i - 1
	// The verb may be tagged an adjective: "initiated" often is.
	for k >= 0 && k >= i-4 && !anyWord(its, k, verbs...) && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "DT" || its[k].tag == "CD" || anyWord(its, k, freshWords...) ||
		(its[k].tag == "NNP" || its[k].tag == "NN") && !its[k].isActor() || anyWord(its, k, possessivesPlain...)) {
		k--
	}
	if !anyWord(its, k, verbs...) {
		return nil
	}
	if subj := subjectOrAgent(its, k); subj != nil {
		return subj
	}
	return coordinatedSubject(its, k)
}

// lightVerbHolder finds the subject of a light verb before a stance noun
// at its[i]: "voiced solidarity with Denmark", "expressed support for
// Kyiv".
func lightVerbHolder(its []item, i int) []string {
	k := i - 1
	for k >= 0 && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "DT" || anyWord(its, k, possessivesPlain...)) {
		k--
	}
	if anyWord(its, k, lightVerbs...) {
		return subjectOrAgent(its, k)
	}
	return nil
}

// pronounHolder finds who a pronoun before the cue at its[i] stands
// for: the sayer ("Britain, the former colonial power, said it stood
// with Georgetown"), else the speaker.
func (r *stanceReader) pronounHolder(its []item, i int) []string {
	if k := sayerBefore(its, i); k >= 0 {
		if holders := subjectOrAgent(its, k); holders != nil {
			return holders
		}
	}
	// "“We condemn Japan,” the spokesperson said": the one the quote
	// is attributed to.
	if anyWord(its, pronounAt(its, i), firstPersons...) {
		if code := r.quoteSpeaker(its, i); code != "" {
			return []string{code}
		}
	}
	if code := r.t.speakerFor(i); code != "" {
		return []string{code}
	}
	return nil
}

// coordinatedHolders finds the holders of a verb right after "and",
// which has no subject of its own: "were gravely concerned and urged
// Israel to reconsider", "stood with Georgia and condemned Russia" (not
// Georgia). They are the holders of the verb before "and"; nil if none.
func (r *stanceReader) coordinatedHolders(its []item, i int, lastNoun []string) []string {
	if !anyWord(its, i-1, "and") {
		return nil
	}
	for k := i - 2; k >= 0 && k >= i-7; k-- {
		if isVerbTag(its[k].tag) || strings.HasPrefix(its[k].tag, "JJ") && anyWord(its, k-1, beForms...) {
			h, _ := r.holdersAt(its, k, 1, lastNoun, 1)
			return h
		}
		if anyWord(its, k, clauseMarks...) {
			return nil
		}
	}
	return nil
}

// firstToAct finds the copula of "became the first country to" ending
// in the "to" at its[k], through adjectives ("the first European state
// to"); -1 if the words before "to" are not that.
func firstToAct(its []item, k int) int {
	if !anyWord(its, k, "to") {
		return -1
	}
	j := k - 1
	if anyWord(its, j, firstNouns...) {
		j--
		for j >= 0 && j >= k-4 && (strings.HasPrefix(its[j].tag, "JJ") && !anyWord(its, j, firstWords...) || its[j].isActor()) {
			j--
		}
	}
	if !anyWord(its, j, firstWords...) {
		return -1
	}
	// "the" may be left out in a headline: "Peru becomes first country
	// to".
	if anyWord(its, j-1, "the") {
		j--
	}
	if !anyWord(its, j-1, copulas...) {
		return -1
	}
	return j - 1
}

// pronounAt returns the index of the pronoun before the cue at its[i]
// (see pronounBefore), -1 if none.
func pronounAt(its []item, i int) int {
	for k := i - 1; k >= 0 && k >= i-maxReach; k-- {
		if fillers[its[k].lw] || its[k].lw == "," || its[k].tag == "RB" {
			continue
		}
		return k
	}
	return -1
}

// quoteSpeaker finds the country of whoever a quote holding the cue at
// its[i] is attributed to, after the quote closes: "...,” said Japan's
// foreign minister", "...,” the Chinese spokesperson said", "...,” the
// ambassador said" (an office last named with a country); "" when the
// quote names none.
func (r *stanceReader) quoteSpeaker(its []item, i int) string {
	k := i + 1
	for k < len(its) && !anyWord(its, k, closingQuotes...) {
		k++
	}
	k++
	if anyWord(its, k, ",") {
		k++
	}
	said := anyWord(its, k, sayVerbs...)
	if said {
		k++
	}
	for j := k; j < len(its) && j <= k+6; j++ {
		if its[j].isActor() && its[j].body == "" {
			return its[j].actor
		}
		if anyWord(its, j, anaphoricRoles...) && !said && anyWord(its, j+1, sayVerbs...) || said && anyWord(its, j, anaphoricRoles...) {
			return r.t.roleFor(its[j].lw)
		}
		if isVerbTag(its[j].tag) && j > k || anyWord(its, j, sentenceStops...) {
			return ""
		}
	}
	return ""
}
