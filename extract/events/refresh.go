package events

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Change is what happened to some articles since the events were built.
type Change struct {
	// Articles names every article added, changed (re-extracted) or
	// removed: the votes these articles had leave their events.
	Articles []string
	// Reports are the votes the added and changed articles have now.
	Reports []Report
}

// Delta is how a Refresh changes the events: events to delete by id, and
// events to store (new ones and rebuilt ones, which may keep their id).
type Delta struct {
	Removed []string
	Events  []Event
	// Skipped are the change's reports no event can hold (see Placeable).
	Skipped []Report
}

// Loader returns every report of the given articles, as the store holds
// them; Refresh calls it for the articles of the events a change touches.
type Loader func(articles []string) ([]Report, error)

// Refresh updates events after a change, rebuilding only the events the
// change touches: those holding a vote of a changed article, and those of
// the same body whose date a new report could match (within Window days,
// Lag days before a report dated by its publication day, or inside its
// week, month or year). The other reports of the touched
// events are loaded with load, clustered with the change's reports, and
// the result replaces the touched events. old may be every event or only
// those of the bodies and dates the change concerns; events it does not
// hold are not touched.
func Refresh(cfg Config, old []Event, ch Change, load Loader) (Delta, error) {
	changed := map[string]bool{}
	for _, a := range ch.Articles {
		changed[a] = true
	}
	for _, r := range ch.Reports {
		if !changed[r.Article.ID] {
			return Delta{}, fmt.Errorf("refresh: report %s is of article %q, which the change does not name", r.Key(), r.Article.ID)
		}
	}
	var touched []Event
	for _, ev := range old {
		hit := slices.ContainsFunc(ev.Articles, func(a ArticleRef) bool { return changed[a.ID] })
		if !hit {
			d, err := ParseDate(ev.Date)
			if err != nil {
				return Delta{}, fmt.Errorf("refresh: event %s: %w", ev.ID, err)
			}
			hit = slices.ContainsFunc(ch.Reports, func(r Report) bool { return r.Vote.Body == ev.Body && cfg.near(r.Date, d) })
		}
		if hit {
			touched = append(touched, ev)
		}
	}
	members := map[string]bool{}
	var need []string
	for _, ev := range touched {
		for _, a := range ev.Articles {
			if changed[a.ID] {
				continue
			}
			members[fmt.Sprintf("%s#%d", a.ID, a.Vote)] = true
			need = append(need, a.ID)
		}
	}
	rs := slices.Clone(ch.Reports)
	if len(need) > 0 {
		loaded, err := load(sorted(need))
		if err != nil {
			return Delta{}, fmt.Errorf("refresh: load reports of %d articles: %w", len(need), err)
		}
		for _, r := range loaded {
			if members[r.Key()] {
				rs = append(rs, r)
				delete(members, r.Key())
			}
		}
		if len(members) > 0 {
			keys := slices.Sorted(func(yield func(string) bool) {
				for k := range members {
					if !yield(k) {
						return
					}
				}
			})
			return Delta{}, fmt.Errorf("refresh: the store has no report %s, which an event holds", strings.Join(keys, ", "))
		}
	}
	built, skipped := Build(cfg, rs)
	ids := map[string]bool{}
	for _, ev := range built {
		ids[ev.ID] = true
	}
	var d Delta
	for _, ev := range touched {
		if !ids[ev.ID] {
			d.Removed = append(d.Removed, ev.ID)
		}
	}
	d.Events, d.Skipped = built, skipped
	return d, nil
}

// near reports whether a report dated d could match an event dated e:
// their spans meet within Window days, or Lag days before d when d is
// only a publication day.
func (cfg *Config) near(d, e Date) bool {
	window := time.Duration(cfg.Window) * 24 * time.Hour
	before := window
	if !d.FromText {
		before = time.Duration(max(cfg.Window, cfg.Lag)) * 24 * time.Hour
	}
	return !d.Start.Add(-before).After(e.End) && !d.End.Add(window).Before(e.Start)
}

// ParseDate reads an Event's date: YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD,
// YYYY-MM or YYYY.
func ParseDate(s string) (Date, error) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		start, err1 := time.Parse(time.DateOnly, a)
		end, err2 := time.Parse(time.DateOnly, b)
		if err1 != nil || err2 != nil || end.Before(start) {
			return Date{}, fmt.Errorf("date %q is not a span YYYY-MM-DD/YYYY-MM-DD", s)
		}
		return Date{Start: start, End: end, Precision: Week, FromText: true}, nil
	}
	for _, f := range []struct {
		layout string
		p      Precision
	}{{time.DateOnly, Day}, {"2006-01", Month}, {"2006", Year}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			switch f.p {
			case Month:
				return monthSpan(t.Year(), t.Month(), ""), nil
			case Year:
				return yearSpan(t.Year(), ""), nil
			}
			return dayDate(t, true, ""), nil
		}
	}
	return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM or YYYY", s)
}
