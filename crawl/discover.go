package crawl

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Kinds of frontier entries, the values of Queued.Kind.
const (
	KindPage    = "page"    // an ordinary page
	KindFeed    = "feed"    // an RSS or Atom feed
	KindSitemap = "sitemap" // a sitemap or sitemap index
)

// link is a URL found in a document, with the kind it is queued as.
type link struct {
	URL  string
	Kind string
}

// htmlLinks is what a page says about its links.
type htmlLinks struct {
	Links     []link // anchors and feed links, canonical, in page order
	Canonical string // <link rel=canonical>, canonical, "" when absent
	NoFollow  bool   // <meta name=robots content=nofollow>
}

// parseHTML collects the links of an HTML page fetched from pageURL:
// <a> and <area> hrefs, <link rel=alternate> feeds, <link rel=canonical>,
// honouring <base href>. Relative URLs resolve against the page.
func parseHTML(body []byte, pageURL *url.URL) htmlLinks {
	var out htmlLinks
	base := pageURL
	seen := map[string]bool{}
	add := func(href, kind string) {
		if u, ok := resolveLink(base, href); ok && !seen[u] {
			seen[u] = true
			out.Links = append(out.Links, link{URL: u, Kind: kind})
		}
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch string(name) {
		case "a", "area", "link", "base", "meta":
		default:
			continue
		}
		attrs := map[string]string{}
		for {
			k, v, more := z.TagAttr()
			attrs[string(k)] = string(v)
			if !more {
				break
			}
		}
		switch string(name) {
		case "base":
			if h, ok := attrs["href"]; ok {
				if b, err := pageURL.Parse(strings.TrimSpace(h)); err == nil {
					base = b
				}
			}
		case "a", "area":
			add(attrs["href"], KindPage)
		case "link":
			rels := strings.Fields(strings.ToLower(attrs["rel"]))
			for _, rel := range rels {
				switch rel {
				case "canonical":
					if u, ok := resolveLink(base, attrs["href"]); ok {
						out.Canonical = u
					}
				case "alternate":
					switch mediaType(attrs["type"]) {
					case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
						add(attrs["href"], KindFeed)
					}
				}
			}
		case "meta":
			if strings.EqualFold(attrs["name"], "robots") {
				for _, d := range strings.Split(strings.ToLower(attrs["content"]), ",") {
					if d = strings.TrimSpace(d); d == "nofollow" || d == "none" {
						out.NoFollow = true
					}
				}
			}
		}
	}
}

// xmlRoot returns the local name of the root element of an XML document,
// or "" when body does not start like one.
func xmlRoot(body []byte) string {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t.Name.Local
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return ""
			}
		}
	}
	return ""
}

// parseXMLLinks reads a feed or sitemap and returns its links: for RSS and
// RDF each item's <link>, for Atom each entry's alternate <link href>, for
// a urlset each <loc> (pages), for a sitemapindex each <loc> (sitemaps).
func parseXMLLinks(body []byte, docURL *url.URL) ([]link, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	var (
		links   []link
		root    string
		stack   []string
		text    strings.Builder
		inText  bool
		seen    = map[string]bool{}
		childOf = func(parent string) bool {
			return len(stack) >= 2 && strings.EqualFold(stack[len(stack)-2], parent)
		}
	)
	add := func(href, kind string) {
		if u, ok := resolveLink(docURL, href); ok && !seen[u] {
			seen[u] = true
			links = append(links, link{URL: u, Kind: kind})
		}
	}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if root == "" {
				return nil, fmt.Errorf("parse xml: %w", err)
			}
			break // keep what a truncated or sloppy document gave
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				root = name
			}
			stack = append(stack, name)
			switch {
			case name == "link" && root == "feed" && childOf("entry"):
				rel, href := "", ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "rel":
						rel = a.Value
					case "href":
						href = a.Value
					}
				}
				if rel == "" || rel == "alternate" {
					add(href, KindPage)
				}
			case name == "link" && childOf("item"), name == "loc":
				text.Reset()
				inText = true
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if inText {
				inText = false
				switch {
				case name == "loc" && root == "sitemapindex":
					add(text.String(), KindSitemap)
				case name == "loc" && root == "urlset" && childOf("url"):
					add(text.String(), KindPage)
				case name == "link":
					add(text.String(), KindPage)
				}
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if rootType(root) == docOther {
		return nil, fmt.Errorf("parse xml: root element <%s> is neither a feed nor a sitemap", root)
	}
	return links, nil
}

// parseTextSitemap reads a text sitemap: one absolute URL a line.
func parseTextSitemap(body []byte, docURL *url.URL) []link {
	var links []link
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			continue
		}
		if u, ok := resolveLink(docURL, line); ok {
			links = append(links, link{URL: u, Kind: KindPage})
		}
	}
	return links
}
