package events

import (
	"time"
)

// counter counts how many reports state each value of one fact, keeping
// the values in the order first seen.
type counter[T comparable] struct {
	vals []T
	n    []int
}

func (c *counter[T]) add(v T) {
	for i, x := range c.vals {
		if x == v {
			c.n[i]++
			return
		}
	}
	c.vals = append(c.vals, v)
	c.n = append(c.n, 1)
}

// top is the value most reports state, the first seen among equals (the
// most specific report's, as reports join in order of specificity).
func (c *counter[T]) top() (v T, ok bool) {
	if c == nil {
		return v, false
	}
	best := -1
	for i, n := range c.n {
		if best < 0 || n > c.n[best] {
			best = i
		}
	}
	if best < 0 {
		return v, false
	}
	return c.vals[best], true
}

// cluster is an event being built: its reports and, for matching, the
// counts of the values they state.
type cluster struct {
	body     string
	members  []*Report
	articles map[string]bool

	hasDay    bool
	theDay    time.Time          // day(), kept current by add
	days      counter[time.Time] // day-exact dates stated in the text
	pubDays   counter[time.Time] // publication days of reports that state no date
	span      Date               // the narrowest span, while no report knows the day
	tally     [3]counter[int]
	outcome   counter[string]
	positions map[string]*counter[string]
	sponsors  map[string]int
	words     map[string]int
}

func newCluster(r *Report) *cluster {
	c := &cluster{body: r.Vote.Body, articles: map[string]bool{}, positions: map[string]*counter[string]{},
		sponsors: map[string]int{}, words: map[string]int{}}
	c.add(r)
	return c
}

func (c *cluster) add(r *Report) {
	c.members = append(c.members, r)
	c.articles[r.Article.ID] = true
	switch {
	case r.Date.Precision == Day && r.Date.FromText:
		c.hasDay = true
		c.days.add(r.Date.Start)
	case r.Date.Precision == Day:
		c.hasDay = true
		c.pubDays.add(r.Date.Start)
	case c.span.Start.IsZero() || r.Date.End.Sub(r.Date.Start) < c.span.End.Sub(c.span.Start):
		c.span = r.Date
	}
	if c.hasDay {
		c.theDay = c.computeDay()
	}
	for side, p := range tallySides(r.Vote.Tally) {
		if p != nil {
			c.tally[side].add(*p)
		}
	}
	if r.Vote.Outcome != "" {
		c.outcome.add(r.Vote.Outcome)
	}
	for actor, pos := range r.Vote.Positions {
		k := c.positions[actor]
		if k == nil {
			k = &counter[string]{}
			c.positions[actor] = k
		}
		k.add(pos)
	}
	for _, s := range r.Vote.Sponsors {
		c.sponsors[s]++
	}
	for _, w := range r.motionWords {
		c.words[w]++
	}
}

// day is the cluster's day: the one most reports state, else the
// publication day most reports share.
func (c *cluster) day() time.Time { return c.theDay }

func (c *cluster) computeDay() time.Time {
	if d, ok := c.days.top(); ok {
		return d
	}
	d, _ := c.pubDays.top()
	return d
}

func (c *cluster) dayFromText() bool { return len(c.days.vals) > 0 }
