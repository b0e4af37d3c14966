package actors

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenClass says what a token is made of.
type tokenClass uint8

const (
	classWord  tokenClass = iota // letters and digits, or an abbreviation such as "U.S."
	classApos                    // any apostrophe, normalised to "'"
	classDash                    // any hyphen or dash, normalised to "-"
	classPunct                   // any other single character
)

// token is one word or punctuation mark of a text. Its key is the form
// the table is indexed by: accents folded ("Côte" gives "Cote"),
// apostrophes and dashes normalised, case kept.
type token struct {
	start, end offset // byte offsets in the text
	key        string
	class      tokenClass
	upper      bool // starts with an upper-case letter
	caps       bool // two or more letters, all upper-case
	sentStart  bool // first token of a sentence, a line or the text
	lineStart  bool // first token of a line or the text
	spaceAfter bool // followed by white space or the end of the text
}

// offset is a byte offset in a text. Four bytes, not eight, keep a
// token in 32 bytes: the tokens of a long text are held all at once
// (see Find), and take more room than the text.
type offset uint32

// maxText is the longest text tokenize reads; the rest of a longer one
// is left unread.
const maxText = math.MaxUint32

// tokenize splits text into tokens. It runs in time linear in the text
// and never fails: bytes that are not valid UTF-8 are punctuation.
func tokenize(text string, toks []token) []token {
	if len(text) > maxText {
		text = text[:maxText]
	}
	sentStart, lineStart := true, true
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n' || c == '\r':
				sentStart, lineStart = true, true
				markSpace(toks)
				i++
				continue
			case c == ' ' || c == '\t' || c == '\f' || c == '\v':
				markSpace(toks)
				i++
				continue
			case isASCIIWordByte(c):
				end, ascii := scanWord(text, i)
				toks = append(toks, wordToken(text, i, end, ascii, sentStart, lineStart))
				sentStart, lineStart = false, false
				i = end
				continue
			}
			t := token{start: offset(i), end: offset(i + 1), key: text[i : i+1], class: classPunct, sentStart: sentStart, lineStart: lineStart}
			switch c {
			case '\'', '`':
				t.class, t.key = classApos, "'"
			case '-':
				t.class = classDash
			}
			toks = append(toks, t)
			lineStart = false
			// A sentence ends at a full stop, question or exclamation
			// mark; the next word then starts one.
			if c == '.' || c == '?' || c == '!' {
				sentStart = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			toks = append(toks, token{start: offset(i), end: offset(i + 1), key: "\ufffd", class: classPunct, sentStart: sentStart, lineStart: lineStart})
		case r == '\u2028' || r == '\u2029' || r == '\u0085':
			sentStart, lineStart = true, true
			markSpace(toks)
		case unicode.IsSpace(r):
			markSpace(toks)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end, ascii := scanWord(text, i)
			toks = append(toks, wordToken(text, i, end, ascii, sentStart, lineStart))
			sentStart, lineStart = false, false
			i = end
			continue
		case isApostrophe(r):
			toks = append(toks, token{start: offset(i), end: offset(i + size), key: "'", class: classApos, sentStart: sentStart, lineStart: lineStart})
			lineStart = false
		case isDash(r):
			toks = append(toks, token{start: offset(i), end: offset(i + size), key: "-", class: classDash, sentStart: sentStart, lineStart: lineStart})
			lineStart = false
		default:
			toks = append(toks, token{start: offset(i), end: offset(i + size), key: text[i : i+size], class: classPunct, sentStart: sentStart, lineStart: lineStart})
			lineStart = false
			if r == '…' || r == '。' {
				sentStart = true
			}
		}
		i += size
	}
	markSpace(toks)
	return toks
}

func markSpace(toks []token) {
	if len(toks) > 0 {
		toks[len(toks)-1].spaceAfter = true
	}
}

func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isApostrophe(r rune) bool {
	switch r {
	case '\u2019', '\u2018', '\u02bc', '\u2032', '\u00b4':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// scanWord returns the end of the word starting at i and whether it is
// all ASCII. A word is a run of letters, digits and combining marks. A
// run of single capital letters each followed by a full stop ("U.S.",
// "D.C.", "U.S.A.") is one word, stop included.
func scanWord(text string, i int) (end int, ascii bool) {
	ascii = true
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			if !isASCIIWordByte(c) {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			break
		}
		ascii = false
		j += size
	}
	// Abbreviations of single capitals: "U.S.", "U.K.", "D.R.".
	if j == i+1 && isUpperASCII(text[i]) && j+1 < len(text) && text[j] == '.' && isUpperASCII(text[j+1]) {
		k := j
		for k+1 < len(text) && text[k] == '.' && isUpperASCII(text[k+1]) && (k+2 == len(text) || !isASCIIWordByte(text[k+2])) {
			k += 2
		}
		if k > j {
			if k < len(text) && text[k] == '.' {
				k++
			}
			return k, true
		}
	}
	return j, ascii
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func wordToken(text string, start, end int, ascii, sentStart, lineStart bool) token {
	t := token{start: offset(start), end: offset(end), class: classWord, sentStart: sentStart, lineStart: lineStart}
	w := text[start:end]
	if ascii {
		t.key = w
	} else {
		t.key = fold(w)
	}
	letters, uppers := 0, 0
	if ascii {
		for k := 0; k < len(w); k++ {
			c := w[k]
			switch {
			case c >= 'A' && c <= 'Z':
				letters++
				uppers++
				if k == 0 {
					t.upper = true
				}
			case c >= 'a' && c <= 'z':
				letters++
			}
		}
		t.caps = letters >= 2 && letters == uppers
		return t
	}
	for k, r := range t.key {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if unicode.IsUpper(r) {
			uppers++
			if k == 0 {
				t.upper = true
			}
		}
	}
	t.caps = letters >= 2 && letters == uppers
	return t
}

// fold removes accents from Latin letters and drops combining marks, so
// that "Côte", "Cote" and "Côte" (with a combining circumflex) share one
// key. Letters it does not know are kept as they are.
func fold(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldTable maps accented Latin letters to their base letters.
var foldTable = func() map[rune]string {
	m := map[rune]string{}
	groups := []struct{ base, letters string }{
		{"A", "ÀÁÂÃÄÅĀĂĄ"}, {"a", "àáâãäåāăą"},
		{"C", "ÇĆĈĊČ"}, {"c", "çćĉċč"},
		{"D", "ĎĐ"}, {"d", "ďđ"},
		{"E", "ÈÉÊËĒĔĖĘĚ"}, {"e", "èéêëēĕėęě"},
		{"G", "ĜĞĠĢ"}, {"g", "ĝğġģ"},
		{"H", "ĤĦ"}, {"h", "ĥħ"},
		{"I", "ÌÍÎÏĨĪĬĮİ"}, {"i", "ìíîïĩīĭįı"},
		{"J", "Ĵ"}, {"j", "ĵ"},
		{"K", "Ķ"}, {"k", "ķ"},
		{"L", "ĹĻĽĿŁ"}, {"l", "ĺļľŀł"},
		{"N", "ÑŃŅŇ"}, {"n", "ñńņň"},
		{"O", "ÒÓÔÕÖØŌŎŐ"}, {"o", "òóôõöøōŏő"},
		{"R", "ŔŖŘ"}, {"r", "ŕŗř"},
		{"S", "ŚŜŞŠȘ"}, {"s", "śŝşšș"},
		{"T", "ŢŤŦȚ"}, {"t", "ţťŧț"},
		{"U", "ÙÚÛÜŨŪŬŮŰŲ"}, {"u", "ùúûüũūŭůűų"},
		{"W", "Ŵ"}, {"w", "ŵ"},
		{"Y", "ÝŶŸ"}, {"y", "ýÿŷ"},
		{"Z", "ŹŻŽ"}, {"z", "źżž"},
	}
	for _, g := range groups {
		for _, r := range g.letters {
			m[r] = g.base
		}
	}
	return m
}()
