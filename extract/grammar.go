package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// maxReach bounds how far, in items, a reader looks from a cue for its
// actors. Real lists of voters run to a few dozen countries; the bound
// keeps sentences without an end linear.
const maxReach = 120

// subjectBefore collects the list of actors that ends just before its[i],
// skipping fillers between the list and the verb.
func subjectBefore(its []item, i int) []string {
	stop := max(0, i-maxReach)
	k := subjectEnd(its, i-1, stop)
	if k >= stop && !its[k].isActor() {
		if codes := roleSubjects(its, k, stop); len(codes) > 0 {
			return codes
		}
		// "the bloc", "the alliance": the bloc named before in the
		// sentence.
		if anyWord(its, k, blocNouns...) && anyWord(its, k-1, "the") {
			for j := k - 2; j >= 0; j-- {
				if its[j].isActor() && actors.IsBloc(its[j].actor) {
					return []string{its[j].actor}
				}
			}
		}
	}
	return listEndingAt(its, k, stop)
}

// skipFillers skips back from its[k] over fillers, adverbs, commas,
// dashes and a weekday between a verb and its subject and returns the
// index before them.
func skipFillers(its []item, k, stop int) int {
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
			return k
		}
	}
	return k
}

// subjectEnd finds where the subject of a verb ends, looking back from
// its[k]: through fillers ("Japan, which retains capital punishment,
// also voted against"), a predicate naming the voters ("were the only
// abstentions", "were among the 10 nations voting against") and the verb
// phrase of a cue ("cast the lone vote against").
func subjectEnd(its []item, k, stop int) int {
	for k >= stop && (fillers[its[k].lw] || its[k].tag == "RB") {
		k--
	}
	if j := beforeParenthetical(its, k); j != k {
		k = j
	}
	k = skipFillers(its, k, stop)
	// "were the only abstentions": a predicate naming the voters.
	if k >= 1 && anyWord(its, k, "the") && anyWord(its, k-1, beForms...) {
		k = skipFillers(its, k-2, stop)
	} else if k >= 2 && anyWord(its, k, "the") && anyWord(its, k-1, "among") && anyWord(its, k-2, beForms...) {
		// "were among the abstentions".
		k = skipFillers(its, k-3, stop)
	}
	// "cast the lone vote against": the verb phrase before the cue.
	for k >= stop && anyWord(its, k, loneWords...) {
		k--
	}
	if k >= 1 && anyWord(its, k, castObjects...) && anyWord(its, k-1, castForms...) {
		k = skipFillers(its, k-2, stop)
	}
	// "were the only countries to vote against", "were among the 10
	// nations voting against": a predicate naming the voters.
	if k >= stop && (countNouns[its[k].lw] || its[k].lw == "ones") {
		j := k - 1
		for j >= stop && (anyWord(its, j, predicateCounts...) || isNumberItem(its[j])) {
			j--
		}
		if j >= stop && anyWord(its, j, beForms...) {
			k = skipFillers(its, j-1, stop)
		}
	}
	return k
}

// listEndingAt collects the list of actors that ends at its[k], in text
// order, through the glue of a list ("France, Germany and Italy"),
// additions ("China and Pakistan, joined by Indonesia and Qatar") and
// member states ("the member states of the European Union"). A list that
// is an object ("put forward by Brazil") is none.
func listEndingAt(its []item, k, stop int) []string {
	var codes []string
	for ; k >= stop; k-- {
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
		case it.lw == "," && len(codes) > 0 && anyWord(its, k+1, "and") && beforeParenthetical(its, k) != k:
			// "Turkey, which is a candidate for membership, and
			// Greece": a clause set off inside the list.
			k = beforeParenthetical(its, k) + 1
		case listGlue[it.lw] || len(codes) > 0 && unknownListName(its, k):
		case len(codes) == 0 && isVerbTag(it.tag) && anyWord(its, k+1, "and"):
			// "the US proposed and supported a resolution".
		case it.lw == "by" && k > 0 && anyWord(its, k-1, listJoiners...):
			// "China and Pakistan, joined by Indonesia and Qatar, voted
			// no": the list goes on.
			k--
		case it.lw == "of" && k > 0 && anyWord(its, k-1, memberGroups...):
			// "the member states of the European Union voted against".
			k--
			for k > stop && anyWord(its, k-1, memberModifiers...) {
				k--
			}
		case len(codes) > 0 && objectPrepositions[it.lw]:
			// "put forward by Brazil failed": the list is an object.
			return nil
		default:
			return reverse(codes)
		}
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
			if anyWord(its, j+1, parentheticalOpeners...) || its[j+1].tag == "VBG" || its[j+1].tag == "VBN" ||
				anyWord(its, j+1, articles...) && j > 0 && its[j-1].isActor() && !actorBetween(its, j+1, k) {
				// ", which retains capital punishment,", "Algeria, the
				// only Arab member of the council,".
				return j - 1
			}
			return k
		}
		if anyWord(its, j, sentenceStops...) {
			return k
		}
	}
	return k
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

// roleSubject finds the actor that a role stands for when the subject
// ending at its[k] is a person or an office: "Britain's ambassador, Dame
// Helen Marsh, accused", "German Chancellor Friedrich Merz criticised",
// "Myanmar's military government thanked", "the council's EU members
// voted". It returns "" when the subject is not such a role.
func roleSubject(its []item, k, stop int) string {
	k0 := k
	k, ok := beforeName(its, k, stop)
	if !ok {
		return ""
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

// beforeName skips back from its[k] over a person's name and honorific
// that end a subject, set off by commas (", Dame Helen Marsh,") or right
// before the verb ("Chancellor Friedrich Merz"), and returns the index
// before them; ok is false for a comma that sets off no name.
func beforeName(its []item, k, stop int) (int, bool) {
	if anyWord(its, k, ",") {
		j := k - 1
		for j >= stop && j > k-6 && (its[j].tag == "NNP" && !its[j].isActor() || titles[its[j].lw]) {
			j--
		}
		if j >= k-1 || !anyWord(its, j, ",") {
			return k, false
		}
		k = j - 1
	}
	j := k
	for j >= stop && j > k-4 && its[j].tag == "NNP" && !its[j].isActor() && !roleNouns[its[j].lw] {
		j--
	}
	k = j
	for k >= stop && anyWord(its, k, honorifics...) {
		k--
	}
	return k, true
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
		if anyWord(its, m, clauseEnds...) || isVerbTag(its[m].tag) {
			return ""
		}
		if its[m].isActor() && its[m].body == "" && anyWord(its, m+1, "'s") && m+2 < len(its) && (roleNouns[its[m+2].lw] || titles[its[m+2].lw] || groupNouns[its[m+2].lw] || strings.HasPrefix(its[m+2].tag, "JJ") || anyWord(its, m+2, officePrefixes...)) {
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
			for ; j >= stop && (its[j].isActor() && its[j].kind == actors.Demonym || anyWord(its, j, listCommas...)); j-- {
				if its[j].isActor() {
					codes = append(codes, its[j].actor)
				}
			}
			return reverse(codes)
		}
	}
	return []string{code}
}

// unknownListName reports whether its[k] is a one-word proper name set
// off by commas inside a list of actors, which the list goes on past
// though the name is no actor known: "Oman, Brazil, Salvadr, Chile".
func unknownListName(its []item, k int) bool {
	return its[k].tag == "NNP" && !its[k].isActor() && its[k].body == "" && k > 0 && its[k-1].lw == "," && k+1 < len(its) && its[k+1].lw == ","
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
		case listGlue[it.lw] || it.lw == ":" || len(codes) > 0 && anyWord(its, k, theirPossessives...) || len(codes) > 0 && unknownListName(its, k):
		case len(codes) > 0 && anyWord(its, k-1, theirPossessives...) && allyNouns[it.lw] && k+1 < len(its) && its[k+1].isActor():
			// "the US and its ally Israel".
		default:
			return codes
		}
	}
	return codes
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
		anyWord(its, k, countedGroupWords...) || voterNouns[its[k].lw] || isNumberItem(its[k])) {
		k++
	}
	if anyWord(its, k, "including") {
		k++
	} else if words(its, k, amongThem...) {
		k += 2
	}
	return actorList(its, k)
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
	if len(its) > 2 && (anyWord(its, 0, shortArticles...) || roleNouns[its[0].lw]) {
		for k := 0; k < i && k < 6; k++ {
			if its[k].isActor() && its[k].body == "" {
				if k > 0 && (roleNouns[its[k-1].lw] || anyWord(its, k-1, roleLinks...) && k > 1 && roleNouns[its[k-2].lw]) {
					// No other verb between it and this one, unless this
					// one is coordinated: "rejected the text and accused".
					if !anyWord(its, i-1, "and") {
						for j := k + 1; j < i; j++ {
							if isVerbTag(its[j].tag) && its[j].tag != "VBG" && its[j].tag != "VBN" {
								return nil
							}
						}
					}
					// "The leaders of France and Germany": the whole list.
					return actorList(its, k)
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
			if countedMembersOf(its, k) {
				return false
			}
			// "several crossbench senators voted against": some members,
			// not the chamber.
			if memberNouns[its[k].lw] && k > 0 && !anyWord(its, k-1, listOpeners...) && its[k-1].tag != "IN" {
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

// countedMembersOf reports whether the body at its[k] closes a counted
// phrase of its members, who are the subject in its place: "Eleven of
// the 15 members of the Security Council voted in favour" tells how some
// members voted, not what the Council decided.
func countedMembersOf(its []item, k int) bool {
	j := k - 1
	if anyWord(its, j, articles...) {
		j--
	}
	if !anyWord(its, j, "of") || j < 1 || !voterNouns[its[j-1].lw] {
		return false
	}
	for m := j - 2; m >= 0 && m >= j-6; m-- {
		if isNumberItem(its[m]) && !isYearItem(its[m]) {
			return true
		}
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
	for k >= 0 && (its[k].isActor() || anyWord(its, k, listGlueShort...) || its[k].tail) {
		k--
	}
	return anyWord(its, k, "by") && anyWord(its, k-1, participleAgents...)
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
	return anyWord(its, k, ownBodies...) && anyWord(its, k-1, ownPossessives...)
}

// partySays reports whether the pronoun before the cue at its[i] stands
// for a party that said so: "Meloni's party said afterwards that it had
// voted against" is no vote of Italy.
func partySays(its []item, i int) bool {
	for k := i - 1; k >= 1 && k >= i-10; k-- {
		if !anyWord(its, k, partySayVerbs...) {
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

func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") }

func reverse(s []string) []string {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}
