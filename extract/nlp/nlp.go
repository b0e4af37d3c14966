// Package nlp splits article text into sentences and tokens with their
// character positions and tags tokens with parts of speech, using prose's
// averaged-perceptron tagger. The tagger's model is loaded once per process,
// when the first sentence is tagged, and shared read-only, so a Model is
// safe for concurrent use. prose's entity recognizer is never loaded: no
// reader uses it.
package nlp

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string // the token as it stands in the text
	Tag   string // Penn Treebank part-of-speech tag; empty until tagged
	Start int    // byte offset in the whole text
	End   int    // byte offset in the whole text, exclusive
}

// Sentence is one sentence of a text, with byte offsets into that text.
type Sentence struct {
	Text  string
	Start int
	End   int
}

// Model tags tokens. The zero value is not usable; call Load.
type Model struct {
	once sync.Once
	m    *prose.Model
}

// shared is the process-wide model.
var shared = new(Model)

// Load returns the process-wide model. It costs nothing: prose's tagger is
// loaded the first time a sentence is tagged.
func Load() *Model {
	return shared
}

// tagger returns prose's model, loading it on first use.
func (m *Model) tagger() *prose.Model {
	m.once.Do(func() { m.m = taggerOnly() })
	return m.m
}

// taggerOnly builds a prose model that holds the part-of-speech tagger and
// no entity recognizer. prose.ModelFromData always builds both (the
// recognizer alone is about 40 MB of allocations and 1.3 times the
// tagger's loading time); a document made without extraction and without
// a model gets a model of its own with the tagger only, which is then
// shared by every later document.
func taggerOnly() *prose.Model {
	doc, err := prose.NewDocument("",
		prose.WithSegmentation(false),
		prose.WithExtraction(false))
	if err != nil {
		panic("nlp: load prose's tagger: " + err.Error())
	}
	return doc.Model
}

// Tag tokenizes one sentence with prose and tags each token. Offsets are
// positions in the whole text, s.Start being where the sentence begins.
func (m *Model) Tag(s Sentence) []Token {
	if strings.TrimSpace(s.Text) == "" {
		return nil
	}
	doc, err := prose.NewDocument(s.Text,
		prose.UsingModel(m.tagger()),
		prose.WithSegmentation(false),
		prose.WithExtraction(false))
	if err != nil {
		return Tokenize(s)
	}
	ptoks := doc.Tokens()
	toks := make([]Token, 0, len(ptoks))
	cursor := 0
	for _, pt := range ptoks {
		start, end, ok := align(s.Text, cursor, pt.Text)
		if !ok {
			continue
		}
		cursor = end
		toks = appendSplitAtBrackets(toks, Token{
			Text:  s.Text[start:end],
			Tag:   pt.Tag,
			Start: s.Start + start,
			End:   s.Start + end,
		})
	}
	return toks
}

// appendSplitAtBrackets appends tok to toks, split at its brackets when
// one is glued to the word before it, as in "9 abstentions(Albania,
// Cameroon)": the words keep the token's tag, each bracket is tagged as
// itself.
func appendSplitAtBrackets(toks []Token, tok Token) []Token {
	if !gluedBracket(tok.Text) {
		return append(toks, tok)
	}
	from := 0
	for i, r := range tok.Text {
		if r != '(' && r != ')' {
			continue
		}
		if i > from {
			toks = append(toks, Token{Text: tok.Text[from:i], Tag: tok.Tag, Start: tok.Start + from, End: tok.Start + i})
		}
		toks = append(toks, Token{Text: tok.Text[i : i+1], Tag: string(r), Start: tok.Start + i, End: tok.Start + i + 1})
		from = i + 1
	}
	if from < len(tok.Text) {
		toks = append(toks, Token{Text: tok.Text[from:], Tag: tok.Tag, Start: tok.Start + from, End: tok.End})
	}
	return toks
}

// align finds tok in text at or after from, skipping white space, and
// allowing for prose's replacement of curly quotes by straight ones.
func align(text string, from int, tok string) (start, end int, ok bool) {
	i := from
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if e, ok := matchAt(text, i, tok); ok {
		return i, e, true
	}
	// Tokens come in order; a token prose changed in some other way is
	// looked for a little further on before it is given up.
	limit := min(len(text), i+64)
	for j := i + 1; j < limit; j++ {
		if e, ok := matchAt(text, j, tok); ok {
			return j, e, true
		}
	}
	return 0, 0, false
}

// matchAt reports whether tok stands in text at i, rune by rune, with
// curly quotes in text matching straight ones in tok.
func matchAt(text string, i int, tok string) (int, bool) {
	for _, want := range tok {
		if i >= len(text) {
			return 0, false
		}
		got, size := utf8.DecodeRuneInString(text[i:])
		if got != want && straighten(got) != want {
			return 0, false
		}
		i += size
	}
	return i, true
}

func straighten(r rune) rune {
	switch r {
	case '\u2018', '\u2019':
		return '\''
	case '\u201c', '\u201d':
		return '"'
	}
	return r
}

// Tokenize splits a sentence into tokens without tagging them: words (with
// inner hyphens, apostrophes, dots and digit separators kept), and each
// other punctuation mark on its own.
func Tokenize(s Sentence) []Token {
	var toks []Token
	text := s.Text
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < len(text) {
				r2, size2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += size2
					continue
				}
				if isJoiner(r2) && j+size2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+size2:])
					prev, _ := utf8.DecodeLastRuneInString(text[:j])
					if joins(prev, r2, r3) {
						j += size2
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Text: text[i:j], Start: s.Start + i, End: s.Start + j})
			i = j
		default:
			toks = append(toks, Token{Text: text[i : i+size], Start: s.Start + i, End: s.Start + i + size})
			i += size
		}
	}
	return toks
}

// gluedBracket reports whether a bracket stands in w right after a letter
// or digit: "abstentions(Albania". Other marks before a bracket are left
// as the tokenizer found them.
func gluedBracket(w string) bool {
	prev := ' '
	for _, r := range w {
		if (r == '(' || r == ')') && isWordRune(prev) {
			return true
		}
		prev = r
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool {
	switch r {
	case '-', '\'', '\u2019', '.', ',', '\u2010', '\u2011':
		return true
	}
	return false
}

// joins reports whether the joiner j between prev and next keeps them in
// one token: hyphens and apostrophes inside words, dots and commas only
// inside numbers ("1,500", "2.5").
func joins(prev, j, next rune) bool {
	if j == '.' || j == ',' {
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return isWordRune(next)
}
