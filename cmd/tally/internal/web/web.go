// Package web is tally's browser view of a corpus: the articles, searched
// and filtered, and each article's text with every fact the extractors
// found marked in place beside its record, with a JSON API behind the same
// data. It only reads the corpus.
package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tally-news/tally/corpus"
)

// Store is what the server reads: a corpus.
type Store interface {
	List(ctx context.Context, q corpus.ListQuery) ([]corpus.Summary, error)
	SearchPage(ctx context.Context, q corpus.SearchQuery) (corpus.SearchResult, error)
	Summaries(ctx context.Context, ids []int64) ([]corpus.Summary, error)
	Article(ctx context.Context, id int64) (corpus.StoredArticle, error)
	Copies(ctx context.Context, id int64) (corpus.Copies, error)
	EventStore
	CountryStore
}

// Page sizes of the article list: the default, and the most a request may
// ask for with size=.
const (
	DefaultPageSize = 25
	MaxPageSize     = 100
)

// maxRanked is the most matches of a search that are ranked: a broader
// search ranks those stored last, and the page says so. A variable, so
// that tests can lower it.
var maxRanked = 10_000

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages are the parsed templates, one per page, each with the layout.
var pages = parsePages("list", "article", "error", "events", "event", "country", "eval", "evaldoc")

func parsePages(names ...string) map[string]*template.Template {
	m := make(map[string]*template.Template, len(names))
	for _, name := range names {
		m[name] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
	}
	return m
}

var funcs = template.FuncMap{
	"day":     func(t time.Time) string { return t.Format("2006-01-02") },
	"add":     func(a, b int) int { return a + b },
	"tally":   tallyText,
	"count":   countText,
	"first":   func(n int, s []string) []string { return s[:min(n, len(s))] },
	"more":    func(n int, s []string) int { return max(0, len(s)-n) },
	"percent": func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
}

// Server serves the pages and the API.
type Server struct {
	store     Store
	logger    *slog.Logger
	mux       *http.ServeMux
	explainer Explainer  // nil: facts are not explained
	eval      *evalCache // nil: no gold folder
	annot     *annotator // nil: read-only (see EnableAnnotation)
}

// New returns a server of the corpus in store, logging failures to logger.
func New(store Store, logger *slog.Logger, opts ...Option) *Server {
	s := &Server{store: store, logger: logger, mux: http.NewServeMux()}
	for _, o := range opts {
		o(s)
	}
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.HandleFunc("GET /{$}", s.listPage)
	s.mux.HandleFunc("GET /articles/{id}", s.articlePage)
	s.mux.HandleFunc("GET /api/articles", s.listAPI)
	s.mux.HandleFunc("GET /api/articles/{id}", s.articleAPI)
	s.annotateRoutes()
	s.mux.HandleFunc("GET /api/articles/{id}/rules", s.rulesAPI)
	s.mux.HandleFunc("GET /events", s.eventsPage)
	s.mux.HandleFunc("GET /events/{id}", s.eventPageHandler)
	s.mux.HandleFunc("GET /api/events", s.eventsAPI)
	s.mux.HandleFunc("GET /api/events/{id}", s.eventAPI)
	s.mux.HandleFunc("GET /countries/{code}", s.countryPage)
	s.mux.HandleFunc("GET /api/countries/{code}", s.countryAPI)
	s.mux.HandleFunc("GET /eval", s.evalPage)
	s.mux.HandleFunc("GET /eval/{doc}", s.evalDocPage)
	s.mux.HandleFunc("GET /api/eval", s.evalAPI)
	return s
}

// ServeHTTP serves r with headers that keep the page to its own assets:
// no script or style from elsewhere, none inline, no framing.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// httpError is a failure with the status the client gets.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func isNotFound(err error) bool { return errors.Is(err, corpus.ErrNotFound) }

// status returns the HTTP status and message of err, logging the
// failures that are the server's.
func (s *Server) status(r *http.Request, err error) (int, string) {
	var he *httpError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case isNotFound(err):
		return http.StatusNotFound, "no such article"
	case errors.Is(err, corpus.ErrBadQuery):
		return http.StatusBadRequest, err.Error()
	case r.Context().Err() != nil:
		return http.StatusServiceUnavailable, "request cancelled"
	}
	s.logger.Error("request failed", "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "the corpus could not be read; the server log says why"
}

// listParams are the query parameters of the article list.
type listParams struct {
	Q, Site string
	filterParams
}

func parseListParams(v url.Values) (listParams, error) {
	f, err := parseFilterParams(v)
	return listParams{Q: strings.TrimSpace(v.Get("q")), Site: strings.TrimSpace(v.Get("site")), filterParams: f}, err
}

// filterParams are the query parameters the article and event lists
// share: body, country, dates and the page.
type filterParams struct {
	Body, Country, From, To string
	Page, Size              int
	from, to                time.Time
}

func parseFilterParams(v url.Values) (filterParams, error) {
	p := filterParams{From: v.Get("from"), To: v.Get("to"), Page: 1, Size: DefaultPageSize}
	var err error
	if p.Body, err = codeParam(v, "body", bodyRE, "a body's code, like UNGA or UK_COMMONS"); err != nil {
		return p, err
	}
	if p.Country, err = codeParam(v, "country", countryRE, "a country's ISO 3166 alpha-3 code, like FRA"); err != nil {
		return p, err
	}
	if p.Page, err = intParam(v, "page", 1, 1, 1<<20); err != nil {
		return p, err
	}
	if p.Size, err = intParam(v, "size", DefaultPageSize, 1, MaxPageSize); err != nil {
		return p, err
	}
	if p.from, err = dateParam("from", p.From); err != nil {
		return p, err
	}
	if p.to, err = dateParam("to", p.To); err != nil {
		return p, err
	}
	if !p.to.IsZero() {
		p.to = p.to.AddDate(0, 0, 1) // to is inclusive
	}
	return p, nil
}

// Codes of bodies and countries, as extract spells them.
var (
	bodyRE    = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,39}$`)
	countryRE = regexp.MustCompile(`^[A-Z]{3}$`)
)

// codeParam reads the code v holds under name, in capitals; "" when none.
func codeParam(v url.Values, name string, re *regexp.Regexp, want string) (string, error) {
	s := strings.ToUpper(strings.TrimSpace(v.Get(name)))
	if s != "" && !re.MatchString(s) {
		return "", badRequest("%s=%q: want %s", name, v.Get(name), want)
	}
	return s, nil
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

func dateParam(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return t, badRequest("%s=%q: want a date as 2024-03-01", name, s)
	}
	return t, nil
}

// row is one article of the list, with its snippet when it was searched
// for: the matched words are the segments with Hit set.
type row struct {
	corpus.Summary
	Snippet []snippetPart `json:"-"`
}

type snippetPart struct {
	Text string
	Hit  bool
}

// Characters that enclose the matched words of a snippet: control
// characters no article text holds, turned into marks by splitSnippet.
const snipStart, snipEnd = "\x02", "\x03"

// rowsPage is a page of the article list.
type rowsPage struct {
	rows []row
	// more is true when more articles follow; bounded when a search
	// matched more than maxRanked articles and ranked only those.
	more, bounded bool
}

// articles returns the page of the list p asks for: the newest first, or
// the best matches of p.Q first.
func (s *Server) articles(ctx context.Context, p listParams) (rowsPage, error) {
	offset := (p.Page - 1) * p.Size
	if p.Q == "" {
		list, err := s.store.List(ctx, corpus.ListQuery{Site: p.Site, From: p.from, To: p.to, Body: p.Body, Country: p.Country,
			Offset: offset, Limit: p.Size + 1})
		if err != nil {
			return rowsPage{}, err
		}
		more := len(list) > p.Size
		rows := make([]row, 0, min(len(list), p.Size))
		for _, sm := range list[:min(len(list), p.Size)] {
			rows = append(rows, row{Summary: sm})
		}
		return rowsPage{rows: rows, more: more}, nil
	}
	res, err := s.store.SearchPage(ctx, corpus.SearchQuery{MaxRanked: maxRanked, Text: p.Q, Site: p.Site, From: p.from, To: p.to, Body: p.Body, Country: p.Country,
		Offset: offset, Limit: p.Size + 1, MarkStart: snipStart, MarkEnd: snipEnd})
	if err != nil {
		return rowsPage{}, err
	}
	hits := res.Hits
	more := len(hits) > p.Size
	hits = hits[:min(len(hits), p.Size)]
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ArticleID
	}
	sums, err := s.store.Summaries(ctx, ids)
	if err != nil {
		return rowsPage{}, err
	}
	byID := make(map[int64]corpus.Summary, len(sums))
	for _, sm := range sums {
		byID[sm.ID] = sm
	}
	rows := make([]row, 0, len(hits))
	for _, h := range hits {
		sm, ok := byID[h.ArticleID]
		if !ok {
			sm = corpus.Summary{ID: h.ArticleID, URL: h.URL, Site: h.Site, Title: h.Title, Date: h.Date}
		}
		rows = append(rows, row{Summary: sm, Snippet: splitSnippet(h.Snippet)})
	}
	return rowsPage{rows: rows, more: more, bounded: res.Bounded}, nil
}

// splitSnippet cuts a snippet marked with snipStart and snipEnd into its
// plain and matched parts.
func splitSnippet(s string) []snippetPart {
	var parts []snippetPart
	for s != "" {
		before, rest, found := strings.Cut(s, snipStart)
		if before != "" {
			parts = append(parts, snippetPart{Text: before})
		}
		if !found {
			break
		}
		hit, after, _ := strings.Cut(rest, snipEnd)
		parts = append(parts, snippetPart{Text: hit, Hit: true})
		s = after
	}
	return parts
}

// articleID reads the {id} of the request's path; a path that is no id
// names no article.
func articleID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &httpError{http.StatusNotFound, fmt.Sprintf("%q is no article id", r.PathValue("id"))}
	}
	return id, nil
}
