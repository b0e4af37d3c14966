package corpus

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"testing"
)

func TestCountry(t *testing.T) { forEachBackend(t, testCountry) }

func testCountry(t *testing.T, be backend) {
	ctx := context.Background()
	db := fixtureCorpus(t, be)
	const code = "USA"
	// Positions: counted from the events themselves.
	want := map[string]*YearPositions{}
	var keys []string
	for _, e := range storedEvents(t, db, EventFilter{Country: code}) {
		pos, ok := e.Positions[code]
		if !ok {
			continue
		}
		year, _ := strconv.Atoi(eventStart(t, db, e.ID)[:4])
		k := fmt.Sprintf("%d %s", year, e.Body)
		if want[k] == nil {
			want[k] = &YearPositions{Year: year, Body: e.Body}
			keys = append(keys, k)
		}
		switch pos {
		case "yes":
			want[k].Yes++
		case "no":
			want[k].No++
		case "abstain":
			want[k].Abstain++
		}
	}
	sort.Strings(keys)
	var wantPos []YearPositions
	for _, k := range keys {
		wantPos = append(wantPos, *want[k])
	}
	got, err := db.Country(ctx, "usa")
	if err != nil {
		t.Fatal(err)
	}
	if len(wantPos) == 0 {
		t.Fatal("the United States have no position in the fixture's events")
	}
	if fmt.Sprint(got.Positions) != fmt.Sprint(wantPos) {
		t.Errorf("positions\n got %v\nwant %v", got.Positions, wantPos)
	}
	// Stances: counted from the latest record of every article.
	list, err := db.List(ctx, ListQuery{Limit: MaxListLimit})
	if err != nil {
		t.Fatal(err)
	}
	gave, received := map[string]int{}, map[string]int{}
	recent := 0
	for _, s := range list {
		a, err := db.Article(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Record == nil {
			continue
		}
		for _, st := range a.Record.Stances {
			if st.Holder == code {
				gave[st.Target+" "+st.Polarity]++
			}
			if st.Target == code {
				received[st.Holder+" "+st.Polarity]++
			}
			if st.Holder == code || st.Target == code {
				recent++
			}
		}
	}
	counted := func(sc []StanceCount) map[string]int {
		m := map[string]int{}
		for _, s := range sc {
			m[s.Other+" "+s.Polarity] = s.N
		}
		return m
	}
	if len(gave)+len(received) == 0 {
		t.Fatal("the fixture has no stance of the United States")
	}
	if fmt.Sprint(counted(got.Gave)) != fmt.Sprint(gave) || fmt.Sprint(counted(got.Received)) != fmt.Sprint(received) {
		t.Errorf("gave %v received %v\nwant %v and %v", got.Gave, got.Received, gave, received)
	}
	if len(got.Recent) != min(recent, MaxRecentStances) {
		t.Errorf("%d recent stances, want %d", len(got.Recent), min(recent, MaxRecentStances))
	}
	for _, s := range got.Recent {
		a, err := db.Article(ctx, s.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		if s.Index >= len(a.Record.Stances) || a.Record.Stances[s.Index].Holder != s.Holder || a.Record.Stances[s.Index].Target != s.Target {
			t.Errorf("recent stance %+v is not stance %d of article %d", s, s.Index, s.ArticleID)
		}
	}
	ukr, err := db.Country(ctx, "UKR")
	if err != nil || len(ukr.Gave) != 0 || fmt.Sprint(ukr.Received) != fmt.Sprint([]StanceCount{{Other: "USA", Polarity: received0(t, got.Gave), N: 1}}) {
		t.Errorf("Ukraine: received %v, %v; want the stance of the United States", ukr.Received, err)
	}
	none, err := db.Country(ctx, "ZZZ")
	if err != nil || len(none.Positions)+len(none.Gave)+len(none.Received)+len(none.Recent) != 0 {
		t.Errorf("a country never named: %+v, %v", none, err)
	}
}

// received0 is the polarity of the one stance in gave.
func received0(t *testing.T, gave []StanceCount) string {
	t.Helper()
	if len(gave) != 1 {
		t.Fatalf("gave %v, want one stance", gave)
	}
	return gave[0].Polarity
}
