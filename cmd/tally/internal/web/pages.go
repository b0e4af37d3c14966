package web

import (
	"bytes"
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
)

// render executes the page called name into a buffer first, so that a
// failure halfway sends an error page rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := pages[name].Execute(&buf, data); err != nil {
		s.logger.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "the page could not be made; the server log says why", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.status(r, err)
	s.render(w, r, status, "error", struct {
		Title   string
		Status  int
		Message string
	}{http.StatusText(status), status, msg})
}

// listData is what the list page shows.
type listData struct {
	Title      string
	Params     listParams
	Rows       []row
	Prev, Next string // links to the pages before and after; "" for none
	First      int    // the number of the first row
	// Bounded is true when the search matched more than maxRanked
	// articles and ranked the maxRanked stored last.
	Bounded   bool
	MaxRanked int
}

func (s *Server) listPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseListParams(r.URL.Query())
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	res, err := s.articles(r.Context(), p)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	more := res.more
	d := listData{Title: "Articles", Params: p, Rows: res.rows, First: (p.Page-1)*p.Size + 1, Bounded: res.bounded, MaxRanked: maxRanked}
	if p.Q != "" {
		d.Title = "Search: " + p.Q
	}
	if p.Page > 1 {
		d.Prev = pageLink(r.URL.Query(), p.Page-1)
	}
	if more {
		d.Next = pageLink(r.URL.Query(), p.Page+1)
	}
	s.render(w, r, http.StatusOK, "list", d)
}

// pageLink is the list's URL with the same filters at page n.
func pageLink(v url.Values, n int) string {
	q := url.Values{}
	for k, vs := range v {
		if len(vs) > 0 && vs[0] != "" && k != "page" {
			q.Set(k, vs[0])
		}
	}
	if n > 1 {
		q.Set("page", strconv.Itoa(n))
	}
	if len(q) == 0 {
		return "/"
	}
	return "/?" + q.Encode()
}

// articleData is what the article page shows.
type articleData struct {
	Title    string
	Article  corpus.StoredArticle
	Segments []segment
	// Skipped is the number of pieces of evidence outside the text.
	Skipped int
	Votes   []voteView
	Counts  []factView[extract.Count]
	Stances []factView[extract.Stance]
	// Countries are the record's countries, each with its mentions.
	Countries []countryView
	Legend    []legendEntry
	// Annotate is set when the server writes gold files.
	Annotate bool
	Copies   corpus.Copies
	// Explained is true when the server can name the rules behind facts.
	Explained bool
}

type factView[T any] struct {
	ID   string
	Fact T
}

type voteView struct {
	ID        string
	Vote      extract.Vote
	Positions []position
}

type position struct{ Actor, Position string }

type countryView struct {
	Code     string
	Mentions []string // fact ids of its mentions
}

type legendEntry struct {
	Kind, Name string
	N          int
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id, err := articleID(r)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	a, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.errorPage(w, r, err)
		return
	}
	d := newArticleData(a)
	d.Annotate = s.annot != nil
	if d.Copies, err = s.store.Copies(r.Context(), id); err != nil {
		s.errorPage(w, r, err)
		return
	}
	d.Explained = s.explainer != nil
	s.render(w, r, http.StatusOK, "article", d)
}

func newArticleData(a corpus.StoredArticle) articleData {
	d := articleData{Title: a.Article.Title, Article: a}
	if d.Title == "" {
		d.Title = a.Article.URL
	}
	d.Segments, d.Skipped = markedText(a.Article.Text, a.Record)
	rec := a.Record
	if rec == nil {
		rec = &extract.Record{}
	}
	for i, v := range rec.Votes {
		vv := voteView{ID: voteFact(i, v).ID, Vote: v}
		for actor, pos := range v.Positions {
			vv.Positions = append(vv.Positions, position{actor, pos})
		}
		sort.Slice(vv.Positions, func(i, j int) bool { return vv.Positions[i].Actor < vv.Positions[j].Actor })
		d.Votes = append(d.Votes, vv)
	}
	for i, c := range rec.Counts {
		d.Counts = append(d.Counts, factView[extract.Count]{countFact(i, c).ID, c})
	}
	for i, st := range rec.Stances {
		d.Stances = append(d.Stances, factView[extract.Stance]{stanceFact(i, st).ID, st})
	}
	byCode := map[string]int{}
	for _, code := range rec.Countries {
		byCode[code] = len(d.Countries)
		d.Countries = append(d.Countries, countryView{Code: code})
	}
	for i, m := range rec.Mentions {
		j, ok := byCode[m.Code]
		if !ok {
			byCode[m.Code] = len(d.Countries)
			j = len(d.Countries)
			d.Countries = append(d.Countries, countryView{Code: m.Code})
		}
		d.Countries[j].Mentions = append(d.Countries[j].Mentions, "m"+strconv.Itoa(i))
	}
	d.Legend = []legendEntry{
		{kindVote, "vote evidence", len(rec.Votes)},
		{kindStance, "stance evidence", len(rec.Stances)},
		{kindCount, "count", len(rec.Counts)},
		{kindCountry, "country mention", len(rec.Mentions)},
	}
	return d
}
