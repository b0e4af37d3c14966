package events

import (
	"slices"
	"time"
)

// dayIndex finds the clusters a day-exact report may join: those whose
// day lies within reach days of the report's (dateFit refuses the rest),
// and those that know no day yet.
type dayIndex struct {
	reach   int
	byDay   map[int64][]*cluster
	undated []*cluster
}

func newDayIndex(cs []*cluster, reach int) *dayIndex {
	ix := &dayIndex{reach: reach, byDay: map[int64][]*cluster{}}
	for _, c := range cs {
		ix.insert(c)
	}
	return ix
}

func (ix *dayIndex) insert(c *cluster) {
	if c.hasDay {
		k := dayKey(c.day())
		ix.byDay[k] = append(ix.byDay[k], c)
	} else {
		ix.undated = append(ix.undated, c)
	}
}

// moved re-files c after a report joined it, given whether it had a day
// and which one before.
func (ix *dayIndex) moved(c *cluster, hadDay bool, day time.Time) {
	if hadDay == c.hasDay && (!hadDay || day.Equal(c.day())) {
		return
	}
	if hadDay {
		k := dayKey(day)
		ix.byDay[k] = slices.DeleteFunc(ix.byDay[k], func(x *cluster) bool { return x == c })
		if len(ix.byDay[k]) == 0 {
			delete(ix.byDay, k)
		}
	} else {
		ix.undated = slices.DeleteFunc(ix.undated, func(x *cluster) bool { return x == c })
	}
	ix.insert(c)
}

// candidates calls f with every cluster r may join: for a report that
// knows its day, the clusters of the days within reach and those with no
// day; for one that knows only a span, every cluster of all.
func (ix *dayIndex) candidates(r *Report, all []*cluster, f func(*cluster)) {
	if r.Date.Precision != Day {
		for _, c := range all {
			f(c)
		}
		return
	}
	k := dayKey(r.Date.Start)
	for d := -ix.reach; d <= ix.reach; d++ {
		for _, c := range ix.byDay[k+int64(d)] {
			f(c)
		}
	}
	for _, c := range ix.undated {
		f(c)
	}
}

// dayKey numbers a day (midnight UTC, as every Date starts) from the Unix
// epoch, whatever location the time carries.
func dayKey(t time.Time) int64 { return t.Unix() / 86400 }
