package clean

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"strings"
)

// elem is what the cleaner knows about one element of the page body. The
// elements sit in a slice in document order, so an element's descendants
// are exactly the elements between its index and its end.
type elem struct {
	n      *html.Node
	parent int32
	block  int32 // nearest block-level ancestor, for inline elements
	end    int32
	tag    atom.Atom
	hint   hint

	// Text whose nearest block-level ancestor is this element.
	ownText  int32 // characters, whitespace not counted
	ownLink  int32 // characters inside links
	ownWords int32
	ownPunct int32 // sentence punctuation marks

	// Totals over the subtree.
	text  int32
	link  int32
	prose int32 // characters of prose blocks
	heads int32 // headings made of a link: teasers of other pages
	imgs  int32 // images
	cards int32 // children that are teaser cards: picture, link, a line or two
	parts int32 // children with text

	neg    bool // this element is boilerplate by its own hints
	negIn  bool // this element or an ancestor is boilerplate
	drop   bool // this element is a caption or gallery
	dropIn bool // this element or an ancestor is a caption or gallery
	score  float32
}

// page is the element table of one page body.
type page struct {
	elems     []elem
	summed    bool    // totals filled in
	passwords []int32 // elements holding a password field
}

// skippedTags never hold article text.
func skippedTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg,
		atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas,
		atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Option,
		atom.Datalist, atom.Head, atom.Link, atom.Meta, atom.Audio,
		atom.Video, atom.Map, atom.Title, atom.Base, atom.Source, atom.Track,
		atom.Frameset, atom.Frame, atom.Noframes, atom.Param:
		return true
	}
	return false
}

// blockTag reports whether a tag starts a new block of text.
func blockTag(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body,
		atom.Center, atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div,
		atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Li,
		atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Thead,
		atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Ul,
		atom.Legend, atom.Br, atom.Noscript:
		return true
	}
	return false
}

func headingTag(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// textStats counts the characters (not counting whitespace), words and
// sentence punctuation of s.
func textStats(s string) (chars, words, punct int32) {
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			inWord = false
			continue
		case c >= 0x80 && c < 0xC0:
			continue // continuation byte
		case c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?':
			punct++
		}
		chars++
		if !inWord {
			words++
			inWord = true
		}
	}
	return
}

// frame is one open element during a walk.
type frame struct {
	idx   int32
	block int32
	link  bool
}

// buildPage walks the tree under root in document order and fills the
// element table. It uses an explicit stack, so deep nesting costs memory
// in proportion to depth and no recursion.
func buildPage(root *html.Node) *page {
	p := &page{elems: make([]elem, 0, 512)}
	cache := make(nameCache, 128)
	p.elems = append(p.elems, elem{n: root, parent: -1, tag: root.DataAtom, hint: classify(root, cache)})
	stack := []frame{{idx: 0, block: 0}}
	n := root.FirstChild
	for n != nil {
		top := &stack[len(stack)-1]
		switch n.Type {
		case html.TextNode:
			chars, words, punct := textStats(n.Data)
			if chars > 0 {
				b := &p.elems[top.block]
				b.ownText += chars
				b.ownWords += words
				b.ownPunct += punct
				if top.link {
					b.ownLink += chars
				}
			}
		case html.ElementNode:
			if skippedTag(n.DataAtom) {
				if n.DataAtom == atom.Input {
					switch typ := attr(n, "type"); {
					case strings.EqualFold(typ, "password"):
						p.passwords = append(p.passwords, top.idx)
					case emailField(n, typ):
						p.markSignup(stack)
					}
				}
				break
			}
			idx := int32(len(p.elems))
			p.elems = append(p.elems, elem{n: n, parent: top.idx, block: top.block, tag: n.DataAtom, hint: classify(n, cache)})
			if n.FirstChild != nil {
				f := frame{idx: idx, block: top.block, link: top.link || isLink(n)}
				if blockTag(n.DataAtom) {
					f.block = idx
				}
				stack = append(stack, f)
				n = n.FirstChild
				continue
			}
			p.elems[idx].end = idx + 1
		}
		// Move to the next node in document order, closing the elements
		// left behind.
		for n.NextSibling == nil {
			n = n.Parent
			if n == root || n == nil {
				n = nil
				break
			}
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			p.elems[f.idx].end = int32(len(p.elems))
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p.elems[f.idx].end = int32(len(p.elems))
	}
	return p
}

// emailField reports whether an input element asks for an e-mail address.
func emailField(n *html.Node, typ string) bool {
	if strings.EqualFold(typ, "email") {
		return true
	}
	if typ != "" && !strings.EqualFold(typ, "text") {
		return false
	}
	return containsFold(attr(n, "name"), "mail") || containsFold(attr(n, "placeholder"), "mail")
}

// markSignup marks the innermost form around an e-mail field as
// boilerplate: a newsletter sign-up or a contact box. The guards on strong
// names keep a form that wraps the whole page.
func (p *page) markSignup(stack []frame) {
	for k := len(stack) - 1; k >= 0; k-- {
		if e := &p.elems[stack[k].idx]; e.tag == atom.Form {
			e.hint |= hintStrongNeg
			return
		}
	}
}

// isLink reports whether n is a link: an <a> with an href, or one that
// scripts make a link. A named anchor (<a name> or <a id> without href,
// often left unclosed on older pages) only marks a place and holds no
// link.
func isLink(n *html.Node) bool {
	if n.DataAtom != atom.A {
		return false
	}
	if _, ok := attrOK(n, "href"); ok {
		return true
	}
	_, named := attrOK(n, "name")
	_, id := attrOK(n, "id")
	return !named && !id
}

// isProse reports whether the element's own text reads like running text
// rather than a label, a link or a menu entry.
func (e *elem) isProse() bool {
	plain := e.ownText - e.ownLink
	if plain <= 0 || e.ownLink*2 > e.ownText {
		return false
	}
	return plain >= 80 || (e.ownWords >= 8 && e.ownPunct >= 1 && plain >= 40)
}

// contribution is what the element's own text adds to the score of each
// container holding it: prose counts for, boilerplate and links against.
func (e *elem) contribution() float32 {
	l := float32(e.ownText)
	if l == 0 {
		return 0
	}
	k := float32(e.ownLink)
	switch {
	case e.negIn:
		return -l
	case e.dropIn:
		return 0
	case 2*k > l:
		return -l
	case e.isProse():
		return l - 2*k
	default:
		return -0.3 * l
	}
}

// score fills the totals, decides which elements are boilerplate and
// scores every element as a candidate container of the article. At
// strictness 2 all names count; at 1 weak names (header, meta, widget) are
// ignored; at 0 only comment threads, consent boxes and hidden elements
// are boilerplate by name.
func (p *page) score(strictness int) {
	el := p.elems
	if !p.summed {
		for i := len(el) - 1; i >= 0; i-- {
			e := &el[i]
			e.text += e.ownText
			e.link += e.ownLink
			if e.isProse() {
				e.prose += e.ownText - e.ownLink
			}
			if headingTag(e.tag) && e.text > 0 && 2*e.link > e.text {
				e.heads++
			}
			if e.tag == atom.Img || e.tag == atom.Picture {
				e.imgs++
			}
			if e.parent >= 0 {
				q := &el[e.parent]
				q.text += e.text
				q.link += e.link
				q.prose += e.prose
				q.heads += e.heads
				q.imgs += e.imgs
				if e.text > 0 {
					q.parts++
					if e.imgs > 0 && e.link > 0 && e.text < cardText {
						q.cards++
					}
				}
			}
		}
		p.summed = true
	}
	total := el[0].prose
	var captionProse int32
	for i := range el {
		e := &el[i]
		e.neg = boilerplate(e, total, strictness) && !p.inProse(e)
		e.negIn = e.neg || (e.parent >= 0 && el[e.parent].negIn)
		e.drop = strictness >= 1 && e.hint&hintCaption != 0 && !headingTag(e.tag) && e.prose*2 <= total && !p.inProse(e)
		outer := e.parent < 0 || !el[e.parent].dropIn
		e.dropIn = e.drop || !outer
		if e.drop && outer && !e.negIn {
			captionProse += e.prose
		}
		e.score = 0
	}
	// When the captions hold most of the prose, the page is a gallery
	// told in its captions: they are the text.
	if 2*captionProse > total {
		for i := range el {
			el[i].drop, el[i].dropIn = false, false
		}
	}
	for i := len(el) - 1; i >= 0; i-- {
		e := &el[i]
		e.score += e.contribution()
		if e.parent >= 0 {
			el[e.parent].score += e.score
		}
	}
}

// cardText is the most text of a teaser card: a headline and a line or
// two of summary.
const cardText = 300

// inProse reports whether e is an inline element inside a paragraph of
// prose: a link or emphasis there belongs to its sentence whatever its
// name says.
func (p *page) inProse(e *elem) bool {
	if blockTag(e.tag) || e.hint&hintHidden != 0 {
		return false
	}
	return p.elems[e.block].isProse()
}

// boilerplate decides from an element's hints whether it is boilerplate.
// Names are only a hint: an element holding most of the page's prose is
// kept, unless it is named as a comment thread or consent box.
func boilerplate(e *elem, totalProse int32, strictness int) bool {
	switch e.tag {
	case atom.Body, atom.Html:
		return false
	}
	h := e.hint
	if headingTag(e.tag) {
		// Headings carry anchors made from their words in their ids.
		h &= hintHidden
	}
	if h&hintArticleBody != 0 {
		return false
	}
	if h&hintHardNeg != 0 {
		return true
	}
	if strictness >= 1 && h&hintStrongNeg != 0 && e.prose*strongGuard <= totalProse {
		return true
	}
	neg := h&hintHidden != 0 ||
		strictness >= 2 && h&hintWeakNeg != 0 && h&hintPos == 0
	if !neg {
		return false
	}
	return totalProse == 0 || e.prose*weakGuard <= totalProse
}

// best returns the index of the element that holds the article: the one
// whose subtree gathers the most prose for the least boilerplate.
func (p *page) best() int {
	best, bestScore := 0, float32(-1e30)
	for i := len(p.elems) - 1; i >= 0; i-- {
		e := &p.elems[i]
		s := e.score
		if e.hint&hintArticleBody != 0 && s > 0 {
			s *= 1.1
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	// Widen to ancestors that lose little: they add the headings, lists
	// and short lines that belong with the prose (recipes, fact boxes).
	top := &p.elems[best]
	widest := best
	for par := top.parent; par >= 0 && bestScore > 0; par = p.elems[par].parent {
		q := &p.elems[par]
		added := float32(q.text - top.text)
		addedLinks := float32(q.link - top.link)
		loss := top.score - q.score
		if q.score >= expandRatio*bestScore && loss <= expandLoss*added && addedLinks <= expandLinks*added {
			widest = int(par)
		}
	}
	return widest
}

// Guards on names: an element named as boilerplate is kept when it holds
// more than 1/strongGuard (strong names) or 1/weakGuard (weak names) of
// the page's prose, since such names also turn up on page wrappers
// ("layout-with-sidebar", "has-header").
const (
	strongGuard = 4
	weakGuard   = 2
)

// Widening the container: an ancestor replaces it when its score is at
// least expandRatio of the best, each added character costs at most
// expandLoss of score (short lines cost 0.3, boilerplate 1), and at most
// expandLinks of the added text is links.
const (
	expandRatio = 0.6
	expandLoss  = 0.6
	expandLinks = 0.3
)

// listing reports whether the container at best lists other pages rather
// than holding an article: several headings that are links, with little
// prose under each.
func (p *page) listing(best int32) bool {
	el := p.elems
	heads := int32(0)
	for i := best; i < el[best].end; i++ {
		e := &el[i]
		if headingTag(e.tag) && e.text > 0 && 2*e.link > e.text && !e.negIn {
			heads++
		}
	}
	return heads >= 4 && el[best].prose < heads*listingProse && 4*el[best].link > el[best].text
}

// login reports whether the container at best has little prose and a
// password field close by (within three levels up): a login or
// registration page.
func (p *page) login(best int32) bool {
	if len(p.passwords) == 0 || p.elems[best].prose >= loginProse {
		return false
	}
	scope := best
	for k := 0; k < 3 && p.elems[scope].parent >= 0; k++ {
		scope = p.elems[scope].parent
	}
	for _, i := range p.passwords {
		// Login boxes of article pages sit in pop-ups and hidden panels.
		if i >= scope && i < p.elems[scope].end && !p.elems[i].negIn && !p.elems[i].dropIn {
			return true
		}
	}
	return false
}

// loginProse is the least prose a container with a password field needs
// to count as an article.
const loginProse = 600

// listingProse is the most prose per linked heading that a listing of
// teasers holds; an article with a few linked headings has far more.
const listingProse = 300
