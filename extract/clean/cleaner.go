package clean

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNotHTML is returned for input that is not an HTML page: empty,
// binary, or text without any markup.
var ErrNotHTML = errors.New("not an HTML page")

// Config tunes a Cleaner. The zero value is not useful; start from
// DefaultConfig.
type Config struct {
	// MaxBytes is the most of a page that is read; anything beyond is
	// ignored, as if the page ended there. Zero or less means no limit.
	MaxBytes int64
	// MinTextLength is the shortest main text, in characters, that counts
	// as an article. A page with less gets an empty Text and a Reason.
	MinTextLength int
	// BlankLines separates paragraphs of Text by an empty line instead of
	// a single newline.
	BlankLines bool
}

// DefaultConfig returns the configuration the cleaner is tuned for.
func DefaultConfig() Config {
	return Config{
		MaxBytes:      32 << 20,
		MinTextLength: 100,
	}
}

// Cleaner turns HTML pages into articles. It holds no per-page state and is
// safe for concurrent use.
type Cleaner struct {
	cfg Config
}

// New returns a Cleaner with the given configuration.
func New(cfg Config) *Cleaner {
	return &Cleaner{cfg: cfg}
}

var defaultCleaner = New(DefaultConfig())

// Clean reads one HTML page and returns its article, using DefaultConfig.
func Clean(r io.Reader, pageURL string) (Article, error) {
	return defaultCleaner.Clean(r, pageURL, "")
}

// Clean reads one HTML page and returns its article. pageURL is where the
// page came from (used to resolve links and read dates); contentType is
// the HTTP Content-Type header, or "", and gives the charset if it names
// one. A page without an article gives an Article with an empty Text and a
// Reason, not an error; errors are for input that cannot be read or is not
// HTML (ErrNotHTML).
func (c *Cleaner) Clean(r io.Reader, pageURL string, contentType string) (Article, error) {
	if c.cfg.MaxBytes > 0 {
		r = io.LimitReader(r, c.cfg.MaxBytes)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return Article{URL: pageURL}, fmt.Errorf("read page: %w", err)
	}
	return c.CleanBytes(data, pageURL, contentType)
}

// CleanBytes is Clean for a page already in memory.
func (c *Cleaner) CleanBytes(data []byte, pageURL string, contentType string) (Article, error) {
	art := Article{URL: strings.TrimSpace(pageURL)}
	if c.cfg.MaxBytes > 0 && int64(len(data)) > c.cfg.MaxBytes {
		data = data[:c.cfg.MaxBytes]
	}
	text, _ := decode(data, contentType)
	if err := checkHTML(text, contentType); err != nil {
		return art, err
	}
	root, err := parseHTML(text)
	if err != nil {
		return art, fmt.Errorf("parse page: %w", err)
	}
	doc := goquery.NewDocumentFromNode(root)
	meta := readMeta(doc, &art)
	body := findBody(doc.Nodes[0])
	if body == nil {
		art.Reason = "page has no body"
		completeMeta(meta, nil, -1, &art)
		return art, nil
	}
	p := buildPage(body)
	best := c.extract(p, &art, meta)
	completeMeta(meta, p, best, &art)
	return art, nil
}

// checkHTML rejects input that is clearly not an HTML page.
func checkHTML(text, contentType string) error {
	ct := strings.ToLower(contentType)
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	ct = strings.TrimSpace(ct)
	switch {
	case ct == "", ct == "text/html", ct == "application/xhtml+xml",
		ct == "text/plain", ct == "application/octet-stream", ct == "application/xml", ct == "text/xml":
	default:
		return fmt.Errorf("%w: content type %s", ErrNotHTML, ct)
	}
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%w: empty input", ErrNotHTML)
	}
	head := text
	if len(head) > 1024 {
		head = head[:1024]
	}
	if strings.IndexByte(head, 0) >= 0 {
		return fmt.Errorf("%w: binary data", ErrNotHTML)
	}
	scan := text
	if len(scan) > 64<<10 {
		scan = scan[:64<<10]
	}
	for i := 0; i+1 < len(scan); i++ {
		if scan[i] != '<' {
			continue
		}
		c := scan[i+1]
		if c == '!' || c == '?' || c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return nil
		}
	}
	return fmt.Errorf("%w: no markup", ErrNotHTML)
}

// findBody returns the <body> element under the document node, or the
// root element when there is none.
func findBody(doc *html.Node) *html.Node {
	var root *html.Node
	for n := doc.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode {
			root = n
			break
		}
	}
	if root == nil {
		return nil
	}
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return n
		}
	}
	return root
}

// extract finds the article container of p and writes its text to art.
// It returns the index of the container, or -1.
func (c *Cleaner) extract(p *page, art *Article, meta *pageMeta) int32 {
	el := p.elems
	var best int32
	// Names of elements are trusted less and less until a container of
	// prose turns up.
	for strictness := 2; strictness >= 0; strictness-- {
		p.score(strictness)
		best = int32(p.best())
		if el[best].prose > 0 && el[best].score > 0 {
			break
		}
	}
	var lines []line
	switch {
	case el[0].text == 0:
		art.Reason = "page has no text"
	case el[best].score <= 0 || el[best].prose == 0:
		art.Reason = "no block of running text found"
	case p.login(best):
		art.Reason = "login page: a password form with little text"
	case p.listing(best):
		art.Reason = "index page: headlines linking to other pages, not an article"
	default:
		root, parts := p.siblings(best)
		prose := el[best].prose
		for _, k := range parts {
			prose += el[k].prose
		}
		lines = p.render(root, func(i int32) bool {
			e := &el[i]
			if e.neg || e.drop {
				return true
			}
			if root != best && e.parent == root && !slices.Contains(parts, i) && i != best {
				return true
			}
			return linkBox(e) || i != best && (teaserBox(e, prose) || nestedTeaser(e))
		})
		lines = trimLines(lines, el, art.Title)
		if lead := p.lead(best, art.Description, lines); lead != nil {
			lines = append(lead, lines...)
		} else if lead := p.titleLead(best, lines); lead != nil {
			lines = append(lead, lines...)
		}
	}
	sep := "\n"
	if c.cfg.BlankLines {
		sep = "\n\n"
	}
	var b strings.Builder
	n := 0
	for i, l := range lines {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(l.text)
		n += utf8.RuneCountInString(l.text)
	}
	// Pages that build their text with scripts often carry it whole in
	// JSON-LD; prefer that when the markup gave much less.
	if body := meta.articleBody; body != "" && utf8.RuneCountInString(body) > 2*n+200 {
		text := strings.Join(ldBodyParagraphs(body), sep)
		if utf8.RuneCountInString(text) >= c.cfg.MinTextLength {
			art.Text, art.Reason = text, ""
			return best
		}
	}
	if art.Reason != "" {
		return best
	}
	if n < c.cfg.MinTextLength {
		art.Reason = fmt.Sprintf("main text too short (%d characters)", n)
		return best
	}
	// A page that declares itself a website rather than an article and
	// yields no more than a teaser's worth of text is a front or section
	// page.
	if n < websiteTeaser && !meta.ld.isArticle && strings.EqualFold(meta.tags["og:type"], "website") {
		art.Reason = fmt.Sprintf("index page: marked as a website, not an article, with only %d characters of text", n)
		return best
	}
	art.Text = b.String()
	return best
}

// siblings finds the parts of an article split by a box between them:
// elements next to the container, or next to its parent, made like it
// (same tag and class) that are prose as well (a positive score, at least
// siblingProse characters of prose, few links, no <h1> of another
// article). It returns the element holding
// them all and the parts besides the container, or the container and nil.
func (p *page) siblings(best int32) (int32, []int32) {
	el := p.elems
	cur := best
	for level := 0; level < 2; level++ {
		par := el[cur].parent
		if par < 0 {
			break
		}
		var parts []int32
		class := attr(el[cur].n, "class")
		for i := par + 1; i < el[par].end; i = el[i].end {
			e := &el[i]
			if i == cur || e.tag != el[cur].tag || attr(e.n, "class") != class {
				continue // not a part made like the container
			}
			if e.score <= 0 || e.prose < siblingProse || e.negIn || e.dropIn || 4*e.link > e.text {
				continue
			}
			if p.hasTag(i, atom.H1) {
				continue
			}
			parts = append(parts, i)
		}
		if parts != nil {
			return par, append(parts, cur)
		}
		cur = par
	}
	return best, nil
}

// siblingProse is the least prose of a part of an article beside its
// container.
const siblingProse = 100

// hasTag reports whether element i or one of its descendants has tag a.
func (p *page) hasTag(i int32, a atom.Atom) bool {
	for k := i; k < p.elems[i].end; k++ {
		if p.elems[k].tag == a {
			return true
		}
	}
	return false
}

// websiteTeaser is the most text a page marked og:type=website may yield
// and still be taken for a front or section page rather than an article.
const websiteTeaser = 400

// linkBox reports whether a block is mostly links: a menu, a list of
// related pages, a "read more" line. A paragraph whose sentence runs on
// into a link keeps its own words and stays.
func linkBox(e *elem) bool {
	if e.text == 0 || 2*e.link <= e.text || !blockTag(e.tag) {
		return false
	}
	if e.tag == atom.P && e.text-e.link >= 30 && 10*e.link < 9*e.text {
		return false
	}
	return true
}

// teaserBox reports whether a block inside the article container lists
// other pages, holding less than half of the container's prose ("More
// stories", "Related"): at least teaserHeads headings that are links, each
// with no more than a summary's worth of prose, or at least teaserHeads
// children, and most of them, that are cards with a picture and a link.
func teaserBox(e *elem, containerProse int32) bool {
	if 2*e.prose >= containerProse {
		return false
	}
	if e.heads >= teaserHeads && e.prose < e.heads*teaserProse {
		return true
	}
	// A row of cards, each a picture with a link and a line or two; the
	// rows of a table are data.
	switch e.tag {
	case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr:
		return false
	}
	return e.cards >= teaserHeads && 2*e.cards >= e.parts
}

// nestedTeaser reports whether an element inside the article container
// is an <article> of its own with little prose, a quarter or more of its
// text in links: an article nested in another is a related item or a
// comment (as HTML defines it), and a short, linked one is a teaser.
func nestedTeaser(e *elem) bool {
	return e.tag == atom.Article && 4*e.link >= e.text && e.prose < nestedTeaserProse
}

// nestedTeaserProse is the least prose of an <article> inside the
// container that is taken for part of the text.
const nestedTeaserProse = 500

// A teaser box has at least teaserHeads linked headings and less than
// teaserProse characters of prose for each.
const (
	teaserHeads = 3
	teaserProse = 250
)

// trimLines drops what surrounds the article text proper: short lines
// that are not prose before the first and after the last paragraph
// (datelines, bylines, buttons, share prompts, source lines), headings
// that head nothing (the boxes they titled were dropped), and headings that
// repeat the page title.
func trimLines(lines []line, el []elem, title string) []line {
	short := func(l line) bool {
		if l.prose {
			return false
		}
		// Lines of a table or list are short; a cell that holds
		// paragraphs of prose is only the layout of the page.
		if cellTag(el[l.block].tag) && el[l.block].prose < layoutCellProse {
			return false
		}
		if l.heading {
			return true
		}
		if len(l.text) >= 80 {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(l.text)
		return !strings.ContainsRune(".!?\"“”»«", r)
	}
	title = normTitle(title)
	isTitle := func(l line) bool {
		if !l.heading || title == "" {
			return false
		}
		h := normTitle(l.text)
		return strings.Contains(title, h) && len(h) > len(title)/3 ||
			len(title) >= 15 && strings.Contains(h, title) && len(h) < 2*len(title)
	}
	top := func(l line) bool {
		return isTitle(l) || short(l) && !l.heading || datelineLine(l.text)
	}
	// Lines of a block split by <br> are judged one by one at the top,
	// for a title, byline and date: no more than headLines of them, or
	// they are verses or a list.
	topOwn := func(l line) bool {
		l.prose = l.own
		return top(l)
	}
	k := 0
	for k < len(lines) && topOwn(lines[k]) {
		k++
	}
	if k > headLines || k == len(lines) {
		for k = 0; k < len(lines) && top(lines[k]); k++ {
		}
	}
	lines = lines[k:]
	// Calls and notices close the text; so do short lines, but only
	// before the boxes inside it are dropped, since what the boxes hid
	// may be a table or list of the article.
	trimTail := func(lines []line, shortToo bool) []line {
		for len(lines) > 0 {
			l := lines[len(lines)-1]
			if !(shortToo && short(l)) && !promoLine(l.text) && !legalLine(l.text) {
				break
			}
			lines = lines[:len(lines)-1]
		}
		return lines
	}
	lines = trimTail(lines, true)
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if adLabel(l.text) || creditLine(l.text) || short(l) && (widgetLine(l.text) || !l.heading && sectionHeading(l.text)) || consentLine(l.text) || l.links > 0 && inlinePromo(l.text) || !l.prose && !hasLetter(l.text) && !cellTag(el[l.block].tag) {
			continue
		}
		// Bylines and datelines also follow a standfirst at the top.
		if i < headLines && !l.heading && short(l) && datelineLine(l.text) {
			continue
		}
		if l.heading {
			if i+1 == len(lines) || lines[i+1].heading {
				continue
			}
			if isTitle(l) {
				continue
			}
			// A heading that names a section of the page rather than of
			// the article ("About the author", "Related articles") heads
			// a few lines that go with it: those in the box around the
			// heading, when that box holds none of the article before it.
			if sectionHeading(l.text) {
				box := el[l.block].parent
				inBox := func(b int32) bool { return box >= 0 && b >= box && b < el[box].end }
				if box >= 0 && (len(out) == 0 || !inBox(out[len(out)-1].block)) {
					end := i + 1
					for end < len(lines) && !lines[end].heading && end-i <= sectionLines && inBox(lines[end].block) {
						end++
					}
					if end == len(lines) || lines[end].heading || !inBox(lines[end].block) {
						i = end - 1
						continue
					}
				}
			}
			// A heading over a box made mostly of links titles links to
			// other pages ("More on this", "Read next").
			box := el[l.block].parent
			if box < 0 {
				box = l.block
			}
			end, chars, links := i+1, 0, 0
			for ; end < len(lines) && !lines[end].heading; end++ {
				if b := lines[end].block; b < box || b >= el[box].end {
					break
				}
				chars += lines[end].chars
				links += lines[end].links
			}
			if chars > 0 && links*10 > chars*3 {
				i = end - 1
				continue
			}
			// A section title over lines of the article: the box it
			// headed was dropped, and only the title goes.
			if sectionHeading(l.text) {
				continue
			}
		}
		out = append(out, l)
	}
	return trimTail(out, false)
}

// sectionLines is the most lines under a heading that names a section of
// the page which are dropped with it.
const sectionLines = 4

// sectionTitles name sections of a page that are not part of its article.
var sectionTitles = map[string]bool{
	"about the author": true, "about the authors": true, "about the writer": true,
	"related": true, "related articles": true, "related stories": true, "related posts": true,
	"related content": true, "related coverage": true, "related reading": true,
	"more stories": true, "more from": true, "more on this story": true, "more on this topic": true,
	"read more": true, "read next": true, "read this next": true, "recommended": true,
	"recommended for you": true, "recommended stories": true, "you may also like": true,
	"you might also like": true, "most read": true, "most popular": true, "trending": true,
	"trending now": true, "comments": true, "leave a reply": true, "leave a comment": true,
	"share this": true, "share this article": true, "share this story": true, "tags": true,
	"topics": true, "also read": true, "see also": true, "sign up": true, "newsletter": true,
	"follow us": true, "über den autor": true, "über die autorin": true, "über die autoren": true,
	"ähnliche artikel": true, "ähnliche beiträge": true, "das könnte sie auch interessieren": true,
	"mehr zum thema": true, "weitere artikel": true, "kommentare": true, "auch interessant": true,
	"lesen sie auch": true, "à lire aussi": true, "sur le même sujet": true, "commentaires": true,
	"te puede interesar": true, "noticias relacionadas": true, "comentarios": true,
	"latest news": true, "top stories": true, "more news": true, "most viewed": true,
	"popular stories": true, "editor's picks": true, "editors' picks": true, "around the web": true,
	"from our partners": true, "sponsored stories": true, "promoted stories": true,
	"more for you": true, "what to read next": true, "don't miss": true, "watch next": true,
	"more coverage": true, "in case you missed it": true,
}

// sectionHeading reports whether a heading names a section of the page
// that is not part of the article.
func sectionHeading(s string) bool {
	if len(s) > 40 {
		return false
	}
	s = strings.ReplaceAll(s, "’", "'")
	return sectionTitles[strings.ToLower(strings.Trim(s, " :.!?…»«›>"))]
}

// layoutCellProse is the least prose of a table cell or list item that
// lays out a page rather than holding data.
const layoutCellProse = 400

// headLines is how many lines at the top of a text are searched for a
// byline or dateline below the standfirst.
const headLines = 5

// datelineWords mark a line of metadata above an article: who wrote it
// and when it was published or updated.
var datelineWords = []string{
	"published", "updated", "last updated", "posted", "veröffentlicht", "aktualisiert",
	"publié", "mis à jour", "publicado", "actualizado", "pubblicato", "aggiornato",
	"opublikowano", "read time", "min read", "lesezeit", "minuten lesezeit",
}

// datelineLine reports whether a line that opens the text is a byline or
// dateline rather than article text: it starts with "By Name" (in several
// languages) or, being short, names a publication date.
func datelineLine(s string) bool {
	if len(s) > 160 {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range []string{"by ", "von ", "par ", "por ", "di ", "door ", "av ", "autor: ", "author: "} {
		if strings.HasPrefix(low, p) {
			r, _ := utf8.DecodeRuneInString(s[len(p):])
			if unicode.IsUpper(r) && namesLine(s[len(p):]) {
				return true
			}
		}
	}
	if len(s) > 100 {
		return false
	}
	for _, w := range datelineWords {
		if strings.Contains(low, w) {
			if _, ok := textDate(s); ok || strings.Contains(low, "read") || strings.Contains(low, "lesezeit") {
				return true
			}
		}
	}
	return false
}

// promoWords mark the lines that close many articles without belonging
// to them: calls to subscribe, to follow the site, to install its app, to
// write in or to give, pointers to more reading, tag lists, and notes on
// affiliate links.
var promoWords = []string{
	"newsletter", "subscribe to our", "subscribe now", "subscribe today", "subscribe for",
	"sign up for our", "sign up to our", "sign up here", "sign up now", "follow us",
	"letter to the editor", "letters to the editor", "support our journalism",
	"support independent", "become a member", "donate now", "donate today",
	"read more", "read next", "you may also like", "you might also like", "related:",
	"share this", "email us", "write to us",
	"abonnier", "folgen sie uns", "folgt uns", "folgt mir", "unterstützen sie",
	"unterstütze ", "weiterlesen", "lesen sie auch", "schon gelesen", "lust auf mehr",
	"ähnliche beiträge", "mehr zum thema", "abonnez", "suivez-nous", "lire aussi",
	"suscrib", "síguenos", "siguenos", "escríbenos", "escribirnos",
	"tags:", "topics:", "filed under", "republished", "originally published", "originally appeared",
	"affiliate link", "affiliate commission", "earn a commission", "earns a commission",
	"affiliate-link", "partnerlink", "eine provision",
}

// inlinePromoWords mark a line with a link set between paragraphs to
// point elsewhere: a sign-up, a follow, a pointer to another story.
var inlinePromoWords = []string{
	"sign up", "newsletter", "subscribe to", "follow us", "download the app",
	"download our app", "read more:", "related:", "see also:", "also read:",
	"read also:", "lesen sie auch", "mehr zum thema", "lire aussi", "lea también",
}

// inlinePromo reports whether a short line with a link is a call to sign
// up or follow, or a pointer to another page, opening with words that
// say so. Lines of the article that mention such things run longer, say
// so later, or carry no link.
func inlinePromo(s string) bool {
	if len(s) > 200 {
		return false
	}
	low := strings.ToLower(s)
	if len(low) > inlinePromoAt+20 {
		low = low[:inlinePromoAt+20]
	}
	for _, w := range inlinePromoWords {
		if i := strings.Index(low, w); i >= 0 && i <= inlinePromoAt {
			return true
		}
	}
	return false
}

// inlinePromoAt is how far into a line the words of a call may start:
// calls open with them, sentences of the article that mention signing up
// reach them later.
const inlinePromoAt = 40

// staffPrefixes open the line of agency copy that names who reported,
// wrote and edited it.
var staffPrefixes = []string{"reporting by", "additional reporting", "writing by", "editing by", "compiled by"}

// consentPhrases, with "cookies" in the same line, are how a site tells
// its readers that it sets cookies.
var consentPhrases = []string{
	"we use cookies", "uses cookies", "use of cookies", "using cookies", "wir cookies",
	"verwendet cookies", "verwenden cookies", "nutzt cookies", "setzt cookies",
	"nutzen wir cookies", "verwenden wir cookies", "setzen wir cookies",
	"utilise des cookies", "utilisons des cookies", "utilizamos cookies", "usamos cookies",
}

// consentLine reports whether a line is the notice of a cookie banner
// that no class name gave away.
func consentLine(s string) bool {
	if len(s) > 700 {
		return false
	}
	low := strings.ToLower(s)
	if !strings.Contains(low, "cookie") {
		return false
	}
	for _, p := range consentPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// bioJobs are the trades of the people who write for a paper.
var bioJobs = []string{
	"reporter", "writer", "correspondent", "editor", "journalist", "columnist",
	"contributor", "freelance", "author of", "redakteur", "autorin", "autor ", "journalistin",
}

// bioLine reports whether a line is the note on the writer that closes
// many articles: "Jane Doe is a reporter for ...", "Jane Doe covers
// ...". It opens with a capitalised name and names a writing trade.
func bioLine(s, low string) bool {
	words := strings.Fields(s)
	if len(words) < 4 || len(words) > 60 {
		return false
	}
	names := 0
	for _, w := range words[:4] {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			break
		}
		names++
	}
	if names < 2 || names > 3 {
		return false
	}
	verb := strings.ToLower(words[names])
	switch verb {
	case "is", "covers", "writes", "has", "ist", "schreibt":
	default:
		return false
	}
	for _, j := range bioJobs {
		if strings.Contains(low, j) {
			return true
		}
	}
	return false
}

// contactWords, with an e-mail address in the same line, tell the reader
// how to reach the writer or the editors.
var contactWords = []string{"contact", "reach", "email", "e-mail", "write to", "kontakt", "erreichen"}

// contactLine reports whether a lower-cased line gives an e-mail address
// to write to.
func contactLine(low string) bool {
	at := strings.IndexByte(low, '@')
	if at <= 0 || !strings.Contains(low[at:], ".") {
		return false
	}
	for _, w := range contactWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// appWords, with an app named in the same short line, ask the reader to
// install it.
var appWords = []string{"download", "phone", "install", "google play", "app store"}

// promoLine reports whether a short line invites the reader to subscribe,
// follow, install, write in, give, or read on. It is applied to the last
// lines of a text only, where such calls stand.
func promoLine(s string) bool {
	if consentLine(s) {
		return true
	}
	if len(s) > 250 {
		return false
	}
	low := strings.ToLower(s)
	for _, w := range promoWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	if contactLine(low) || bioLine(s, low) {
		return true
	}
	for _, p := range staffPrefixes {
		if strings.HasPrefix(strings.TrimLeft(low, "( "), p) {
			return true
		}
	}
	if hasToken(low, "app") || hasToken(low, "apps") {
		for _, w := range appWords {
			if strings.Contains(low, w) {
				return true
			}
		}
	}
	return false
}

// legalLine reports whether a line is a legal notice (disclaimer,
// copyright), however long; like promoLine it is applied to the last
// lines of a text only.
func legalLine(s string) bool {
	if len(s) > 1500 {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range legalPrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// nameJoiners join names in a byline without being names.
var nameJoiners = map[string]bool{"and": true, "und": true, "et": true, "y": true, "e": true, "i": true, "en": true, "och": true, "og": true, "der": true, "de": true, "van": true, "von": true, "del": true, "la": true}

// namesLine reports whether the words of s that start with a letter are
// mostly capitalised, as names, titles and dates in a byline are; the
// words of a sentence that opens with "By" ("By Tuesday the river had
// risen") are mostly not.
func namesLine(s string) bool {
	upper, words := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || nameJoiners[w] {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return 2*upper >= words
}

// creditPrefixes start lines that credit a picture or name a source.
var creditPrefixes = []string{
	"foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "image:", "images:",
	"credit:", "credits:", "quelle:", "source:", "fuente:", "źródło:", "crédit:", "crédits:",
	"photo credit:", "bildquelle:", "fotoquelle:", "photo by ", "photograph by ",
	"image source", "image caption", "media caption", "picture caption", "video caption",
}

// legalPrefixes start notices that close many articles.
var legalPrefixes = []string{"disclaimer", "corrections:", "correction:", "copyright", "all rights reserved", "haftungsausschluss"}

// creditOpeners start the parenthesised credit that closes a caption:
// "(AP Photo/Name)", "(picture alliance / dpa)", "(Photo: Name)".
var creditOpeners = []string{
	"photo", "foto", "ap photo", "picture alliance", "image", "bild", "credit",
	"getty", "reuters", "afp", "epa", "dpa", "courtesy", "pictured",
}

// agencyEnds end a caption credited to a picture agency.
var agencyEnds = []string{"getty images", "shutterstock", "istockphoto", "istock", "alamy", "alamy stock photo"}

// creditTail reports whether a lower-cased line ends with the credit of a
// picture: a parenthesised credit or the name of a picture agency.
func creditTail(low string) bool {
	low = strings.TrimRight(low, " .")
	if strings.HasSuffix(low, ")") {
		if i := strings.LastIndexByte(low, '('); i >= 0 && len(low)-i < 80 {
			inner := strings.TrimSpace(low[i+1:])
			for _, p := range creditOpeners {
				if strings.HasPrefix(inner, p) {
					return true
				}
			}
		}
	}
	// "... © Name" closes a caption.
	if i := strings.LastIndex(low, "©"); i >= 0 && len(low)-i < 40 {
		return true
	}
	for _, a := range agencyEnds {
		if strings.HasSuffix(low, a) {
			return true
		}
	}
	return false
}

// creditSuffixes end a caption with the picture's credit.
var creditSuffixes = []string{"photo: ", "photos: ", "foto: ", "fotos: ", "picture: ", "image: ", "bild: ", "credit: ", "photograph: ", "fot. "}

// creditLine reports whether a short line credits a picture or a source,
// or carries a copyright sign.
func creditLine(s string) bool {
	low := strings.ToLower(s)
	if len(s) <= 400 {
		for _, p := range legalPrefixes {
			if strings.HasPrefix(low, p) {
				return true
			}
		}
	}
	if len(s) <= 250 {
		// A caption: text ending in "Photo: Name/Agency".
		for _, p := range creditSuffixes {
			if i := strings.LastIndex(low, p); i > 0 {
				rest := s[i+len(p):]
				if len(rest) < 60 && !strings.Contains(rest, ". ") {
					return true
				}
			}
		}
	}
	if len(s) <= 300 && creditTail(low) {
		return true
	}
	if len(s) > 120 {
		return false
	}
	if strings.Contains(s, "©") {
		return true
	}
	for _, p := range creditPrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// cellTag reports whether a block is a table cell or list item, whose
// short lines and bare figures belong to the table or list.
func cellTag(a atom.Atom) bool {
	switch a {
	case atom.Td, atom.Th, atom.Li, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// widgetPrefixes start the labels of buttons and notices that pages set
// between paragraphs: share buttons, "continues below" notes around ads,
// audio players, comment counters.
var widgetPrefixes = []string{
	"share on ", "share this", "share via", "share article", "share the article", "share:",
	"click to share", "tweet this", "pin it", "email this", "print this", "copy link",
	"story continues below", "article continues below", "continue reading below",
	"content continues below", "scroll to continue", "listen to this article",
	"skip advertisement", "view comments", "show comments", "comments (",
	"artikel teilen", "weiterlesen nach der anzeige", "artikel wird unter der anzeige",
	"partager sur", "compartir en",
	"read more", "show more", "show less", "load more", "see more", "view more", "view all", "see all",
	"weiterlesen", "mehr lesen", "mehr anzeigen", "weniger anzeigen", "alle anzeigen", "bild anzeigen",
	"lire la suite", "leer más", "ver más",
}

// widgetLine reports whether a short line is the label of a page widget.
func widgetLine(s string) bool {
	if len(s) > 60 {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range widgetPrefixes {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	// "Advertisement - Continue Reading Below", "Continue reading the
	// main story", "Article continues after advertisement".
	return strings.Contains(low, "continue reading") || strings.Contains(low, "scroll to continue") ||
		strings.Contains(low, "continues after") || strings.Contains(low, "continues below")
}

// adLabels mark advertisements in several languages.
var adLabels = map[string]bool{
	"advertisement": true, "anzeige": true, "werbung": true, "publicidad": true,
	"publicité": true, "reklama": true, "pubblicità": true, "sponsored": true,
	"ad": true, "ads": true, "advertising": true, "publicite": true, "reklame": true,
	"annonse": true, "annons": true, "advertentie": true, "publicidade": true,
}

// adLabel reports whether a line is only the label of an advertisement,
// or a short line that opens with one.
func adLabel(s string) bool {
	if len(s) <= 20 {
		return adLabels[strings.ToLower(strings.Trim(s, " -–—:·*"))]
	}
	// "ANZEIGE - ...", "Sponsored: ...": a label and the ad's own line.
	if len(s) > 100 {
		return false
	}
	i := strings.IndexAny(s, "-–—:|")
	if i <= 0 || i > 20 {
		return false
	}
	return adLabels[strings.ToLower(strings.TrimSpace(s[:i]))]
}

// normTitle lower-cases a title for comparison.
func normTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// ldBodyParagraphs splits the articleBody of JSON-LD into paragraphs. Some
// sites put markup in it; that is parsed like a page.
func ldBodyParagraphs(body string) []string {
	var paras []string
	if strings.Contains(body, "<") {
		root, err := parseHTML(body)
		if err != nil {
			return nil
		}
		b := findBody(root)
		if b == nil {
			return nil
		}
		for _, l := range buildPage(b).render(0, func(int32) bool { return false }) {
			paras = append(paras, l.text)
		}
		return paras
	}
	for _, para := range strings.Split(html.UnescapeString(body), "\n") {
		if para = collapse(para); para != "" {
			paras = append(paras, para)
		}
	}
	return paras
}

// lead finds the standfirst of an article that sits outside its container,
// before it, as many pages print it above the body, or in a caption at the
// top of the container: a block whose text starts like the page's
// description. It returns the block's lines, or nil
// when the text already holds the description or no such block exists.
func (p *page) lead(best int32, description string, lines []line) []line {
	desc := collapse(description)
	if utf8.RuneCountInString(desc) < 60 {
		return nil
	}
	prefix := desc
	if i := runeOffset(prefix, 40); i < len(prefix) {
		prefix = prefix[:i]
	}
	for _, l := range lines {
		if strings.Contains(l.text, prefix) {
			return nil
		}
	}
	el := p.elems
	want := int32(utf8.RuneCountInString(desc))
	match := func(i int32) []line {
		e := &el[i]
		if e.ownText < 40 || e.negIn || e.ownText > 3*want || !strings.HasPrefix(nodeText(e.n), prefix) {
			return nil // too short, boilerplate, too long, or another text
		}
		out := p.render(i, func(int32) bool { return false })
		for k := range out {
			out[k].prose = true
		}
		return out
	}
	for i := best - 1; i >= 0 && i >= best-400; i-- {
		if el[i].end > best {
			continue // an ancestor of the container
		}
		if out := match(i); out != nil {
			return out
		}
	}
	// Some pages print the standfirst as the caption of the picture at
	// the top of the container, where captions are left out.
	for i := best + 1; i < el[best].end && i <= best+leadReach; i++ {
		if el[i].dropIn && !el[i].negIn {
			if out := match(i); out != nil {
				return out
			}
		}
	}
	return nil
}

// titleLead finds the standfirst of an article printed between its title
// (the last <h1> before the container) and the container: the blocks of
// prose there that are not boilerplate, link boxes or captions, when they
// are no more than leadBlocks blocks and leadChars characters. It returns
// their lines, or nil.
func (p *page) titleLead(best int32, lines []line) []line {
	el := p.elems
	h := int32(-1)
	for i := best - 1; i >= 0 && i >= best-leadReach; i-- {
		if el[i].tag == atom.H1 {
			if el[i].end <= best && !el[i].negIn {
				h = i
			}
			break
		}
	}
	if h < 0 || len(lines) == 0 {
		return nil
	}
	var out []line
	chars, blocks := 0, 0
	for i := el[h].end; i < best; i++ {
		e := &el[i]
		if e.end > best {
			continue // an ancestor of the container
		}
		if e.negIn || e.dropIn || linkBox(e) {
			i = e.end - 1
			continue
		}
		if !blockTag(e.tag) || !e.isProse() || e.prose != e.text-e.link {
			continue
		}
		for _, l := range p.render(i, func(int32) bool { return false }) {
			if strings.Contains(lines[0].text, l.text) {
				return nil
			}
			if creditLine(l.text) || adLabel(l.text) || widgetLine(l.text) || len(l.text) < 80 && datelineLine(l.text) {
				continue
			}
			l.prose = true
			out = append(out, l)
			chars += l.chars
		}
		// More than a standfirst's worth of prose between title and
		// container is something else: teasers, a second article.
		if blocks++; blocks > leadBlocks || chars > leadChars {
			return nil
		}
		i = e.end - 1
	}
	return out
}

// The standfirst between title and container is at most leadBlocks
// blocks of at most leadChars characters in all, within leadReach
// elements of the container.
const (
	leadBlocks = 2
	leadChars  = 600
	leadReach  = 300
)

// runeOffset returns the byte offset of the n-th rune of s, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
