package extract

import (
	"context"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tally-news/tally/extract/actors"
	"github.com/tally-news/tally/extract/nlp"
)

// Version names the extractors' rules; records carry it so a corpus can
// tell which records to recompute after the rules change. It cannot lag
// behind the rules: extract/testdata/VERSION records a hash of the golden
// records this version makes, and TestVersion fails when they change
// under the same version.
const Version = "tally-extract/15"

// Extractor finds countries, counts, votes and stances in article text. It
// holds only read-only state and is safe for concurrent use; build it once
// with New and share it.
type Extractor struct {
	model *nlp.Model
}

// New returns an Extractor on the process-wide part-of-speech model, which
// is loaded the first time it is needed.
func New() *Extractor {
	return &Extractor{model: nlp.Load()}
}

// Extract reads one article's text and returns its record. doc names the
// record. Extract never fails on text; ctx only bounds the work on very
// long inputs.
func (x *Extractor) Extract(ctx context.Context, doc, text string) Record {
	return x.extract(ctx, newDocument(x.model, text), doc)
}

func (x *Extractor) extract(ctx context.Context, d *document, doc string) Record {
	rec := Record{Doc: doc, Extractor: Version}
	rec.Countries, rec.Mentions = d.countries()
	if ctx.Err() != nil {
		return finish(rec)
	}
	rec.Counts = d.counts()
	if ctx.Err() != nil {
		return finish(rec)
	}
	rec.Votes = d.votes()
	d.releaseVoteOnly()
	rec.Stances = d.stances(vetoers(rec.Votes))
	return finish(rec)
}

// Explain is Extract with the name of the rule behind every vote field
// (Vote.Rules) and every stance (Stance.Rule), for a reader checking why
// a fact was found. It is slower than Extract; records stored for use
// come from Extract.
func (x *Extractor) Explain(ctx context.Context, doc, text string) Record {
	d := newDocument(x.model, text)
	d.trace = true
	return x.extract(ctx, d, doc)
}

// finish makes empty lists explicit so records always have the shape of a
// gold file.
func finish(r Record) Record {
	if r.Countries == nil {
		r.Countries = []string{}
	}
	if r.Counts == nil {
		r.Counts = []Count{}
	}
	if r.Votes == nil {
		r.Votes = []Vote{}
	}
	if r.Stances == nil {
		r.Stances = []Stance{}
	}
	return r
}

// document is one text being read: its sentences, their tokens (tagged on
// first use and kept packed) and the actors recognised in it.
type document struct {
	model *nlp.Model
	text  string
	sents []nlp.Sentence
	// packed holds the tokens of each sentence tagged and not yet
	// released, packed (see packedToken) with their tags in tags;
	// tagged holds them instead for a sentence whose tokens cannot be
	// packed. timesTagged counts how often each was tagged (once at
	// most, when the readers release tokens only after their last use).
	packed      [][]packedToken
	tags        tagTable
	tagged      [][]nlp.Token
	timesTagged []uint8
	// withheld, when not nil, names the sentences whose tokens are given
	// no tags, for the tests that find which tags the records need.
	withheld []bool
	// skipped, when not nil, names the sentences no reader reads, as if
	// the pre-checks had ruled them out, for the tests that find which
	// sentences the records need read.
	skipped []bool
	actors  []actors.Mention
	// recent holds the items of the sentences read last (see items).
	recent itemCache
	// trace asks the readers to record which rule made each fact, for
	// --explain and the rule tests; breaches lists the rules that set a
	// field they do not declare.
	trace    bool
	breaches []string
	// readAll turns the cheap pre-checks off, so that the tests can
	// show the pre-checks change no record.
	readAll bool
	// votePrecheck and readPrecheck hold the answers of the cheap
	// pre-checks mentionsVote and readsSentence for each sentence, which
	// several readers ask: 0 not yet asked, then precheckNo or
	// precheckYes.
	votePrecheck []uint8
	readPrecheck []uint8
	// turnCache holds what each sentence adds to the discourse, once
	// read (see turns); the first turnsRead sentences are read.
	turnCache []*turn
	turnsRead int
	// otherYear records how far otherYearBefore has looked, and the
	// first sentence it found, or -1.
	otherYear otherYearScan
	// disc is the discourse of the text, advanced sentence by sentence
	// when the turns are first read; the people it introduces are known
	// from the start (see discourse.people).
	disc *discourse
	// runesBefore holds the number of characters before every
	// charBlock-th byte, for chars; nil when the text is ASCII and bytes
	// and characters agree.
	runesBefore []int
}

func newDocument(m *nlp.Model, text string) *document {
	d := &document{model: m, text: text}
	d.sents = nlp.Sentences(text)
	d.packed = make([][]packedToken, len(d.sents))
	d.tagged = make([][]nlp.Token, len(d.sents))
	d.otherYear.found = -1
	d.timesTagged = make([]uint8, len(d.sents))
	d.votePrecheck = make([]uint8, len(d.sents))
	d.readPrecheck = make([]uint8, len(d.sents))
	d.actors = actors.Find(text)
	d.disc = d.newDiscourse()
	if !isASCII(text) {
		d.runesBefore = make([]int, 0, len(text)/charBlock+1)
		n := 0
		for i := 0; i < len(text); i++ {
			if i%charBlock == 0 {
				d.runesBefore = append(d.runesBefore, n)
			}
			if utf8.RuneStart(text[i]) {
				n++
			}
		}
	}
	return d
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tokens returns the tagged tokens of sentence i, tagging it on first use
// and keeping them packed until released. The caller must not change
// them.
func (d *document) tokens(i int) []nlp.Token {
	if d.packed[i] != nil {
		return d.unpack(d.packed[i])
	}
	if d.tagged[i] != nil {
		return d.tagged[i]
	}
	toks := d.model.Tag(d.sents[i])
	d.timesTagged[i] = min(d.timesTagged[i]+1, 255)
	if d.withheld != nil && d.withheld[i] {
		for k := range toks {
			toks[k].Tag = ""
		}
	}
	if p := d.pack(toks); p != nil {
		d.packed[i] = p
	} else {
		d.tagged[i] = toks
	}
	return toks
}

// release lets the tokens of sentence i go once no reader needs them,
// so that a long text does not keep every token to its end.
func (d *document) release(i int) {
	d.packed[i] = nil
	d.tagged[i] = nil
}

// charBlock is the stride of document.runesBefore in bytes: chars counts
// at most this many bytes, and the index costs a word per stride.
const charBlock = 64

// releaseVoteOnly lets the tokens and turns of the sentences that name no
// actor go once the votes are read: the stance reader reads only the
// others, and those that name a group of states named before (see
// turn.group).
func (d *document) releaseVoteOnly() {
	for si, s := range d.sents {
		if t := d.turnCache; t != nil && t[si] != nil && len(d.actorsIn(s.Start, s.End)) == 0 && !t[si].group {
			d.release(si)
			t[si] = nil
		}
	}
}

// chars converts a byte offset into a character offset.
func (d *document) chars(b int) int {
	if d.runesBefore == nil {
		return b
	}
	k := b / charBlock
	if k >= len(d.runesBefore) {
		k = len(d.runesBefore) - 1
	}
	n := d.runesBefore[k]
	for i := k * charBlock; i < b; i++ {
		if utf8.RuneStart(d.text[i]) {
			n++
		}
	}
	// A byte inside a character counts as that character.
	if b < len(d.text) && !utf8.RuneStart(d.text[b]) {
		n--
	}
	return n
}

// sentenceOf returns the index of the sentence holding byte offset b, or -1.
func (d *document) sentenceOf(b int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].End > b })
	if i < len(d.sents) && d.sents[i].Start <= b {
		return i
	}
	return -1
}

// evidence builds the evidence for the text between byte offsets start and
// end.
func (d *document) evidence(start, end int) Evidence {
	ev := Evidence{Start: d.chars(start), End: d.chars(end)}
	if i := d.sentenceOf(start); i >= 0 {
		s := d.sents[i]
		ev.SentenceStart, ev.SentenceEnd = d.chars(s.Start), d.chars(s.End)
	}
	return ev
}

// actorsIn returns the actor mentions between byte offsets start and end.
func (d *document) actorsIn(start, end int) []actors.Mention {
	i := sort.Search(len(d.actors), func(i int) bool { return d.actors[i].Start >= start })
	j := i
	for j < len(d.actors) && d.actors[j].End <= end {
		j++
	}
	return d.actors[i:j]
}

// countries returns the sorted set of countries the text refers to and the
// mentions of every actor.
func (d *document) countries() ([]string, []Mention) {
	seen := map[string]bool{}
	var codes []string
	mentions := make([]Mention, 0, len(d.actors))
	for _, m := range d.actors {
		mentions = append(mentions, Mention{Code: m.Code, Evidence: d.evidence(m.Start, m.End)})
		if actors.IsBloc(m.Code) || seen[m.Code] {
			continue
		}
		seen[m.Code] = true
		codes = append(codes, m.Code)
	}
	sort.Strings(codes)
	return codes, mentions
}

// lower returns the lowercase form of a token's text with curly
// apostrophes straightened.
func lower(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
}
