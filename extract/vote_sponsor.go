package extract

// sponsorsRead is who a sentence says drafted, tabled or introduced its
// motion, in the order it names them.
type sponsorsRead struct {
	sponsors []string
	// listed marks a sentence about who drafted the motion ("It was
	// drafted by ...", "Among the co-sponsors were ..."), which is about
	// a vote even without a motion noun.
	listed bool
	// class is the kind of the motion a sponsor verb takes as object
	// ("tabled an amendment"), "" if none.
	class string
	// byHead marks a motion submitted by a head of state or government
	// named by office alone ("submitted by President Putin", "the
	// presidential bill"): its sponsor is the chamber's country.
	byHead bool
}

func (s *sponsorsRead) add(code string) { s.sponsors = addOnce(s.sponsors, code) }

// setClass records the kind of motion a sponsor verb takes, keeping the
// first one found.
func (s *sponsorsRead) setClass(class string) {
	if s.class == "" {
		s.class = class
	}
}

// readSponsors reads who drafted, tabled or introduced the motion of a
// sentence; speakerFor gives the actor speaking at an item, for "He
// proposed an amendment".
func readSponsors(its []item, speakerFor func(i int) string) sponsorsRead {
	var f sponsorsRead
	for i := range its {
		f.readSponsorVerb(its, i, speakerFor)
	}
	for i := range its {
		f.readSponsorNoun(its, i)
	}
	f.readIntroducing(its)
	for i := range its {
		if anyWord(its, i, headOfStateBills...) && i+1 < len(its) && motionClasses[its[i+1].lw] == "bill" {
			f.byHead = true
		}
	}
	return f
}

// readSponsorVerb reads a verb of sponsoring at its[i] with its agents or
// subject: "proposed by Egypt", "put forward by France and Germany",
// "Egypt tabled the draft", "He proposed an oral amendment".
func (f *sponsorsRead) readSponsorVerb(its []item, i int, speakerFor func(i int) string) {
	it := its[i]
	if !sponsorVerbs[it.lw] {
		return
	}
	if anyWord(its, i, phrasalSponsorVerbs...) && !anyWord(its, i+1, forwardUp...) {
		return
	}
	if hedged(its, i) {
		return
	}
	j := i + 1
	if anyWord(its, j, forwardUp...) {
		j++
	}
	j = pastRecipient(its, j)
	if anyWord(its, j, "by") {
		if headOfStateAt(its, j+1) {
			f.byHead = true
			f.listed = f.listed || anyWord(its, i-1, passiveAuxPast...)
		}
		for _, code := range agentList(its, j+1) {
			f.add(code)
			// "It was drafted by ...": a sentence about who drafted
			// the motion.
			if anyWord(its, i-1, passiveAuxPast...) {
				f.listed = true
			}
		}
		onBehalf(f, its, j)
		return
	}
	// "a resolution ... presented on behalf of Brazil and Chile".
	if words(its, j, onBehalfOf...) {
		onBehalf(f, its, j)
		return
	}
	// The object must be a motion.
	if !motionAhead(its, j, 6) {
		return
	}
	subj := subjectBefore(its, i)
	if len(subj) == 0 {
		subj = relativeSubject(its, i)
	}
	if len(subj) == 0 && (pronounBefore(its, i) || ownDelegation(its, i)) {
		// "He proposed an amendment", "his delegation had tabled
		// the text".
		if code := speakerFor(i); code != "" {
			subj = []string{code}
		}
	}
	for _, code := range subj {
		f.add(code)
	}
	f.setClass(classAhead(its, j, 6))
	onBehalf(f, its, j)
	for _, code := range draftedWith(its, j) {
		f.add(code)
	}
}

// draftedWith reads co-sponsors named with "with" right after the motion
// a sponsor verb takes: "which drafted the text with Japan".
func draftedWith(its []item, j int) []string {
	for k := j; k < len(its) && k < j+6; k++ {
		if _, ok := motionClasses[its[k].lw]; ok {
			if anyWord(its, k+1, "with") && k+2 < len(its) && its[k+2].isActor() {
				return actorList(its, k+2)
			}
			return nil
		}
	}
	return nil
}

// readSponsorNoun reads sponsors named by a noun at its[i]: "Among the
// co-sponsors were Belarus, China and Syria", "its sponsors included
// Mexico", "A motion by Algeria", "the representative of Canada, the main
// sponsor", "France, the penholder".
func (f *sponsorsRead) readSponsorNoun(its []item, i int) {
	it := its[i]
	if anyWord(its, i, sponsorNouns...) {
		for _, code := range sponsorsListed(its, i) {
			f.add(code)
			f.listed = true
		}
	}
	if _, ok := motionClasses[it.lw]; ok && anyWord(its, i+1, byFrom...) && !isVerbTag(lowerTagAt(its, i-1)) {
		for _, code := range agentList(its, i+2) {
			f.add(code)
		}
	}
	if it.isActor() && anyWord(its, i+1, ",") && anyWord(its, i+2, "the") {
		k := i + 3
		if anyWord(its, k, sponsorRanks...) {
			k++
		}
		if anyWord(its, k, sponsorRoles...) {
			f.add(it.actor)
		}
	}
}

// sponsorsListed reads the sponsors a sponsor noun at its[i] names:
// after a list verb or a dash ("Among the co-sponsors were ...", "its
// co-sponsors - Qatar, Saudi Arabia and Morocco -"), past what the noun
// is of ("The co-authors of the draft proposed by Peru were ...") and a
// group before the named ones ("were several Nordic states, as well as
// Chile"); or before it, in apposition ("Chile and Peru, two of the
// four co-sponsors").
func sponsorsListed(its []item, i int) []string {
	j := i + 1
	if anyWord(its, j, "of") {
		for k := j + 1; k < len(its) && k <= j+8; k++ {
			if anyWord(its, k, listVerbsSponsor...) {
				j = k
				break
			}
		}
	}
	if anyWord(its, j, listVerbsSponsor...) {
		for k := j + 1; k < len(its) && k <= j+8 && !anyWord(its, k, sentenceEnds...); k++ {
			if its[k].isActor() {
				return actorList(its, k)
			}
		}
		return nil
	}
	return sponsorsInApposition(its, i)
}

// sponsorsInApposition reads the actors a sponsor noun at its[i] stands
// in apposition to: "Chile and Peru, two of the four co-sponsors", "New
// Zealand, one of the sponsors".
func sponsorsInApposition(its []item, i int) []string {
	k := i - 1
	for k >= 0 && i-k <= 5 && !anyWord(its, k, ",") {
		if !(isNumberItem(its[k]) || anyWord(its, k, "of") || anyWord(its, k, articles...) || anyWord(its, k, sponsorRanks...)) {
			return nil
		}
		k--
	}
	if k < 1 || !anyWord(its, k, ",") || !isNumberItem(its[k+1]) {
		return nil
	}
	return listEndingAt(its, k-1, max(0, k-maxReach))
}

// relativeSubject returns the actor a relative pronoun before the verb at
// its[i] stands for: "the European Union, which drafted the text".
func relativeSubject(its []item, i int) []string {
	if !anyWord(its, i-1, relativeSubjects...) || !anyWord(its, i-2, ",") || i < 3 || !its[i-3].isActor() {
		return nil
	}
	return []string{its[i-3].actor}
}

// readIntroducing reads a sentence that opens with the participle of
// introducing a motion: "Introducing the draft on behalf of ..., the
// representative of Mozambique said".
func (f *sponsorsRead) readIntroducing(its []item) {
	if len(its) <= 2 || !anyWord(its, 0, introducingParticiples...) || !motionAhead(its, 1, 3) {
		return
	}
	for k := 1; k < len(its); k++ {
		if its[k].lw == "," {
			for m := k + 1; m < len(its) && m <= k+5; m++ {
				if its[m].isActor() {
					f.add(its[m].actor)
					break
				}
			}
			break
		}
	}
	f.setClass(classAhead(its, 1, 3))
}

// onBehalf adds the actors a motion was tabled for: "introduced ... on
// behalf of the African Union".
func onBehalf(f *sponsorsRead, its []item, from int) {
	// "..., together with the State of Palestine".
	for k := from; k+1 < len(its) && k < from+16; k++ {
		if words(its, k, togetherWith...) || words(its, k, jointlyWith...) {
			for _, code := range agentList(its, k+2) {
				f.add(code)
			}
			break
		}
	}
	for k := from; k+2 < len(its) && k < from+12; k++ {
		if its[k].lw == "on" && its[k+1].lw == "behalf" && its[k+2].lw == "of" {
			for _, code := range actorList(its, behalfListStart(its, k+3)) {
				f.add(code)
			}
			return
		}
	}
}

// behalfListStart returns where the actors named after "on behalf of"
// begin, past a quantifier ("all OIC member states") and past the
// speaker's own country set before the list ("on behalf of our country,
// Brazil, Canada and Chile").
func behalfListStart(its []item, k int) int {
	for anyWord(its, k, behalfQuantifiers...) {
		k++
	}
	if anyWord(its, k, ownPossessives...) && k+2 < len(its) && !its[k+1].isActor() && anyWord(its, k+2, ",") {
		k += 3
	}
	return k
}

// pastRecipient returns the index past the chamber a motion was
// submitted to, at its[j]: "submitted to the Lower House by"; j when
// none stands there.
func pastRecipient(its []item, j int) int {
	if !anyWord(its, j, "to") {
		return j
	}
	k := j + 1
	if anyWord(its, k, "the") {
		k++
	}
	if k < len(its) && its[k].body != "" {
		return k + 1
	}
	return j
}

// headOfStateAt reports whether a head of state or government named by
// office alone, not with a country, stands at its[k]: "President Petro
// Poroshenko", "the Prime Minister".
func headOfStateAt(its []item, k int) bool {
	if anyWord(its, k, "the") {
		k++
	}
	if k >= len(its) || its[k].isActor() || !anyWord(its, k, headOfStateTitles...) {
		return false
	}
	return its[k].lw != "prime" || anyWord(its, k+1, "minister")
}

// readSponsorRule is the sponsor rule: it reads who drafted, tabled or
// introduced the motion into the fragment (see readSponsors):
//
//	The draft, proposed by Egypt, was adopted.
//	Among the co-sponsors were Belarus, China and Syria.
func readSponsorRule(r *voteReader, f *fragment, its []item) {
	s := readSponsors(its, r.speakerFor)
	for _, code := range s.sponsors {
		f.addSponsor(code)
	}
	f.sponsorList = f.sponsorList || s.listed
	if f.class == "" {
		f.class = s.class
	}
	// "The bill was submitted by President Petro Poroshenko": a
	// national chamber's bill submitted by the head of state or
	// government is the country's.
	if s.byHead {
		body := f.body
		if body == "" {
			body = r.p.context
		}
		if c := chambers().byCode[body]; c != nil && c.Kind.national() && c.Country != "" {
			f.addSponsor(c.Country)
		}
	}
}
