package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "st": true, "jr": true, "sr": true,
	"no": true, "nos": true, "vs": true, "v": true, "etc": true, "approx": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "dept": true, "fig": true,
	"hon": true, "rt": true, "amb": true, "pres": true, "min": true, "art": true,
	"para": true, "vol": true, "op": true, "cf": true, "e.g": true, "i.e": true,
}

// sentenceStarters are words that, after a dotted abbreviation such as
// "U.S.", show that a new sentence has begun.
var sentenceStarters = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"But": true, "In": true, "A": true, "An": true, "This": true, "That": true,
	"There": true, "I": true, "And": true, "On": true, "At": true, "Its": true,
	"Their": true, "His": true, "Her": true, "After": true, "While": true,
	"However": true, "Meanwhile": true,
}

// Sentences splits text into sentences. A line break always ends a
// sentence (headlines, list items and paragraphs stand alone); within a
// line, '.', '!' or '?' followed by space and a capital, digit or quote
// ends one, unless the dot closes an abbreviation ("Mr.", "No.") or an
// initial.
func Sentences(text string) []Sentence {
	var out []Sentence
	emit := func(start, end int) {
		for start < end {
			r, size := utf8.DecodeRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			start += size
		}
		for end > start {
			r, size := utf8.DecodeLastRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= size
		}
		if start < end {
			out = append(out, Sentence{Text: text[start:end], Start: start, End: end})
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			emit(start, i)
			start = i + size
		case r == '.' || r == '!' || r == '?' || r == '\u2026':
			end := i + size
			// Closing quotes and brackets belong to the sentence.
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if r2 == '"' || r2 == '\'' || r2 == '\u201d' || r2 == '\u2019' || r2 == ')' || r2 == ']' || r2 == '.' || r2 == '!' || r2 == '?' {
					end += s2
					continue
				}
				break
			}
			if endsSentence(text, i, end) {
				emit(start, end)
				start = end
			}
			i = end
			continue
		}
		i += size
	}
	emit(start, len(text))
	return out
}

// endsSentence decides whether the mark at text[i] (closing material up to
// end) ends a sentence.
func endsSentence(text string, i, end int) bool {
	// Must be followed by white space and then a sentence opener.
	j := end
	sawSpace := false
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			break
		}
		sawSpace = true
		j += size
	}
	if j >= len(text) {
		return true
	}
	if !sawSpace {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"'\u201c\u2018(", next)) {
		return false
	}
	if text[i] != '.' {
		return true
	}
	word := wordBefore(text, i)
	if word == "" {
		return true
	}
	lower := strings.ToLower(word)
	if lower == "no" || lower == "nos" {
		// "No. 5" abbreviates number; "voted no." ends a sentence.
		return !unicode.IsDigit(next)
	}
	if abbreviations[lower] {
		return false
	}
	// A single capital letter is an initial ("John F. Kennedy").
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return false
	}
	// Dotted abbreviations ("U.S.", "U.N.") end a sentence only when what
	// follows clearly starts one.
	if strings.Contains(word, ".") {
		return sentenceStarters[wordAt(text, j)]
	}
	return true
}

// wordBefore returns the word (letters and inner dots) ending at text[i].
func wordBefore(text string, i int) string {
	j := i
	// Abbreviations are short; the bound keeps long runs of dotted
	// letters linear.
	for j > 0 && i-j < 32 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || (r == '.' && j < i) {
			j -= size
			continue
		}
		break
	}
	return strings.Trim(text[j:i], ".")
}

// wordAt returns the letters starting at text[j].
func wordAt(text string, j int) string {
	k := j
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += size
	}
	return text[j:k]
}
