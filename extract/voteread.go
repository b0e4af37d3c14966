package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// voteReader reads the vote fragments of sentences in text order, keeping
// what later sentences refer back to: the bodies named so far and the
// actor who last spoke.
type voteReader struct {
	d       *document
	res     *bodyResolver
	context string // the body the text last spoke of
	speaker string // the actor whose representative last spoke
	spokeAt int    // the sentence where speaker was set
	// here lists the speakers of the current sentence by item index.
	here []speakerAt
	// before is the speaker as the current sentence began, named in
	// sentence beforeSI.
	before   string
	beforeSI int
}

type speakerAt struct {
	i    int
	code string
}

// speakerFor returns the actor speaking at item i of sentence si: the last
// one named before i in the sentence, else the one who spoke in the two
// sentences before.
func (r *voteReader) speakerFor(si, i int) string {
	code := ""
	for _, s := range r.here {
		if s.i < i {
			code = s.code
		}
	}
	if code != "" {
		return code
	}
	if r.before != "" && si-r.beforeSI <= 2 {
		return r.before
	}
	return ""
}

func (r *voteReader) setSpeaker(si, i int, code string) {
	r.here = append(r.here, speakerAt{i, code})
	r.speaker, r.spokeAt = code, si
}

// motionClasses maps motion nouns to the kind of motion they name; a
// fragment on an amendment never joins an event on a resolution.
var motionClasses = map[string]string{
	"resolution": "resolution", "resolutions": "resolution", "draft": "resolution",
	"text": "resolution", "declaration": "resolution",
	"amendment": "amendment", "amendments": "amendment",
	"bill": "bill", "legislation": "bill",
	"motion":  "motion",
	"measure": "", "proposal": "", "timetable": "", "treaty": "", "version": "",
	"package": "", "budget": "", "law": "",
}

// newEventWords before a motion noun announce a motion not met before.
var newEventWords = map[string]bool{
	"different": true, "another": true, "separate": true, "rival": true,
	"competing": true, "alternative": true, "similar": true, "previous": true,
	"companion": true,
	"prior":     true, "earlier": true, "second": true,
}

// sponsorVerbs introduce who drafted or tabled a motion.
var sponsorVerbs = map[string]bool{
	"proposed": true, "drafted": true, "tabled": true, "introduced": true,
	"sponsored": true, "co-sponsored": true, "cosponsored": true,
	"submitted": true, "presented": true, "authored": true, "penned": true,
	"proposes": true, "tables": true, "introduces": true, "submits": true,
	"put": true, "brought": true, "drew": true, "co-penned": true,
	"co-drafted": true, "co-authored": true, "co-tabled": true,
}

// sponsorTails follow an actor in a compound naming a motion's sponsor:
// "US-drafted", "European-backed".
var sponsorTails = map[string]bool{
	"drafted": true, "backed": true, "sponsored": true, "proposed": true,
	"led": true, "authored": true, "penned": true, "written": true, "tabled": true,
	"introduced": true, "sponsor": true,
}

var outcomeWords = map[string]string{
	"adopted": Adopted, "adopts": Adopted, "adopting": Adopted, "adopt": Adopted,
	"approved": Adopted, "approves": Adopted, "approving": Adopted,
	"passed": Adopted, "passes": Adopted, "passing": Adopted,
	"endorsed": Adopted, "endorses": Adopted, "carried": Adopted,
	"rejected": Rejected, "rejects": Rejected, "rejecting": Rejected,
	"defeated": Rejected, "defeats": Rejected, "failed": Rejected, "fails": Rejected, "failing": Rejected,
	"vetoed": Vetoed, "vetoes": Vetoed, "vetoing": Vetoed,
	"withdrawn": Withdrawn, "withdrew": Withdrawn, "withdraws": Withdrawn,
	"negatived": Rejected, "negatives": Rejected,
	"confirmed": Adopted, "confirms": Adopted, "ratified": Adopted, "ratifies": Adopted,
	"cleared": Adopted, "clears": Adopted, "lost": Rejected, "elected": Adopted,
	"re-elected": Adopted, "reelected": Adopted,
}

// memberNouns name the members of a chamber as people.
var memberNouns = map[string]bool{
	"mps": true, "senators": true, "lawmakers": true, "legislators": true,
	"meps": true, "peers": true, "parliamentarians": true,
}

// permanentMembers hold a veto in the Security Council.
var permanentMembers = map[string]bool{"CHN": true, "FRA": true, "RUS": true, "GBR": true, "USA": true}

// hedges before an outcome or position make it unreal: negated,
// conditional or still to come.
var hedges = map[string]bool{
	"not": true, "n't": true, "never": true, "would": true, "could": true,
	"should": true, "will": true, "might": true, "may": true, "must": true,
	"if": true, "unless": true, "cannot": true, "expected": true, "likely": true,
	"set": true, "threatened": true, "threatening": true, "planned": true,
	"plans": true, "intends": true, "hoped": true, "hopes": true, "whether": true,
	"refused": true, "declined": true, "ca": true, "wo": true, "want": true, "wants": true,
	"neither": true, "nor": true,
}

// read returns the fragments one sentence states.
func (r *voteReader) read(si int, its []item) []*fragment {
	parts := splitMotions(its)
	if len(parts) == 1 {
		return r.readPart(si, its, true)
	}
	var out []*fragment
	for k, part := range parts {
		frags := r.readPart(si, part, k == 0)
		for _, f := range frags {
			// Each motion of the sentence is a vote of its own.
			f.newEvent = f.newEvent || k > 0
		}
		out = append(out, frags...)
	}
	return out
}

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
		}
	}
	// "The first law was approved by 92 votes to 10 and the second by 87
	// votes to 9", "A second failed 19-78, and a third, on kits, went
	// down 18-80": a later motion of a list with a tally of its own, when
	// the part before has one too.
	for i := 1; i+2 < len(its); i++ {
		if its[i].lw == "and" && anyWord(its, i+1, "the", "a") && anyWord(its, i+2, "second", "third", "fourth", "fifth", "other", "latter") &&
			tallyWithin(its, i+3, min(len(its), i+30)) && tallyWithin(its, 0, i) {
			cuts = append(cuts, i)
		}
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

// hyphenOrBy reports whether a tally follows at its[i]: "by 87 votes",
// "87-9".
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
		if !ok && anyWord(its, i, "backed", "supported") && bodySubject(its, i) {
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
		if anyWord(its, k, ",", "and", ";") {
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

// readPart reads the fragment one sentence, or one part of a sentence,
// states. whole says the part opens the sentence.
func (r *voteReader) readPart(si int, its []item, whole bool) []*fragment {
	f := &fragment{si: si, past: pastVote(its)}
	r.bodies(f, its)
	r.motions(f, its)
	r.sponsorsOf(f, its, si)
	r.outcomeOf(f, its)
	r.talliesOf(f, its)
	r.positionsOf(f, its)
	// "also without a vote": a later part inherits the sentence's verb.
	if f.outcome == "" && !whole && (containsWord(its, "adopted") || words(its, 0, "and")) {
		for _, it := range its {
			if it.lw == "without" || it.lw == "also" {
				f.outcome = Adopted
				break
			}
		}
	}
	if !f.hasContent() {
		return nil
	}
	for i := range its {
		if words(its, i, "without", "a", "vote") || words(its, i, "by", "consensus") || words(its, i, "by", "acclamation") {
			f.noVote = true
		}
	}
	f.threshold = needsQualifiedMajority(its)
	f.newEvent = f.newEvent || whole && datedLead(its)
	// A sentence that names no body speaks of the one the text last
	// named: "The Council then adopted", "MPs also voted".
	if f.body == "" {
		f.body = r.context
	}
	s := r.d.sents[si]
	f.spans = append(f.spans, [2]int{s.Start, s.End})
	return []*fragment{f}
}

// containsWord reports whether one of the items is w.
func containsWord(its []item, w string) bool {
	for _, it := range its {
		if it.lw == w {
			return true
		}
	}
	return false
}

// pastVote reports whether a sentence reports an earlier vote for
// comparison: "Last year's version passed 99-9-60", "a similar resolution
// last year received 143 votes", "the previous vote".
func pastVote(its []item) bool {
	for i, it := range its {
		switch it.lw {
		case "last", "previous", "prior", "similar", "earlier":
			if anyWord(its, i+1, "year", "year's", "years", "vote", "version", "resolution", "text", "draft", "time", "month", "month's", "session", "week", "week's") && !comparisonClause(its, i) {
				return true
			}
		case "ago":
			return true
		case "had":
			// "the General Assembly had adopted": the pluperfect sets a
			// vote before the story's own.
			if k := i + 1; k < len(its) {
				if anyWord(its, k, "also", "already", "previously", "earlier") {
					k++
				}
				if _, ok := outcomeWords[lowerAt(its, k)]; ok {
					return true
				}
			}
		}
	}
	return false
}

// datedLead reports whether a sentence opens by dating what it reports
// ("In 2024 it passed again", "In March 2022, the Assembly", "This year
// the resolution passed"): a comparison across years reports one vote a
// year.
func datedLead(its []item) bool {
	if words(its, 0, "this", "year") || words(its, 0, "last", "year") || words(its, 0, "a", "year", "earlier") {
		return true
	}
	if !anyWord(its, 0, "in", "on", "by") {
		return false
	}
	for k := 1; k < len(its) && k <= 4; k++ {
		if isYearItem(its[k]) {
			return true
		}
		// "In March, Washington abstained": a month alone dates an
		// earlier vote too.
		if months[its[k].lw] && its[0].lw == "in" && anyWord(its, k+1, ",") {
			return true
		}
		if !(months[its[k].lw] || isNumberItem(its[k]) || its[k].lw == "early" || its[k].lw == "late" || its[k].lw == "mid") {
			return false
		}
	}
	return false
}

// comparisonClause reports whether its[i] sits in a clause that compares
// the story's vote with earlier ones: ", as they have done in previous
// years", ", like last year".
func comparisonClause(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if anyWord(its, k, "as", "like", "unlike") && anyWord(its, k-1, ",", "—") {
			return true
		}
		if anyWord(its, k, ".", ";") {
			return false
		}
	}
	return false
}

// needsQualifiedMajority reports whether a sentence says the motion needed
// more than a simple majority.
func needsQualifiedMajority(its []item) bool {
	// "needed", "required" only with votes or a majority close by: "the
	// 60 votes needed", "the required number of votes", not "would have
	// required a judge".
	near := func(i int) bool {
		for k := max(0, i-4); k < len(its) && k <= i+4; k++ {
			if anyWord(its, k, "votes", "vote", "majority", "number") || isNumberItem(its[k]) && k != i {
				return true
			}
		}
		return false
	}
	for i, it := range its {
		switch it.lw {
		case "needed", "required", "necessary":
			if near(i) {
				return true
			}
		case "threshold", "supermajority":
			return true
		case "short":
			if anyWord(its, i+1, "of") {
				return true
			}
		case "two-thirds":
			return true
		}
	}
	return false
}

// bodies finds the body the sentence speaks of and keeps track of the
// bodies named so far.
func (r *voteReader) bodies(f *fragment, its []item) {
	r.before, r.beforeSI, r.here = r.speaker, r.spokeAt, r.here[:0]
	for i, it := range its {
		if it.body == "" {
			continue
		}
		// A body named as an object ("members of the Security
		// Council") is not the one "the Council" refers to later.
		if bodyIsObject(its, i) {
			continue
		}
		code := r.res.resolve(it.body)
		if code == "" {
			continue
		}
		if f.body == "" {
			f.body = code
			r.context = code
		}
	}
	// The actor whose representative speaks: "the representative of
	// Mozambique", "the speaker for the Russian Federation".
	for i := 0; i < len(its); i++ {
		// A person named with a country's office: "Emmanuel Macron".
		if its[i].kind == actors.Leader {
			r.setSpeaker(f.si, i, its[i].actor)
			continue
		}
		// "French President", "the Russian envoy".
		if its[i].isActor() && its[i].kind == actors.Demonym && i+1 < len(its) && (roleNouns[its[i+1].lw] || titles[its[i+1].lw]) {
			r.setSpeaker(f.si, i, its[i].actor)
		}
		if i+2 >= len(its) {
			continue
		}
		// "Russia's deputy representative", "France's ambassador".
		if its[i].isActor() && its[i+1].lw == "'s" {
			for k := i + 2; k < len(its) && k <= i+4; k++ {
				if roleNouns[its[k].lw] || groupNouns[its[k].lw] {
					r.setSpeaker(f.si, i, its[i].actor)
					break
				}
			}
		}
		if roleNouns[its[i].lw] || groupNouns[its[i].lw] {
			// "the representative of Mozambique", "Foreign ministers of
			// the G7".
			if its[i+1].lw == "of" || its[i+1].lw == "for" {
				if code := agentAfter(its, i+2); code != "" {
					r.setSpeaker(f.si, i, code)
				}
			}
		}
	}
}

// bodyIsObject reports whether the body at its[i] is what a motion is
// about rather than who votes on it: "convening the General Assembly".
func bodyIsObject(its []item, i int) bool {
	// "suspend Russia from the Human Rights Council", "elected to the
	// Council".
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if anyWord(its, k, "the") {
			continue
		}
		if anyWord(its, k, "from", "into", "onto") || anyWord(its, k, "to") && anyWord(its, k-1, "elected", "admitted", "readmitted", "returned", "return", "re-elected") ||
			anyWord(its, k, "of") && anyWord(its, k-1, "member", "members", "president", "presidency", "reform", "seat", "seats") && (!voteContext(its) || anyWord(its, k-2, "permanent", "non-permanent") ||
				anyWord(its, k-2, "elected", "re-elected") && !anyWord(its, k-1, "president", "presidency")) {
			// "elected a member of the Council" is another body's vote;
			// "re-elected president of the Parliament" is the
			// Parliament's own.
			// "a permanent member of the Security Council" is no vote
			// of the Council.
			return true
		}
		break
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if its[k].lw == "the" || strings.HasSuffix(its[k].lw, "-member") {
			continue
		}
		return its[k].tag == "VBG" || its[k].tag == "VB" || its[k].lw == "convening" || its[k].lw == "convene"
	}
	return false
}

// motions finds the motion nouns of the sentence, their class, sponsors
// named in the noun phrase and whether they announce another motion.
func (r *voteReader) motions(f *fragment, its []item) {
	seen := false
	// "Before acting on the text as a whole, the Assembly considered an
	// amendment": the opening clause names another motion.
	opening := 0
	if anyWord(its, 0, "before", "after", "following", "prior", "having", "when", "while", "until", "once") {
		for k := 1; k < len(its) && k < 20; k++ {
			if its[k].lw == "," {
				opening = k
				break
			}
		}
	}
	for i, it := range its {
		class, ok := motionClasses[it.lw]
		if !ok {
			continue
		}
		if it.lw == "draft" && i+1 < len(its) {
			if _, next := motionClasses[its[i+1].lw]; next {
				continue
			}
		}
		// "the text", "a text on cooperation", but not "text messages".
		if it.lw == "text" && !anyWord(its, i-1, "the", "adopted", "draft", "this", "that") &&
			!(anyWord(its, i-1, "a", "another") && anyWord(its, i+1, "on", "calling", "demanding", "urging", "condemning", "titled", "entitled", "that", "which")) &&
			!determinedText(its, i) {
			continue
		}
		// The first motion the sentence names is the one it is about.
		if !seen && i > opening {
			f.class, seen = class, true
			f.backRef = anyWord(its, i-1, "that", "this") || words(its, i-2, "the", "same")
			f.ident = motionIdent(its, i)
		}
		// The noun phrase before the noun: "a European-backed resolution",
		// "the US resolution", "Egypt's draft", "a different resolution".
		for k := i - 1; k >= 0 && k >= i-5; k-- {
			p := its[k]
			if newEventWords[p.lw] {
				f.newEvent = true
				continue
			}
			if p.isActor() {
				// "the Safety of Rwanda Bill" names no sponsor, and a
				// country before a bill or motion is its subject ("the
				// Rwanda bill"): legislators, not countries, bring bills.
				if !anyWord(its, k-1, "of", "on", "for", "with", "against") && class != "bill" && class != "motion" {
					f.addSponsor(p.actor)
				}
				continue
			}
			if _, outcome := outcomeWords[p.lw]; outcome {
				// "Russian Federation Vetoes Draft": a verb, not a
				// modifier, however a headline capitalises it.
				break
			}
			if sponsorTails[p.lw] || p.lw == "'s" || p.lw == "'" || p.body != "" {
				continue
			}
			if strings.HasPrefix(p.tag, "JJ") || p.tag == "NN" || p.tag == "NNP" || p.tag == "VBN" || p.tag == "CD" || p.lw == "-" {
				continue
			}
			break
		}
	}
}

// sponsorsOf reads who drafted, tabled or introduced the motion.
func (r *voteReader) sponsorsOf(f *fragment, its []item, si int) {
	for i, it := range its {
		if !sponsorVerbs[it.lw] {
			continue
		}
		if it.lw == "put" || it.lw == "brought" || it.lw == "drew" {
			if !anyWord(its, i+1, "forward", "up") {
				continue
			}
		}
		if hedged(its, i) {
			continue
		}
		// "proposed by Egypt", "put forward by France and Germany".
		j := i + 1
		if anyWord(its, j, "forward", "up") {
			j++
		}
		if anyWord(its, j, "by") {
			for _, code := range agentList(its, j+1) {
				f.addSponsor(code)
				// "It was drafted by ...": a sentence about who drafted
				// the motion.
				if anyWord(its, i-1, "was", "were", "been") {
					f.sponsorList = true
				}
			}
			onBehalf(f, its, j)
			continue
		}
		// "Egypt tabled the draft", "He proposed an oral amendment": the
		// object must be a motion.
		if !motionAhead(its, j, 6) {
			continue
		}
		subj := subjectBefore(its, i)
		if len(subj) == 0 && (pronounBefore(its, i) || ownDelegation(its, i)) {
			// "He proposed an amendment", "his delegation had tabled
			// the text".
			if code := r.speakerFor(si, i); code != "" {
				subj = []string{code}
			}
		}
		for _, code := range subj {
			f.addSponsor(code)
		}
		if f.class == "" {
			f.class = classAhead(its, j, 6)
		}
		onBehalf(f, its, j)
	}
	for i, it := range its {
		// "Among the co-sponsors were Belarus, China and Syria", "its
		// sponsors included Mexico".
		if anyWord(its, i, "sponsors", "co-sponsors", "cosponsors", "sponsor", "co-sponsor") && anyWord(its, i+1, "were", "included", "include", "are", ":", "was", "is") {
			for _, code := range actorList(its, i+2) {
				f.addSponsor(code)
				f.sponsorList = true
			}
		}
		// "A motion by Algeria", "an amendment from Pakistan".
		if _, ok := motionClasses[it.lw]; ok && anyWord(its, i+1, "by", "from") && !isVerbTag(lowerTagAt(its, i-1)) {
			for _, code := range agentList(its, i+2) {
				f.addSponsor(code)
			}
		}
		// "the representative of Canada, the main sponsor", "France, the
		// penholder".
		if it.isActor() && anyWord(its, i+1, ",") && anyWord(its, i+2, "the") {
			k := i + 3
			if anyWord(its, k, "main", "lead", "chief", "principal", "sole", "other") {
				k++
			}
			if anyWord(its, k, "sponsor", "penholder", "co-penholder", "drafter", "author", "co-sponsor") {
				f.addSponsor(it.actor)
			}
		}
	}
	// "Introducing the draft on behalf of ..., the representative of
	// Mozambique said": the sentence opens with the participle.
	if len(its) > 2 {
		switch its[0].lw {
		case "introducing", "presenting", "tabling", "submitting":
			if motionAhead(its, 1, 3) {
				for k := 1; k < len(its); k++ {
					if its[k].lw == "," {
						for m := k + 1; m < len(its) && m <= k+5; m++ {
							if its[m].isActor() {
								f.addSponsor(its[m].actor)
								break
							}
						}
						break
					}
				}
				if f.class == "" {
					f.class = classAhead(its, 1, 3)
				}
			}
		}
	}
}

// lowerTagAt returns the tag of its[i], or "" outside the slice.
func lowerTagAt(its []item, i int) string {
	if i < 0 || i >= len(its) {
		return ""
	}
	return its[i].tag
}

// onBehalf adds the actors a motion was tabled for: "introduced ... on
// behalf of the African Union".
func onBehalf(f *fragment, its []item, from int) {
	// "..., together with the State of Palestine".
	for k := from; k+1 < len(its) && k < from+16; k++ {
		if words(its, k, "together", "with") || words(its, k, "jointly", "with") {
			for _, code := range agentList(its, k+2) {
				f.addSponsor(code)
			}
			break
		}
	}
	for k := from; k+2 < len(its) && k < from+12; k++ {
		if its[k].lw == "on" && its[k+1].lw == "behalf" && its[k+2].lw == "of" {
			for _, code := range actorList(its, k+3) {
				f.addSponsor(code)
			}
			return
		}
	}
}

// determinedText reports whether "text" at its[i] heads a noun phrase
// with a determiner and adjectives: "a second, milder text", "its revised
// text".
func determinedText(its []item, i int) bool {
	actor := false
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case anyWord(its, k, "a", "an", "the", "another", "its", "their", "this", "that"):
			// "the US text" is the US's; "a Ukraine text" is about
			// Ukraine.
			return k < i-1 && (!actor || anyWord(its, k, "the"))
		case its[k].isActor():
			actor = true
		// "the same unamended American text".
		case strings.HasPrefix(its[k].tag, "JJ") || anyWord(its, k, ",", "second", "third", "new", "revised", "rival", "same", "unamended", "amended", "original"):
		default:
			return false
		}
	}
	return false
}

// motionIdent returns the identifier written after the motion noun at
// its[i] ("draft resolution A/79/L.12", "resolution 2728 (2024)", "Bill
// C-74", "(document A/C.3/81/L.33)"), or "".
func motionIdent(its []item, i int) string {
	for k := i + 1; k < len(its) && k <= i+4; k++ {
		w := its[k].text
		if anyWord(its, k, "(", "document", "no.", "no", "number") {
			continue
		}
		if isIdentifier(w) {
			return strings.ToUpper(w)
		}
		break
	}
	// A symbol given after the title: "the resolution titled
	// '...' (document A/78/L.5)", "a text on cooperation (document
	// A/78/L.27)".
	for k := i + 1; k+1 < len(its) && k <= i+40; k++ {
		if anyWord(its, k, ";", ".") {
			break
		}
		if anyWord(its, k, "document") && isIdentifier(its[k+1].text) {
			return strings.ToUpper(its[k+1].text)
		}
	}
	return ""
}

// isIdentifier reports whether a token looks like a document symbol or a
// motion number: digits with slashes, dots or dashes ("A/79/L.12",
// "C-74"), or a number of three or more digits that is not a year.
func isIdentifier(w string) bool {
	hasDigit := false
	for _, r := range w {
		if r >= '0' && r <= '9' {
			hasDigit = true
		}
	}
	if !hasDigit {
		return false
	}
	if strings.ContainsAny(w, "/.-") {
		return hyphenPair(w) == nil
	}
	v, ok := digitNumber(w)
	return ok && len(w) >= 3 && !(len(w) == 4 && v >= 1900 && v <= 2100)
}

// motionAhead reports whether a motion noun stands within n items from i.
func motionAhead(its []item, i, n int) bool {
	return classAhead(its, i, n) != "" || hasMotion(its, i, n)
}

// motionInClause reports whether a motion noun (or "it") stands within n
// items from i before the clause ends.
func motionInClause(its []item, i, n int) bool {
	for k := i; k < len(its) && k < i+n; k++ {
		if anyWord(its, k, ",", ";", ".", ":") {
			return false
		}
		if _, ok := motionClasses[its[k].lw]; ok {
			return true
		}
		if its[k].lw == "it" && k == i {
			return true
		}
	}
	return false
}

func hasMotion(its []item, i, n int) bool {
	for k := max(0, i); k < len(its) && k < i+n; k++ {
		if _, ok := motionClasses[its[k].lw]; ok {
			return true
		}
		if its[k].lw == "it" && k == i {
			return true
		}
	}
	return false
}

func classAhead(its []item, i, n int) string {
	for k := i; k < len(its) && k < i+n; k++ {
		if c, ok := motionClasses[its[k].lw]; ok && c != "" {
			if its[k].lw == "draft" && k+1 < len(its) {
				if c2, ok := motionClasses[its[k+1].lw]; ok && c2 != "" {
					return c2
				}
			}
			return c
		}
	}
	return ""
}

// hedged reports whether the word at its[i] is negated, conditional or in
// the future.
func hedged(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if hedges[its[k].lw] {
			return true
		}
		// "to" before the word marks an infinitive that may be only
		// intended ("expected to pass"), unless the verb before it says
		// the act happened ("voted to reject", "chose to abstain", "the
		// only countries to vote against").
		if its[k].lw == "to" && !anyWord(its, k-1, "voted", "votes", "vote", "voting", "chose", "decided", "opted", "forced", "went", "led", "ones") && (k == 0 || !countNouns[its[k-1].lw]) && switchedBefore(its, k) < 0 {
			return true
		}
		if its[k].lw == "," || its[k].lw == ";" {
			break
		}
	}
	return false
}

// outcomeOf reads what became of the motion.
func (r *voteReader) outcomeOf(f *fragment, its []item) {
	hasAnchor := f.class != "" || f.body != "" || r.context != ""
	for i, it := range its {
		// "voted down", "voted to reject", "voted in favour of the bill"
		// with a body as subject.
		if it.lw == "voted" || it.lw == "votes" || it.lw == "vote" {
			subjBody := bodySubject(its, i)
			switch {
			case words(its, i+1, "down"):
				if !hedged(its, i) {
					f.outcome = Rejected
				}
			case words(its, i+1, "to", "reject"), words(its, i+1, "to", "block"):
				if !hedged(its, i) {
					f.outcome = Rejected
				}
			case subjBody && (votedTo(its, i+1) || words(its, i+1, "in", "favour", "of") || words(its, i+1, "in", "favor", "of") || words(its, i+1, "for")):
				// "the Rada voted to extend martial law", "the House
				// voted 220-212 to approve"; "voted by 432 votes to 202
				// to reject" is a rejection.
				if !hedged(its, i) {
					f.outcome = Adopted
					if votedToReject(its, i+1) {
						f.outcome = Rejected
					}
				}
			case subjBody && words(its, i+1, "against"):
				if !hedged(its, i) {
					f.outcome = Rejected
				}
			}
			continue
		}
		o, ok := outcomeWords[it.lw]
		if it.lw == "went" && anyWord(its, i+1, "down") && hyphenPair(lowerAt(its, i+2)) != nil {
			// "a third went down 18-80".
			o, ok = Rejected, true
		}
		// "scraped through by 348 votes to 345", "sailed through".
		if anyWord(its, i, "scraped", "squeaked", "sailed", "squeezed", "got") && anyWord(its, i+1, "through") {
			o, ok = Adopted, true
		}
		// "abstained, allowing it to pass", "letting the text be
		// adopted": an abstention that lets a motion through.
		if anyWord(its, i, "allowing", "allowed", "letting", "let", "enabling") {
			k := i + 1
			if anyWord(its, k, "the") {
				k++
			}
			if anyWord(its, k, "it") || motionClasses[lowerAt(its, k)] != "" || anyWord(its, k, "measure", "proposal") {
				k++
				if anyWord(its, k, "to") {
					k++
				}
				if anyWord(its, k, "pass") || words(its, k, "be", "adopted") || words(its, k, "be", "approved") {
					o, ok = Adopted, true
				}
			}
		}
		// "gave its final blessing", "gave the green light".
		if anyWord(its, i, "gave", "gives", "given") {
			for k := i + 1; k < len(its) && k <= i+4; k++ {
				if anyWord(its, k, "blessing", "approval", "backing", "assent", "nod") || words(its, k, "green", "light") {
					o, ok = Adopted, true
					break
				}
			}
		}
		// A tally right after the verb ("failed 18-79", "went down
		// 18-80"), in a text about a vote, anchors it even far from the
		// motion; "Arsenal went down 2-1" in a sports story does not.
		tallied := (hyphenPair(lowerAt(its, i+1)) != nil || it.lw == "went" && hyphenPair(lowerAt(its, i+2)) != nil) &&
			(hasAnchor || hasMotion(its, 0, len(its)))
		if !ok || !hasAnchor && !tallied {
			continue
		}
		if hedged(its, i) {
			// "did not adopt the draft", "was not adopted": a result
			// stated in the negative is a rejection, unless a modal or
			// condition makes it no result at all.
			if (o == Adopted) && negatedResult(its, i) && f.outcome == "" {
				f.outcome = Rejected
			}
			continue
		}
		// "the adopted text" is an adjective, "failed to" needs a verb of
		// winning after it.
		if (it.tag == "JJ" || it.tag == "VBN") && i > 0 && anyWord(its, i-1, "the", "a", "an") && i+1 < len(its) && strings.HasPrefix(its[i+1].tag, "NN") {
			continue
		}
		if it.lw == "failed" || it.lw == "fails" || it.lw == "failing" {
			if !(hyphenPair(lowerAt(its, i+1)) != nil || words(its, i+1, "to", "pass") || words(its, i+1, "to", "win") || words(its, i+1, "to", "secure") || words(its, i+1, "to", "obtain") || words(its, i+1, "to", "get") || words(its, i+1, "to", "garner") || words(its, i+1, "to", "gain") || words(its, i+1, "to", "be", "adopted") || words(its, i+1, "to", "receive") || i+1 >= len(its) || its[i+1].lw == "." || its[i+1].lw == "," || its[i+1].lw == "by" || its[i+1].lw == "with") {
				continue
			}
		}
		// "the right of States to adopt measures", "urged the Council to
		// adopt": an infinitive reports no result ("voted to adopt" is
		// read above).
		if it.lw == "adopt" && anyWord(its, i-1, "to") {
			continue
		}
		// A person's passing is not a motion's.
		if it.lw == "passed" && anyWord(its, i+1, "away", "through", "over", "on") {
			continue
		}
		// "lost the vote", "the motion was lost", "lost 272-285"; not
		// "lost control".
		if it.lw == "lost" && !(words(its, i+1, "the", "vote") || anyWord(its, i+1, "by", ".", ",") || hyphenPair(lowerAt(its, i+1)) != nil || anyWord(its, i-1, "was", "were")) {
			continue
		}
		// Rejections by an actor of something other than a motion are
		// stances ("rejected the claims").
		if o == Rejected && it.lw != "failed" && it.lw != "failing" && !tallied && !motionNear(its, i) && f.class == "" {
			continue
		}
		if (o == Adopted || o == Withdrawn) && !tallied && !motionNear(its, i) && f.class == "" && f.body == "" {
			continue
		}
		// "Iran rejected the resolution": an actor, not the body,
		// rejects or approves; that is its position, read elsewhere.
		// "The measure, tabled by Britain and Norway, passed 40-5-2":
		// agents of a participle before the verb are not its subject.
		if (o == Adopted || o == Rejected) && !passive(its, i) && len(subjectOrAgent(its, i)) > 0 && !agentsBefore(its, i) {
			continue
		}
		// "Peers defeated the government by 250 votes to 180": the
		// motion against the government carried.
		if it.lw == "defeated" && anyWord(its, i+1, "the") && anyWord(its, i+2, "government", "ministers") && !anyWord(its, i+3, "'s", "'") {
			o = Adopted
		}
		if f.outcome == "" || f.outcome == Adopted && o == Vetoed {
			f.outcome = o
		}
		// "Russia vetoed the draft", "vetoed by Russia and China": the
		// actors casting the veto voted no.
		if o == Vetoed {
			vetoers := subjectBefore(its, i)
			if anyWord(its, i+1, "by") {
				vetoers = agentList(its, i+2)
			}
			for _, code := range vetoers {
				f.setPosition(code, No, true)
			}
		}
	}
	// "was not adopted owing to the negative vote of a permanent member":
	// the Security Council's formula for a veto.
	for i := range its {
		if words(its, i, "negative", "vote", "of", "a", "permanent", "member") || words(its, i, "negative", "votes", "of", "permanent", "members") {
			f.outcome = Vetoed
			// Only the Security Council has permanent members.
			f.body = BodyUNSC
		}
	}
	// "the United States blocked a similar demand at the Security
	// Council": a permanent member blocking a Council text vetoes it.
	for i := range its {
		if !anyWord(its, i, "blocked", "blocks", "killed") || hedged(its, i) {
			continue
		}
		council := false
		for _, it := range its {
			if it.body == BodyUNSC || it.body == refCouncil && r.res.lastCouncil != BodyUNHRC && r.res.lastCouncil != BodyAU {
				council = true
			}
		}
		if !council {
			continue
		}
		var p5 []string
		for _, code := range subjectBefore(its, i) {
			if permanentMembers[code] {
				p5 = append(p5, code)
			}
		}
		if len(p5) > 0 {
			f.outcome = Vetoed
			// Only the Security Council has a veto, whatever other body
			// the sentence names first.
			f.body = BodyUNSC
			for _, code := range p5 {
				f.setPosition(code, No, true)
			}
		}
	}
	// "blocked by a Russian veto", "Russia cast its 19th veto".
	for i, it := range its {
		if it.lw != "veto" && it.lw != "vetoes" {
			continue
		}
		if hedged(its, i) || anyWord(its, i-1, "wield", "use", "threatened", "threat") {
			continue
		}
		// The noun phrase: determiners, ordinals, adjectives and the
		// actor that vetoes.
		var vetoers []string
		k := i - 1
		for k >= 0 && k >= i-4 && (anyWord(its, k, "its", "a", "an", "their", "his", "her", "the") || its[k].isActor() ||
			strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "CD") {
			if its[k].isActor() {
				vetoers = append(vetoers, its[k].actor)
			}
			k--
		}
		if k == i-1 || !anyWord(its, k, "cast", "casting", "casts", "used", "using", "uses", "wielded", "wielding", "exercised", "exercising", "by", "blocked", "with") {
			continue
		}
		f.outcome = Vetoed
		if !anyWord(its, k, "by", "with", "blocked") {
			vetoers = append(vetoers, subjectBefore(its, k)...)
		}
		for _, code := range vetoers {
			f.setPosition(code, No, true)
		}
	}
}

// votedTo reports whether "to" and a verb follow at its[i], after an
// optional tally: "to approve", "220-212 to extend".
func votedTo(its []item, i int) bool {
	// Skip a tally between "voted" and "to": "220-212", "10 to 3, with
	// two abstentions,".
	for k := i; k < len(its) && k < i+10; k++ {
		if hyphenPair(its[k].lw) != nil || isNumberItem(its[k]) || weekdays[its[k].lw] ||
			anyWord(its, k, ",", "with", "abstentions", "abstention", "votes", "in", "favour", "favor", "against", "on", "today", "yesterday", "tonight", "overnight", "unanimously", "overwhelmingly", "narrowly", "by",
				"a", "wide", "narrow", "large", "big", "comfortable", "overwhelming", "margin", "majority") ||
			its[k].lw == "to" && k+1 < len(its) && isNumberItem(its[k+1]) {
			continue
		}
		i = k
		break
	}
	return anyWord(its, i, "to") && i+1 < len(its) && (its[i+1].tag == "VB" || anyWord(its, i+1, "approve", "adopt", "pass", "extend", "renew", "back", "endorse", "ratify"))
}

// ellipticMotion reports whether a sentence opens on a motion named by
// its rank in a list the text gave before: "The first, tabled by Austria,
// ...", "The second was also rejected", "The latter passed".
func ellipticMotion(its []item) bool {
	return anyWord(its, 0, "the", "a") && anyWord(its, 1, "first", "second", "third", "fourth", "fifth", "latter", "former", "other") &&
		(anyWord(its, 2, ",", "was", "were", "is", "passed", "failed", "fell") || isVerbTag(lowerTagAt(its, 2)))
}

// negatedResult reports whether the word at its[i] is negated by "not"
// or "n't" alone, with no modal or condition before it.
func negatedResult(its []item, i int) bool {
	neg := false
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case anyWord(its, k, "not", "n't"):
			neg = true
		case anyWord(its, k, "did", "does", "was", "were", "is", "are", "has", "have", "had", "been", "do"):
		case its[k].tag == "RB":
		default:
			return neg && !hedgedBefore(its, k)
		}
	}
	return neg
}

// hedgedBefore reports whether a modal or a condition stands within a
// few items before its[k].
func hedgedBefore(its []item, k int) bool {
	for j := k; j >= 0 && j >= k-3; j-- {
		if anyWord(its, j, "would", "could", "should", "will", "might", "may", "if", "unless", "must") {
			return true
		}
	}
	return false
}

// votedToReject reports whether the verb that "voted ... to" leads to
// undoes the motion: "voted 432 to 202 to reject".
func votedToReject(its []item, i int) bool {
	for k := i; k+1 < len(its) && k < i+12; k++ {
		if its[k].lw == "to" && !isNumberItem(its[k+1]) {
			return anyWord(its, k+1, "reject", "block", "defeat", "oppose", "scrap", "overturn", "repeal", "strike")
		}
	}
	return false
}

// passive reports whether the verb at its[i] is passive or a participle
// after its noun: "was adopted", "has been rejected", "the text, adopted
// by".
func passive(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case anyWord(its, k, "was", "were", "is", "are", "be", "been", "being", "get", "got"):
			return true
		case its[k].tag == "RB" || anyWord(its, k, "not", "then", "also", "narrowly", "overwhelmingly", "unanimously"):
		default:
			return false
		}
	}
	return false
}

// subjectOrAgent finds the actors doing what the verb at its[i] says: the
// list right before it, or the actor a role or name before it stands for
// ("the representative of Iran (Islamic Republic of), speaking under rule
// 37, rejected").
func subjectOrAgent(its []item, i int) []string {
	if subj := subjectBefore(its, i); len(subj) > 0 {
		return subj
	}
	// The sentence's opening noun phrase, when it is a role of an actor
	// and no other verb stands between it and this one.
	if len(its) > 2 && (anyWord(its, 0, "the", "a") || roleNouns[its[0].lw]) {
		for k := 0; k < i && k < 6; k++ {
			if its[k].isActor() && its[k].body == "" {
				if k > 0 && (roleNouns[its[k-1].lw] || anyWord(its, k-1, "of", "for") && k > 1 && roleNouns[its[k-2].lw]) {
					// No other verb between it and this one, unless this
					// one is coordinated: "rejected the text and accused".
					if !anyWord(its, i-1, "and") {
						for j := k + 1; j < i; j++ {
							if isVerbTag(its[j].tag) && its[j].tag != "VBG" && its[j].tag != "VBN" {
								return nil
							}
						}
					}
					return []string{its[k].actor}
				}
				return nil
			}
		}
	}
	return nil
}

// bodySubject reports whether the subject before the verb at its[i] is a
// deciding body ("the House of Commons voted").
func bodySubject(its []item, i int) bool {
	k0 := i - 1
	for k0 >= 0 && (fillers[its[k0].lw] || its[k0].tag == "RB") {
		k0--
	}
	// "MPs last night backed", "the Senate on Tuesday voted".
	if k := beforeTimePhrase(its, k0); k != k0 {
		k0 = k
		i = k + 1
	}
	if j := beforeParenthetical(its, k0); j != k0 {
		i = j + 1
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if its[k].body != "" {
			// "several crossbench senators voted against": some members,
			// not the chamber.
			if memberNouns[its[k].lw] && k > 0 && !anyWord(its, k-1, "the", ",", ";") && its[k-1].tag != "IN" {
				return false
			}
			return true
		}
		if fillers[its[k].lw] {
			continue
		}
		return false
	}
	return false
}

// agentsBefore reports whether the actor list right before the verb at
// its[i] (through a comma) is the agent of a participle: "tabled by
// Britain, Germany and Norway, passed".
func agentsBefore(its []item, i int) bool {
	k := i - 1
	for k >= 0 && (its[k].tag == "RB" || its[k].lw == ",") {
		k--
	}
	if k < 0 || !its[k].isActor() {
		return false
	}
	for k >= 0 && (its[k].isActor() || anyWord(its, k, ",", "and", "the") || its[k].tail) {
		k--
	}
	return anyWord(its, k, "by") && anyWord(its, k-1, "tabled", "sponsored", "drafted", "proposed", "introduced", "submitted", "presented", "backed", "supported", "co-sponsored", "led")
}

// beforeTimePhrase skips a time phrase ending at its[k] ("last night",
// "on Tuesday", "yesterday") and returns the index before it; k when
// there is none.
func beforeTimePhrase(its []item, k int) int {
	switch {
	case anyWord(its, k, "yesterday", "tonight", "today"):
		return k - 1
	case anyWord(its, k, "night", "week", "month", "evening") && anyWord(its, k-1, "last"):
		return k - 2
	case k >= 0 && weekdays[its[k].lw]:
		if anyWord(its, k-1, "on") {
			return k - 2
		}
		return k - 1
	}
	return k
}

// motionNear reports whether a motion noun or "it" stands within a few
// items of its[i].
func motionNear(its []item, i int) bool {
	if ellipticMotion(its) {
		return true
	}
	for k := max(0, i-6); k < len(its) && k <= i+5; k++ {
		if _, ok := motionClasses[its[k].lw]; ok {
			return true
		}
		// "adopted it", "it passed".
		if its[k].lw == "it" && (k > i || k >= i-2) {
			return true
		}
	}
	return false
}
