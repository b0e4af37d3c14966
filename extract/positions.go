package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
	"github.com/tally-news/tally/extract/nlp"
)

// maxReach bounds how far, in items, a reader looks from a cue for its
// actors. Real lists of voters run to a few dozen countries; the bound
// keeps sentences without an end linear.
const maxReach = 120

// fillers may stand between a subject and its verb without ending the
// subject: "the US was forced to abstain", "the UK and France, who
// abstained", "China, however, abstained".
var fillers = map[string]bool{
	"also": true, "all": true, "both": true, "then": true, "had": true, "have": true,
	"has": true, "was": true, "were": true, "is": true, "are": true, "did": true,
	"chose": true, "to": true, "forced": true, "decided": true, "opted": true,
	"later": true, "ultimately": true, "eventually": true, "instead": true,
	"only": true, "who": true, "which": true, "themselves": true, "itself": true,
	"again": true, "reportedly": true, "notably": true, "each": true, "even": true,
	"however": true, "subsequently": true, "duly": true, "narrowly": true,
	"unanimously": true, "overwhelmingly": true, "once": true, "again,": true,
	"among": true, "those": true, "being": true, "been": true, "would": false,
	"today": true, "yesterday": true, "tonight": true, "previously": true,
	"had,": true, "too": true, "likewise": true, "similarly": true, "together": true,
	"that": true,
}

// listGlue may stand inside a list of actors.
var listGlue = map[string]bool{
	",": true, "and": true, "&": true, "the": true, "as": true, "well": true,
	"including": true, "such": true, "—": true, "–": true, "-": true, "or": true,
	"plus": true, "along": true, "with": true, "nor": true, "both": true,
	"together": true, "--": true,
}

// pronouns stand for an actor named before.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true}

// subjectBefore collects the list of actors that ends just before its[i],
// skipping fillers between the list and the verb.
func subjectBefore(its []item, i int) []string {
	var codes []string
	k := i - 1
	stop := max(0, i-maxReach)
	// Fillers and commas between the verb and the subject.
	skip := func() {
		for k >= stop {
			switch {
			case fillers[its[k].lw] || its[k].tag == "RB" || its[k].lw == "," || its[k].lw == "—" || its[k].lw == "–" || its[k].lw == "--":
				k--
			case weekdays[its[k].lw]:
				// "The United States on Wednesday vetoed".
				k--
				if anyWord(its, k, "on") {
					k--
				}
			default:
				return
			}
		}
	}
	// "Japan, which retains capital punishment, also voted against".
	for k >= stop && (fillers[its[k].lw] || its[k].tag == "RB") {
		k--
	}
	if j := beforeParenthetical(its, k); j != k {
		k = j
	}
	skip()
	// "were the only abstentions": a predicate naming the voters.
	if k >= 1 && anyWord(its, k, "the") && anyWord(its, k-1, "were", "was", "are", "is") {
		k -= 2
		skip()
	} else if k >= 2 && anyWord(its, k, "the") && anyWord(its, k-1, "among") && anyWord(its, k-2, "were", "was", "are", "is") {
		// "were among the abstentions".
		k -= 3
		skip()
	}
	// "cast the lone vote against": the verb phrase before the cue.
	for k >= stop && anyWord(its, k, "lone", "sole", "single", "dissenting", "deciding") {
		k--
	}
	if k >= 1 && anyWord(its, k, "the", "a", "an", "its", "their") && anyWord(its, k-1, "cast", "casting", "casts") {
		k -= 2
		skip()
	}
	// "were the only countries to vote against", "were among the 10
	// nations voting against": a predicate naming the voters.
	if k >= stop && (countNouns[its[k].lw] || its[k].lw == "ones") {
		j := k - 1
		for j >= stop && (anyWord(its, j, "only", "the", "among", "lone", "sole", "two", "three", "few") || isNumberItem(its[j])) {
			j--
		}
		if j >= stop && anyWord(its, j, "were", "was", "are", "is") {
			k = j - 1
			skip()
		}
	}
	if k >= stop && !its[k].isActor() {
		if codes := roleSubjects(its, k, stop); len(codes) > 0 {
			return codes
		}
		// "the bloc", "the alliance": the bloc named before in the
		// sentence.
		if anyWord(its, k, "bloc", "alliance", "union") && anyWord(its, k-1, "the") {
			for j := k - 2; j >= 0; j-- {
				if its[j].isActor() && actors.IsBloc(its[j].actor) {
					return []string{its[j].actor}
				}
			}
		}
	}
	for k >= stop {
		it := its[k]
		switch {
		case it.body != "":
			// A deciding body is no actor voting; it ends the list.
			return reverse(codes)
		case it.isActor():
			codes = append(codes, it.actor)
		case it.lw == "'s" || it.lw == "'":
			// "China's abstention": the possessive before the noun.
			if len(codes) > 0 {
				return reverse(codes)
			}
		case listGlue[it.lw]:
		case len(codes) == 0 && isVerbTag(it.tag) && anyWord(its, k+1, "and"):
			// "the US proposed and supported a resolution".
		case it.lw == "by" && k > 0 && anyWord(its, k-1, "joined", "backed", "supported", "followed"):
			// "China and Pakistan, joined by Indonesia and Qatar, voted
			// no": the list goes on.
			k--
		case it.lw == "of" && k > 0 && anyWord(its, k-1, "states", "members", "countries", "nations", "governments"):
			// "the member states of the European Union voted against".
			k--
			for k > stop && anyWord(its, k-1, "member", "the", "all", "other") {
				k--
			}
		case len(codes) > 0 && objectPrepositions[it.lw]:
			// "put forward by Brazil failed": the list is an object.
			return nil
		default:
			return reverse(codes)
		}
		k--
	}
	return reverse(codes)
}

// beforeParenthetical skips back over a clause set off by commas that
// stands between a subject and its verb (", which retains capital
// punishment,", ", meeting on the sidelines of the summit,") when its[k]
// is the closing comma, and returns the index before the opening comma;
// otherwise it returns k.
func beforeParenthetical(its []item, k int) int {
	if !anyWord(its, k, ",") {
		return k
	}
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		if anyWord(its, j, ",") {
			if anyWord(its, j+1, "which", "who", "whose", "meeting", "speaking", "according", "however", "too") || its[j+1].tag == "VBG" || its[j+1].tag == "VBN" ||
				anyWord(its, j+1, "the", "a", "an") && j > 0 && its[j-1].isActor() && !actorBetween(its, j+1, k) {
				// ", which retains capital punishment,", "Algeria, the
				// only Arab member of the council,".
				return j - 1
			}
			return k
		}
		if anyWord(its, j, ";", ".", ":") {
			return k
		}
	}
	return k
}

// weekdays may stand between a subject and its verb ("Russia on Monday
// vetoed").
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
}

// actorBetween reports whether an actor stands in its[from:to].
func actorBetween(its []item, from, to int) bool {
	for k := from; k < to && k < len(its); k++ {
		if its[k].isActor() {
			return true
		}
	}
	return false
}

// titles stand before a person's name.
var titles = map[string]bool{
	"sir": true, "dame": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true,
	"ms": true, "ms.": true, "dr": true, "dr.": true, "lord": true, "lady": true,
	"sen.": true, "sen": true, "rep.": true, "gen.": true, "president": true,
	"chancellor": true, "minister": true, "premier": true, "king": true,
	"queen": true, "prince": true, "sheikh": true, "emir": true,
}

// roleSubject finds the actor that a role stands for when the subject
// ending at its[k] is a person or an office: "Britain's ambassador, Dame
// Helen Marsh, accused", "German Chancellor Friedrich Merz criticised",
// "Myanmar's military government thanked", "the council's EU members
// voted". It returns "" when the subject is not such a role.
func roleSubject(its []item, k, stop int) string {
	k0 := k
	// An appositive name between commas: ", Dame Helen Marsh,".
	if anyWord(its, k, ",") {
		j := k - 1
		for j >= stop && j > k-6 && (its[j].tag == "NNP" && !its[j].isActor() || titles[its[j].lw]) {
			j--
		}
		if j < k-1 && anyWord(its, j, ",") {
			k = j - 1
		} else {
			return ""
		}
	}
	// A name right before the verb: "Chancellor Friedrich Merz".
	j := k
	for j >= stop && j > k-4 && its[j].tag == "NNP" && !its[j].isActor() && !roleNouns[its[j].lw] {
		j--
	}
	k = j
	for k >= stop && anyWord(its, k, "sir", "dame", "mr", "mrs", "ms", "dr", "lord", "lady") {
		k--
	}
	// The office or group: "ambassador", "foreign ministry spokesperson",
	// "military government", "EU members".
	sawRole := false
	for k >= stop && (roleNouns[its[k].lw] || titles[its[k].lw] || groupNouns[its[k].lw] || sawRole && (strings.HasPrefix(its[k].tag, "JJ") || portfolios[its[k].lw])) {
		sawRole = true
		k--
	}
	if !sawRole || k < stop {
		return ownerOfRole(its, k0, stop)
	}
	if its[k].isActor() && its[k].body == "" {
		return its[k].actor
	}
	if (its[k].lw == "'s" || its[k].lw == "'") && k-1 >= stop && its[k-1].isActor() && its[k-1].body == "" {
		return its[k-1].actor
	}
	return ownerOfRole(its, k0, stop)
}

// ownerOfRole finds a long office set off by commas before a verb:
// "Iran's vice president for women and family affairs, Khadijeh Karimi,
// accused" gives Iran. It looks back from k, over the appositive name, for
// an actor with "'s" and a role noun; "" if none.
func ownerOfRole(its []item, k, stop int) string {
	if !anyWord(its, k, ",") {
		return ""
	}
	// Skip the name between commas.
	j := k - 1
	for j >= stop && j > k-6 && !anyWord(its, j, ",") {
		j--
	}
	if !anyWord(its, j, ",") {
		return ""
	}
	for m := j - 1; m >= stop && m >= j-10; m-- {
		if anyWord(its, m, ",", ";", ".") || isVerbTag(its[m].tag) {
			return ""
		}
		if its[m].isActor() && its[m].body == "" && anyWord(its, m+1, "'s") && m+2 < len(its) && (roleNouns[its[m+2].lw] || titles[its[m+2].lw] || groupNouns[its[m+2].lw] || strings.HasPrefix(its[m+2].tag, "JJ") || anyWord(its, m+2, "vice", "deputy", "chief")) {
			return its[m].actor
		}
	}
	return ""
}

// roleSubjects is roleSubject for a group named by a list of demonyms:
// "our Chinese, South African and Brazilian partners, who voted in
// favour" gives all three.
func roleSubjects(its []item, k, stop int) []string {
	code := roleSubject(its, k, stop)
	if code == "" {
		return nil
	}
	// Find the actor roleSubject stopped at and collect the list it ends.
	for j := k; j >= stop; j-- {
		if its[j].isActor() && its[j].actor == code {
			if its[j].kind != actors.Demonym {
				return []string{code}
			}
			var codes []string
			for ; j >= stop && (its[j].isActor() && its[j].kind == actors.Demonym || anyWord(its, j, ",", "and")); j-- {
				if its[j].isActor() {
					codes = append(codes, its[j].actor)
				}
			}
			return reverse(codes)
		}
	}
	return []string{code}
}

// portfolios are the nouns that name a ministry's field: "China's
// commerce ministry", "the trade minister".
var portfolios = map[string]bool{
	"commerce": true, "trade": true, "defence": true, "defense": true, "finance": true,
	"economy": true, "interior": true, "justice": true, "health": true, "energy": true,
	"education": true, "agriculture": true, "environment": true, "industry": true,
	"security": true, "information": true, "culture": true, "transport": true,
}

// groupNouns name the people of a government or delegation.
var groupNouns = map[string]bool{
	"military": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"ministry": true, "officials": true, "official": true, "leaders": true,
	"members": true, "chief": true, "secretary": true, "office": true,
	"cabinet": true, "diplomats": true, "diplomat": true, "junta": true,
	"regime": true, "administration": true, "state": true, "partners": true,
	"allies": true, "counterparts": true, "friends": true, "neighbours": true,
	"neighbors": true,
}

// objectPrepositions before a list of actors make it an object, not a
// subject. "with" and "to" are not among them: "with Russia voting
// against" and "led to the US abstaining" name voters.
var objectPrepositions = map[string]bool{
	"by": true, "of": true, "from": true, "at": true, "on": true,
	"into": true, "about": true, "over": true, "under": true, "between": true,
	"toward": true, "towards": true, "than": true,
}

func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") }

func reverse(s []string) []string {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

// pronounBefore reports whether the subject before its[i] is a pronoun.
func pronounBefore(its []item, i int) bool {
	for k := i - 1; k >= 0 && k >= i-maxReach; k-- {
		if fillers[its[k].lw] || its[k].lw == "," || its[k].tag == "RB" {
			continue
		}
		return pronouns[its[k].lw]
	}
	return false
}

// actorList collects the list of actors that starts at its[i]: "Algeria,
// China and the Russian Federation".
func actorList(its []item, i int) []string {
	var codes []string
	for k := i; k < len(its) && k < i+maxReach; k++ {
		it := its[k]
		switch {
		case it.isActor():
			codes = append(codes, it.actor)
		case it.lw == "(" && len(codes) > 0 && k+2 < len(its) && its[k+2].lw == ")":
			// "the Organisation of Islamic Cooperation (OIC)".
			k += 2
		case listGlue[it.lw] || it.lw == ":" || len(codes) > 0 && anyWord(its, k, "its", "their"):
		default:
			return codes
		}
	}
	return codes
}

// positionCue is a phrase that states how actors voted.
type positionCue struct {
	words  []string
	value  string
	strong bool
	motion bool // the cue needs a motion as its object ("opposed the draft")
}

var positionCues = []positionCue{
	{words: []string{"voted", "against"}, value: No, strong: true},
	{words: []string{"vote", "against"}, value: No, strong: true},
	{words: []string{"votes", "against"}, value: No, strong: true},
	{words: []string{"voting", "against"}, value: No, strong: true},
	{words: []string{"voted", "no"}, value: No, strong: true},
	{words: []string{"voting", "no"}, value: No, strong: true},
	{words: []string{"vote", "no"}, value: No, strong: true},
	{words: []string{"voted", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"voted", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"voting", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"voting", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"vote", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"vote", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"votes", "in", "favour"}, value: Yes, strong: true},
	{words: []string{"votes", "in", "favor"}, value: Yes, strong: true},
	{words: []string{"voted", "for"}, value: Yes, strong: true},
	{words: []string{"voting", "for"}, value: Yes, strong: true},
	{words: []string{"voted", "yes"}, value: Yes, strong: true},
	{words: []string{"voting", "yes"}, value: Yes, strong: true},
	{words: []string{"abstained"}, value: Abstain, strong: true},
	{words: []string{"abstaining"}, value: Abstain, strong: true},
	{words: []string{"abstain"}, value: Abstain, strong: true},
	{words: []string{"abstains"}, value: Abstain, strong: true},
	{words: []string{"abstention"}, value: Abstain, strong: true},
	{words: []string{"abstainers"}, value: Abstain, strong: true},
	{words: []string{"abstentions"}, value: Abstain, strong: true},
	{words: []string{"opposed"}, value: No, motion: true},
	{words: []string{"opposing"}, value: No, motion: true},
	{words: []string{"supported"}, value: Yes, motion: true},
	{words: []string{"backed"}, value: Yes, motion: true},
	{words: []string{"endorsed"}, value: Yes, motion: true},
	{words: []string{"supporting"}, value: Yes, motion: true},
	{words: []string{"backing"}, value: Yes, motion: true},
}

// countNouns name the voters a tally counts: "Ten countries ... voted
// against".
var countNouns = map[string]bool{
	"countries": true, "members": true, "states": true, "nations": true,
	"delegations": true, "votes": true, "lawmakers": true, "mps": true,
	"senators": true, "meps": true, "representatives": true, "legislators": true,
	"governments": true, "parties": true, "member": true, "others": true,
	"council": false,
}

// voterNouns name those who vote, for counted subjects.
var voterNouns = map[string]bool{
	"countries": true, "members": true, "states": true, "nations": true,
	"delegations": true, "lawmakers": true, "mps": true, "senators": true,
	"meps": true, "representatives": true, "legislators": true,
	"governments": true, "others": true, "deputies": true, "parliamentarians": true,
}

// positionsOf reads how actors voted, and the tallies stated as "N
// countries, including ..., voted against".
func (r *voteReader) positionsOf(f *fragment, its []item) {
	for i := 0; i < len(its); i++ {
		cue, n := cueAt(its, i)
		if n == 0 {
			continue
		}
		// "with 11 abstentions" is a tally, and "Abstaining:" a heading,
		// both read elsewhere; "Another 251 voted against" and "nine
		// abstained" are tallies too.
		if i > 0 && isNumberItem(its[i-1]) && !isYearItem(its[i-1]) {
			if !cue.strong || its[i].lw == "abstention" {
				continue
			}
			v, _ := itemNumber(its[i-1])
			f.setTally(cue.value, v)
		}
		if anyWord(its, i+n, ":") || anyWord(its, i+n, "(") && anyWord(its, i+n+2, ")") && anyWord(its, i+n+3, ":") {
			continue
		}
		// "-backed" after an actor names a sponsor.
		if its[i].tail {
			continue
		}
		if hedged(its, i) {
			continue
		}
		if cue.motion {
			if !motionInClause(its, i+n, 12) || anyWord(its, i+n, "by") {
				continue
			}
		}
		// "for" as in "voted for Trump" needs a motion or a clause end.
		if cue.words[len(cue.words)-1] == "for" && !(motionAhead(its, i+n, 4) || anyWord(its, i+n, ",", ".", "(", ")", "and", "it")) {
			continue
		}
		subj := subjectBefore(its, i)
		// "her delegation voted against", "she said it had abstained":
		// the speaker's country.
		if len(subj) == 0 && (ownDelegation(its, i) || cue.strong && pronounBefore(its, i) && !partySays(its, i)) {
			if code := r.speakerFor(f.si, i); code != "" {
				subj = []string{code}
			}
		}
		// A body as subject decides the motion: "MPs backed the bill",
		// "the Assembly voted against the draft".
		if len(subj) == 0 && bodySubject(its, i) && (cue.motion || motionAhead(its, i+n, 5)) && f.outcome == "" {
			if cue.value == Yes {
				f.outcome = Adopted
			} else if cue.value == No {
				f.outcome = Rejected
			}
		}
		// "Those voting against were ...", "Countries that abstained:".
		if len(subj) == 0 {
			j := i + n
			if anyWord(its, j, "the") && anyWord(its, j+1, "resolution", "draft", "text", "motion", "bill", "amendment") {
				j += 2
			}
			if anyWord(its, j, "were", "was", ":", "included", "include", "being", "are") {
				j++
				// "were, among others, Singapore, ...".
				for j < len(its) && anyWord(its, j, ",", "among", "others", "them", "inter", "alia", ":") {
					j++
				}
				subj = actorList(its, j)
			}
		}
		// "joined Russia, North Korea and Belarus ... in voting
		// against", "again sided with the United States in voting no".
		if anyWord(its, i-1, "in") {
			for k := i - 2; k >= 0 && k >= i-20; k-- {
				if anyWord(its, k, "joined", "joins", "join") {
					subj = append(subjectBefore(its, k), actorList(its, k+1)...)
					break
				}
				if anyWord(its, k, "sided", "sides", "siding") && anyWord(its, k+1, "with") {
					subj = append(subjectBefore(its, k), actorList(its, k+2)...)
					break
				}
			}
		}
		// "Ukraine switched from voting yes to voting no": the old
		// position is not read, the new one belongs to the subject of
		// "switched".
		if anyWord(its, i-1, "from") && switchedBefore(its, i-1) >= 0 {
			i += n - 1
			continue
		}
		if anyWord(its, i-1, "to") {
			if k := switchedBefore(its, i-1); k >= 0 {
				subj = subjectBefore(its, k)
			}
		}
		// "... alongside Russia and a few other nations", "joined by the
		// United Kingdom".
		for k := i + n; k < len(its) && k <= i+n+4; k++ {
			if anyWord(its, k, "alongside", "like", "including", "-", "—", "–", ":") || words(its, k, "along", "with") || words(its, k, "together", "with") || words(its, k, "as", "did") || words(its, k, "joined", "by") || words(its, k, "among", "them") {
				// "Nine countries voted against, among them the United
				// States and Israel", "Three voted against - Russia,
				// China and Burkina Faso -".
				skip := 1
				if !anyWord(its, k, "alongside", "like", "including", "-", "—", "–", ":") {
					skip = 2
				}
				subj = append(subj, actorList(its, k+skip)...)
				break
			}
		}
		for _, code := range subj {
			f.setPosition(code, cue.value, cue.strong)
		}
		if cue.strong {
			if count, ok := countedSubject(its, i); ok {
				f.setTally(cue.value, count)
			}
		}
		i += n - 1
	}
}

// switchedBefore returns the index of "switched" (or "moved", "changed")
// that a "from" or "to" at its[i] belongs to, or -1.
func switchedBefore(its []item, i int) int {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if anyWord(its, k, "switched", "switching", "switches", "moved", "changed", "shifted", "went") {
			return k
		}
		if anyWord(its, k, ",", ";", ".") {
			return -1
		}
	}
	return -1
}

// partyNouns name groups inside a chamber, which are not countries.
var partyNouns = map[string]bool{
	"party": true, "parties": true, "group": true, "faction": true, "coalition": true,
	"caucus": true, "bloc": true, "members": true, "lawmakers": true, "mps": true, "meps": true,
}

// partySays reports whether the pronoun before the cue at its[i] stands
// for a party that said so: "Meloni's party said afterwards that it had
// voted against" is no vote of Italy.
func partySays(its []item, i int) bool {
	for k := i - 1; k >= 1 && k >= i-10; k-- {
		if !anyWord(its, k, "said", "says", "added", "claimed", "insisted", "stated") {
			continue
		}
		j := k - 1
		for j >= 0 && its[j].tag == "RB" {
			j--
		}
		return j >= 0 && partyNouns[its[j].lw]
	}
	return false
}

// ownDelegation reports whether the subject before a cue is a speaker's
// own delegation or country: "her delegation voted against", "his
// Government had abstained".
func ownDelegation(its []item, i int) bool {
	k := i - 1
	for k >= 0 && (fillers[its[k].lw] || its[k].tag == "RB") {
		k--
	}
	if k < 1 {
		return false
	}
	switch its[k].lw {
	case "delegation", "country", "government":
		return anyWord(its, k-1, "his", "her", "its", "their", "my", "our", "whose")
	}
	return false
}

// cueAt matches a position cue at its[i] and returns it with its length.
func cueAt(its []item, i int) (positionCue, int) {
	for _, c := range positionCues {
		if words(its, i, c.words...) {
			return c, len(c.words)
		}
	}
	return positionCue{}, 0
}

// countedSubject finds a counted subject before a position cue: "Ten
// countries, including the US, Israel and Austria, voted against" gives
// 10.
func countedSubject(its []item, i int) (int, bool) {
	k := i - 1
	sawActor, introduced := false, false
	for k >= 0 && k >= i-maxReach && (fillers[its[k].lw] || listGlue[its[k].lw] || its[k].isActor()) {
		sawActor = sawActor || its[k].isActor()
		introduced = introduced || anyWord(its, k, "including", "such", "-", "--", "–", "—", "(", ":")
		k--
	}
	// Actors between the count and the verb must be the count's
	// examples ("Ten countries, including the US, ..."), not a subject of
	// their own.
	if k < 1 || !voterNouns[its[k].lw] || sawActor && !introduced {
		return 0, false
	}
	k--
	// "The remaining 14 council members", "ten other member states"; but
	// "139 Labour MPs" are a party's members, not the chamber's tally.
	for k >= 0 && k >= i-maxReach && (strings.HasPrefix(its[k].tag, "JJ") || its[k].tag == "NN" || its[k].tag == "NNP" && !its[k].isActor() || anyWord(its, k, "other", "more", "member")) {
		if its[k].tag == "NNP" && !its[k].isActor() && its[k].text != "" && its[k].text[0] >= 'A' && its[k].text[0] <= 'Z' && !anyWord(its, k, "council", "member", "members") {
			return 0, false
		}
		k--
	}
	if k < 0 {
		return 0, false
	}
	if v, ok := itemNumber(its[k]); ok {
		return v, true
	}
	return 0, false
}

// isNumberItem reports whether an item is a number in digits or words.
func isNumberItem(it item) bool {
	_, ok := itemNumber(it)
	return ok
}

// itemNumber reads an item as a whole number.
func itemNumber(it item) (int, bool) {
	if v, ok := digitNumber(it.text); ok && v == float64(int(v)) {
		return int(v), true
	}
	if n, ok := wordNumber(it.text); ok {
		return n, true
	}
	return 0, false
}

// headingSide reads the side a heading names: "Against", "Countries
// that abstained", "In favour (93)", "Voted for". The heading is the few
// words before a colon.
func headingSide(head string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(head))
	if i := strings.Index(l, "("); i >= 0 {
		l = strings.TrimSpace(l[:i])
	}
	l = strings.Trim(l, "-*• \t")
	switch {
	case strings.Contains(l, "absent") || strings.Contains(l, "did not vote") || strings.Contains(l, "not voting") || strings.Contains(l, "non-voting"):
		return "", true
	case strings.Contains(l, "abstain") || strings.Contains(l, "abstention"):
		return Abstain, true
	case strings.Contains(l, "against") || l == "no" || l == "noes" || l == "nays" || strings.HasSuffix(l, "voted no"):
		return No, true
	case strings.Contains(l, "in favour") || strings.Contains(l, "in favor") || l == "yes" || l == "ayes" || l == "for" ||
		strings.HasSuffix(l, "voted for") || strings.HasSuffix(l, "voting for") || strings.HasSuffix(l, "voted yes"):
		return Yes, true
	}
	return "", false
}

// marker is a heading inside a line: the side it names and where its
// list starts.
type marker struct {
	side  string
	count int // a count given with the heading, "In favour (93):"; -1 if none
	from  int // byte offset in the document where its list starts
}

// markers finds the headings of a sentence: a colon whose few preceding
// words name a side ("In favour:", "Countries that abstained:").
func (d *document) markers(s nlp.Sentence) []marker {
	var out []marker
	last := 0
	for i := 0; i < len(s.Text); i++ {
		c := s.Text[i]
		if c == ';' || c == '.' {
			last = i + 1
			continue
		}
		if c != ':' {
			continue
		}
		head := s.Text[last:i]
		if f := strings.Fields(head); len(f) > 6 {
			head = strings.Join(f[len(f)-6:], " ")
		}
		if side, ok := headingSide(head); ok {
			m := marker{side: side, count: -1, from: s.Start + i + 1}
			if n, ok := headingCount(head); ok {
				m.count = n
			}
			out = append(out, m)
		}
		last = i + 1
	}
	return out
}

// listedPositions reads positions laid out as lists under headings, on
// the heading's own line ("In favour: Algeria, China; Against: United
// States; Abstaining: ...", as UN press releases give them) or on the
// lines that follow it:
//
//	Countries that abstained:
//	- China
//	- India
//
// A heading starts a fragment; its list runs to the next heading or to
// the first line that is not a list of actors.
func (d *document) listedPositions() []*fragment {
	var out []*fragment
	var cur *fragment // the fragment whose list continues on later lines
	curSide := ""
	for si, s := range d.sents {
		ms := d.actorsIn(s.Start, s.End)
		marks := d.markers(s)
		if len(marks) == 0 {
			if cur == nil {
				continue
			}
			if !isListLine(s.Text, ms) {
				cur = nil
				continue
			}
			for _, m := range ms {
				if curSide != "" {
					cur.setPosition(m.Code, curSide, true)
				}
			}
			cur.spans = append(cur.spans, [2]int{s.Start, s.End})
			continue
		}
		f := &fragment{si: si, spans: [][2]int{{s.Start, s.End}}}
		for k, mk := range marks {
			end := s.End
			if k+1 < len(marks) {
				end = marks[k+1].from
			}
			for _, m := range ms {
				if m.Start >= mk.from && m.End <= end && mk.side != "" {
					f.setPosition(m.Code, mk.side, true)
				}
			}
			if mk.count >= 0 && mk.side != "" {
				f.setTally(mk.side, mk.count)
			}
		}
		out = append(out, f)
		// A heading that ends its line opens a list on the next lines.
		lastMark := marks[len(marks)-1]
		if strings.TrimSpace(d.text[lastMark.from:s.End]) == "" {
			cur, curSide = f, lastMark.side
		} else {
			cur = nil
		}
	}
	kept := out[:0]
	for _, f := range out {
		if len(f.positions) > 0 {
			kept = append(kept, f)
		}
	}
	return kept
}

// headingCount reads a count in a heading: "In favour (93):".
func headingCount(line string) (int, bool) {
	i := strings.Index(line, "(")
	j := strings.Index(line, ")")
	if i < 0 || j < i {
		return 0, false
	}
	if v, ok := digitNumber(strings.TrimSpace(line[i+1 : j])); ok {
		return int(v), true
	}
	return 0, false
}

// isListLine reports whether a line is an item of a list of actors: it
// holds actors and little else.
func isListLine(line string, ms []actors.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	covered := 0
	for _, m := range ms {
		covered += m.End - m.Start
	}
	rest := 0
	for _, r := range line {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			rest++
		}
	}
	return covered*2 >= rest
}

// roleNouns name a person or office acting for an actor: "the
// representative of Norway", "the foreign minister of France".
var roleNouns = map[string]bool{
	"representative": true, "representatives": true, "delegation": true,
	"delegate": true, "ambassador": true, "envoy": true, "government": true,
	"governments": true, "minister": true, "speaker": true, "permanent": true,
	"foreign": true, "deputy": true, "president": true, "prime": true,
	"leader": true, "delegations": true, "mission": true, "authorities": true,
	"ministers": true, "leaders": true, "envoys": true, "ambassadors": true,
	"diplomats": true, "officials": true, "presidents": true,
}

// agentAfter returns the actor named at its[i], seeing through a role
// ("the representative of Norway" is Norway); "" if none.
func agentAfter(its []item, i int) string {
	for k := i; k < len(its) && k <= i+5; k++ {
		switch {
		case its[k].isActor():
			return its[k].actor
		case its[k].lw == "the" || its[k].lw == "of" || its[k].lw == "for" || roleNouns[its[k].lw]:
		default:
			return ""
		}
	}
	return ""
}

// agentList is actorList seeing through roles: "by the representative of
// Norway on behalf of ...".
//
// A counted group before its examples is seen through too: "co-sponsored
// by more than 40 countries, including Japan and Thailand".
func agentList(its []item, i int) []string {
	k := i
	for k < len(its) && k < i+8 && (its[k].lw == "the" || roleNouns[its[k].lw] || (its[k].lw == "of" || its[k].lw == "for") && k > i ||
		anyWord(its, k, "more", "than", "some", "over", "about", "nearly", "almost", "around", ",", "core", "group", "a", "led", "by", "latin", "american", "african", "western", "arab", "asian") || voterNouns[its[k].lw] || isNumberItem(its[k])) {
		k++
	}
	if anyWord(its, k, "including") {
		k++
	} else if words(its, k, "among", "them") {
		k += 2
	}
	return actorList(its, k)
}
