package web

import "github.com/tally-news/tally/extract"

// The pages read a fact's evidence only through these helpers, so that a
// change in what extract.Evidence stores is followed here alone.

// evidenceSpan is where in the text a piece of evidence lies, in code
// points from the start, end exclusive.
func evidenceSpan(ev *extract.Evidence) (start, end int) {
	return ev.Start, ev.End
}

// evidenceSentence is the sentence the evidence lies in, as the text
// gives it, and where it starts in code points.
func evidenceSentence(ev *extract.Evidence) (sentence string, start int) {
	return ev.Sentence, ev.SentenceStart
}
