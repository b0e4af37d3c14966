package extract

import (
	"fmt"
	"maps"
	"slices"
)

// field names the parts of a fragment a vote rule may set.
type field uint16

const (
	fBody field = 1 << iota
	fMotion
	fNewEvent
	fPast
	fSponsors
	fOutcome
	fNoVote
	fThreshold
	fTally
	fPositions
)

// fieldNames name the fields as --explain prints them; the vote fields
// (body, motion, sponsors, outcome, tally, positions) are named as the
// gold format names them.
var fieldNames = []struct {
	f    field
	name string
}{
	{fBody, "body"}, {fMotion, "motion"}, {fNewEvent, "new-event"}, {fPast, "past"},
	{fSponsors, "sponsors"}, {fOutcome, "outcome"}, {fNoVote, "no-vote"},
	{fThreshold, "threshold"}, {fTally, "tally"}, {fPositions, "positions"},
}

func (s field) String() string {
	var names []string
	for _, fn := range fieldNames {
		if s&fn.f != 0 {
			names = append(names, fn.name)
		}
	}
	return fmt.Sprint(names)
}

// A voteRule reads one kind of statement of a sentence's part into its
// fragment. It may set only the fields in sets; the reader checks this
// when it traces (see TestVoteRulesSetWhatTheyDeclare).
type voteRule struct {
	name string
	sets field
	read func(r *voteReader, f *fragment, its []item)
}

// voteRules are the vote rules in the order the reader runs them on each
// part of a sentence. Order matters where a rule reads what an earlier
// one set: the outcome rules need the motion and body, the position rules
// set an outcome only when none is set, the context rule fills a body
// only when the part names none. A new vote shape is a new rule (or a new
// cue or guard of the outcome rule, see vote_outcome.go) with its cases
// in testdata/rules.
var voteRules = []voteRule{
	{"body", fBody, readBody},
	{"past-vote", fPast, readPastVote},
	{"motion", fMotion | fNewEvent | fSponsors, readMotion},
	{"stage", fMotion, readStage},
	{"sponsor", fSponsors | fMotion, readSponsorRule},
	{"outcome", fOutcome | fPositions, (*voteReader).readOutcome},
	{"stage-outcome", fOutcome, readStageOutcome},
	{"veto-formula", fOutcome | fBody, readVetoFormula},
	{"veto-block", fOutcome | fBody | fPositions, readVetoBlock},
	{"veto-cast", fOutcome | fBody | fPositions, readVetoCast},
	{"tally", fTally | fPositions, (*voteReader).talliesOf},
	{"position", fPositions | fTally | fOutcome, (*voteReader).positionsOf},
	{"position-by", fPositions | fTally, passivePositions},
	{"position-among", fPositions, amongThemPositions},
	{"later-part", fOutcome | fNewEvent, readLaterPart},
	{"no-vote", fNoVote, readNoVote},
	{"threshold", fThreshold, readThreshold},
	{"dated-lead", fNewEvent, readDatedLead},
	{"context", fBody, readContext},
}

// voteReader reads the vote fragments of one part of a sentence at a
// time, against the discourse's turn for the sentence.
type voteReader struct {
	d     *document
	t     *turn  // the sentence being read
	its   []item // the sentence's items
	p     *part  // the part of it being read
	whole bool   // the part opens the sentence
	// detail names the cue behind a field set by the running rule, when
	// the rule tells it (see note).
	detail map[field]string
}

// speakerFor returns the actor speaking at item i of the part.
func (r *voteReader) speakerFor(i int) string { return r.t.speakerFor(r.p.from + i) }

// note names the cue by which the running rule set a field, for
// --explain: "outcome/let-through".
func (r *voteReader) note(fl field, cue string) {
	if r.detail != nil {
		r.detail[fl] = cue
	}
}

// read returns the fragments one sentence states, one per motion part.
func (r *voteReader) read(t *turn) []*fragment {
	var out []*fragment
	r.its = r.d.items(t.si)
	for k := range t.parts {
		if f := r.readPart(t, &t.parts[k], k == 0); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// readPart runs the vote rules on one part of a sentence and returns its
// fragment, nil when it states nothing of a vote.
func (r *voteReader) readPart(t *turn, p *part, whole bool) *fragment {
	r.t, r.p, r.whole = t, p, whole
	f := &fragment{si: t.si}
	for _, rule := range voteRules {
		if !r.d.trace {
			rule.read(r, f, p.of(r.its))
			continue
		}
		r.traced(rule, f)
	}
	if !f.hasContent() {
		return nil
	}
	s := r.d.sents[t.si]
	f.spans = append(f.spans, [2]int{s.Start, s.End})
	return f
}

// traced runs a rule, records which fields it set and by which cue, and
// records a breach when it set a field it did not declare.
func (r *voteReader) traced(rule voteRule, f *fragment) {
	before := f.clone()
	r.detail = map[field]string{}
	rule.read(r, f, r.p.of(r.its))
	set := f.changedSince(before)
	if extra := set &^ rule.sets; extra != 0 {
		r.d.breaches = append(r.d.breaches, fmt.Sprintf("vote rule %s set %v, which it does not declare, in %q", rule.name, extra, r.d.sents[r.t.si].Text))
	}
	for _, fn := range fieldNames {
		if set&fn.f == 0 {
			continue
		}
		name := rule.name
		if d := r.detail[fn.f]; d != "" && d != rule.name {
			name += "/" + d
		}
		f.rules = append(f.rules, ruleNote{fn.f, name})
	}
	r.detail = nil
}

// ruleNote records that a rule set a field of a fragment.
type ruleNote struct {
	field field
	rule  string
}

// clone copies a fragment deeply enough to compare it later.
func (f *fragment) clone() *fragment {
	c := *f
	c.tally = maps.Clone(f.tally)
	c.positions = maps.Clone(f.positions)
	c.alongside = slices.Clone(f.alongside)
	c.pair = slices.Clone(f.pair)
	c.sponsors = slices.Clone(f.sponsors)
	return &c
}

// changedSince returns the fields in which f differs from before.
func (f *fragment) changedSince(b *fragment) field {
	var s field
	diff := func(fl field, changed bool) {
		if changed {
			s |= fl
		}
	}
	diff(fBody, f.body != b.body || f.bodyGuessed != b.bodyGuessed)
	diff(fMotion, f.class != b.class || f.ident != b.ident || f.backRef != b.backRef || f.noun != b.noun)
	diff(fNewEvent, f.newEvent != b.newEvent)
	diff(fPast, f.past != b.past)
	diff(fSponsors, !slices.Equal(f.sponsors, b.sponsors) || f.sponsorList != b.sponsorList)
	diff(fOutcome, f.outcome != b.outcome)
	diff(fNoVote, f.noVote != b.noVote)
	diff(fThreshold, f.threshold != b.threshold)
	diff(fTally, !maps.Equal(f.tally, b.tally) || !slices.Equal(f.pair, b.pair))
	diff(fPositions, !maps.Equal(f.positions, b.positions))
	return s
}

// readBody sets the body the part names as a subject, as the discourse
// read it: "The General Assembly adopted ...".
func readBody(r *voteReader, f *fragment, _ []item) { f.body = r.p.body }

// readPastVote marks an earlier vote reported for comparison: "Last
// year's version passed 99-9-60", "a similar resolution last year
// received 143 votes".
func readPastVote(_ *voteReader, f *fragment, its []item) { f.past = pastVote(its) }

// readLaterPart reads a later motion of a sentence, which is a vote of
// its own and inherits the sentence's verb: "adopted without a vote the
// resolution on fisheries (document A/78/L.31), and, also without a vote,
// a text on cooperation".
func readLaterPart(r *voteReader, f *fragment, its []item) {
	if r.whole {
		return
	}
	f.newEvent = true
	// "The first law was approved by 92 votes to 10 and the second by 87
	// votes to 9": a later motion with no verb of its own shares the
	// outcome of the verb before it.
	if f.outcome == "" && anyWord(its, 0, "and") && !hasFiniteVerb(its) {
		f.outcome = outcomeIn(r.t.parts[0].of(r.its))
	}
	if f.outcome == "" && (containsWord(its, "adopted") || words(its, 0, "and")) {
		for _, it := range its {
			if it.lw == "without" || it.lw == "also" {
				f.outcome = Adopted
				break
			}
		}
	}
}

// readNoVote marks a motion decided without a counted vote: "adopted
// without a vote", "by consensus", "by acclamation", "rejected by a voice
// vote". Such a motion has no tally, so a count told after it belongs to
// another vote.
func readNoVote(_ *voteReader, f *fragment, its []item) {
	for i := range its {
		if words(its, i, withoutAVote...) || words(its, i, byConsensus...) || words(its, i, byAcclamation...) || words(its, i, voiceVote...) {
			f.noVote = true
		}
	}
}

// readThreshold marks a motion that needed more than a simple majority:
// "fell short of the 60 votes needed", "the two-thirds majority
// required".
func readThreshold(_ *voteReader, f *fragment, its []item) {
	f.threshold = needsQualifiedMajority(its)
}

// readDatedLead reads a sentence that opens by dating what it reports,
// which in a comparison across years is another year's vote: "In 2024 it
// passed again", "This year the resolution passed"; or by placing it in
// the sitting just told of, which reports another motion decided there:
// "During the same session the Duma passed the law on ...".
func readDatedLead(r *voteReader, f *fragment, its []item) {
	// "This year, the document was supported by 67 delegations" in a
	// story that told of no other year's vote is the story's own vote.
	if words(its, 0, thisYear...) && !r.d.otherYearBefore(r.t.si) {
		return
	}
	if r.whole && (datedLead(its) || sameOccasionLead(its)) {
		f.newEvent = true
	}
}

// readContext gives a part that names no body the body the text last
// spoke of: "The Council then adopted", "MPs also voted".
func readContext(r *voteReader, f *fragment, _ []item) {
	if f.body == "" {
		f.body = r.p.context
		f.bodyGuessed = f.body != ""
	}
}

// hasFiniteVerb reports whether a verb with a tense, or a participle,
// stands among its: "the second by 87 votes to 9" has none.
func hasFiniteVerb(its []item) bool {
	for _, it := range its {
		if finiteVerb(it) || it.tag == "VBN" {
			return true
		}
	}
	return false
}

// sameOccasionLead reports whether a sentence opens by placing what it
// reports in the sitting already told of: "During the same session",
// "At the same sitting", "Later the same day".
func sameOccasionLead(its []item) bool {
	for k := 0; k+1 < len(its) && k <= 3; k++ {
		if anyWord(its, k, "same") && anyWord(its, k+1, occasionNouns...) {
			return anyWord(its, 0, occasionLeads...)
		}
	}
	return false
}

// otherYearBefore reports whether a sentence before si tells of another
// year's vote: it opens with a date ("In 2023", "Last year") or recalls
// an earlier vote ("a similar resolution last year").
//
// The first such sentence is looked for once, going on from where the
// last question stopped, so that the question costs no more than one
// look at each sentence in all.
func (d *document) otherYearBefore(si int) bool {
	y := &d.otherYear
	for ; y.found < 0 && y.next < si; y.next++ {
		s := y.next
		if d.turn(s) == nil {
			continue
		}
		its := d.items(s)
		if (datedLead(its) && !words(its, 0, thisYear...)) || pastVote(its) {
			y.found = s
		}
	}
	return y.found >= 0 && y.found < si
}

// otherYearScan is where otherYearBefore has looked: the sentences
// before next, of which found is the first that tells of another year's
// vote, or -1.
type otherYearScan struct {
	next, found int
}
