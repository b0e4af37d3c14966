package extract

import (
	"strings"

	"github.com/tally-news/tally/extract/actors"
	"github.com/tally-news/tally/extract/nlp"
)

// headingSide reads the side a heading names: "Against", "Countries
// that abstained", "In favour (93)", "Voted for". The heading is the few
// words before a colon.
func headingSide(head string) (string, bool) {
	l := strings.ToLower(strings.TrimSpace(head))
	if i := strings.Index(l, "("); i >= 0 {
		l = strings.TrimSpace(l[:i])
	}
	l = strings.Trim(l, "-*• \t")
	switch {
	case strings.Contains(l, "absent") || strings.Contains(l, "did not vote") || strings.Contains(l, "not voting") || strings.Contains(l, "non-voting"):
		return "", true
	case strings.Contains(l, "abstain") || strings.Contains(l, "abstention"):
		return Abstain, true
	case strings.Contains(l, "against") || l == "no" || l == "noes" || l == "nays" || strings.HasSuffix(l, "voted no"):
		return No, true
	case strings.Contains(l, "in favour") || strings.Contains(l, "in favor") || l == "yes" || l == "ayes" || l == "for" ||
		strings.HasSuffix(l, "voted for") || strings.HasSuffix(l, "voting for") || strings.HasSuffix(l, "voted yes"):
		return Yes, true
	}
	return "", false
}

// marker is a heading inside a line: the side it names and where its
// list starts.
type marker struct {
	side  string
	count int // a count given with the heading, "In favour (93):"; -1 if none
	from  int // byte offset in the document where its list starts
}

// markers finds the headings of a sentence: a colon whose few preceding
// words name a side ("In favour:", "Countries that abstained:").
func (d *document) markers(s nlp.Sentence) []marker {
	var out []marker
	last := 0
	for i := 0; i < len(s.Text); i++ {
		c := s.Text[i]
		if c == ';' || c == '.' {
			last = i + 1
			continue
		}
		if c != ':' {
			continue
		}
		head := s.Text[last:i]
		if f := strings.Fields(head); len(f) > 6 {
			head = strings.Join(f[len(f)-6:], " ")
		}
		if side, ok := headingSide(head); ok {
			m := marker{side: side, count: -1, from: s.Start + i + 1}
			if n, ok := headingCount(head); ok {
				m.count = n
			}
			out = append(out, m)
		}
		last = i + 1
	}
	return out
}

// listedPositions reads positions laid out as lists under headings, on
// the heading's own line ("In favour: Algeria, China; Against: United
// States; Abstaining: ...", as UN press releases give them) or on the
// lines that follow it:
//
//	Countries that abstained:
//	- China
//	- India
//
// A heading starts a fragment; its list runs to the next heading or to
// the first line that is not a list of actors.
func (d *document) listedPositions() []*fragment {
	var out []*fragment
	var cur *fragment // the fragment whose list continues on later lines
	curSide := ""
	for si, s := range d.sents {
		ms := d.actorsIn(s.Start, s.End)
		marks := d.markers(s)
		if len(marks) == 0 {
			if cur == nil {
				continue
			}
			if !isListLine(s.Text, ms) {
				cur = nil
				continue
			}
			for _, m := range ms {
				if curSide != "" {
					cur.setPosition(m.Code, curSide, true)
				}
			}
			cur.spans = append(cur.spans, [2]int{s.Start, s.End})
			continue
		}
		f := &fragment{si: si, spans: [][2]int{{s.Start, s.End}}}
		for k, mk := range marks {
			end := s.End
			if k+1 < len(marks) {
				end = marks[k+1].from
			}
			for _, m := range ms {
				if m.Start >= mk.from && m.End <= end && mk.side != "" {
					f.setPosition(m.Code, mk.side, true)
				}
			}
			if mk.count >= 0 && mk.side != "" {
				f.setTally(mk.side, mk.count)
			}
		}
		if d.trace {
			f.rules = append(f.rules, ruleNote{fPositions, "lists"})
			if len(f.tally) > 0 {
				f.rules = append(f.rules, ruleNote{fTally, "lists"})
			}
		}
		out = append(out, f)
		// A heading that ends its line opens a list on the next lines.
		lastMark := marks[len(marks)-1]
		if strings.TrimSpace(d.text[lastMark.from:s.End]) == "" {
			cur, curSide = f, lastMark.side
		} else {
			cur = nil
		}
	}
	kept := out[:0]
	for _, f := range out {
		if len(f.positions) > 0 {
			kept = append(kept, f)
		}
	}
	return kept
}

// headingCount reads a count in a heading: "In favour (93):".
func headingCount(line string) (int, bool) {
	i := strings.Index(line, "(")
	j := strings.Index(line, ")")
	if i < 0 || j < i {
		return 0, false
	}
	if v, ok := digitNumber(strings.TrimSpace(line[i+1 : j])); ok {
		return int(v), true
	}
	return 0, false
}

// isListLine reports whether a line is an item of a list of actors: it
// holds actors and little else.
func isListLine(line string, ms []actors.Mention) bool {
	if len(ms) == 0 {
		return false
	}
	covered := 0
	for _, m := range ms {
		covered += m.End - m.Start
	}
	rest := 0
	for _, r := range line {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			rest++
		}
	}
	return covered*2 >= rest
}
