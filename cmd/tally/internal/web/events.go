package web

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// EventStore is what the event pages read: the corpus's events.
type EventStore interface {
	EventPage(ctx context.Context, f corpus.EventFilter, offset, limit int) ([]corpus.StoredEvent, error)
	Event(ctx context.Context, id string) (corpus.StoredEvent, error)
}

// eventParams are the query parameters of the event list.
type eventParams = filterParams

// eventPage reads the page of events p asks for, and whether more follow.
func (s *Server) eventPage(ctx context.Context, p eventParams) ([]corpus.StoredEvent, bool, error) {
	list, err := s.store.EventPage(ctx, corpus.EventFilter{Body: p.Body, Country: p.Country, From: p.from, To: p.to},
		(p.Page-1)*p.Size, p.Size+1)
	if err != nil {
		return nil, false, err
	}
	more := len(list) > p.Size
	return list[:min(len(list), p.Size)], more, nil
}

// eventRow is one event of the list.
type eventRow struct {
	events.Event
	Conflicts int // facts the articles disagree on
}

func newEventRow(e events.Event) eventRow {
	r := eventRow{Event: e}
	for _, s := range e.Support {
		if len(s.Conflicts) > 0 {
			r.Conflicts++
		}
	}
	return r
}

type eventsData struct {
	Title      string
	Params     eventParams
	Rows       []eventRow
	Prev, Next string
	First      int
}

func (s *Server) eventsPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseFilterParams(r.URL.Query())
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	list, more, err := s.eventPage(r.Context(), p)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	d := eventsData{Title: "Events", Params: p, First: (p.Page-1)*p.Size + 1}
	for _, e := range list {
		d.Rows = append(d.Rows, newEventRow(e.Event))
	}
	if p.Page > 1 {
		d.Prev = pagedLink("/events", r.URL.Query(), p.Page-1)
	}
	if more {
		d.Next = pagedLink("/events", r.URL.Query(), p.Page+1)
	}
	s.render(w, r, http.StatusOK, "events", d)
}

// pagedLink is path with the query v at page n.
func pagedLink(path string, v url.Values, n int) string {
	link := pageLink(v, n) // "/" or "/?..."
	return path + strings.TrimPrefix(link, "/")
}

// eventData is what an event's page shows.
type eventData struct {
	Title     string
	Event     events.Event
	Positions []positionGroup
	Support   []supportRow
	Articles  []articleRefView
}

// positionGroup is the countries that voted one way.
type positionGroup struct {
	Position string
	Codes    []string
}

// supportRow is one fused fact: its value, why, and who said what.
type supportRow struct {
	Fact, Value, Reason string
	Articles            []articleLink
	Conflicts           []conflictRow
}

type conflictRow struct {
	Value    string
	Articles []articleLink
}

// articleLink leads to the sentence of an article that states the
// event's vote.
type articleLink struct {
	ID, Href, Label string
}

type articleRefView struct {
	events.ArticleRef
	Href string
}

// eventArticleHref is the link to the vote an article reports: its
// article page at the first sentence of the vote's evidence.
func eventArticleHref(id string, vote int) string {
	return "/articles/" + url.PathEscape(id) + "#f-" + voteFact(vote, extract.Vote{}).ID
}

func newEventData(e events.Event) eventData {
	d := eventData{Title: e.Body + " " + e.Date, Event: e}
	if e.Motion != "" {
		d.Title += ": " + e.Motion
	}
	byPos := map[string][]string{}
	for code, pos := range e.Positions {
		byPos[pos] = append(byPos[pos], code)
	}
	for _, pos := range []string{extract.Yes, extract.No, extract.Abstain} {
		if cs := byPos[pos]; len(cs) > 0 {
			sort.Strings(cs)
			d.Positions = append(d.Positions, positionGroup{pos, cs})
		}
	}
	votes := map[string]int{} // the vote of each article in its record
	sites := map[string]string{}
	for _, a := range e.Articles {
		votes[a.ID] = a.Vote
		sites[a.ID] = a.Site
		d.Articles = append(d.Articles, articleRefView{a, eventArticleHref(a.ID, a.Vote)})
	}
	links := func(ids []string) []articleLink {
		out := make([]articleLink, 0, len(ids))
		for _, id := range ids {
			label := sites[id]
			if label == "" {
				label = "article " + id
			}
			out = append(out, articleLink{ID: id, Href: eventArticleHref(id, votes[id]), Label: label})
		}
		return out
	}
	keys := make([]string, 0, len(e.Support))
	for k := range e.Support {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return supportOrder(keys[i]) < supportOrder(keys[j]) })
	for _, k := range keys {
		sp := e.Support[k]
		row := supportRow{Fact: k, Value: sp.Value, Reason: sp.Reason, Articles: links(sp.Articles)}
		for _, c := range sp.Conflicts {
			row.Conflicts = append(row.Conflicts, conflictRow{c.Value, links(c.Articles)})
		}
		d.Support = append(d.Support, row)
	}
	return d
}

// supportOrder sorts the fused facts as the page lists them: date,
// motion, outcome, tally, then positions and sponsors by country.
func supportOrder(k string) string {
	for i, p := range []string{"date", "motion", "outcome", "tally.yes", "tally.no", "tally.abstain"} {
		if k == p {
			return strconv.Itoa(i) + k
		}
	}
	return "9" + k
}

func (s *Server) eventPageHandler(w http.ResponseWriter, r *http.Request) {
	e, err := s.event(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "event", newEventData(e.Event))
}

func (s *Server) event(r *http.Request) (corpus.StoredEvent, error) {
	id := r.PathValue("id")
	if id == "" || len(id) > 200 {
		return corpus.StoredEvent{}, &httpError{http.StatusNotFound, "no such event"}
	}
	e, err := s.store.Event(r.Context(), id)
	if err != nil {
		if isNotFound(err) {
			return e, &httpError{http.StatusNotFound, "no such event"}
		}
		return e, err
	}
	return e, nil
}

// eventsJSON is the answer of /api/events.
type eventsJSON struct {
	Page   int            `json:"page"`
	Size   int            `json:"size"`
	More   bool           `json:"more"`
	Events []events.Event `json:"events"`
}

func (s *Server) eventsAPI(w http.ResponseWriter, r *http.Request) {
	p, err := parseFilterParams(r.URL.Query())
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	list, more, err := s.eventPage(r.Context(), p)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	out := eventsJSON{Page: p.Page, Size: p.Size, More: more, Events: make([]events.Event, len(list))}
	for i, e := range list {
		out.Events[i] = e.Event
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) eventAPI(w http.ResponseWriter, r *http.Request) {
	e, err := s.event(r)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e.Event)
}
