package clean

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hint is what an element's tag, role, class and id say about it.
type hint uint8

const (
	// hintStrongNeg marks boilerplate whatever else the names say:
	// navigation, comments, share bars, related links, ads, banners.
	hintStrongNeg hint = 1 << iota
	// hintWeakNeg marks names that are often boilerplate (header, meta,
	// tags, author) unless a positive name is present too.
	hintWeakNeg
	// hintPos marks names of article containers (article, content, entry,
	// post, story, body, text, main).
	hintPos
	// hintComment marks comment threads, which stay boilerplate even when
	// they hold more prose than the article.
	hintComment
	// hintHidden marks elements that a browser would not show.
	hintHidden
	// hintArticleBody marks schema.org articleBody markup.
	hintArticleBody
)

// strongNegWords are substrings of class or id tokens that mark boilerplate.
var strongNegWords = []string{
	"comment", "kommentar", "komentarz", "disqus", "reply", "replies",
	"sidebar", "footer", "breadcrumb", "navigation", "navbar", "menu",
	"share", "sharing", "social", "teilen", "related", "recommend", "similar",
	"newsletter", "subscri", "signup", "cookie", "consent", "gdpr",
	"promo", "advert", "sponsor", "werbung", "reklama", "publicidad", "publicite",
	"outbrain", "taboola", "popular", "trending", "mostread", "most-read",
	"most_read", "meistgelesen", "widget", "banner", "pagination", "pager",
	"byline", "dateline", "login", "signin", "paywall", "modal", "popup",
	"overlay", "toolbar", "skiplink", "skip-link", "screen-reader", "sr-only",
	"visually-hidden", "visuallyhidden", "print-only", "author-bio", "authorbio",
	"author-box", "authorbox", "topics", "keywords", "socialmedia", "follow",
}

// weakNegWords are whole tokens that usually mark boilerplate.
var weakNegWords = []string{
	"header", "masthead", "meta", "tags", "tag",
	"caption", "credit", "credits", "author", "date", "time",
	"print", "tools", "extra", "aside", "teaser", "bio", "foot", "info",
	"links", "more", "rating", "label", "anzeige", "pub", "complementary",
	"hide", "noprint", "source", "copyright", "legal", "contact", "search",
}

// strongNegTokens are whole tokens that mark boilerplate.
var strongNegTokens = []string{"nav", "ad", "ads", "adv", "advertisement", "respond", "sponsored"}

// posWords are substrings of class or id tokens that mark article text.
var posWords = []string{
	"article", "content", "entry", "post", "story", "body", "text", "main",
	"blog", "prose", "artikel", "inhalt", "tresc", "contenu", "contenido",
}

// classify reads the hints of one element.
func classify(n *html.Node) hint {
	var h hint
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Footer, atom.Menu, atom.Dialog:
		h |= hintStrongNeg
	case atom.Header:
		h |= hintWeakNeg
	case atom.Article, atom.Main:
		h |= hintPos
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			h |= classifyNames(a.Val)
		case "role":
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "navigation", "contentinfo", "complementary", "search", "menu",
				"menubar", "dialog", "alertdialog", "banner", "toolbar", "tablist":
				h |= hintStrongNeg
			case "main", "article":
				h |= hintPos
			}
		case "itemprop":
			if strings.Contains(strings.ToLower(a.Val), "articlebody") {
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

// classifyNames reads the hints of a class or id attribute value.
func classifyNames(v string) hint {
	var h hint
	lower := false
	for i := 0; i < len(v); i++ {
		if v[i] >= 'A' && v[i] <= 'Z' {
			lower = true
			break
		}
	}
	if lower {
		v = strings.ToLower(v)
	}
	// Whole-value substrings first: they may span token boundaries.
	for _, w := range strongNegWords {
		if strings.Contains(v, w) {
			h |= hintStrongNeg
			if strings.HasPrefix(w, "comment") || w == "kommentar" || w == "komentarz" || w == "disqus" {
				h |= hintComment
			}
			break
		}
	}
	if h&hintStrongNeg != 0 && h&hintComment == 0 {
		// A comment word may follow another strong word.
		if strings.Contains(v, "comment") || strings.Contains(v, "disqus") {
			h |= hintComment
		}
	}
	for _, w := range posWords {
		if strings.Contains(v, w) {
			h |= hintPos
			break
		}
	}
	// Whole tokens.
	start := -1
	for i := 0; i <= len(v); i++ {
		if i < len(v) && isAlnum(v[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			tok := v[start:i]
			start = -1
			for _, w := range strongNegTokens {
				if tok == w {
					h |= hintStrongNeg
					if w == "respond" {
						h |= hintComment
					}
					break
				}
			}
			for _, w := range weakNegWords {
				if tok == w {
					h |= hintWeakNeg
					break
				}
			}
		}
	}
	return h
}
