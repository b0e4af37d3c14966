package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hint is what an element's tag, role, class and id say about it.
type hint uint8

const (
	// hintHardNeg marks boilerplate that is never the article however much
	// text it holds: comment threads, cookie and consent boxes.
	hintHardNeg hint = 1 << iota
	// hintStrongNeg marks names of boilerplate: navigation, share bars,
	// related links, ads, banners, sidebars, footers.
	hintStrongNeg
	// hintWeakNeg marks names that are often boilerplate (header, meta,
	// tags, author) unless a positive name is present too.
	hintWeakNeg
	// hintPos marks names of article containers (article, content, entry,
	// post, story, body, text, main).
	hintPos
	// hintHidden marks elements that a browser would not show.
	hintHidden
	// hintArticleBody marks schema.org articleBody markup.
	hintArticleBody
	// hintCaption marks captions, credits and galleries: left out of the
	// text, but no sign that their surroundings are boilerplate.
	hintCaption
)

// captionWords are substrings of class names and ids of captions and
// image galleries.
var captionWords = []string{"caption", "bildunterschrift", "gallery", "slideshow", "carousel", "lightbox", "credit", "copyright"}

// hardNegWords are substrings of class names and ids of comment threads
// and consent boxes.
var hardNegWords = []string{
	"comment", "kommentar", "komentarz", "disqus", "cookie", "consent", "gdpr",
}

// strongNegWords are substrings of class names and ids of boilerplate.
var strongNegWords = []string{
	"reply", "replies", "sidebar", "footer", "breadcrumb", "navigation",
	"navbar", "menu", "share", "sharing", "social", "teilen", "related",
	"recommend", "similar", "newsletter", "subscri", "signup", "promo",
	"advert", "sponsor", "werbung", "reklama", "publicidad", "publicite",
	"outbrain", "taboola", "popular", "trending", "mostread", "most-read",
	"most_read", "meistgelesen", "banner", "pagination", "pager", "byline",
	"dateline", "login", "signin", "modal", "popup", "toolbar", "skiplink",
	"skip-link", "screen-reader", "sr-only", "visually-hidden",
	"visuallyhidden", "print-only", "author-bio", "authorbio", "author-box",
	"authorbox", "socialmedia", "read-more", "readmore", "weiterlesen", "disclaimer", "disclosure", "affiliate",
	"recirc", "zergnet", "editors-pick", "editorspick", "up-next", "upnext", "read-next", "readnext",
	"more-stories", "morestories", "more-from", "also-read", "alsoread",
}

// strongNegTokens are whole tokens of boilerplate class names and ids.
var strongNegTokens = []string{"nav", "widget", "widgets", "ad", "ads", "adv", "advertisement", "respond", "sponsored", "topics", "keywords"}

// weakNegTokens are whole tokens that usually mark boilerplate.
var weakNegTokens = []string{
	"header", "masthead", "meta", "tags", "tag", "author", "date", "time", "print", "tools", "extra", "aside",
	"teaser", "bio", "foot", "info", "links", "more", "rating", "label",
	"anzeige", "pub", "complementary", "noprint", "source",
	"legal", "contact", "search", "overlay", "follow", "cta",
}

// posWords are substrings of class names and ids of article text.
var posWords = []string{
	"article", "content", "entry", "post", "story", "body", "text", "main",
	"blog", "prose", "artikel", "inhalt", "tresc", "contenu", "contenido",
}

// taxonomyPrefixes start class names that content systems derive from an
// article's categories and tags, which say nothing about the element.
var taxonomyPrefixes = []string{"category-", "tag-", "tags-", "post_tag-", "postid-", "format-", "topic-", "rubrik-", "ressort-", "section-",
	// State names say what an element has or lacks ("has-sharing",
	// "no-sidebar", "with-related"), not what it is.
	"has-", "with-", "no-"}

// nameWord is a substring of class names and ids and the hint it gives.
type nameWord struct {
	word string
	hint hint
}

// wordsByByte indexes the substrings of hardNegWords, strongNegWords,
// captionWords and posWords by their first byte, so that a name is read
// in one pass instead of once per word.
var wordsByByte = func() (idx [256][]nameWord) {
	for _, list := range []struct {
		words []string
		hint  hint
	}{
		{hardNegWords, hintHardNeg},
		{strongNegWords, hintStrongNeg},
		{captionWords, hintCaption},
		{posWords, hintPos},
	} {
		for _, w := range list.words {
			idx[w[0]] = append(idx[w[0]], nameWord{w, list.hint})
		}
	}
	return idx
}()

// tokenHints maps the whole tokens of strongNegTokens and weakNegTokens to
// their hint.
var tokenHints = func() map[string]hint {
	m := make(map[string]hint, len(strongNegTokens)+len(weakNegTokens))
	for _, w := range weakNegTokens {
		m[w] = hintWeakNeg
	}
	for _, w := range strongNegTokens {
		m[w] = hintStrongNeg
	}
	return m
}()

// substringHints returns the hints of the words that occur anywhere in a
// lowercase name.
func substringHints(name string) hint {
	var h hint
	for i := 0; i < len(name); i++ {
		for _, w := range wordsByByte[name[i]] {
			if h&w.hint == 0 && strings.HasPrefix(name[i:], w.word) {
				h |= w.hint
			}
		}
	}
	return h
}

// nameCache remembers the hints of class names and ids already read on
// a page: pages repeat the same few names on many elements.
type nameCache map[string]hint

// classify reads the hints of one element.
func classify(n *html.Node, cache nameCache) hint {
	var h hint
	switch n.DataAtom {
	case atom.Nav, atom.Menu, atom.Dialog:
		h |= hintStrongNeg
	case atom.Aside, atom.Footer:
		h |= hintStrongNeg
	case atom.Figcaption:
		h |= hintCaption
	case atom.Article, atom.Main:
		h |= hintPos
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			hv, ok := cache[a.Val]
			if !ok {
				hv = classifyNames(a.Val)
				if cache != nil {
					cache[a.Val] = hv
				}
			}
			h |= hv
		case "role":
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "navigation", "contentinfo", "complementary", "search", "menu",
				"menubar", "dialog", "alertdialog", "banner", "toolbar", "tablist":
				h |= hintStrongNeg
			case "main", "article":
				h |= hintPos
			}
		case "itemprop":
			if containsFold(a.Val, "articlebody") {
				h |= hintPos | hintArticleBody
			}
		case "hidden":
			h |= hintHidden
		case "style":
			if hiddenStyle(a.Val) {
				h |= hintHidden
			}
		}
	}
	return h
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(s string) bool {
	if !strings.Contains(s, "none") && !strings.Contains(s, "hidden") {
		return false
	}
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, " ", "")
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// classifyNames reads the hints of a class or id attribute value: each
// space-separated name is checked for the words above.
func classifyNames(v string) hint {
	var h hint
	for _, name := range strings.Fields(v) {
		h |= classifyName(name)
	}
	return h
}

func classifyName(name string) hint {
	for i := 0; i < len(name); i++ {
		if name[i] >= 'A' && name[i] <= 'Z' {
			name = strings.ToLower(name)
			break
		}
	}
	for _, p := range taxonomyPrefixes {
		if strings.HasPrefix(name, p) {
			return 0
		}
	}
	h := substringHints(name)
	start, toks := -1, 0
	lastWeak := false
	for i := 0; i <= len(name); i++ {
		if i < len(name) && isAlnum(name[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		tok := name[start:i]
		start = -1
		toks++
		lastWeak = false
		switch tokenHints[tok] {
		case hintStrongNeg:
			h |= hintStrongNeg
			if tok == "respond" {
				h |= hintHardNeg
			}
		case hintWeakNeg:
			h |= hintWeakNeg
			// The header or teaser of an article holds its title and
			// standfirst.
			lastWeak = tok != "header" && tok != "teaser"
		}
	}
	// In "post-author", "entry-meta" or "article__tags" the last word
	// names the part, the first only the whole it belongs to.
	if lastWeak && toks > 1 {
		h &^= hintPos
	}
	return h
}
