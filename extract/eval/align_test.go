package eval

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestAlignVotes(t *testing.T) {
	tests := []struct {
		name string
		w    [][]int
		m    int
		want []int
	}{
		{"none", nil, 0, []int{}},
		{"no predictions", [][]int{{}, {}}, 0, []int{-1, -1}},
		{"no gold", nil, 3, []int{}},
		{"identity", [][]int{{5, 0}, {0, 4}}, 2, []int{0, 1}},
		{"swapped", [][]int{{0, 5}, {4, 0}}, 2, []int{1, 0}},
		{"nothing in common", [][]int{{0, 0}, {0, 0}}, 2, []int{-1, -1}},
		// greedy would give gold 0 its best (pred 0, 5) and leave 1 for
		// gold 1; the best total is 4+4
		{"global not greedy", [][]int{{5, 4}, {4, 0}}, 2, []int{1, 0}},
		// two gold votes alike: the earlier one gets the prediction
		{"tie goes to the earlier gold vote", [][]int{{3}, {3}}, 1, []int{0, -1}},
		// two predictions alike: the earlier one is taken
		{"tie goes to the earlier predicted vote", [][]int{{3, 3}}, 2, []int{0}},
		// both pairings total 6; gold 0 takes pred 0
		{"tie between pairings", [][]int{{3, 3}, {3, 3}}, 2, []int{0, 1}},
		{"more predictions", [][]int{{1, 0, 6}, {0, 2, 2}}, 3, []int{2, 1}},
		{"more gold", [][]int{{1}, {7}, {2}}, 1, []int{-1, 0, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := alignVotes(tt.w, tt.m); !slices.Equal(got, tt.want) {
				t.Errorf("alignVotes(%v) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

// TestAlignVotesExhaustive checks the alignment against a search of every
// one-to-one pairing on random small matrices.
func TestAlignVotesExhaustive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 3000; trial++ {
		n, m := rng.IntN(6), rng.IntN(6)
		w := make([][]int, n)
		for i := range w {
			w[i] = make([]int, m)
			for j := range w[i] {
				if rng.IntN(3) > 0 {
					w[i][j] = rng.IntN(4) // small values make many ties
				}
			}
		}
		want := bruteAlign(w, m)
		if got := alignVotes(w, m); !slices.Equal(got, want) {
			t.Fatalf("alignVotes(%v) = %v, want %v", w, got, want)
		}
	}
}

// bruteAlign tries every pairing: the best total, then the lexicographically
// smallest partner list, with no partner after every predicted vote.
func bruteAlign(w [][]int, m int) []int {
	n := len(w)
	best, bestTotal := make([]int, n), -1
	cur := make([]int, n)
	used := make([]bool, m)
	less := func(a, b []int) bool {
		for i := range a {
			x, y := a[i], b[i]
			if x < 0 {
				x = m
			}
			if y < 0 {
				y = m
			}
			if x != y {
				return x < y
			}
		}
		return false
	}
	var walk func(i, total int)
	walk = func(i, total int) {
		if i == n {
			if total > bestTotal || total == bestTotal && less(cur, best) {
				bestTotal = total
				copy(best, cur)
			}
			return
		}
		for j := 0; j < m; j++ {
			if !used[j] && w[i][j] > 0 {
				used[j], cur[i] = true, j
				walk(i+1, total+w[i][j])
				used[j] = false
			}
		}
		cur[i] = -1
		walk(i+1, total)
	}
	walk(0, 0)
	return best
}

func BenchmarkAlignVotes(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	w := make([][]int, 12)
	for i := range w {
		w[i] = make([]int, 12)
		for j := range w[i] {
			w[i][j] = rng.IntN(5)
		}
	}
	for b.Loop() {
		alignVotes(w, 12)
	}
}
