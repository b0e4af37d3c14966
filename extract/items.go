package extract

import (
	"sort"
	"strings"

	"github.com/tally-news/tally/extract/actors"
)

// item is one unit of a sentence for the vote and stance readers: a token,
// or a whole actor mention ("the United Arab Emirates", "North Korea") or
// body name ("the UN General Assembly") folded into one.
type item struct {
	text  string
	lw    string // lowercase text, curly apostrophes straightened
	tag   string
	start int // byte offsets in the document
	end   int
	actor string // actor code when the item is an actor mention
	kind  actors.Kind
	body  string // body code when the item names a deciding body
	// tail marks the rest of a compound whose head is an actor: "backed"
	// in "European-backed".
	tail bool
}

func (it item) isActor() bool { return it.actor != "" }

// items folds the sentence's tokens into items, actor mentions and body
// names becoming one item each. The result is shared by the readers,
// which must not change it.
//
// Items take several times the room of the text they cover, so only
// those of the last few sentences asked for are kept (see itemCache):
// the readers read the sentences in text order and look back at most
// two sentences. Items asked for again later are built again from the
// sentence's packed tokens, as they were the first time.
func (d *document) items(si int) []item {
	if its, ok := d.recent.get(si); ok {
		return its
	}
	its := d.buildItems(si)
	d.recent.put(si, its)
	return its
}

// itemWindow is how many sentences' items itemCache keeps: the sentence
// read, the two a reader may look back at, and one to spare.
const itemWindow = 4

// itemCache holds the items of the itemWindow sentences built last.
type itemCache struct {
	si   [itemWindow]int
	its  [itemWindow][]item
	set  [itemWindow]bool
	next int // the slot put fills next
}

func (c *itemCache) get(si int) ([]item, bool) {
	for k := range c.si {
		if c.set[k] && c.si[k] == si {
			return c.its[k], true
		}
	}
	return nil, false
}

func (c *itemCache) put(si int, its []item) {
	c.si[c.next], c.its[c.next], c.set[c.next] = si, its, true
	c.next = (c.next + 1) % itemWindow
}

func (d *document) buildItems(si int) []item {
	toks := d.tokens(si)
	s := d.sents[si]
	ms := d.actorsIn(s.Start, s.End)
	out := make([]item, 0, len(toks))
	mi := 0
	for ti := 0; ti < len(toks); ti++ {
		t := toks[ti]
		for mi < len(ms) && ms[mi].End <= t.Start {
			mi++
		}
		if mi < len(ms) && t.Start >= ms[mi].Start && t.Start < ms[mi].End {
			m := ms[mi]
			// A compound such as "European-backed" or "US-drafted" keeps
			// its tail as a token of its own.
			if t.End > m.End {
				out = append(out, item{text: d.text[m.Start:m.End], lw: lower(d.text[m.Start:m.End]), tag: "NNP", start: m.Start, end: m.End, actor: m.Code, kind: m.Kind})
				tail := d.text[m.End:t.End]
				tail = strings.TrimLeft(tail, "-\u2010\u2011")
				out = append(out, item{text: tail, lw: lower(tail), tag: "VBN", start: t.End - len(tail), end: t.End, tail: true})
				mi++
				continue
			}
			j := ti
			for j+1 < len(toks) && toks[j+1].Start < m.End {
				j++
			}
			out = append(out, item{text: d.text[m.Start:m.End], lw: lower(d.text[m.Start:m.End]), tag: "NNP", start: m.Start, end: m.End, actor: m.Code, kind: m.Kind})
			ti = j
			mi++
			continue
		}
		it := item{text: t.Text, lw: lower(t.Text), tag: t.Tag, start: t.Start, end: t.End}
		if code, ok := d.disc.people[t.Text]; ok && t.Tag == "NNP" {
			// A person introduced with a country's office stands for
			// that country; "Emmanuel Macron" folds into one item.
			if n := len(out); n > 0 && out[n-1].kind == actors.Leader && out[n-1].actor == code && out[n-1].end+1 >= it.start {
				out[n-1].text += " " + it.text
				out[n-1].lw, out[n-1].end = lower(out[n-1].text), it.end
				continue
			}
			it.actor, it.kind = code, actors.Leader
		}
		out = append(out, it)
	}
	return markBodies(out, d.countryBefore(s.Start))
}

// countryBefore returns the country last named before byte offset b, or
// "".
func (d *document) countryBefore(b int) string {
	i := sort.Search(len(d.actors), func(i int) bool { return d.actors[i].Start >= b })
	for i--; i >= 0; i-- {
		if !actors.IsBloc(d.actors[i].Code) {
			return d.actors[i].Code
		}
	}
	return ""
}

// words reports whether the items from i on spell the given lowercase
// words.
func words(its []item, i int, ws ...string) bool {
	if i < 0 || i+len(ws) > len(its) {
		return false
	}
	for k, w := range ws {
		if its[i+k].lw != w {
			return false
		}
	}
	return true
}

// anyWord reports whether its[i] is one of ws.
func anyWord(its []item, i int, ws ...string) bool {
	if i < 0 || i >= len(its) {
		return false
	}
	for _, w := range ws {
		if its[i].lw == w {
			return true
		}
	}
	return false
}

// lowerAt returns the lowercase text of its[i], or "" outside the slice.
func lowerAt(its []item, i int) string {
	if i < 0 || i >= len(its) {
		return ""
	}
	return its[i].lw
}

// lowerTagAt returns the tag of its[i], or "" outside the slice.
func lowerTagAt(its []item, i int) string {
	if i < 0 || i >= len(its) {
		return ""
	}
	return its[i].tag
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

// isYearItem reports whether an item is a bare four-digit year.
func isYearItem(it item) bool {
	v, ok := digitNumber(it.text)
	return ok && len(it.text) == 4 && v >= 1000 && v <= 2199
}
