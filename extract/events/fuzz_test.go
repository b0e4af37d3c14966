package events

import (
	"testing"
	"time"
)

// FuzzSentenceDate checks that any sentence gives either no date or a
// well-formed one: a span in order, never after publication, whose String
// parses back to the same span.
func FuzzSentenceDate(f *testing.F) {
	for _, s := range []string{
		"The UN General Assembly on Monday adopted a resolution.",
		"Several speakers recalled that on 4 December 2025 the General Assembly had adopted its resolution.",
		"Last year's version passed 99-9-60.",
		"The House voted 220-212 to approve the package last week.",
		"On February 24, 2025, the Assembly adopted two texts.",
		"The vote on Feb. 31 in 2023 was in March 2024.",
	} {
		f.Add(s, int64(1740474000))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		if unix < 0 || unix > 4102444800 { // 1970 to 2100
			return
		}
		pub := time.Unix(unix, 0).UTC()
		d, ok := SentenceDate(s, pub)
		if !ok {
			return
		}
		if d.End.Before(d.Start) || d.Start.After(dayOf(pub)) {
			t.Fatalf("%q at %s: bad span %v to %v", s, pub, d.Start, d.End)
		}
		back, err := ParseDate(d.String())
		if err != nil || !back.Start.Equal(d.Start) || !back.End.Equal(d.End) {
			t.Fatalf("%q: %s parses back to %v, %v", s, d, back, err)
		}
	})
}
