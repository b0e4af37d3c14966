package extract

import "strings"

// outcomeOf reads what became of the motion.
func (r *voteReader) outcomeOf(f *fragment, its []item) {
	hasAnchor := f.class != "" || f.body != "" || r.p.context != ""
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
			if it.body == BodyUNSC || it.body == refCouncil && r.p.lastCouncil != BodyUNHRC && r.p.lastCouncil != BodyAU {
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
