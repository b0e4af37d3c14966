package corpus

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
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

// positionRows reads event_positions as "event code position" lines,
// sorted; eventPositions gives the same of the stored events' JSON.
func positionRows(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.read.Query("SELECT event_id, code, position FROM event_positions")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, code, pos string
		if err := rows.Scan(&id, &code, &pos); err != nil {
			t.Fatal(err)
		}
		out = append(out, id+" "+code+" "+pos)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func eventPositions(t *testing.T, db *DB) []string {
	t.Helper()
	var out []string
	for _, e := range storedEvents(t, db, EventFilter{}) {
		for c, p := range e.Positions {
			out = append(out, e.ID+" "+c+" "+p)
		}
	}
	slices.Sort(out)
	return out
}

// TestCountryFollowsRefresh changes a country's position in an event (a
// new version of the story) and checks that its counts follow through an
// incremental refresh and a rebuild, and that the position rows are
// always those of the stored events, none left behind.
func TestCountryFollowsRefresh(t *testing.T) { forEachBackend(t, testCountryFollowsRefresh) }

func testCountryFollowsRefresh(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	base := paragraphs(words(51, 1500))
	for _, d := range []Doc{
		storyDoc("https://news.example/sudan", base, 13, extract.Abstain, testTime),
		storyDoc("https://other.example/sudan", paragraphs(words(52, 1500)), 13, extract.Abstain, testTime),
	} {
		if _, err := db.Save(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	check := func(step string, want YearPositions) {
		t.Helper()
		if got, want := positionRows(t, db), eventPositions(t, db); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%s: position rows\n%v\nwant those of the events\n%v", step, got, want)
		}
		c, err := db.Country(ctx, "CHN")
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(c.Positions) != fmt.Sprint([]YearPositions{want}) {
			t.Errorf("%s: China's positions %v, want %v", step, c.Positions, []YearPositions{want})
		}
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	check("first build", YearPositions{Year: 2025, Body: "UNSC", Abstain: 1})
	updated := strings.Replace(base, ".", ". Twelve members voted in favour, with Russia and China voting against.", 1)
	if _, err := db.Save(ctx, storyDoc("https://news.example/sudan", updated, 12, extract.No, testTime.Add(2*time.Hour))); err != nil {
		t.Fatal(err)
	}
	u, err := db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		t.Fatal(err)
	}
	if u.Rebuilt {
		t.Errorf("refresh: %+v, want an incremental refresh", u)
	}
	// The update and the other site's report no longer agree on the
	// tally: two events, China against in one and abstaining in the other.
	var want YearPositions
	for _, e := range storedEvents(t, db, EventFilter{}) {
		switch e.Positions["CHN"] {
		case extract.No:
			want.No++
		case extract.Abstain:
			want.Abstain++
		}
	}
	if want.No == 0 {
		t.Fatalf("no event holds China's changed position: %+v", want)
	}
	want.Year, want.Body = 2025, "UNSC"
	check("refresh", want)
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), true); err != nil {
		t.Fatal(err)
	}
	check("rebuild", want)
}

// TestMigrateEventPositions stores events in a corpus of the schema
// before event_positions and checks that its migration fills the table
// from the events' JSON.
func TestMigrateEventPositions(t *testing.T) {
	ctx := context.Background()
	const version = 9 // event_positions
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(ctx, path, version-1)
	if err != nil {
		t.Fatal(err)
	}
	_, err = old.write.Exec(`INSERT INTO events (id, body, date, start, "end", articles, json) VALUES
		('unsc-1', 'UNSC', '2024-02-23', '2024-02-23', '2024-02-23', 1, '{"id":"unsc-1","positions":{"USA":"no","CHN":"abstain"},"sponsors":["GBR"]}'),
		('unga-1', 'UNGA', '2025-03', '2025-03-01', '2025-03-31', 2, '{"id":"unga-1","positions":{"USA":"yes"}}'),
		('unga-2', 'UNGA', '2025-04-01', '2025-04-01', '2025-04-01', 1, '{"id":"unga-2","sponsors":["USA"]}')`)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	db := mustOpenPath(t, path)
	if got, want := positionRows(t, db), []string{"unga-1 USA yes", "unsc-1 CHN abstain", "unsc-1 USA no"}; !slices.Equal(got, want) {
		t.Errorf("after the migration, position rows %v, want %v", got, want)
	}
	c, err := db.Country(ctx, "USA")
	if want := []YearPositions{{Year: 2024, Body: "UNSC", No: 1}, {Year: 2025, Body: "UNGA", Yes: 1}}; err != nil || fmt.Sprint(c.Positions) != fmt.Sprint(want) {
		t.Errorf("the United States after the migration: %v, %v; want %v", c.Positions, err, want)
	}
}

// TestCountryStancesOfLatestRecord gives an article a second record, as
// a corpus made before re-extraction replaced records holds: the
// country's stances are those of the new record only.
func TestCountryStancesOfLatestRecord(t *testing.T) {
	forEachBackend(t, testCountryStancesOfLatestRecord)
}

func testCountryStancesOfLatestRecord(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	d := testDoc(1, "news.example")
	d.Record = &extract.Record{Doc: "a", Countries: []string{"USA", "UKR"},
		Stances: []extract.Stance{{Holder: "USA", Target: "UKR", Polarity: "support"}}}
	s, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	gave := func(step string, want []StanceCount, wantRecent int) {
		t.Helper()
		c, err := db.Country(ctx, "USA")
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(c.Gave) != fmt.Sprint(want) || len(c.Recent) != wantRecent {
			t.Errorf("%s: gave %v, %d recent; want %v, %d", step, c.Gave, len(c.Recent), want, wantRecent)
		}
	}
	gave("first record", []StanceCount{{Other: "UKR", Polarity: "support", N: 1}}, 1)
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	second := &extract.Record{Doc: "a", Countries: []string{"USA", "UKR"}, Stances: []extract.Stance{
		{Holder: "USA", Target: "UKR", Polarity: "oppose"}, {Holder: "USA", Target: "RUS", Polarity: "oppose"}}}
	if _, err := insertRecord(ctx, tx, s.ArticleID, second, "", "", false); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	gave("second record", []StanceCount{{Other: "RUS", Polarity: "oppose", N: 1}, {Other: "UKR", Polarity: "oppose", N: 1}}, 2)
}

// TestMigrateStanceLatest stores, in a corpus of the schema before
// stances knew their article, an article with two records and one with
// one, and checks that the migration marks the stances of each
// article's latest record.
func TestMigrateStanceLatest(t *testing.T) {
	ctx := context.Background()
	const version = 10 // stances.latest
	path := oldCorpus(t, version-1,
		`INSERT INTO stances (record_id, holder, target, polarity) VALUES
			(1, 'USA', 'UKR', 'support'), (2, 'USA', 'UKR', 'support'), (3, 'USA', 'UKR', 'oppose'), (3, 'CHN', 'USA', 'oppose')`,
	)
	db := mustOpenPath(t, path)
	c, err := db.Country(ctx, "USA")
	if err != nil {
		t.Fatal(err)
	}
	want := []StanceCount{{Other: "UKR", Polarity: "oppose", N: 1}, {Other: "UKR", Polarity: "support", N: 1}}
	if fmt.Sprint(c.Gave) != fmt.Sprint(want) || fmt.Sprint(c.Received) != fmt.Sprint([]StanceCount{{Other: "CHN", Polarity: "oppose", N: 1}}) {
		t.Errorf("after the migration: gave %v, received %v; want %v and CHN oppose", c.Gave, c.Received, want)
	}
	var articles []int64
	for _, s := range c.Recent {
		articles = append(articles, s.ArticleID)
	}
	if fmt.Sprint(articles) != "[2 1 1]" {
		t.Errorf("recent stances of articles %v, want [2 1 1]", articles)
	}
}
