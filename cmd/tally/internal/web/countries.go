package web

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
)

// CountryStore is what the country page reads.
type CountryStore interface {
	Country(ctx context.Context, code string) (corpus.CountryRecord, error)
}

// countryCode reads the {code} of the request's path.
func countryCode(r *http.Request) (string, error) {
	code := strings.ToUpper(r.PathValue("code"))
	if !countryRE.MatchString(code) {
		return "", &httpError{http.StatusNotFound, strconv.Quote(r.PathValue("code")) + " is no ISO 3166 alpha-3 country code"}
	}
	return code, nil
}

// countryData is what a country's page shows.
type countryData struct {
	Title    string
	Country  corpus.CountryRecord
	Chart    chart
	Recent   []recentStance
	Total    [3]int // yes, no, abstain in every event
	Received []corpus.StanceCount
	Gave     []corpus.StanceCount
}

type recentStance struct {
	corpus.CountryStance
	Href string
}

func (s *Server) countryPage(w http.ResponseWriter, r *http.Request) {
	code, err := countryCode(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	c, err := s.store.Country(r.Context(), code)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	d := countryData{Title: code, Country: c, Chart: positionChart(c.Positions), Gave: c.Gave, Received: c.Received}
	for _, p := range c.Positions {
		d.Total[0] += p.Yes
		d.Total[1] += p.No
		d.Total[2] += p.Abstain
	}
	for _, st := range c.Recent {
		d.Recent = append(d.Recent, recentStance{st, "/articles/" + strconv.FormatInt(st.ArticleID, 10) + "#f-" +
			stanceFact(st.Index, extract.Stance{}).ID})
	}
	s.render(w, r, http.StatusOK, "country", d)
}

func (s *Server) countryAPI(w http.ResponseWriter, r *http.Request) {
	code, err := countryCode(r)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	c, err := s.store.Country(r.Context(), code)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Code      string                 `json:"code"`
		Positions []corpus.YearPositions `json:"positions"`
		Gave      []corpus.StanceCount   `json:"gave"`
		Received  []corpus.StanceCount   `json:"received"`
		Recent    []corpus.CountryStance `json:"recent"`
	}{c.Code, c.Positions, c.Gave, c.Received, c.Recent})
}

// chart is a country's positions drawn as SVG: a panel per body, in
// each a bar per year of its yes, no and abstain votes stacked.
type chart struct {
	Width, Height int
	Panels        []chartPanel
	Years         []chartLabel
}

type chartPanel struct {
	Body      string
	Y         int // top of the panel
	LabelY    int
	Max       int // votes of the highest bar
	Bars      []chartBar
	BaseY     int // the panel's baseline
	AxisWidth int
}

type chartBar struct {
	X, Width int
	Parts    []chartRect
}

type chartRect struct {
	Y, Height int
	Class     string
	Title     string
}

type chartLabel struct {
	X    int
	Text string
}

// Dimensions of the chart, in SVG units (pixels at scale 1).
const (
	chartLeft   = 96  // room for the body's name
	chartWidth  = 760 // whole width
	panelHeight = 86  // bars and the gap below them
	barsHeight  = 64
	chartTop    = 8
)

func positionChart(ps []corpus.YearPositions) chart {
	if len(ps) == 0 {
		return chart{}
	}
	first, last := ps[0].Year, ps[0].Year
	byBody := map[string][]corpus.YearPositions{}
	totals := map[string]int{}
	for _, p := range ps {
		first, last = min(first, p.Year), max(last, p.Year)
		byBody[p.Body] = append(byBody[p.Body], p)
		totals[p.Body] += p.Yes + p.No + p.Abstain
	}
	bodies := make([]string, 0, len(byBody))
	for b := range byBody {
		bodies = append(bodies, b)
	}
	sort.Slice(bodies, func(i, j int) bool {
		if totals[bodies[i]] != totals[bodies[j]] {
			return totals[bodies[i]] > totals[bodies[j]]
		}
		return bodies[i] < bodies[j]
	})
	years := last - first + 1
	slot := (chartWidth - chartLeft - 8) / years
	barW := max(2, min(28, slot*3/4))
	c := chart{Width: chartWidth, Height: chartTop + len(bodies)*panelHeight + 18}
	for i, b := range bodies {
		p := chartPanel{Body: b, Y: chartTop + i*panelHeight, AxisWidth: chartWidth - chartLeft}
		p.BaseY = p.Y + barsHeight
		p.LabelY = p.Y + barsHeight/2 + 5
		for _, yp := range byBody[b] {
			p.Max = max(p.Max, yp.Yes+yp.No+yp.Abstain)
		}
		for _, yp := range byBody[b] {
			bar := chartBar{X: chartLeft + (yp.Year-first)*slot + (slot-barW)/2, Width: barW}
			y := p.BaseY
			for _, part := range []struct {
				n    int
				name string
			}{{yp.Yes, extract.Yes}, {yp.No, extract.No}, {yp.Abstain, extract.Abstain}} {
				if part.n == 0 {
					continue
				}
				h := max(1, part.n*barsHeight/max(1, p.Max))
				y -= h
				bar.Parts = append(bar.Parts, chartRect{Y: y, Height: h, Class: "bar-" + part.name,
					Title: strconv.Itoa(yp.Year) + " " + b + ": " + strconv.Itoa(part.n) + " " + part.name})
			}
			p.Bars = append(p.Bars, bar)
		}
		c.Panels = append(c.Panels, p)
	}
	every := 1
	for years/every > 12 {
		every++
	}
	for y := first; y <= last; y += every {
		c.Years = append(c.Years, chartLabel{X: chartLeft + (y-first)*slot + slot/2, Text: strconv.Itoa(y)})
	}
	return c
}
