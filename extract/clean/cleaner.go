package clean

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
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
			return linkBox(e) || i != best && (teaserBox(e, prose) || nestedTeaser(e) || p.signupBox(i))
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

// signupWords mark the text of a box that asks for a sign-up.
var signupWords = []string{"sign up", "sign-up", "subscribe", "newsletter", "your inbox", "abonnieren", "anmelden", "abonnez", "suscríbete"}

// signupBox reports whether element i is a small box with a heading and
// a link whose text asks the reader to sign up or subscribe: a
// newsletter box set between paragraphs without a name that gives it
// away.
func (p *page) signupBox(i int32) bool {
	e := &p.elems[i]
	if e.text == 0 || e.text > signupText || e.link == 0 || !blockTag(e.tag) || headingTag(e.tag) {
		return false
	}
	titled := false
	for k := i + 1; k < e.end && !titled; k++ {
		titled = headingTag(p.elems[k].tag) && p.elems[k].text > 0
	}
	if !titled {
		return false
	}
	low := strings.ToLower(nodeText(e.n))
	for _, w := range signupWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// signupText is the most text of a sign-up box.
const signupText = 300

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
