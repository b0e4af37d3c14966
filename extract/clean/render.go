package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// line is one paragraph of output: the text of one block.
type line struct {
	text    string
	block   int32 // element index of the block the text belongs to
	heading bool
	prose   bool // the block is prose
	own     bool // the line, judged on its own, is prose
	chars   int  // characters of the line
	links   int  // characters inside links
}

// lineWriter gathers inline text into lines, collapsing whitespace.
type lineWriter struct {
	buf    strings.Builder
	space  bool // a space is due before the next character
	block  int32
	lines  []line
	elems  []elem
	inLink int // depth of open links
	chars  int
	links  int
}

func (w *lineWriter) text(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
				w.space = true
				continue
			}
			w.flushSpace()
			w.buf.WriteByte(c)
			w.count()
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\u200b' || r == '\ufeff':
			continue
		case unicode.IsSpace(r):
			w.space = true
			continue
		}
		w.flushSpace()
		w.buf.WriteRune(r)
		w.count()
	}
}

func (w *lineWriter) count() {
	w.chars++
	if w.inLink > 0 {
		w.links++
	}
}

func (w *lineWriter) flushSpace() {
	if w.space && w.buf.Len() > 0 {
		w.buf.WriteByte(' ')
	}
	w.space = false
}

// breakLine ends the current line; the next text belongs to block.
func (w *lineWriter) breakLine(block int32) {
	if w.buf.Len() > 0 {
		e := &w.elems[w.block]
		text := w.buf.String()
		prose := e.isProse()
		own := prose
		if prose && int32(w.chars) < e.ownText/2 {
			// A block split into lines by <br>: each line is judged
			// on its own.
			own = lineProse(text, w.links)
		}
		w.lines = append(w.lines, line{
			text:    text,
			block:   w.block,
			heading: headingTag(e.tag),
			prose:   prose,
			own:     own,
			chars:   w.chars,
			links:   w.links,
		})
		w.buf.Reset()
	}
	w.chars, w.links = 0, 0
	w.space = false
	w.block = block
}

// render writes the text of element root and its descendants as lines,
// leaving out the elements that skip says to leave out.
func (p *page) render(root int32, skip func(i int32) bool) []line {
	el := p.elems
	w := &lineWriter{block: root, elems: el}
	type open struct {
		idx, block int32
	}
	stack := []open{{idx: root, block: root}}
	rootNode := el[root].n
	n := rootNode.FirstChild
	next := root + 1
	for n != nil {
		top := stack[len(stack)-1]
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
		case html.ElementNode:
			if skippedTag(n.DataAtom) {
				w.space = true
				break
			}
			idx := next
			next++
			if n.DataAtom == atom.Br {
				w.breakLine(top.block)
				break
			}
			if skip(idx) {
				next = el[idx].end
				if blockTag(n.DataAtom) {
					w.breakLine(top.block)
				} else {
					w.space = true
				}
				break
			}
			if n.FirstChild == nil {
				break
			}
			blk := top.block
			if blockTag(n.DataAtom) {
				blk = idx
				w.breakLine(idx)
			}
			if isLink(n) {
				w.inLink++
			}
			stack = append(stack, open{idx: idx, block: blk})
			n = n.FirstChild
			continue
		}
		for n.NextSibling == nil {
			n = n.Parent
			if n == rootNode || n == nil {
				n = nil
				break
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if isLink(el[o.idx].n) {
				w.inLink--
			}
			if o.block == o.idx {
				w.breakLine(stack[len(stack)-1].block)
			}
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	w.breakLine(root)
	return w.lines
}

// lineProse is elem.isProse for one line of text with links characters
// inside links.
func lineProse(text string, links int) bool {
	chars, words, punct := textStats(text)
	e := elem{ownText: chars, ownLink: int32(links), ownWords: words, ownPunct: punct}
	return e.isProse()
}
