package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
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

// nameSlashCredit reports whether a line ends in the credit of a
// caption written as "First Last/Outlet" after its last sentence: two
// capitalised words before a slash and a short capitalised name after it.
func nameSlashCredit(s string) bool {
	s = strings.TrimRight(s, " .")
	i := strings.LastIndexByte(s, '/')
	if i <= 0 || len(s)-i > 40 {
		return false
	}
	after := s[i+1:]
	r, _ := utf8.DecodeRuneInString(after)
	if !unicode.IsUpper(r) || strings.Contains(after, ". ") {
		return false
	}
	words := strings.Fields(s[:i])
	if len(words) < 3 {
		return false // the credit alone is left to the other rules
	}
	for _, w := range words[len(words)-2:] {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ToUpper(w) == w {
			return false // not a name, or an acronym (TCP/IP)
		}
	}
	// The credit follows the caption's last sentence.
	end, _ := utf8.DecodeLastRuneInString(words[len(words)-3])
	return strings.ContainsRune(".!?)”\"", end)
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
	if len(s) <= 250 && nameSlashCredit(s) {
		return true
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
	"view this post on instagram", "a post shared by", "view on instagram", "view on twitter",
	"watch on youtube",
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
	if strings.Contains(low, "continue reading") || strings.Contains(low, "scroll to continue") ||
		strings.Contains(low, "continues after") || strings.Contains(low, "continues below") {
		return true
	}
	return slideCounter(low)
}

// slideWords name the pictures of a gallery that counters number.
var slideWords = map[string]bool{
	"image": true, "photo": true, "picture": true, "slide": true, "bild": true, "foto": true, "imagen": true,
}

// slideCounter reports whether a lower-cased line counts the pictures of
// a gallery: "Image 3 of 12", "Bild 1 von 10", "photo 2/8".
func slideCounter(low string) bool {
	w := strings.Fields(strings.ReplaceAll(low, "/", " / "))
	if len(w) < 3 || len(w) > 5 || !slideWords[w[0]] || !number(w[1]) || !number(w[len(w)-1]) {
		return false
	}
	switch w[2] {
	case "of", "von", "de", "di", "/", "sur":
		return true
	}
	return false
}

// number reports whether s is made of digits only.
func number(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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
