package web

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
)

func TestCountryPage(t *testing.T) {
	srv, db, _ := newTestServer(t)
	c, err := db.Country(context.Background(), "RUS")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Positions) == 0 || len(c.Recent) == 0 {
		t.Fatalf("Russia has no positions or stances in the test corpus: %+v", c)
	}
	code, body, _ := get(t, srv, "/countries/rus")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	// One bar part per non-zero count, titled with it.
	rects := regexp.MustCompile(`<rect class="bar-(yes|no|abstain)" x="\d+" y="\d+" width="\d+" height="\d+"><title>(\d+) (\w+): (\d+) (\w+)</title></rect>`).FindAllStringSubmatch(body, -1)
	want := 0
	for _, p := range c.Positions {
		for _, n := range []int{p.Yes, p.No, p.Abstain} {
			if n > 0 {
				want++
			}
		}
	}
	if len(rects) != want {
		t.Errorf("%d bars parts in the chart, want %d", len(rects), want)
	}
	for _, r := range rects {
		if r[1] != r[5] {
			t.Errorf("bar of class %s titled %s", r[1], r[5])
		}
	}
	s := c.Recent[0]
	for _, want := range []string{`<svg class="chart"`, `href="/articles/` + itoa64(s.ArticleID) + `#f-s` + itoa(s.Index) + `"`, `<a href="/?country=RUS">articles</a>`} {
		if !strings.Contains(body, want) {
			t.Errorf("country page lacks %q", want)
		}
	}
	if strings.Contains(body, "style=") || strings.Contains(body, "<script>") {
		t.Errorf("the country page has inline style or script, which the page's policy blocks")
	}
	var api struct {
		Code      string                 `json:"code"`
		Positions []corpus.YearPositions `json:"positions"`
	}
	getJSON(t, srv, "/api/countries/RUS", &api)
	if api.Code != "RUS" || len(api.Positions) != len(c.Positions) {
		t.Errorf("API: %+v", api)
	}
	for target, status := range map[string]int{"/countries/Russia": 404, "/countries/ZZZ": 200, "/api/countries/12": 404} {
		if code, _, _ := get(t, srv, target); code != status {
			t.Errorf("%s: status %d, want %d", target, code, status)
		}
	}
	if _, body, _ := get(t, srv, "/countries/ZZZ"); !strings.Contains(body, "No event gives ZZZ a position") {
		t.Errorf("a country never named does not say so")
	}
}

func TestPositionChart(t *testing.T) {
	ps := []corpus.YearPositions{{Year: 2019, Body: "UNSC", Yes: 1}, {Year: 2020, Body: "UNGA", Yes: 3, No: 1}, {Year: 2024, Body: "UNGA", Abstain: 2}}
	c := positionChart(ps)
	if len(c.Panels) != 2 || c.Panels[0].Body != "UNGA" || c.Panels[1].Body != "UNSC" {
		t.Fatalf("panels %+v, want UNGA (6 votes) above UNSC (1)", c.Panels)
	}
	unga := c.Panels[0]
	if unga.Max != 4 || len(unga.Bars) != 2 {
		t.Fatalf("UNGA panel %+v", unga)
	}
	// 2020: yes 3 then no 1 stacked from the baseline, the bar full height.
	parts := unga.Bars[0].Parts
	if len(parts) != 2 || parts[0].Y+parts[0].Height != unga.BaseY || parts[1].Y+parts[1].Height != parts[0].Y || unga.BaseY-parts[1].Y != barsHeight {
		t.Errorf("2020 bar %+v, base %d", parts, unga.BaseY)
	}
	if len(c.Years) != 6 || c.Years[0].Text != "2019" || c.Years[5].Text != "2024" {
		t.Errorf("year labels %+v", c.Years)
	}
	if unga.Bars[1].X <= unga.Bars[0].X || unga.Bars[1].X+unga.Bars[1].Width > chartWidth {
		t.Errorf("bars out of order or outside the chart: %+v", unga.Bars)
	}
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
