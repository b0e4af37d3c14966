package clean

import (
	"strings"
	"unicode"
)

// normaliseLang turns a language tag from markup (de-DE, en_US, EN) into
// its lower-case primary subtag (de, en), or "" when it is not a tag.
func normaliseLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	s = strings.ToLower(s)
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return s
}

// stopwords are frequent short words of each language, used to tell the
// language of a text without markup.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "on", "as", "are", "this", "be", "by", "have"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "ein", "eine", "auch", "dem", "den", "von", "zu", "für", "wird"},
	"fr": {"le", "la", "les", "et", "des", "est", "une", "un", "du", "que", "qui", "dans", "pour", "pas", "sur", "au", "avec", "sont"},
	"es": {"el", "la", "los", "las", "y", "que", "en", "es", "por", "una", "un", "del", "con", "para", "se", "como", "su", "al"},
	"it": {"il", "di", "che", "e", "la", "per", "un", "una", "sono", "non", "del", "della", "con", "è", "gli", "le", "nel", "anche"},
	"pt": {"o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "no", "na", "por"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "die", "ook", "maar", "aan", "wordt"},
	"pl": {"i", "w", "na", "się", "nie", "z", "do", "to", "że", "jest", "o", "jak", "co", "od", "po", "za", "ale", "przez"},
	"sv": {"och", "att", "det", "som", "en", "är", "på", "för", "med", "av", "inte", "till", "den", "har", "om", "ett", "var", "jag"},
	"da": {"og", "at", "det", "er", "en", "til", "på", "med", "for", "af", "ikke", "den", "som", "de", "har", "et", "var", "jeg"},
}

var stopwordIndex = func() map[string][]string {
	idx := map[string][]string{}
	for lang, words := range stopwords {
		for _, w := range words {
			idx[w] = append(idx[w], lang)
		}
	}
	return idx
}()

// detectLanguage guesses the language of text from its most frequent
// short words. It returns "" when the text is too short or matches no
// language clearly.
func detectLanguage(text string) string {
	if len(text) > 32<<10 {
		text = text[:32<<10]
	}
	counts := map[string]int{}
	words := 0
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if words >= 2000 {
			break
		}
		words++
		for _, lang := range stopwordIndex[strings.ToLower(f)] {
			counts[lang]++
		}
	}
	if words < 8 {
		return ""
	}
	best, second, lang := 0, 0, ""
	for l, c := range counts {
		if c > best || c == best && l < lang {
			best, second, lang = c, best, l
		} else if c > second {
			second = c
		}
	}
	if best < 3 || best*10 < words || best <= second {
		return ""
	}
	return lang
}
