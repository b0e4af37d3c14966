package web

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
)

// listJSON is the answer of /api/articles.
type listJSON struct {
	Page int  `json:"page"`
	Size int  `json:"size"`
	More bool `json:"more"`
	// Bounded is true when a search matched more than max_ranked
	// articles and ranked only the max_ranked stored last.
	Bounded   bool          `json:"bounded,omitempty"`
	MaxRanked int           `json:"max_ranked,omitempty"`
	Articles  []articleItem `json:"articles"`
}

// articleItem is one article of the list; Snippet is set for a search,
// the matched words in [brackets].
type articleItem struct {
	corpus.Summary
	Snippet string `json:"snippet,omitempty"`
}

// articleJSON is the answer of /api/articles/{id}.
type articleJSON struct {
	ID          int64           `json:"id"`
	PageID      int64           `json:"page_id"`
	Site        string          `json:"site"`
	Date        time.Time       `json:"date"`
	URL         string          `json:"url"`
	Canonical   string          `json:"canonical,omitempty"`
	Title       string          `json:"title"`
	Byline      string          `json:"byline,omitempty"`
	Published   string          `json:"published,omitempty"`
	Modified    string          `json:"modified,omitempty"`
	Language    string          `json:"language,omitempty"`
	Description string          `json:"description,omitempty"`
	Text        string          `json:"text"`
	Record      *extract.Record `json:"record"`
	// Duplicates and Versions are the article's copies (corpus.Copies).
	Duplicates []corpus.Duplicate `json:"duplicates"`
	Versions   []corpus.Version   `json:"versions"`
}

func (s *Server) listAPI(w http.ResponseWriter, r *http.Request) {
	p, err := parseListParams(r.URL.Query())
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	res, err := s.articles(r.Context(), p)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	out := listJSON{Page: p.Page, Size: p.Size, More: res.more, Articles: make([]articleItem, len(res.rows))}
	if res.bounded {
		out.Bounded, out.MaxRanked = true, maxRanked
	}
	for i, rw := range res.rows {
		out.Articles[i].Summary = rw.Summary
		for _, part := range rw.Snippet {
			if part.Hit {
				out.Articles[i].Snippet += "[" + part.Text + "]"
			} else {
				out.Articles[i].Snippet += part.Text
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) articleAPI(w http.ResponseWriter, r *http.Request) {
	id, err := articleID(r)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	sa, err := s.store.Article(r.Context(), id)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	copies, err := s.store.Copies(r.Context(), id)
	if err != nil {
		s.errorJSON(w, r, err)
		return
	}
	a := sa.Article
	writeJSON(w, http.StatusOK, articleJSON{ID: sa.ID, PageID: sa.PageID, Site: sa.Site, Date: sa.Date,
		URL: a.URL, Canonical: a.Canonical, Title: a.Title, Byline: a.Byline, Published: a.Published,
		Modified: a.Modified, Language: a.Language, Description: a.Description, Text: a.Text, Record: sa.Record,
		Duplicates: copies.Duplicates, Versions: copies.Versions})
}

func (s *Server) errorJSON(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.status(r, err)
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
