package corpus

import (
	"context"
	"errors"
	"slices"
	"sort"
	"testing"
)

func TestEventPage(t *testing.T) { forEachBackend(t, testEventPage) }

func testEventPage(t *testing.T, be backend) {
	ctx := context.Background()
	db := fixtureCorpus(t, be)
	all := storedEvents(t, db, EventFilter{Country: "RUS"})
	if len(all) < 3 {
		t.Fatalf("%d events with Russia; the test needs 3", len(all))
	}
	// Latest first, by first day then id.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		sa, sb := eventStart(t, db, a.ID), eventStart(t, db, b.ID)
		if sa != sb {
			return sa > sb
		}
		return a.ID < b.ID
	})
	var want []string
	for _, e := range all {
		want = append(want, e.ID)
	}
	var got []string
	for offset := 0; offset < len(all); offset += 2 {
		page, err := db.EventPage(ctx, EventFilter{Country: "rus"}, offset, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range page {
			got = append(got, e.ID)
			if len(e.JSON) == 0 || e.Body == "" {
				t.Errorf("event %s: incomplete %+v", e.ID, e.Event)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("paged events %v, want %v", got, want)
	}
	e, err := db.Event(ctx, want[0])
	if err != nil || e.ID != want[0] || len(e.Articles) == 0 {
		t.Errorf("Event(%s) = %+v, %v", want[0], e.Event, err)
	}
	if _, err := db.Event(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Event(nope): %v, want ErrNotFound", err)
	}
	for _, bad := range [][2]int{{0, 0}, {0, MaxEventPage + 1}, {-1, 10}} {
		if _, err := db.EventPage(ctx, EventFilter{}, bad[0], bad[1]); err == nil {
			t.Errorf("EventPage(offset %d, limit %d) gave no error", bad[0], bad[1])
		}
	}
}

func eventStart(t *testing.T, db *DB, id string) string {
	t.Helper()
	var s string
	if err := db.read.QueryRow(`SELECT start FROM events WHERE id = ?`, id).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}
