package extract

import (
	"maps"
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// discourse is what the text has said so far that a later sentence may
// refer back to: the bodies it named (kept by the resolver, so that "the
// Council" after "the Human Rights Council" is that council), the body it
// last spoke of, the actor whose representative last spoke, the people it
// introduced and the last motion it named. It is advanced once per
// sentence, in text order, by says; the vote and the stance readers both
// read the turn it records for each sentence and never change it.
type discourse struct {
	res     *bodyResolver
	context string // the body the text last spoke of
	speaker string // the actor whose representative last spoke
	spokeAt int    // the sentence where speaker was named
	// people maps the names of people the text introduces with a
	// country's office ("Danish Prime Minister Mette Frederiksen") to
	// that country, so that "Frederiksen said" stands for Denmark. Unlike
	// the rest it is read over the whole text before the first sentence
	// (see peopleOf): a name stands for its country in every sentence,
	// even one before the office that introduces it, and a name given
	// for two countries anywhere in the text is dropped as ambiguous
	// everywhere, which only the whole text can tell.
	people map[string]string
	// motion is the last motion named: the class and sponsors of the
	// last sentence that named one (see turn.motion).
	motion motionSaid
	// roles holds, for each office named with its country so far
	// ("Japanese Ambassador", "China's foreign ministry"), the country
	// named with it last, so that a later "the ambassador" stands for
	// that country. The map is replaced, never changed, when a sentence
	// names offices: turns share it (see says).
	roles map[string]string
}

// roleSaid is an office the text named with its country.
type roleSaid struct {
	role string // the office's noun, lowercase: "ambassador"
	code string
}

// turn is what one sentence adds to the discourse, with the state the
// sentence began in.
type turn struct {
	si int
	// before is the speaker as the sentence began, named in sentence
	// beforeSI.
	before   string
	beforeSI int
	// speakers are the actors whose representatives speak in the
	// sentence, by item index in text order.
	speakers []speakerAt
	// parts are the sentence's motions, each a vote of its own (see
	// splitMotions); one part when it names one motion or none.
	parts []part
	// motion is what the sentence says of the motion it names, read
	// over the whole sentence.
	motion motionSaid
	// roles are the offices named with their country before the
	// sentence began, each with the country named with it last
	// (discourse.roles then).
	roles map[string]string
	// lastMotion is the last motion named before the sentence began
	// (discourse.motion then). No reader looks back across sentences for
	// a motion yet: "That text passed" joins the last vote as an event
	// (see pickEvent), not through the discourse.
	lastMotion motionSaid
	// group marks a sentence that names no actor but a group of states
	// named before ("the three countries", see hasGroup), which the
	// stance reader reads.
	group bool
}

// part is one motion's part of a sentence and the bodies it speaks of.
// It holds item indexes, not items, so that the turns of a long text do
// not keep its items (see document.items).
type part struct {
	from int    // index of its first item in the sentence
	to   int    // index past its last item: the next part's from
	body string // the first deciding body the part names as a subject
	// context is the body the text last spoke of once the part is read.
	context string
	// lastCouncil is the council a bare "the Council" meant there.
	lastCouncil string
}

// motionSaid is the motion a sentence names and who drafted it, as far
// as the sentence says: "a resolution, drafted by France, that blamed
// Russia" speaks for France.
type motionSaid struct {
	class    string
	sponsors []string
}

type speakerAt struct {
	i    int
	code string
}

// speakerFor returns the actor speaking at item i of the sentence: the
// last one named before i in the sentence, else the one who spoke in the
// two sentences before.
func (t *turn) speakerFor(i int) string {
	code := ""
	for _, s := range t.speakers {
		if s.i < i {
			code = s.code
		}
	}
	if code != "" {
		return code
	}
	if t.before != "" && t.si-t.beforeSI <= 2 {
		return t.before
	}
	return ""
}

// newDiscourse starts the discourse of a text before its first sentence,
// with the people it introduces read over the whole text.
func (d *document) newDiscourse() *discourse {
	country, country3 := chamberCountryOf(d.text, d.actors)
	return &discourse{
		res:    &bodyResolver{lowerDefault: lowerChamberOf(d.text, country), country: country, country3: country3},
		people: peopleOf(d.text, actors.Leaders(d.text)),
	}
}

// of returns the part's items among its sentence's items.
func (p *part) of(its []item) []item { return its[p.from:p.to] }

// turns returns the turn of every sentence that can change the
// discourse (one that names an actor or speaks of a vote), nil for the
// others. They are read once per document and shared by the readers.
func (d *document) turns() []*turn {
	if len(d.sents) > 0 {
		d.turn(len(d.sents) - 1)
	}
	return d.turnCache
}

// turn returns the turn of sentence si (see turns), advancing the
// discourse to it, so that a reader going through the text in order
// reads each sentence's items while they are at hand.
func (d *document) turn(si int) *turn {
	if d.turnCache == nil {
		d.turnCache = make([]*turn, len(d.sents))
	}
	for ; d.turnsRead <= si; d.turnsRead++ {
		s := d.turnsRead
		if !d.readsSentence(s) {
			continue
		}
		its := d.items(s)
		t := d.disc.says(s, its)
		t.group = len(d.actorsIn(d.sents[s].Start, d.sents[s].End)) == 0 && hasGroup(its)
		d.turnCache[s] = t
	}
	return d.turnCache[si]
}

// says advances the discourse over sentence si and returns its turn.
func (dc *discourse) says(si int, its []item) *turn {
	// The turns share the discourse's roles, each seeing those named
	// before its sentence: a sentence that names offices gets the
	// discourse a new map, so a turn's never changes. The offices are a
	// short fixed list (anaphoricRoles), so a copy costs a bounded
	// time, and a look-up does not grow with the text.
	t := &turn{si: si, before: dc.speaker, beforeSI: dc.spokeAt, lastMotion: dc.motion, roles: dc.roles}
	if said := rolesIn(its); len(said) > 0 {
		roles := maps.Clone(dc.roles)
		if roles == nil {
			roles = make(map[string]string, len(said))
		}
		for _, r := range said {
			roles[r.role] = r.code
		}
		dc.roles = roles
	}
	from := 0
	for _, p := range splitMotions(its) {
		// A speaker named in an earlier part of the sentence speaks in
		// the later ones.
		pt := part{from: from, to: from + len(p), body: dc.bodies(p)}
		pt.context, pt.lastCouncil = dc.context, dc.res.lastCouncil
		for _, s := range speakersIn(p) {
			t.speakers = append(t.speakers, speakerAt{from + s.i, s.code})
			dc.speaker, dc.spokeAt = s.code, si
		}
		t.parts = append(t.parts, pt)
		from += len(p)
	}
	m := readMotionPhrase(its)
	t.motion.class = m.class
	t.motion.sponsors = m.sponsors
	for _, code := range readSponsors(its, t.speakerFor).sponsors {
		if !sharesAny(t.motion.sponsors, []string{code}) {
			t.motion.sponsors = append(t.motion.sponsors, code)
		}
	}
	if t.motion.class != "" {
		dc.motion = t.motion
	}
	return t
}

// bodies resolves the deciding bodies a part of a sentence names, keeping
// the resolver's record of bodies named so far, and returns the first
// one named as a subject; it becomes the body the text speaks of.
func (dc *discourse) bodies(its []item) string {
	first := ""
	for i, it := range its {
		if it.body == "" {
			continue
		}
		// A body named as an object ("members of the Security
		// Council") is not the one "the Council" refers to later.
		if bodyIsObject(its, i) {
			continue
		}
		code := dc.res.resolve(it.body)
		if code == "" {
			continue
		}
		if first == "" {
			first = code
			dc.context = code
		}
	}
	return first
}

// roleFor returns the country of the office last named with one before
// the sentence ("the ambassador" after "Japanese Ambassador Kenji
// Kanasugi"), or "".
func (t *turn) roleFor(role string) string {
	return t.roles[role]
}

// rolesIn finds the offices a sentence names with their country: a
// country's adjective or possessive before the office, through the
// words of its title ("Chinese Vice Foreign Minister", "China's Defence
// Ministry spokesperson": both the ministry and the spokesperson).
func rolesIn(its []item) []roleSaid {
	var out []roleSaid
	for i, it := range its {
		if !it.isActor() || it.body != "" || it.kind == actors.Leader {
			continue
		}
		j := i + 1
		if anyWord(its, j, possessiveMarks...) {
			j++
		} else if it.kind != actors.Demonym {
			continue
		}
		for ; j < len(its) && j <= i+5 && !its[j].isActor(); j++ {
			if anyWord(its, j, anaphoricRoles...) {
				out = append(out, roleSaid{its[j].lw, it.actor})
				continue
			}
			if !(titles[its[j].lw] || portfolios[its[j].lw] || roleNouns[its[j].lw] || strings.HasPrefix(its[j].tag, "NNP")) {
				break
			}
		}
	}
	return out
}

// speakersIn finds the actors whose representatives speak in a sentence,
// by item index: "the representative of Mozambique", "the speaker for the
// Russian Federation", "French President Emmanuel Macron".
func speakersIn(its []item) []speakerAt {
	var out []speakerAt
	for i := 0; i < len(its); i++ {
		// A person named with a country's office: "Emmanuel Macron".
		if its[i].kind == actors.Leader {
			out = append(out, speakerAt{i, its[i].actor})
			continue
		}
		// "French President", "the Russian envoy".
		if its[i].isActor() && its[i].kind == actors.Demonym && i+1 < len(its) && (roleNouns[its[i+1].lw] || titles[its[i+1].lw]) {
			out = append(out, speakerAt{i, its[i].actor})
		}
		if i+2 >= len(its) {
			continue
		}
		// "Russia's deputy representative", "France's ambassador".
		if its[i].isActor() && its[i+1].lw == "'s" {
			for k := i + 2; k < len(its) && k <= i+4; k++ {
				if roleNouns[its[k].lw] || groupNouns[its[k].lw] {
					out = append(out, speakerAt{i, its[i].actor})
					break
				}
			}
		}
		if roleNouns[its[i].lw] || groupNouns[its[i].lw] {
			// "the representative of Mozambique", "Foreign ministers of
			// the G7".
			if its[i+1].lw == "of" || its[i+1].lw == "for" {
				if code := agentAfter(its, i+2); code != "" {
					out = append(out, speakerAt{i, code})
				}
			}
		}
	}
	return out
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
		if anyWord(its, k, intoPrepositions...) || anyWord(its, k, "to") && anyWord(its, k-1, admissionVerbs...) ||
			anyWord(its, k, "of") && anyWord(its, k-1, seatNouns...) && (!voteContext(its) || anyWord(its, k-2, permanence...) ||
				anyWord(its, k-2, electedWords...) && !anyWord(its, k-1, presidencyNouns...)) {
			// "elected a member of the Council" is another body's vote;
			// "re-elected president of the Parliament" is the
			// Parliament's own.
			// "a permanent member of the Security Council" is no vote
			// of the Council.
			return true
		}
		break
	}
	// "accepting the Venezuelan National Assembly's envoy": the
	// country that names a chamber stands between too.
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if its[k].lw == "the" || strings.HasSuffix(its[k].lw, "-member") || its[k].isActor() && its[k].body == "" && k == i-1 {
			continue
		}
		return its[k].tag == "VBG" || its[k].tag == "VB" || its[k].lw == "convening" || its[k].lw == "convene"
	}
	return false
}
