package events

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"
)

// ErrOrder is returned by Stream.Add for a report that comes before the
// previous one in Compare's order.
var ErrOrder = errors.New("reports out of order")

// Stream clusters reports that arrive sorted by body and date (Compare's
// order), emitting each event as soon as no later report can join it.
//
// Reports that know their day gather in blocks: a block holds one body's
// reports whose days follow each other at most Window days apart (Lag
// days for a report dated by its publication day). When
// the next report is further on, the block is clustered (its reports in
// order of specificity, each joining the best matching event or starting
// one) and its events are emitted. Memory grows with the block, not the
// corpus.
//
// Reports that know only a week, month or year ("last year's vote") sort
// at the start of their span and wait there until the stream has passed
// its end; the events of their span that they could join are held back
// until then, and only those. A waiting report then joins the best held
// event, or makes an event of its own with its like.
type Stream struct {
	cfg  Config
	emit func(Event)

	last     *Report
	body     string
	block    []*Report
	blockEnd time.Time
	pending  []*Report
	held     []*cluster
}

// NewStream returns a Stream that hands each finished event to emit.
func NewStream(cfg Config, emit func(Event)) *Stream {
	if cfg.Window < 0 {
		cfg.Window = 0
	}
	if cfg.MaxBlock <= 0 {
		cfg.MaxBlock = DefaultConfig().MaxBlock
	}
	return &Stream{cfg: cfg, emit: emit}
}

// Add takes the next report. It fails, taking nothing, when the report
// has no body or no date, or comes before the previous report.
func (s *Stream) Add(r Report) error {
	if err := Placeable(&r); err != nil {
		return err
	}
	if s.last != nil && Compare(*s.last, r) > 0 {
		return fmt.Errorf("report %s (%s %s) after %s (%s %s): %w", r.Key(), r.Vote.Body, r.Date,
			s.last.Key(), s.last.Vote.Body, s.last.Date, ErrOrder)
	}
	rp := &r
	rp.prepare()
	s.last = rp
	if r.Vote.Body != s.body {
		s.flushBody()
		s.body = r.Vote.Body
	}
	window := time.Duration(s.cfg.Window) * 24 * time.Hour
	if !r.Date.FromText {
		window = time.Duration(max(s.cfg.Window, s.cfg.Lag)) * 24 * time.Hour
	}
	if len(s.block) > 0 && (r.Date.Start.Sub(s.blockEnd) > window ||
		(len(s.block) >= s.cfg.MaxBlock && r.Date.Start.After(s.blockEnd))) {
		s.closeBlock()
	}
	if len(s.block) == 0 {
		s.resolve(func(p *Report) bool { return r.Date.Start.Sub(p.Date.End) > window })
	}
	if r.Date.Precision == Day {
		s.block = append(s.block, rp)
		if r.Date.Start.After(s.blockEnd) {
			s.blockEnd = r.Date.Start
		}
	} else {
		s.pending = append(s.pending, rp)
	}
	return nil
}

// Close emits every event still open. The Stream may not be used after.
func (s *Stream) Close() { s.flushBody() }

func (s *Stream) flushBody() {
	s.closeBlock()
	s.resolve(func(*Report) bool { return true })
	s.body = ""
}

// bySpecificity orders reports most specific first, then by key.
func bySpecificity(a, b *Report) int {
	if c := cmp.Compare(b.specific, a.specific); c != 0 {
		return c
	}
	if c := a.Date.Start.Compare(b.Date.Start); c != 0 {
		return c
	}
	return compareKeys(a, b)
}

// clusterInto lets each report join the best-matching cluster of cs or
// start a new one, and returns the clusters. A report that knows its day
// is matched only against the clusters whose day is near enough for
// dateFit to pass (and those that know no day), found in an index by
// day, so a block costs time in proportion to its reports times the
// clusters of a few days, not times every cluster of the block.
func (s *Stream) clusterInto(cs []*cluster, rs []*Report) []*cluster {
	slices.SortFunc(rs, bySpecificity)
	ix := newDayIndex(cs, max(s.cfg.Window, s.cfg.Lag))
	seq := make(map[*cluster]int, len(cs))
	for i, c := range cs {
		seq[c] = i
	}
	for _, r := range rs {
		var best *cluster
		bestScore := 0.0
		ix.candidates(r, cs, func(c *cluster) {
			sc, ok := s.cfg.match(r, c)
			if !ok {
				return
			}
			if best == nil || sc > bestScore ||
				(sc == bestScore && (len(c.members) > len(best.members) ||
					len(c.members) == len(best.members) && seq[c] < seq[best])) {
				best, bestScore = c, sc
			}
		})
		if best != nil {
			before := best.hasDay
			day := best.day()
			best.add(r)
			ix.moved(best, before, day)
		} else {
			c := newCluster(r)
			seq[c] = len(cs)
			cs = append(cs, c)
			ix.insert(c)
		}
	}
	return cs
}

// closeBlock clusters the open block and emits its events, holding back
// those a waiting report could join.
func (s *Stream) closeBlock() {
	if len(s.block) == 0 {
		return
	}
	for _, c := range s.clusterInto(nil, s.block) {
		if s.wanted(c) {
			s.held = append(s.held, c)
		} else {
			s.emit(fuse(c))
		}
	}
	s.block, s.blockEnd = nil, time.Time{}
}

// wanted reports whether a waiting report could join c.
func (s *Stream) wanted(c *cluster) bool {
	for _, p := range s.pending {
		if _, ok := s.cfg.match(p, c); ok {
			return true
		}
	}
	return false
}

// resolve settles the waiting reports that due says are due: each joins
// the best held event or an event of waiting reports; then the held
// events no report waits for any more are emitted.
func (s *Stream) resolve(due func(*Report) bool) {
	var now, later []*Report
	for _, p := range s.pending {
		if due(p) {
			now = append(now, p)
		} else {
			later = append(later, p)
		}
	}
	if len(now) == 0 {
		return
	}
	s.pending = later
	n := len(s.held)
	cs := s.clusterInto(s.held, now)
	var keep []*cluster
	for i, c := range cs {
		if i < n && s.wanted(c) {
			keep = append(keep, c)
		} else {
			s.emit(fuse(c))
		}
	}
	s.held = keep
}

// Placeable reports why a report cannot take part in events (no body or
// no date), or nil.
func Placeable(r *Report) error {
	if r.Vote.Body == "" {
		return fmt.Errorf("report %s: vote has no body", r.Key())
	}
	if r.Date.Start.IsZero() {
		return fmt.Errorf("report %s: vote has no date (no date in the text and no publication time)", r.Key())
	}
	return nil
}

// Build clusters reports in any order and returns the events sorted by
// body, date and id, and the reports it left out because Placeable
// refuses them (a vote whose body the text does not name).
func Build(cfg Config, reports []Report) (evs []Event, skipped []Report) {
	rs := make([]Report, 0, len(reports))
	for _, r := range reports {
		if Placeable(&r) != nil {
			skipped = append(skipped, r)
		} else {
			rs = append(rs, r)
		}
	}
	Sort(rs)
	st := NewStream(cfg, func(e Event) { evs = append(evs, e) })
	for _, r := range rs {
		if err := st.Add(r); err != nil {
			panic("events: sorted reports refused: " + err.Error()) // cannot happen: rs is sorted and placeable
		}
	}
	st.Close()
	SortEvents(evs)
	return evs, skipped
}

// SortEvents orders events by body, date and id.
func SortEvents(evs []Event) {
	slices.SortFunc(evs, func(a, b Event) int {
		if c := cmp.Compare(a.Body, b.Body); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}
