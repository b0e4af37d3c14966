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
				f.add(code)
				// "It was drafted by ...": a sentence about who drafted
				// the motion.
				if anyWord(its, i-1, "was", "were", "been") {
					f.listed = true
				}
			}
			onBehalf(&f, its, j)
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
			if code := speakerFor(i); code != "" {
				subj = []string{code}
			}
		}
		for _, code := range subj {
			f.add(code)
		}
		f.setClass(classAhead(its, j, 6))
		onBehalf(&f, its, j)
	}
	for i, it := range its {
		// "Among the co-sponsors were Belarus, China and Syria", "its
		// sponsors included Mexico".
		if anyWord(its, i, "sponsors", "co-sponsors", "cosponsors", "sponsor", "co-sponsor") && anyWord(its, i+1, "were", "included", "include", "are", ":", "was", "is") {
			for _, code := range actorList(its, i+2) {
				f.add(code)
				f.listed = true
			}
		}
		// "A motion by Algeria", "an amendment from Pakistan".
		if _, ok := motionClasses[it.lw]; ok && anyWord(its, i+1, "by", "from") && !isVerbTag(lowerTagAt(its, i-1)) {
			for _, code := range agentList(its, i+2) {
				f.add(code)
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
				f.add(it.actor)
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
								f.add(its[m].actor)
								break
							}
						}
						break
					}
				}
				f.setClass(classAhead(its, 1, 3))
			}
		}
	}
	return f
}

// onBehalf adds the actors a motion was tabled for: "introduced ... on
// behalf of the African Union".
func onBehalf(f *sponsorsRead, its []item, from int) {
	// "..., together with the State of Palestine".
	for k := from; k+1 < len(its) && k < from+16; k++ {
		if words(its, k, "together", "with") || words(its, k, "jointly", "with") {
			for _, code := range agentList(its, k+2) {
				f.add(code)
			}
			break
		}
	}
	for k := from; k+2 < len(its) && k < from+12; k++ {
		if its[k].lw == "on" && its[k+1].lw == "behalf" && its[k+2].lw == "of" {
			for _, code := range actorList(its, k+3) {
				f.add(code)
			}
			return
		}
	}
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
}
