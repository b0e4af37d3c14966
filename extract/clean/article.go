// Package clean turns a fetched HTML page into its article: the main text
// without navigation, share bars, related links, comments and other
// boilerplate, and the article's metadata.
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
	// Text is the main text, paragraphs separated by newlines. Empty when
	// the page holds no article; Reason then says why.
	Text   string `json:"text"`
	Reason string `json:"reason,omitempty"`
}
