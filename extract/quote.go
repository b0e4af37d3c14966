package extract

import "unicode/utf8"

// Quote fills in the Text of every piece of evidence of r from text, the
// article text its offsets point into, for output a person reads.
// Sentences stay offsets (see SentenceIn): quoted once per fact, one long
// sentence with many facts would make the output grow with the square of
// the text. Evidence whose offsets do not fit the text is left as it is.
func (r *Record) Quote(text string) {
	at := newCharIndex(text)
	q := func(ev *Evidence) {
		if ev == nil {
			return
		}
		if s, ok := at.span(ev.Start, ev.End); ok {
			ev.Text = s
		}
	}
	for i := range r.Counts {
		q(r.Counts[i].Evidence)
	}
	for i := range r.Votes {
		for j := range r.Votes[i].Evidence {
			q(&r.Votes[i].Evidence[j])
		}
	}
	for i := range r.Stances {
		q(r.Stances[i].Evidence)
	}
	for i := range r.Mentions {
		q(&r.Mentions[i].Evidence)
	}
}

// SentenceIn returns the evidence's sentence: Sentence when the evidence
// carries it (records stored before evidence held only offsets), else
// the sentence's span of text, or "" when the span does not fit the text.
func (e Evidence) SentenceIn(text string) string {
	if e.Sentence != "" {
		return e.Sentence
	}
	s, _ := newCharIndex(text).span(e.SentenceStart, e.SentenceEnd)
	return s
}

// charIndex finds text by character offsets.
type charIndex struct {
	text string
	// at maps each character offset to its byte offset, the length of
	// the text at the end; nil when the text is ASCII and the two agree.
	at []int
}

func newCharIndex(text string) charIndex {
	if isASCII(text) {
		return charIndex{text: text}
	}
	at := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		at = append(at, i)
	}
	return charIndex{text: text, at: append(at, len(text))}
}

// span returns the text between character offsets start and end, and
// false when they do not fit the text.
func (c charIndex) span(start, end int) (string, bool) {
	if start < 0 || end < start {
		return "", false
	}
	if c.at == nil {
		if end > len(c.text) {
			return "", false
		}
		return c.text[start:end], true
	}
	if end >= len(c.at) {
		return "", false
	}
	return c.text[c.at[start]:c.at[end]], true
}
