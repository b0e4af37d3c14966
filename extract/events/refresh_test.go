package events

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// apply applies a delta to a set of events, as a store would.
func apply(evs []Event, d Delta) []Event {
	gone := map[string]bool{}
	for _, id := range d.Removed {
		gone[id] = true
	}
	for _, e := range d.Events {
		gone[e.ID] = true // replaced
	}
	var out []Event
	for _, e := range evs {
		if !gone[e.ID] {
			out = append(out, e)
		}
	}
	return append(out, d.Events...)
}

func TestRefresh(t *testing.T) {
	usNo := map[string]string{"USA": "no", "RUS": "no"}
	base := []Report{
		rep("ua1", "2025-02-25", "UNGA", "93-18-65", "The Assembly on Monday adopted the Ukrainian text by 93 votes to 18, with 65 abstentions.", usNo),
		rep("ua2", "2025-02-25", "UNGA", "93-18-65", "On Monday it passed 93 to 18 with 65 abstaining.", nil),
		rep("us1", "2025-02-25", "UNGA", "93-8-73", "The amended US text passed 93-8-73 on Monday.", nil),
		rep("cu1", "2024-10-31", "UNGA", "187-2-1", "The Assembly on Wednesday again called for an end to the embargo, 187 to 2, with 1 abstention.", nil),
		rep("sc1", "2025-02-25", "UNSC", "10-0-5", "The Council on Monday adopted the US text by 10 votes to none, with 5 abstentions.", nil),
	}
	old, _ := Build(DefaultConfig(), base)
	byID := map[string][]Report{}
	for _, r := range base {
		byID[r.Article.ID] = append(byID[r.Article.ID], r)
	}

	// us2 is new and joins the US text; ua2 is re-extracted and now reads
	// the US text's tally; us1 is removed.
	ch := Change{
		Articles: []string{"us2", "ua2", "us1"},
		Reports: []Report{
			rep("us2", "2025-02-26", "UNGA", "93-8-73", "On 24 February the Assembly adopted the US draft as amended, 93-8-73.", nil),
			rep("ua2", "2025-02-25", "UNGA", "93-8-73", "On Monday it passed 93 to 8 with 73 abstaining.", nil),
		},
	}
	var loaded []string
	load := func(ids []string) ([]Report, error) {
		loaded = append(loaded, ids...)
		var out []Report
		for _, id := range ids {
			out = append(out, byID[id]...)
		}
		return out, nil
	}
	d, err := Refresh(DefaultConfig(), old, ch, load)
	if err != nil {
		t.Fatal(err)
	}
	got := groups(apply(old, d))

	// The same as building everything again.
	var now []Report
	for _, r := range base {
		if !slices.Contains(ch.Articles, r.Article.ID) {
			now = append(now, r)
		}
	}
	rebuilt, _ := Build(DefaultConfig(), append(now, ch.Reports...))
	if want := groups(rebuilt); !slices.Equal(got, want) {
		t.Errorf("refreshed %q\nrebuilt   %q", got, want)
	}
	wantGroups := []string{"UNGA 2024-10-30: cu1", "UNGA 2025-02-24: ua1", "UNGA 2025-02-24: ua2 us2", "UNSC 2025-02-24: sc1"}
	if !slices.Equal(got, wantGroups) {
		t.Errorf("got %q, want %q", got, wantGroups)
	}
	// Only the Assembly's February events were touched: the Cuba vote and
	// the Council's vote were neither loaded nor rebuilt.
	if slices.Contains(loaded, "cu1") || slices.Contains(loaded, "sc1") {
		t.Errorf("loaded untouched articles: %v", loaded)
	}
	for _, e := range d.Events {
		if e.Body != "UNGA" || !strings.HasPrefix(e.Date, "2025-02") {
			t.Errorf("rebuilt untouched event %s %s %s", e.ID, e.Body, e.Date)
		}
	}
	// The unchanged Ukrainian event keeps its id.
	if !slices.ContainsFunc(d.Events, func(e Event) bool { return e.ID == old[idx(old, "ua1")].ID }) {
		t.Errorf("the event of ua1 changed its id")
	}
}

func idx(evs []Event, article string) int {
	return slices.IndexFunc(evs, func(e Event) bool {
		return slices.ContainsFunc(e.Articles, func(a ArticleRef) bool { return a.ID == article })
	})
}

func TestRefreshErrors(t *testing.T) {
	old, _ := Build(DefaultConfig(), []Report{rep("a", "2025-02-25", "UNGA", "93-18-65", "On Monday.", nil)})
	boom := errors.New("store closed")
	tests := []struct {
		name string
		ch   Change
		load Loader
		want string
	}{
		{"report of an unnamed article", Change{Reports: []Report{rep("b", "2025-02-25", "UNGA", "", "On Monday.", nil)}},
			nil, `article "b", which the change does not name`},
		{"store fails", Change{Articles: []string{"b"}, Reports: []Report{rep("b", "2025-02-25", "UNGA", "93-18-65", "On Monday.", nil)}},
			func([]string) ([]Report, error) { return nil, boom }, "store closed"},
		{"store lacks a member", Change{Articles: []string{"b"}, Reports: []Report{rep("b", "2025-02-25", "UNGA", "93-18-65", "On Monday.", nil)}},
			func([]string) ([]Report, error) { return nil, nil }, "has no report a#0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Refresh(DefaultConfig(), old, tc.ch, tc.load)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if _, err := Refresh(DefaultConfig(), []Event{{ID: "x", Body: "UNGA", Date: "24/02/2025"}}, Change{Articles: []string{"b"},
		Reports: []Report{rep("b", "2025-02-25", "UNGA", "", "On Monday.", nil)}}, nil); err == nil || !strings.Contains(err.Error(), "event x") {
		t.Errorf("got %v, want an error naming event x", err)
	}
}

// TestRefreshRecall adds a story that recalls last year's vote: it joins
// last year's event, and this year's is not touched.
func TestRefreshRecall(t *testing.T) {
	base := []Report{
		rep("cu24", "2024-10-31", "UNGA", "187-2-1", "The Assembly on Wednesday again called for an end to the embargo, 187 to 2, with 1 abstention.", nil),
		rep("cu25", "2025-10-30", "UNGA", "165-7-12", "On Wednesday the vote was 165 to 7 with 12 abstentions.", nil),
	}
	old, _ := Build(DefaultConfig(), base)
	recall := rep("havana", "2025-10-30", "UNGA", "187-2-1", "Last year, the same resolution passed by 187 votes to 2, with one abstention.", nil)
	recall.Index = 1
	ch := Change{Articles: []string{"havana"}, Reports: []Report{
		rep("havana", "2025-10-30", "UNGA", "165-7-12", "The resolution was adopted on Wednesday by 165 votes in favour, 7 against and 12 abstentions.", nil),
		recall,
	}}
	d, err := Refresh(DefaultConfig(), old, ch, func(ids []string) ([]Report, error) {
		var out []Report
		for _, r := range base {
			if slices.Contains(ids, r.Article.ID) {
				out = append(out, r)
			}
		}
		return out, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := groups(apply(old, d))
	want := []string{"UNGA 2024-10-30: cu24 havana", "UNGA 2025-10-29: cu25 havana"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(d.Removed) != 0 {
		t.Errorf("removed %v, want none: both events keep their first report", d.Removed)
	}
}

// TestRefreshLateStory adds a story published three days after the vote
// that does not date it: it may tell of the vote (Config.Lag), so the
// vote's event is touched and the story joins it.
func TestRefreshLateStory(t *testing.T) {
	base := []Report{rep("wire", "2025-02-24", "UNGA", "93-18-65", "The Assembly today adopted the text by 93 votes to 18, with 65 abstentions.", nil)}
	old, _ := Build(DefaultConfig(), base)
	late := rep("review", "2025-02-27", "UNGA", "93-18-65", "The resolution passed by 93 votes to 18, with 65 abstentions.", nil)
	d, err := Refresh(DefaultConfig(), old, Change{Articles: []string{"review"}, Reports: []Report{late}},
		func([]string) ([]Report, error) { return base, nil })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"UNGA 2025-02-24: review wire"}
	if got := groups(apply(old, d)); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRefreshMatchesRebuild refreshes generated events with the stories
// of each body's latest sitting days and a few removed articles, and
// compares with building everything again: the groupings must agree on
// nearly every event (the greedy order may differ on a few), and only the
// events near the change are rebuilt.
func TestRefreshMatchesRebuild(t *testing.T) {
	var all []Report
	generate(10_000, func(r Report) { all = append(all, r) })
	// The last 10% of each body's reports (generate gives them in order)
	// are new.
	var base, added []Report
	count := map[string]int{}
	for _, r := range all {
		count[r.Vote.Body]++
	}
	seen := map[string]int{}
	for _, r := range all {
		seen[r.Vote.Body]++
		if seen[r.Vote.Body] > count[r.Vote.Body]*9/10 {
			added = append(added, r)
		} else {
			base = append(base, r)
		}
	}
	old, _ := Build(DefaultConfig(), base)
	ch := Change{}
	for _, r := range added {
		ch.Articles = append(ch.Articles, r.Article.ID)
		ch.Reports = append(ch.Reports, r)
	}
	removed := map[string]bool{}
	for i := 0; i < len(base); i += 1000 {
		ch.Articles = append(ch.Articles, base[i].Article.ID)
		removed[base[i].Article.ID] = true
	}
	byID := map[string][]Report{}
	for _, r := range base {
		byID[r.Article.ID] = append(byID[r.Article.ID], r)
	}
	d, err := Refresh(DefaultConfig(), old, ch, func(ids []string) ([]Report, error) {
		var out []Report
		for _, id := range ids {
			out = append(out, byID[id]...)
		}
		return out, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := groups(apply(old, d))
	var now []Report
	for _, r := range base {
		if !removed[r.Article.ID] {
			now = append(now, r)
		}
	}
	rebuilt, _ := Build(DefaultConfig(), append(now, added...))
	want := groups(rebuilt)
	differ := 0
	for _, g := range got {
		if _, ok := slices.BinarySearch(want, g); !ok {
			differ++
		}
	}
	t.Logf("%d events; %d rebuilt by the refresh; %d differ from a full rebuild", len(want), len(d.Events), differ)
	if len(got) != len(want) || differ > len(want)/100 {
		t.Errorf("refresh gives %d events, %d of them not in the rebuild's %d", len(got), differ, len(want))
	}
	// Every rebuilt event holds a changed article's vote, or held one
	// before, or lies within reach of a changed report's date.
	changed := map[string]bool{}
	for _, a := range ch.Articles {
		changed[a] = true
	}
	for _, e := range old {
		if slices.ContainsFunc(e.Articles, func(a ArticleRef) bool { return removed[a.ID] }) {
			for _, a := range e.Articles {
				changed[a.ID] = true
			}
		}
	}
	reach := time.Duration(DefaultConfig().Lag+DefaultConfig().Window) * 24 * time.Hour
	for _, e := range d.Events {
		day, _ := ParseDate(e.Date)
		ok := slices.ContainsFunc(e.Articles, func(a ArticleRef) bool { return changed[a.ID] }) ||
			slices.ContainsFunc(ch.Reports, func(r Report) bool {
				gap := r.Date.Start.Sub(day.Start)
				return r.Vote.Body == e.Body && gap <= reach && gap >= -reach
			})
		if !ok {
			t.Errorf("refresh rebuilt event %s %s %s, which no change reaches", e.ID, e.Body, e.Date)
		}
	}
	if len(d.Events) == len(want) {
		t.Errorf("refresh rebuilt all %d events", len(want))
	}
}
