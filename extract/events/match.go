package events

import (
	"github.com/tally-news/tally/extract"
	"slices"
	"strings"
	"unicode"
)

// contentWords lowercases a motion and keeps its words that say what the
// motion is about, in order, without repeats.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 3 || stopWords[w] {
			continue
		}
		dup := false
		for _, o := range out {
			if o == w {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}

var stopWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "that": true, "its": true, "which": true,
	"from": true, "into": true, "this": true, "their": true, "them": true, "was": true, "were": true,
	"resolution": true, "text": true, "draft": true, "motion": true, "measure": true, "calling": true,
	"calls": true, "call": true, "on": true, "all": true, "over": true, "against": true, "has": true,
	"have": true, "had": true, "been": true, "not": true, "but": true, "than": true, "also": true,
}

// Config holds the matching rules' parameters. The zero value is not
// useful; start from DefaultConfig.
//
// A report joins an event (a cluster of reports) by these rules, in order:
//
//  1. One article reports a vote once: r never joins a cluster holding a
//     vote of its own article.
//  2. Dates: two days differ by at most Window days, or, when one of them
//     is only a publication day, that day may be up to Lag days after the
//     other (a story tells of a vote after it, not before); a week, month or
//     year ("last year") must contain the cluster's day, or overlap the
//     cluster's span when neither knows the day.
//  3. Tallies: each side both state must be equal (to a value some report
//     of the cluster states), with one tolerance for a misreported
//     figure: a single side may differ when at least one other side is
//     stated by both and equal AND the motion, sponsors or positions
//     agree positively. Two differing sides (93-18-65 against 93-8-73)
//     are two votes, whatever else agrees; so is a single side compared
//     that differs. The tolerance counts sides, not votes: newsrooms copy
//     tallies from the record, so a wrong figure is a slip in one number
//     (63 for 65, 56 for 65) whose size says nothing, while two votes of
//     one day can be close on every side (65 and 73 abstentions are 11%
//     apart), so a tolerance by size would merge them and still miss the
//     slips.
//  4. Outcome, sponsors and positions are split signals: adopted against
//     rejected, sponsor lists with nobody in common, or a country yes in
//     one and no (or abstain) in the other (a position no report of the
//     cluster states) separate the reports, unless
//     the tallies agree on at least two stated sides with no side
//     differing (everything else agrees, so the difference is a
//     misreport), and, for positions, the disagreeing countries are no
//     more than the agreeing ones, or there is one and a sponsor or the
//     motion's words are shared.
//  5. Among clusters that pass, the best score wins: equal tally sides,
//     agreeing positions, shared sponsors, shared motion words and the
//     same stated day each add; a tie goes to the larger cluster, then the
//     older one.
type Config struct {
	// Window is how many days apart two day-exact dates of one vote may
	// be: a story dated by its publication day, the morning after, still
	// meets the stories that name the day.
	Window int
	// Lag is how many days before its publication a story that does not
	// date the vote may tell of it: news follows votes, so a story of
	// Thursday that says only "the resolution passed" may be of Monday's.
	Lag int
	// MaxBlock caps the reports of one body held at once when votes
	// follow each other within Window day after day; at the cap the block
	// closes at the next change of day. It bounds memory on a body that
	// votes every day.
	MaxBlock int
}

// DefaultConfig returns the rules tally uses: a window of two days, a lag
// of seven and blocks of at most 200,000 reports.
func DefaultConfig() Config { return Config{Window: 2, Lag: 7, MaxBlock: 200_000} }

// match applies the matching rules (see Config) to report r and cluster
// c: whether r may join c, and how well it fits.
func (cfg *Config) match(r *Report, c *cluster) (score float64, ok bool) {
	if c.articles[r.Article.ID] {
		return 0, false
	}
	ds, ok := cfg.dateFit(r.Date, c)
	if !ok {
		return 0, false
	}
	score += ds

	// Tally.
	same, differ := 0, 0
	for side, p := range tallySides(r.Vote.Tally) {
		if p == nil {
			continue
		}
		k := &c.tally[side]
		if len(k.vals) == 0 {
			continue
		}
		if slices.Contains(k.vals, *p) {
			same++
		} else {
			differ++
		}
	}
	if differ >= 2 || (differ == 1 && same == 0) {
		return 0, false
	}
	tallyAgrees := same >= 2 && differ == 0
	score += 1.5 * float64(same)

	// Outcome.
	if o := r.Vote.Outcome; o != "" {
		if k, stated := c.outcome.top(); stated && !sameOutcome(o, k) {
			if !tallyAgrees {
				return 0, false
			}
			score -= 2
		} else if stated {
			score += 0.5
		}
	}

	// Sponsors.
	positive, sponsorShared := false, false
	if len(r.Vote.Sponsors) > 0 && len(c.sponsors) > 0 {
		shared := 0
		for _, s := range r.Vote.Sponsors {
			if c.sponsors[s] > 0 {
				shared++
			}
		}
		if shared == 0 {
			if !tallyAgrees {
				return 0, false
			}
			score -= 2
		} else {
			positive, sponsorShared = true, true
			score += float64(min(shared, 3))
		}
	}

	// Positions.
	agree, disagree := 0, 0
	for actor, pos := range r.Vote.Positions {
		k := c.positions[actor]
		switch {
		case k == nil:
		case slices.Contains(k.vals, pos):
			agree++
		default:
			disagree++
		}
	}

	// Motion.
	motionShared := false
	if len(r.motionWords) > 0 && len(c.words) > 0 {
		shared := 0
		for _, w := range r.motionWords {
			if c.words[w] > 0 {
				shared++
			}
		}
		frac := float64(shared) / float64(len(r.motionWords))
		if frac >= 0.3 {
			positive, motionShared = true, true
		}
		score += 2 * frac
	}

	if disagree > 0 && (!tallyAgrees || (disagree > agree && !(disagree == 1 && (sponsorShared || motionShared)))) {
		return 0, false
	}
	if agree >= 2 && disagree == 0 {
		positive = true
	}
	score += 0.5*float64(min(agree, 6)) - 2*float64(disagree)

	if differ == 1 && !positive {
		return 0, false
	}
	if differ == 1 {
		score -= 2
	}
	return score, true
}

// dateFit applies rule 2 and scores a closer date higher.
func (cfg *Config) dateFit(d Date, c *cluster) (float64, bool) {
	switch {
	case d.Precision == Day && c.hasDay:
		// after is how many days the cluster's day follows the report's.
		after := c.day().Sub(d.Start).Hours() / 24
		lo, hi := -float64(cfg.Window), float64(cfg.Window)
		if !d.FromText {
			lo = -float64(max(cfg.Window, cfg.Lag))
		}
		if !c.dayFromText() {
			hi = float64(max(cfg.Window, cfg.Lag))
		}
		if after < lo || after > hi {
			return 0, false
		}
		gap := max(after, -after)
		s := 1 / (1 + gap)
		if gap == 0 && d.FromText && c.dayFromText() {
			s += 1
		}
		return s, true
	case c.hasDay:
		return 0, d.Contains(c.day())
	case d.Precision == Day:
		return 0, c.span.Contains(d.Start)
	default:
		return 0, !d.Start.After(c.span.End) && !d.End.Before(c.span.Start)
	}
}

// sameOutcome treats a veto as the rejection it is.
func sameOutcome(a, b string) bool {
	norm := func(s string) string {
		if s == "vetoed" {
			return "rejected"
		}
		return s
	}
	return norm(a) == norm(b)
}

// tallySides lists a tally's sides in the order yes, no, abstain.
func tallySides(t extract.Tally) [3]*int { return [3]*int{t.Yes, t.No, t.Abstain} }
