package extract

import (
	"slices"
	"sort"
	"strings"
)

// A vote is read in two steps. Each sentence that speaks of a vote gives a
// fragment: whatever it states of body, motion, sponsors, outcome, tally
// and positions. Fragments are then merged, in text order, into vote
// events: a fragment joins the most recent event it agrees with, and
// starts a new one when it names a different motion ("a different
// resolution", an amendment after a resolution) or contradicts every
// event so far (another tally, another outcome, an actor voting
// otherwise).

// position is one actor's vote as a fragment states it. Weak positions
// come from verbs that describe backing rather than the vote itself
// ("supported the resolution"); a strong one ("abstained") overrides them.
type position struct {
	value  string
	strong bool
}

// fragment is what one sentence, or one motion's part of a sentence,
// states about one vote. Its fields are grouped by the rules that write
// them (see voteRules and the field each rule declares).
type fragment struct {
	// Set by the reader: where the fragment was read.
	si    int
	spans [][2]int

	// fMotion, by the motion rules: the motion's kind (resolution,
	// amendment, bill, motion); its document symbol or number
	// ("A/79/L.12", "resolution 2728", "Bill C-74"), motions with two
	// identifiers being two motions; and backRef, a demonstrative back to
	// the last vote ("That text passed", "this resolution").
	class   string
	ident   string
	backRef bool
	// noun is the motion's noun when it tells no kind ("the federation
	// treaty", "the law"), by which a later sentence names it again.
	noun string
	// fNewEvent, by the motion and part rules: a motion not met before
	// ("a different resolution", "In 2024 it passed again").
	newEvent bool
	// fPast, by the past-vote rule: an earlier vote the article mentions
	// for comparison.
	past bool

	// fSponsors, by the motion and sponsor rules. sponsorList marks a
	// sentence that lists sponsors outright ("Among the co-sponsors were
	// ..."), which is about a vote even without a motion noun.
	sponsors    []string
	sponsorList bool

	// fBody, by the body, veto and context rules. bodyGuessed marks a
	// body the part does not name, taken from the text before it.
	body        string
	bodyGuessed bool
	// fOutcome, by the outcome, veto, position and part rules.
	outcome string
	// fNoVote, by the no-vote rule: a motion adopted "without a vote" or
	// "by consensus", which has no tally or positions.
	noVote bool
	// fThreshold, by the threshold rule: a motion that failed for want of
	// a qualified majority ("fell short of the 60 votes needed"), whose
	// tally's larger side may be yes.
	threshold bool

	// fTally, by the tally and position rules. pair is a tally whose
	// sides depend on the outcome: "by 322 votes to 308".
	tally map[string]int
	pair  []int
	// fPositions, by the position, tally and veto rules. alongside are
	// the voters named as voting with the others ("alongside
	// Argentina", "as did Germany"), which tie the fragment to the vote
	// they cast.
	positions map[string]position
	alongside []string

	// rules records which rule set which field, when the document is
	// traced (see voteRules); nil otherwise.
	rules []ruleNote
}

func (f *fragment) hasContent() bool {
	return f.outcome != "" || len(f.tally) > 0 || len(f.pair) > 0 || len(f.positions) > 0 || len(f.sponsors) > 0 && (f.class != "" || f.sponsorList)
}

func (f *fragment) setPosition(code, value string, strong bool) {
	if f.positions == nil {
		f.positions = map[string]position{}
	}
	if old, ok := f.positions[code]; ok && old.strong && !strong {
		return
	}
	f.positions[code] = position{value: value, strong: strong}
}

func (f *fragment) setTally(side string, n int) {
	if f.tally == nil {
		f.tally = map[string]int{}
	}
	if _, ok := f.tally[side]; !ok {
		f.tally[side] = n
	}
}

func (f *fragment) addSponsor(code string) { f.sponsors = addOnce(f.sponsors, code) }

// addOnce appends code to list unless it is there already.
func addOnce(list []string, code string) []string {
	for _, s := range list {
		if s == code {
			return list
		}
	}
	return append(list, code)
}

// event is a vote being assembled from fragments.
type event struct {
	body      string
	outcome   string
	tally     map[string]int
	pairs     [][]int
	positions map[string]position
	sponsors  []string
	class     string
	ident     string
	nouns     []string // the nouns of kindless motions its fragments named
	spans     [][2]int
	seq       int // order of creation
	first     int // sentence of the first fragment
	last      int // sentence of the latest fragment
	past      bool
	threshold bool
	noVote    bool
	rules     []ruleNote // when traced: the rules that set its fragments' fields
}

// mentionsVote reports whether a sentence may state anything the vote
// rules read, before it is tagged: it speaks of a vote (speaksOfVote, on
// its words), or has a word that begins with a stem of voteWords or is a
// sponsor verb ("presented by Pakistan"), or names a deciding body.
func mentionsVote(s string) bool {
	l := strings.ToLower(s)
	ws := strings.FieldsFunc(l, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'') })
	if speaksOfVote(len(ws), func(i int) string { return ws[i] }, func(i int) bool { return bodyWord[ws[i]] }) {
		return true
	}
	for _, w := range ws {
		if hasAnyPrefix(w, voteWords) || sponsorVerbs[w] || strings.HasPrefix(w, dissentStem) {
			return true
		}
	}
	// "A second went down": an outcome in two words.
	if strings.Contains(l, "went down") {
		return true
	}
	// A sentence that names a deciding body sets the body later
	// sentences speak of: "The nuclear watchdog's Board of Governors on
	// Thursday declared ...".
	for _, b := range bodyPhrases {
		if strings.Contains(l, b.phrase) {
			return true
		}
	}
	return false
}

// votes finds the vote events the text reports.
func (d *document) votes() []Vote {
	r := &voteReader{d: d}
	var frags []*fragment
	for si := range d.sents {
		t := d.turn(si)
		if t == nil || !d.mentionsVote(si) && !d.amongThem(si) {
			continue
		}
		frags = append(frags, r.read(t)...)
	}
	frags = append(frags, d.listedPositions()...)
	sort.SliceStable(frags, func(i, j int) bool { return frags[i].si < frags[j].si })
	events := mergeFragments(frags)
	var out []Vote
	for _, e := range events {
		if v, ok := d.finishEvent(e); ok {
			out = append(out, v)
		}
	}
	return out
}

// mergeFragments assembles fragments into events in text order.
func mergeFragments(frags []*fragment) []*event {
	var events []*event
	var r recency
	for _, f := range frags {
		if !f.hasContent() {
			continue
		}
		e := pickEvent(r.events, f)
		continued := e != nil
		if e == nil {
			e = &event{first: f.si, seq: len(events), positions: map[string]position{}, tally: map[string]int{}}
			events = append(events, e)
		}
		e.absorb(f)
		r.touch(e, continued)
	}
	return events
}

// recency holds the events ordered from the least to the most recently
// continued (by last, then by order of creation), so that "the most
// recent event" is the one the text spoke of last, not the one it
// introduced last. Fragments come in text order, so an event that
// absorbs one moves to, or near, the end: touch keeps the order in time
// proportional to the few events it passes, not to all of them.
type recency struct {
	events []*event
}

// touch puts e, new or just continued, in its place.
func (r *recency) touch(e *event, continued bool) {
	for k := len(r.events) - 1; continued && k >= 0; k-- {
		if r.events[k] == e {
			r.events = slices.Delete(r.events, k, k+1)
			break
		}
	}
	k := len(r.events)
	for k > 0 && (r.events[k-1].last > e.last || r.events[k-1].last == e.last && r.events[k-1].seq > e.seq) {
		k--
	}
	r.events = slices.Insert(r.events, k, e)
}

// maxOpenEvents is how many of the latest events a fragment may join.
const maxOpenEvents = 12

// pickEvent returns the event a fragment belongs to, or nil for a new one.
// An event that shares a sponsor with the fragment is preferred; otherwise
// the most recent event the fragment agrees with.
func pickEvent(events []*event, f *fragment) *event {
	if f.newEvent || f.past {
		return nil
	}
	// "That text passed with 14 votes": back to the last vote, whether or
	// not it was an earlier one.
	if f.backRef && len(events) > 0 && events[len(events)-1].agrees(f) {
		return events[len(events)-1]
	}
	// Only recent events are candidates: an article returns to a vote
	// within a few paragraphs, and the bound keeps long texts linear.
	oldest := max(0, len(events)-maxOpenEvents)
	if len(f.sponsors) > 0 {
		for i := len(events) - 1; i >= oldest; i-- {
			e := events[i]
			if sharesAny(e.sponsors, f.sponsors) && e.agrees(f) {
				return e
			}
		}
	}
	if e := namedAgain(events[oldest:], f); e != nil {
		return e
	}
	if e := votedAlike(events[oldest:], f); e != nil {
		return e
	}
	for i := len(events) - 1; i >= oldest; i-- {
		e := events[i]
		// An earlier vote mentioned for comparison takes nothing more
		// than its own sentence says.
		if e.past {
			continue
		}
		// Co-sponsors listed apart join the event's own sponsors.
		if e.agrees(f) && (len(f.sponsors) == 0 || len(e.sponsors) == 0 || f.sponsorList || sharesAny(e.sponsors, f.sponsors)) {
			return e
		}
	}
	return nil
}

// namedAgain returns the earlier event a fragment names by its motion's
// noun when the latest event named another one: after "443 voted for the
// treaty. The Duma then passed the law.", "The treaty was submitted by
// ..." is about the treaty. nil when no such event agrees.
func namedAgain(events []*event, f *fragment) *event {
	if f.noun == "" || len(events) < 2 {
		return nil
	}
	last := events[len(events)-1]
	if len(last.nouns) == 0 || slices.Contains(last.nouns, f.noun) {
		return nil
	}
	for i := len(events) - 2; i >= 0; i-- {
		e := events[i]
		if !e.past && slices.Contains(e.nouns, f.noun) && e.agrees(f) {
			return e
		}
	}
	return nil
}

// votedAlike returns the earlier event in which a voter the fragment
// names others as voting with voted as they did, when the latest event
// states no position of that voter: after "Argentina voted against. In
// 2012 the text passed 138-9.", "Also voting against alongside Argentina
// were ..." is about the vote Argentina voted against. nil when no such
// event agrees.
func votedAlike(events []*event, f *fragment) *event {
	if len(f.alongside) == 0 || len(events) < 2 {
		return nil
	}
	last := events[len(events)-1]
	for _, code := range f.alongside {
		if _, ok := last.positions[code]; ok {
			return nil
		}
	}
	for i := len(events) - 2; i >= 0; i-- {
		e := events[i]
		if e.past || !e.agrees(f) {
			continue
		}
		for _, code := range f.alongside {
			if q, ok := e.positions[code]; ok && q.value == f.positions[code].value {
				return e
			}
		}
	}
	return nil
}

func sharesAny(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// agrees reports whether nothing the fragment states contradicts the event.
func (e *event) agrees(f *fragment) bool {
	// Who drafted a text says nothing of where it was voted: a body the
	// text spoke of last is no bar to a fragment that tells only that.
	sponsorsOnly := f.bodyGuessed && f.outcome == "" && len(f.tally) == 0 && len(f.pair) == 0 && len(f.positions) == 0
	if !sponsorsOnly && !sameOrUnstated(f.body, e.body) || !classesAgree(f.class, e.class) || !sameOrUnstated(f.ident, e.ident) || !sameOrUnstated(f.outcome, e.outcome) {
		return false
	}
	// A motion withdrawn before a vote, or adopted without one, has no
	// tally or positions.
	counted := func(tally map[string]int, pair []int, n int) bool { return len(tally) > 0 || len(pair) > 0 || n > 0 }
	if (f.outcome == Withdrawn || f.noVote) && (len(e.tally) > 0 || len(e.pairs) > 0 || len(e.positions) > 0) ||
		(e.outcome == Withdrawn || e.noVote) && counted(f.tally, f.pair, len(f.positions)) {
		return false
	}
	return e.countsAgree(f)
}

// sameOrUnstated reports whether two values of a field agree: equal, or
// one of them unstated.
func sameOrUnstated(a, b string) bool { return a == "" || b == "" || a == b }

// countsAgree reports whether the fragment's tally, pair and positions
// agree with the event's.
func (e *event) countsAgree(f *fragment) bool {
	for side, n := range f.tally {
		if m, ok := e.tally[side]; ok && m != n {
			return false
		}
	}
	if len(f.pair) == 2 {
		for _, p := range e.pairs {
			if !(p[0] == f.pair[0] && p[1] == f.pair[1]) {
				return false
			}
		}
		yes, okY := e.tally[Yes]
		no, okN := e.tally[No]
		if okY && okN && !(sameSet(yes, no, f.pair[0], f.pair[1])) {
			return false
		}
	}
	for code, p := range f.positions {
		if q, ok := e.positions[code]; ok && q.value != p.value && q.strong && p.strong {
			return false
		}
	}
	return true
}

// classesAgree reports whether two motions' kinds may be one motion. A
// bill is put to the House on a motion ("the motion was carried"), so the
// two agree; an amendment is never the resolution it amends.
func classesAgree(a, b string) bool {
	if a == "" || b == "" || a == b {
		return true
	}
	return a == "bill" && b == "motion" || a == "motion" && b == "bill"
}

func sameSet(a, b, c, d int) bool { return a == c && b == d || a == d && b == c }

// absorb merges a fragment into the event.
func (e *event) absorb(f *fragment) {
	if e.body == "" {
		e.body = f.body
	}

	if e.class == "" {
		e.class = f.class
	}
	if e.ident == "" {
		e.ident = f.ident
	}
	if f.noun != "" {
		e.nouns = addOnce(e.nouns, f.noun)
	}
	e.past = e.past || f.past
	e.noVote = e.noVote || f.noVote
	e.last = max(e.last, f.si)
	e.threshold = e.threshold || f.threshold
	if e.outcome == "" {
		e.outcome = f.outcome
	}
	for side, n := range f.tally {
		if _, ok := e.tally[side]; !ok {
			e.tally[side] = n
		}
	}
	if len(f.pair) == 2 {
		e.pairs = append(e.pairs, f.pair)
	}
	for code, p := range f.positions {
		q, ok := e.positions[code]
		if !ok || (p.strong && !q.strong) {
			e.positions[code] = p
		}
	}
	for _, s := range f.sponsors {
		if !sharesAny(e.sponsors, []string{s}) {
			e.sponsors = append(e.sponsors, s)
		}
	}
	e.spans = append(e.spans, f.spans...)
	e.rules = append(e.rules, f.rules...)
}

// finishEvent turns an assembled event into a Vote; events that state no
// outcome, tally or position are proposals, not votes, and are dropped.
func (d *document) finishEvent(e *event) (Vote, bool) {
	e.sidePairs()
	if !e.isVote() {
		return Vote{}, false
	}
	v := Vote{Body: e.body, Outcome: e.outcome, Sponsors: e.sponsors, Rules: ruleNames(e.rules)}
	if n, ok := e.tally[Yes]; ok {
		v.Tally.Yes = &n
	}
	if n, ok := e.tally[No]; ok {
		v.Tally.No = &n
	}
	if n, ok := e.tally[Abstain]; ok {
		v.Tally.Abstain = &n
	}
	if len(e.positions) > 0 {
		v.Positions = map[string]string{}
		for code, p := range e.positions {
			v.Positions[code] = p.value
		}
	}
	v.Evidence = d.sentenceEvidence(e.spans)
	// The first sentence of the vote that names its motion describes it.
	for _, sp := range e.spans {
		if si := d.sentenceOf(sp[0]); si >= 0 {
			if v.Motion = motionText(d.sents[si].Text); v.Motion != "" {
				break
			}
		}
	}
	return v, true
}

// sidePairs gives the numbers of each pair ("by 322 votes to 308") the
// sides the outcome implies, where the tally does not state them: the
// larger side won an adoption, lost a rejection (unless the motion
// needed a qualified majority) and was overridden by a veto. A number
// that is the pair's margin ("rejected by 230 votes" beside "by 432
// votes to 202") was no side.
func (e *event) sidePairs() {
	for _, p := range e.pairs {
		hi, lo := p[0], p[1]
		if lo > hi {
			hi, lo = lo, hi
		}
		for side, n := range e.tally {
			if side != Abstain && n == hi-lo && n != hi && n != lo {
				delete(e.tally, side)
			}
		}
		yes, no := p[0], p[1]
		switch e.outcome {
		case Adopted:
			yes, no = hi, lo
		case Rejected:
			if hi != lo && !e.threshold {
				yes, no = lo, hi
			}
		case Vetoed:
			yes, no = hi, lo
		}
		if _, ok := e.tally[Yes]; !ok {
			e.tally[Yes] = yes
		}
		if _, ok := e.tally[No]; !ok {
			e.tally[No] = no
		}
	}
}

// isVote reports whether an event states enough to be a vote: events
// that state no outcome, tally or position are proposals; a bare tally,
// with no body, outcome, position or sponsor, is too little ("the court
// ruled 6-3"); an earlier vote that the text only says passed or failed
// ("the third time this year that a vote had failed") is background.
func (e *event) isVote() bool {
	if e.outcome == "" && len(e.tally) == 0 && len(e.positions) == 0 {
		return false
	}
	if e.body == "" && e.outcome == "" && len(e.positions) == 0 && len(e.sponsors) == 0 {
		return false
	}
	return !(e.past && len(e.tally) == 0 && len(e.positions) == 0 && len(e.sponsors) == 0)
}

// sentenceEvidence gives the evidence of each sentence the spans fall
// in, once each, in the order of the spans.
func (d *document) sentenceEvidence(spans [][2]int) []Evidence {
	var out []Evidence
	seen := map[int]bool{}
	for _, sp := range spans {
		si := d.sentenceOf(sp[0])
		if si < 0 || seen[si] {
			continue
		}
		seen[si] = true
		out = append(out, d.evidence(sp[0], sp[1]))
	}
	return out
}

// motionText gives a short description of the motion from the sentence
// that first reports the vote: the words from the motion noun on, cut at
// the end of the clause.
func motionText(s string) string {
	l := strings.ToLower(s)
	best := -1
	for _, w := range motionTextNouns {
		if i := strings.Index(l, w); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	rest := s[best:]
	if i := strings.IndexAny(rest, ",;("); i > 0 {
		rest = rest[:i]
	}
	// A full stop ends the clause; the dots of "U.N." do not.
	for from := 0; ; {
		i := strings.Index(rest[from:]+" ", ". ")
		if i < 0 {
			break
		}
		i += from
		word := rest[strings.LastIndex(rest[:i], " ")+1 : i]
		if len(word) > 1 && !strings.Contains(word, ".") {
			rest = rest[:i]
			break
		}
		from = i + 1
	}
	if len(rest) > 160 {
		rest = rest[:160]
	}
	return strings.TrimSpace(rest)
}

// ruleNames lists, by field name, the rules that set the fields of an
// event's fragments, each once; nil when the event was not traced.
func ruleNames(notes []ruleNote) map[string][]string {
	if len(notes) == 0 {
		return nil
	}
	out := map[string][]string{}
	for _, n := range notes {
		for _, fn := range fieldNames {
			if n.field == fn.f && !slices.Contains(out[fn.name], n.rule) {
				out[fn.name] = append(out[fn.name], n.rule)
			}
		}
	}
	return out
}
