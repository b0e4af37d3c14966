package extract

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestRecency continues random events at rising sentences and checks
// that the recency order always equals the events sorted stably by the
// sentence they were last continued in.
func TestRecency(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		var events []*event
		var r recency
		si := 0
		for range 60 {
			si += rng.IntN(2)
			var e *event
			continued := len(events) > 0 && rng.IntN(3) > 0
			if continued {
				// A fragment joins one of the latest events.
				e = r.events[max(0, len(r.events)-1-rng.IntN(maxOpenEvents))]
			} else {
				e = &event{seq: len(events), first: si}
				events = append(events, e)
			}
			e.last = si
			r.touch(e, continued)
			want := slices.Clone(events)
			sort.SliceStable(want, func(i, j int) bool { return want[i].last < want[j].last })
			if !slices.Equal(r.events, want) {
				t.Fatalf("trial %d: recency order %v, want %v", trial, seqs(r.events), seqs(want))
			}
		}
	}
}

func seqs(es []*event) []int {
	var out []int
	for _, e := range es {
		out = append(out, e.seq)
	}
	return out
}
