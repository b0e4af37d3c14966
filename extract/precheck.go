package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tally-news/tally/extract/actors"
)

// The cheap pre-checks: tests on a sentence's text, before it is tagged,
// of whether a reader can use it. Tagging is most of the cost of
// extraction; a sentence that fails them is never tagged.

// mayHoldNumber is a cheap test that saves tagging sentences with no
// count in them: a number in digits that is not plainly a date, or a
// whole word that countAt may read as a number ("ten", "ten-day",
// "twenty-one", "twice", "a dozen"). Words are matched whole, so
// "often" and "someone" do not count. Digits beside a month ("25 March",
// "Feb 22") and a year standing before punctuation or the end ("in
// 2016.") are dates, which countAt never reads as counts either.
func mayHoldNumber(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			j++
		}
		if !plainDate(s, i, j) {
			return true
		}
		i = j
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, size2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += size2
		}
		if j-i <= len("seventeen") && numberWord(strings.ToLower(s[i:j])) {
			return true
		}
		i = j
	}
	return false
}

// plainDate reports whether the digits s[i:j], standing apart from the
// words around them, are a day beside a month or a year with no word
// after it.
func plainDate(s string, i, j int) bool {
	before, after := byte(' '), byte(' ')
	if i > 0 {
		before = s[i-1]
	}
	if j < len(s) {
		after = s[j]
	}
	if before != ' ' && before != ',' && before != '(' || after != ' ' && after != ',' && after != '.' && after != ')' && after != ';' {
		return false
	}
	prev := strings.TrimSuffix(lastWord(strings.TrimRight(s[:i], " ")), ".")
	next := firstWord(strings.TrimLeft(s[j:], " "))
	if months[strings.ToLower(prev)] || months[strings.ToLower(next)] {
		return true
	}
	year := j-i == 4 && s[i] >= '1' && s[i] <= '2'
	rest := strings.TrimLeft(s[j:], " ")
	return year && (rest == "" || !unicode.IsLetter(rune(rest[0])))
}

// lastWord returns the ASCII letters and dots that end s.
func lastWord(s string) string {
	k := len(s)
	for k > 0 && (isASCIILetter(s[k-1]) || s[k-1] == '.') {
		k--
	}
	return s[k:]
}

// firstWord returns the ASCII letters that start s.
func firstWord(s string) string {
	k := 0
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	return s[:k]
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// readsSentence is the cheap test, on the sentence's words before it is
// tagged, of whether the vote or the stance readers can use sentence si:
// one that may speak of a vote, or one that names an actor and has a
// word a stance rule or a speaker opens on (see stanceOpeners), or
// opens "Among them" after a vote, or one that names no actor but a
// group of states ("the two countries") and has such a word. The others
// are never tagged for them.
func (d *document) readsSentence(si int) bool {
	if d.skipped != nil && d.skipped[si] {
		return false
	}
	if d.readPrecheck[si] == 0 {
		d.readPrecheck[si] = precheckAnswer(d.readsSentenceText(si))
	}
	return d.readPrecheck[si] == precheckYes
}

func (d *document) readsSentenceText(si int) bool {
	s := d.sents[si]
	if d.mentionsVote(si) {
		return true
	}
	ms := d.actorsIn(s.Start, s.End)
	if len(ms) == 0 {
		// "The three countries signed a pact": a group of states named
		// before.
		return hasWordIn(s.Text, groupStateNounSet) && hasWordIn(s.Text, stanceOpeners)
	}
	if d.readAll {
		return true
	}
	for _, m := range ms {
		if m.Kind == actors.Leader {
			return true
		}
	}
	for name := range d.disc.people {
		if strings.Contains(s.Text, name) {
			return true
		}
	}
	return hasWordIn(s.Text, stanceOpeners) || len(s.Text) >= 5 && strings.EqualFold(s.Text[:5], "among")
}

// mentionsVote is mentionsVote on sentence si, asked once.
func (d *document) mentionsVote(si int) bool {
	if d.votePrecheck[si] == 0 {
		d.votePrecheck[si] = precheckAnswer(mentionsVote(d.sents[si].Text))
	}
	return d.votePrecheck[si] == precheckYes
}

// The answers of a pre-check held for a sentence.
const (
	precheckNo uint8 = 1 + iota
	precheckYes
)

func precheckAnswer(yes bool) uint8 {
	if yes {
		return precheckYes
	}
	return precheckNo
}

// hasWordIn reports whether one of the words of s, lowercased and with
// curly apostrophes straightened, is in set. A hyphenated word is looked
// up whole and by its parts ("long-time", "US-backed").
func hasWordIn(s string, set map[string]bool) bool {
	var buf []byte
	start := -1
	for i := 0; i <= len(s); {
		r, size := rune(' '), 1
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '\u2019' || r == '-' {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 {
			buf = appendLowerWord(buf[:0], s[start:i])
			if set[string(buf)] {
				return true
			}
			for _, part := range bytes.Split(buf, []byte{'-'}) {
				if len(part) < len(buf) && set[string(part)] {
					return true
				}
			}
			start = -1
		}
		i += size
	}
	return false
}

// appendLowerWord appends w to buf in lower case with curly apostrophes
// straightened, as item.lw spells it.
func appendLowerWord(buf []byte, w string) []byte {
	for _, r := range w {
		if r == '\u2019' {
			r = '\''
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}
