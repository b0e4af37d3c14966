// Package clean turns a fetched HTML page into its article: the main text
// without navigation, share bars, related links, comments and other
// boilerplate, and the article's metadata.
//
// The page is decoded to UTF-8 (charset from the Content-Type header, a
// <meta> declaration or the bytes), parsed with goquery, and its body laid
// out as a table of elements in document order. Each block of text is
// judged on its own: prose (long, punctuated, few links) counts for the
// elements holding it, links and boilerplate count against them, short
// lines a little against. Class names, ids, roles and tags mark
// boilerplate (navigation, comments, share bars, related links, ads,
// cookie and newsletter boxes) or article containers; names are trusted
// less when trusting them leaves no article. The container with the best
// score is widened to ancestors that add headings, lists and tables at
// little cost, and its text is written out block by block, leaving out
// boilerplate, link boxes, captions, datelines, bylines, credit lines and
// headings that title nothing. A standfirst printed above the container
// is taken in when it matches the page's description; a JSON-LD
// articleBody is used when the markup yields much less. Pages whose best
// container lists other pages, asks for a password, or holds too little
// text get an empty Text and a Reason.
//
// Metadata come from JSON-LD, OpenGraph and other meta tags, <time>
// elements, the URL and the visible text, in that order; dates are
// written in RFC 3339 (UTC when the page gives no zone, midnight when it
// gives no time), languages as lower-case primary subtags (de, en).
package clean

// Article is the readable content of one page.
type Article struct {
	URL         string `json:"url"`
	Canonical   string `json:"canonical,omitempty"`
	Title       string `json:"title"`
	Published   string `json:"published,omitempty"` // RFC 3339
	Modified    string `json:"modified,omitempty"`  // RFC 3339
	Byline      string `json:"byline,omitempty"`
	SiteName    string `json:"site_name,omitempty"`
	Language    string `json:"language,omitempty"`
	Description string `json:"description,omitempty"`
	// Text is the main text, one paragraph (or heading, list item, table
	// cell) a line, separated by single newlines (empty lines with
	// Config.BlankLines), whitespace collapsed. Empty when the page holds
	// no article; Reason then says why.
	Text   string `json:"text"`
	Reason string `json:"reason,omitempty"`
}
