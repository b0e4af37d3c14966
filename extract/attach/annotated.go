package attach

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/tally-news/tally/extract/nlp"
)

// Annotated is one sentence annotated by hand: its stance cues, each
// with the stances it states.
//
// The file format (testdata/sentences.txt) is line based. A line
// "## shape/family" opens a family of sentences sharing one wording
// pattern; the shape is the frame they share (passive, possessive,
// negated ...). Every other line that does not start with a tab or "#"
// is a sentence; the tab-indented lines under it are its cues:
//
//	France condemned Russia's strike on Kyiv.
//		condemned oppose: FRA>RUS
//	Germany did not side with Iran.
//		side_with support: -
//
// A cue is named by its words joined with "_", lower case, followed by
// "#n" when it is the n-th occurrence of those words in the sentence;
// then its polarity, a colon, and its stances as HOLDER>TARGET actor
// codes, or "-" when the cue states none (negated, hypothetical, asked).
type Annotated struct {
	Shape, Family string
	Text          string
	Cues          []AnnotatedCue
	// Line is the sentence's line in the file, for messages.
	Line int
}

// AnnotatedCue is one cue of an annotated sentence.
type AnnotatedCue struct {
	Words    []string
	Nth      int // 1 for the first occurrence
	Polarity string
	Tuples   []Tuple
}

// Tuples returns every stance the sentence states, sorted.
func (a Annotated) Tuples() []Tuple {
	seen := map[Tuple]bool{}
	var out []Tuple
	for _, c := range a.Cues {
		for _, t := range c.Tuples {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	SortTuples(out)
	return out
}

// ReadAnnotated reads annotated sentences in the format described at
// Annotated.
func ReadAnnotated(r io.Reader) ([]Annotated, error) {
	var out []Annotated
	shape, family := "", ""
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "## "):
			name := strings.TrimSpace(line[3:])
			s, f, ok := strings.Cut(name, "/")
			if !ok || s == "" || f == "" {
				return nil, fmt.Errorf("line %d: family %q is not shape/family", n, name)
			}
			shape, family = s, name
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "\t"):
			if len(out) == 0 {
				return nil, fmt.Errorf("line %d: cue before any sentence", n)
			}
			c, err := parseCue(strings.TrimSpace(line))
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			out[len(out)-1].Cues = append(out[len(out)-1].Cues, c)
		default:
			if family == "" {
				return nil, fmt.Errorf("line %d: sentence before any family", n)
			}
			if k := len(out); k > 0 && len(out[k-1].Cues) == 0 {
				return nil, fmt.Errorf("line %d: sentence without cues", out[k-1].Line)
			}
			out = append(out, Annotated{Shape: shape, Family: family, Text: strings.TrimSpace(line), Line: n})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read annotated sentences: %w", err)
	}
	if k := len(out); k > 0 && len(out[k-1].Cues) == 0 {
		return nil, fmt.Errorf("line %d: sentence without cues", out[k-1].Line)
	}
	return out, nil
}

// ReadAnnotatedFile reads the annotated sentences of a file.
func ReadAnnotatedFile(path string) ([]Annotated, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read annotated sentences: %w", err)
	}
	defer f.Close()
	as, err := ReadAnnotated(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return as, nil
}

func parseCue(s string) (AnnotatedCue, error) {
	head, tuples, ok := strings.Cut(s, ":")
	if !ok {
		return AnnotatedCue{}, fmt.Errorf("cue %q has no colon", s)
	}
	f := strings.Fields(head)
	if len(f) != 2 || (f[1] != Support && f[1] != Oppose) {
		return AnnotatedCue{}, fmt.Errorf("cue %q is not WORDS POLARITY", head)
	}
	c := AnnotatedCue{Nth: 1, Polarity: f[1]}
	words := f[0]
	if w, nth, ok := strings.Cut(words, "#"); ok {
		k, err := strconv.Atoi(nth)
		if err != nil || k < 1 {
			return AnnotatedCue{}, fmt.Errorf("cue %q: bad occurrence %q", words, nth)
		}
		words, c.Nth = w, k
	}
	c.Words = strings.Split(words, "_")
	if slices.Contains(c.Words, "") {
		return AnnotatedCue{}, fmt.Errorf("cue %q has an empty word", words)
	}
	tuples = strings.TrimSpace(tuples)
	if tuples == "-" {
		return c, nil
	}
	for _, t := range strings.Fields(tuples) {
		h, g, ok := strings.Cut(t, ">")
		if !ok || h == "" || g == "" || h == g {
			return AnnotatedCue{}, fmt.Errorf("stance %q is not HOLDER>TARGET", t)
		}
		c.Tuples = append(c.Tuples, Tuple{Holder: h, Target: g, Polarity: c.Polarity})
	}
	if len(c.Tuples) == 0 {
		return AnnotatedCue{}, fmt.Errorf("cue %q: no stances and no \"-\"", s)
	}
	return c, nil
}

// Prepare tags the annotated sentence, finds its actors and places its
// cues, the text standing alone (offsets from 0).
func (a Annotated) Prepare(m *nlp.Model) (Sentence, error) {
	s := Prepare(m, nlp.Sentence{Text: a.Text, Start: 0, End: len(a.Text)})
	for _, c := range a.Cues {
		cue, ok := placeCue(s, c)
		if !ok {
			return Sentence{}, fmt.Errorf("line %d: cue %q #%d not in %q", a.Line, strings.Join(c.Words, " "), c.Nth, a.Text)
		}
		s.Cues = append(s.Cues, cue)
	}
	return s, nil
}

// placeCue finds the c.Nth run of tokens spelling c's words.
func placeCue(s Sentence, c AnnotatedCue) (Cue, bool) {
	seen := 0
	for i := 0; i+len(c.Words) <= len(s.Tokens); i++ {
		match := true
		for k, w := range c.Words {
			if strings.ToLower(strings.ReplaceAll(s.Tokens[i+k].Text, "\u2019", "'")) != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if seen++; seen == c.Nth {
			return Cue{Start: s.Tokens[i].Start, End: s.Tokens[i+len(c.Words)-1].End, Polarity: c.Polarity}, true
		}
	}
	return Cue{}, false
}

// Example prepares the annotated sentence as a training example: the
// holder and the target of each stance are the mentions of their codes
// nearest the cue.
func (a Annotated) Example(m *nlp.Model) (Example, error) {
	s, err := a.Prepare(m)
	if err != nil {
		return Example{}, err
	}
	ex := Example{Sentence: s, Roles: make([][]Role, len(s.Cues))}
	for ci, c := range a.Cues {
		roles := make([]Role, len(s.Actors))
		for _, t := range c.Tuples {
			for _, arg := range []struct {
				code string
				role Role
			}{{t.Holder, Holder}, {t.Target, Target}} {
				k := nearest(s, s.Cues[ci], arg.code)
				if k < 0 {
					return Example{}, fmt.Errorf("line %d: %s is not among the actors found in %q", a.Line, arg.code, a.Text)
				}
				if roles[k] != None && roles[k] != arg.role {
					return Example{}, fmt.Errorf("line %d: %s both holds and is targeted by one cue", a.Line, arg.code)
				}
				roles[k] = arg.role
			}
		}
		ex.Roles[ci] = roles
	}
	return ex, nil
}

// Examples prepares annotated sentences as training examples (see
// Annotated.Example).
func Examples(m *nlp.Model, as []Annotated) ([]Example, error) {
	out := make([]Example, 0, len(as))
	for _, a := range as {
		ex, err := a.Example(m)
		if err != nil {
			return nil, err
		}
		out = append(out, ex)
	}
	return out, nil
}

// nearest returns the index of the mention of code nearest the cue, or -1.
func nearest(s Sentence, c Cue, code string) int {
	best, bestD := -1, 0
	for k, m := range s.Actors {
		if m.Code != code {
			continue
		}
		d := c.Start - m.End
		if m.Start >= c.End {
			d = m.Start - c.End
		}
		if best < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Folds is the number of parts Fold divides the families of a shape
// into.
const Folds = 4

// Split divides the sentences into a training set and a held-out set by
// family: within each shape, the families in file order are numbered
// from 0 and every fourth (3, 7, ...) is held out, so that the held-out
// sentences share frames with the training ones but not their wording.
// It is Fold(all, Folds-1).
func Split(all []Annotated) (train, heldOut []Annotated) {
	return Fold(all, Folds-1)
}

// Fold divides the sentences as Split does, holding out the families
// whose number within their shape is fold modulo Folds; the folds 0 to
// Folds-1 hold out every family once.
func Fold(all []Annotated, fold int) (train, heldOut []Annotated) {
	index := map[string]int{} // family -> its number within the shape
	count := map[string]int{} // shape -> families seen
	for _, a := range all {
		k, ok := index[a.Family]
		if !ok {
			k = count[a.Shape]
			index[a.Family] = k
			count[a.Shape]++
		}
		if k%Folds == fold {
			heldOut = append(heldOut, a)
		} else {
			train = append(train, a)
		}
	}
	return train, heldOut
}

// Score counts matched, spurious and missed stances.
type Score struct {
	Match, Spurious, Missed int
}

// Add scores got against want, both sorted sets of one sentence or text.
func (s *Score) Add(got, want []Tuple) {
	in := map[Tuple]bool{}
	for _, t := range want {
		in[t] = true
	}
	for _, t := range got {
		if in[t] {
			s.Match++
			delete(in, t)
		} else {
			s.Spurious++
		}
	}
	s.Missed += len(in)
}

// Precision is the share of stances found that were right; 1 when none
// were found.
func (s Score) Precision() float64 {
	if s.Match+s.Spurious == 0 {
		return 1
	}
	return float64(s.Match) / float64(s.Match+s.Spurious)
}

// Recall is the share of stances to find that were found; 1 when there
// were none.
func (s Score) Recall() float64 {
	if s.Match+s.Missed == 0 {
		return 1
	}
	return float64(s.Match) / float64(s.Match+s.Missed)
}

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String shows the score as "P 0.95 R 0.91 F1 0.93 (m/s/x)".
func (s Score) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (match %d, spurious %d, missed %d)", s.Precision(), s.Recall(), s.F1(), s.Match, s.Spurious, s.Missed)
}
