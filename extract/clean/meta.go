package clean

import (
	"encoding/json"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// metaMaxJSONLD bounds the JSON-LD read from one page, so a page made of
// huge scripts cannot make metadata the bulk of the work.
const metaMaxJSONLD = 1 << 20

// pageMeta gathers what the markup says about the page, before choosing.
type pageMeta struct {
	tags        map[string]string // meta name/property/itemprop -> content (first wins)
	title       string            // <title>
	h1          string            // first <h1>
	lang        string            // <html lang>
	canonical   string            // <link rel=canonical>
	times       []string          // datetime of <time> elements, in order
	pubTime     string            // <time pubdate> or itemprop=datePublished
	modTime     string            // itemprop=dateModified
	authorText  []string          // text of rel=author / itemprop=author elements
	bylineText  []string          // text of elements named byline or author
	ld          ldInfo
	ldBudget    int
	articleBody string
}

// ldInfo is what JSON-LD says about the article.
type ldInfo struct {
	headline, published, modified, description, lang, site, url, body string
	authors                                                           []string
	isArticle                                                         bool
}

// readMeta fills the article's metadata from the page's markup. It walks
// the whole tree once.
func readMeta(doc *goquery.Document, art *Article) *pageMeta {
	m := &pageMeta{tags: make(map[string]string), ldBudget: metaMaxJSONLD}
	root := doc.Nodes[0]
	// Explicit stack, as deep pages must not recurse.
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				stack = append(stack, c)
			}
		}
		if n.Type != html.ElementNode {
			continue
		}
		m.element(n)
	}
	m.fill(art)
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func (m *pageMeta) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		if m.lang == "" {
			m.lang = attr(n, "lang")
			if m.lang == "" {
				m.lang = attr(n, "xml:lang")
			}
		}
	case atom.Title:
		if m.title == "" && (n.Parent == nil || n.Parent.DataAtom != atom.Svg) {
			m.title = nodeText(n)
		}
	case atom.H1:
		if m.h1 == "" {
			m.h1 = nodeText(n)
		}
	case atom.Meta:
		content, ok := "", false
		for _, a := range n.Attr {
			if a.Key == "content" {
				content, ok = strings.TrimSpace(a.Val), true
			}
		}
		if !ok {
			if v := attr(n, "datetime"); v != "" {
				content, ok = strings.TrimSpace(v), true
			}
		}
		if !ok || content == "" {
			break
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "name", "property", "itemprop", "http-equiv":
				k := strings.ToLower(strings.TrimSpace(a.Val))
				if _, seen := m.tags[k]; !seen && k != "" {
					m.tags[k] = content
				}
			}
		}
	case atom.Link:
		rel := strings.ToLower(attr(n, "rel"))
		if m.canonical == "" && hasWord(rel, "canonical") {
			m.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			m.readLD(nodeRaw(n))
		}
	case atom.Time:
		dt := strings.TrimSpace(attr(n, "datetime"))
		if dt == "" {
			dt = strings.TrimSpace(nodeText(n))
		}
		if dt != "" && len(m.times) < 8 {
			m.times = append(m.times, dt)
		}
		if _, ok := attrOK(n, "pubdate"); ok && m.pubTime == "" {
			m.pubTime = dt
		}
	}
	if ip := strings.ToLower(attr(n, "itemprop")); ip != "" && n.DataAtom != atom.Meta {
		switch {
		case hasWord(ip, "datepublished") && m.pubTime == "":
			m.pubTime = firstNonEmpty(attr(n, "datetime"), attr(n, "content"), nodeText(n))
		case hasWord(ip, "datemodified") && m.modTime == "":
			m.modTime = firstNonEmpty(attr(n, "datetime"), attr(n, "content"), nodeText(n))
		case hasWord(ip, "author") && len(m.authorText) < 4:
			m.authorText = append(m.authorText, nodeText(n))
		}
	}
	if n.DataAtom == atom.A && hasWord(strings.ToLower(attr(n, "rel")), "author") && len(m.authorText) < 4 {
		m.authorText = append(m.authorText, nodeText(n))
	}
	if len(m.bylineText) < 2 && n.DataAtom != atom.Body && n.DataAtom != atom.Html {
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && bylineName(a.Val) {
				if t := nodeText(n); t != "" && len(t) < 120 {
					m.bylineText = append(m.bylineText, t)
				}
				break
			}
		}
	}
}

// bylineName reports whether a class or id names a byline or author.
func bylineName(v string) bool {
	if !containsFold(v, "byline") && !containsFold(v, "author") {
		return false
	}
	v = strings.ToLower(v)
	return strings.Contains(v, "byline") || strings.Contains(v, "author-name") ||
		strings.Contains(v, "authorname") || hasToken(v, "author")
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// hasWord reports whether the space-separated list s holds w.
func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// hasToken reports whether s holds w as a token between non-letters.
func hasToken(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isAlnum(s[j-1])
		after := j+len(w) == len(s) || !isAlnum(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// nodeTextLimit bounds the bytes of text nodeText gathers: enough for a
// title, a byline or the dateline at the start of an article.
const nodeTextLimit = 4096

// nodeText returns the text under n with whitespace collapsed, leaving
// out scripts and styles. It stops after nodeTextLimit bytes.
func nodeText(n *html.Node) string {
	var b strings.Builder
	c := n.FirstChild
	for c != nil && b.Len() < nodeTextLimit {
		switch {
		case c.Type == html.TextNode:
			// A long text node is cut at the limit too, on a rune's
			// start, so the text is never much longer than the limit.
			d := c.Data
			if room := nodeTextLimit - b.Len(); len(d) > room {
				for room > 0 && !utf8.RuneStart(d[room]) {
					room--
				}
				d = d[:room]
			}
			b.WriteString(d)
			b.WriteByte(' ')
		case c.Type == html.ElementNode && !skippedTag(c.DataAtom) && c.FirstChild != nil:
			c = c.FirstChild
			continue
		}
		for c != n && c.NextSibling == nil {
			c = c.Parent
		}
		if c == n {
			break
		}
		c = c.NextSibling
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// nodeRaw returns the raw text children of n (the body of a script).
func nodeRaw(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// readLD reads one JSON-LD script.
func (m *pageMeta) readLD(raw string) {
	if len(raw) > m.ldBudget {
		return
	}
	m.ldBudget -= len(raw)
	raw = strings.TrimSpace(raw)
	// Some pages wrap the JSON in comments or CDATA markers.
	raw = strings.TrimPrefix(raw, "<!--")
	raw = strings.TrimSuffix(raw, "-->")
	raw = strings.TrimPrefix(strings.TrimSpace(raw), "//<![CDATA[")
	raw = strings.TrimSuffix(strings.TrimSpace(raw), "//]]>")
	var v any
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		return
	}
	m.walkLD(v, 0)
}

// articleTypes are the schema.org types that describe an article page.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "scholarlyarticle": true, "techarticle": true,
	"liveblogposting": true, "socialmediaposting": true, "report": true, "posting": true,
	"webpage": false, "recipe": true, "review": true, "howto": true,
}

func (m *pageMeta) walkLD(v any, depth int) {
	if depth > 6 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m.walkLD(e, depth+1)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			m.walkLD(g, depth+1)
		}
		types := ldTypes(x["@type"])
		isArticle, isPage, isOrg := false, false, false
		for _, t := range types {
			t = strings.ToLower(t)
			if articleTypes[t] {
				isArticle = true
			}
			if t == "webpage" || t == "itempage" || t == "collectionpage" {
				isPage = true
			}
			if t == "organization" || t == "newsmediaorganization" || t == "website" {
				isOrg = true
			}
		}
		d := &m.ld
		switch {
		case isArticle && !d.isArticle:
			d.isArticle = true
			d.headline = firstNonEmpty(ldString(x["headline"]), ldString(x["name"]))
			d.published = ldString(x["datePublished"])
			d.modified = ldString(x["dateModified"])
			d.description = ldString(x["description"])
			d.lang = ldString(x["inLanguage"])
			d.authors = ldNames(x["author"])
			if p, ok := x["publisher"].(map[string]any); ok {
				d.site = firstNonEmpty(d.site, ldString(p["name"]))
			}
			d.url = firstNonEmpty(ldString(x["url"]), ldID(x["mainEntityOfPage"]))
			d.body = ldString(x["articleBody"])
		case isPage:
			d.published = firstNonEmpty(d.published, ldString(x["datePublished"]))
			d.modified = firstNonEmpty(d.modified, ldString(x["dateModified"]))
			d.lang = firstNonEmpty(d.lang, ldString(x["inLanguage"]))
			if len(d.authors) == 0 {
				d.authors = ldNames(x["author"])
			}
			if me, ok := x["mainEntity"]; ok {
				m.walkLD(me, depth+1)
			}
		case isOrg:
			if d.site == "" && hasLDType(types, "website") {
				d.site = ldString(x["name"])
			}
		}
	}
}

func hasLDType(types []string, t string) bool {
	for _, x := range types {
		if strings.EqualFold(x, t) {
			return true
		}
	}
	return false
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return strings.TrimSpace(s)
		}
		if s, ok := x["name"].(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func ldID(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if s, ok := x["@id"].(string); ok {
			return s
		}
		if s, ok := x["url"].(string); ok {
			return s
		}
	}
	return ""
}

func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if x = strings.TrimSpace(x); x != "" && !strings.Contains(x, "://") {
			out = append(out, x)
		}
	case map[string]any:
		if s := ldString(x["name"]); s != "" {
			out = append(out, s)
		}
	case []any:
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
	}
	return out
}

// fill chooses each field of art from the gathered candidates.
func (m *pageMeta) fill(art *Article) {
	t := m.tags
	ld := &m.ld
	art.SiteName = firstNonEmpty(t["og:site_name"], ld.site, t["application-name"], t["twitter:app:name:iphone"])
	art.Title = m.chooseTitle(art.SiteName)
	art.Description = firstNonEmpty(t["description"], t["og:description"], t["twitter:description"], ld.description, t["dc.description"])
	art.Canonical = resolveURL(art.URL, firstNonEmpty(m.canonical, t["og:url"], ld.url))
	art.Language = normaliseLang(firstNonEmpty(m.lang, t["content-language"], t["language"], t["dc.language"], ld.lang, t["og:locale"], t["inlanguage"]))
	art.Byline = m.chooseByline()
	art.Published = firstDate(
		ld.published, t["article:published_time"], t["og:published_time"], t["datepublished"],
		t["published_time"], t["article.published"], t["publishdate"], t["pubdate"], t["publish-date"],
		t["date"], t["dc.date.issued"], t["dc.date"], t["dcterms.date"], t["dcterms.created"], t["dc.date.created"],
		t["parsely-pub-date"], t["sailthru.date"], t["citation_publication_date"], t["citation_date"],
		t["article:published"], t["cxenseparse:recs:publishtime"], t["og:article:published_time"],
		t["release_date"], t["originalpublicationdate"], m.pubTime,
	)
	art.Modified = firstDate(
		ld.modified, t["article:modified_time"], t["og:updated_time"], t["datemodified"],
		t["modified_time"], t["last-modified"], t["dcterms.modified"], t["dc.date.modified"],
		t["og:article:modified_time"], t["lastmod"], m.modTime,
	)
	m.articleBody = ld.body
}

// chooseTitle picks the headline: OpenGraph or JSON-LD first, then the
// document title without the site's name, then the first <h1>.
func (m *pageMeta) chooseTitle(site string) string {
	if s := firstNonEmpty(m.tags["og:title"], m.tags["twitter:title"], m.ld.headline); s != "" {
		return stripSiteName(collapse(s), site)
	}
	title := collapse(m.title)
	h1 := collapse(m.h1)
	if h1 != "" && title != "" && strings.Contains(title, h1) {
		return h1
	}
	if title != "" {
		return stripSiteName(title, site)
	}
	return h1
}

// collapse unescapes entities in s and collapses its whitespace.
func collapse(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\u200b", "", "\ufeff", "").Replace(html.UnescapeString(s))), " ")
}

// titleSeparators split a document title from the site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "}

// stripSiteName removes a site name joined to the title by a separator:
// the named site when known, else a last (or first) part much shorter
// than the rest.
func stripSiteName(title, site string) string {
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if site != "" && strings.EqualFold(tail, site) {
			return head
		}
		if len(tail)*3 < len(head) && len(strings.Fields(tail)) <= 4 {
			return head
		}
		j := strings.Index(title, sep)
		first, rest := strings.TrimSpace(title[:j]), strings.TrimSpace(title[j+len(sep):])
		if site != "" && strings.EqualFold(first, site) {
			return rest
		}
	}
	return title
}

// chooseByline picks the author names: JSON-LD, then meta tags, then
// author markup, then the page's byline element.
func (m *pageMeta) chooseByline() string {
	if len(m.ld.authors) > 0 {
		return cleanByline(strings.Join(dedupe(m.ld.authors), ", "))
	}
	t := m.tags
	for _, k := range []string{"author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "citation_author", "twitter:creator"} {
		v := t[k]
		if v == "" || strings.Contains(v, "://") || strings.HasPrefix(v, "@") && k != "twitter:creator" {
			continue
		}
		if k == "twitter:creator" {
			continue
		}
		return cleanByline(v)
	}
	for _, s := range m.authorText {
		if s = cleanByline(s); s != "" && len(s) < 100 {
			return s
		}
	}
	for _, s := range m.bylineText {
		if s = cleanByline(s); s != "" {
			return s
		}
	}
	return ""
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// bylinePrefixes introduce an author's name.
var bylinePrefixes = []string{"written by", "posted by", "by", "von", "par", "por", "di", "door", "av", "autor", "autorin", "author", "text", "from"}

// cleanByline trims a byline to the names it gives.
func cleanByline(s string) string {
	s = collapse(s)
	for changed := true; changed; {
		changed = false
		low := strings.ToLower(s)
		for _, p := range bylinePrefixes {
			if strings.HasPrefix(low, p) && len(low) > len(p) && (low[len(p)] == ' ' || low[len(p)] == ':') {
				s = strings.TrimLeft(s[len(p):], " :")
				changed = true
				break
			}
		}
	}
	// Bylines often run on into the date and contact details.
	low := strings.ToLower(s)
	for _, stop := range []string{" published", " updated", " veröffentlicht", " aktualisiert", " - [email", " [email", " | ", " · ", " • "} {
		if i := strings.Index(low, stop); i > 0 {
			s, low = s[:i], low[:i]
		}
	}
	s = strings.Trim(s, " ,;:|-–—")
	if len(s) > 200 {
		return ""
	}
	return s
}

// resolveURL makes ref absolute against base; it returns ref unchanged if
// either does not parse.
func resolveURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if r.IsAbs() || base == "" {
		return r.String()
	}
	b, err := url.Parse(base)
	if err != nil {
		return r.String()
	}
	return b.ResolveReference(r).String()
}

// completeMeta fills what the markup did not give from the article's text
// and URL: the published date and the language.
func completeMeta(m *pageMeta, p *page, best int32, art *Article) {
	if art.Published == "" {
		var cands []string
		cands = append(cands, m.times...)
		if d := dateFromURL(firstNonEmpty(art.Canonical, art.URL)); d != "" {
			cands = append(cands, d)
		}
		art.Published = firstDate(cands...)
	}
	if art.Published == "" && p != nil {
		art.Published = dateFromText(p, best)
	}
	if art.Language == "" {
		sample := art.Text
		if sample == "" {
			sample = art.Title + " " + art.Description
		}
		art.Language = detectLanguage(sample)
	}
}
