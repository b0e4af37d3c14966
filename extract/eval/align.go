package eval

import "math"

// alignVotes pairs gold votes (rows of w) with predicted votes (columns)
// one to one, where w[i][j] is the number of slot tuples gold vote i and
// predicted vote j have in common. It returns, for each gold vote, the
// predicted vote it is paired with, or -1.
//
// The pairing is exact: its total of matching tuples is the largest any
// one-to-one pairing reaches. Among pairings that reach it, ties go to the
// earlier vote in text order, concretely: the pairing whose list of
// partners (gold vote 0's partner, gold vote 1's partner, ...) is smallest
// in lexicographic order, where no partner counts as after every
// predicted vote. Pairs that share no tuple are not made: such a pair
// would score exactly as the two votes unpaired (all the predicted slots
// false positives, all the gold slots false negatives).
//
// The maximum is computed with the Hungarian algorithm; the tie-break
// fixes gold votes one at a time in text order, taking the earliest
// partner that still lets the rest of the pairing reach the maximum.
func alignVotes(w [][]int, nPred int) []int {
	n := len(w)
	partner := make([]int, n)
	usedPred := make([]bool, nPred)
	remaining := bestTotal(w, 0, usedPred)
	for i := 0; i < n; i++ {
		partner[i] = -1
		for j := 0; j < nPred; j++ {
			if usedPred[j] || w[i][j] == 0 {
				continue
			}
			usedPred[j] = true
			if rest := bestTotal(w, i+1, usedPred); w[i][j]+rest == remaining {
				partner[i] = j
				remaining -= w[i][j]
				break
			}
			usedPred[j] = false
		}
	}
	return partner
}

// bestTotal is the largest total weight of a one-to-one pairing of gold
// votes from..len(w)-1 with the predicted votes not yet used.
func bestTotal(w [][]int, from int, usedPred []bool) int {
	var cols []int
	for j, used := range usedPred {
		if !used {
			cols = append(cols, j)
		}
	}
	rows := len(w) - from
	if rows == 0 || len(cols) == 0 {
		return 0
	}
	// The assignment below pairs every row, so it needs no more rows than
	// columns; with weights never negative, pairing every vote of the
	// smaller side loses nothing (a zero-weight pair is as good as none).
	var a [][]int
	if rows <= len(cols) {
		a = make([][]int, rows)
		for r := range a {
			a[r] = make([]int, len(cols))
			for c, j := range cols {
				a[r][c] = w[from+r][j]
			}
		}
	} else {
		a = make([][]int, len(cols))
		for c, j := range cols {
			a[c] = make([]int, rows)
			for r := 0; r < rows; r++ {
				a[c][r] = w[from+r][j]
			}
		}
	}
	return maxAssignment(a)
}

// maxAssignment returns the largest total of a[i][p(i)] over one-to-one
// maps p from rows to columns; a must have no more rows than columns. It
// is the Hungarian algorithm in its O(n²m) form with potentials.
func maxAssignment(a [][]int) int {
	n, m := len(a), len(a[0])
	const inf = math.MaxInt / 4
	u := make([]int, n+1)
	v := make([]int, m+1)
	p := make([]int, m+1)   // p[j]: row paired with column j (1-based), 0 for none
	way := make([]int, m+1) // previous column on the augmenting path
	minv := make([]int, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = inf
			used[j] = false
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -a[i0-1][j-1] - u[i0] - v[j] // minimise the negated weight
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	total := 0
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			total += a[p[j]-1][j-1]
		}
	}
	return total
}
