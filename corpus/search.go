package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrBadQuery is returned by Search for a query FTS5 cannot parse.
var ErrBadQuery = errors.New("bad search query")

// SearchQuery is a full-text search of the articles.
type SearchQuery struct {
	// Text is an SQLite FTS5 query: words (all must occur), "quoted
	// phrases", OR, NOT, prefix* and column filters such as title:word.
	// Matching ignores case and diacritics.
	Text string
	// Site, From and To filter as in PageFilter.
	Site     string
	From, To time.Time
	// Limit is the most hits returned; 0 means 20.
	Limit int
	// MarkStart and MarkEnd enclose the matched words in snippets;
	// empty means "[" and "]".
	MarkStart, MarkEnd string
}

// Hit is one article that matches a search, best first.
type Hit struct {
	ArticleID int64     `json:"article_id"`
	PageID    int64     `json:"page_id"`
	URL       string    `json:"url"`
	Site      string    `json:"site"`
	Title     string    `json:"title"`
	Date      time.Time `json:"date"`
	// Snippet is the passage of about 16 words that best matches, with
	// the matched words marked.
	Snippet string `json:"snippet"`
	// Score is FTS5's BM25 rank with titles weighing five times the text;
	// lower is better.
	Score float64 `json:"score"`
}

// Search finds articles by their titles and texts. Duplicates are not
// searched: their first copy stands for them.
func (db *DB) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	if strings.TrimSpace(q.Text) == "" {
		return nil, fmt.Errorf("search: %w: empty query", ErrBadQuery)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	start, end := q.MarkStart, q.MarkEnd
	if start == "" {
		start = "["
	}
	if end == "" {
		end = "]"
	}
	args := append(filterArgs(q.Site, q.From, q.To), sql.Named("q", q.Text), sql.Named("start", start),
		sql.Named("end", end), sql.Named("limit", limit))
	rows, err := db.read.QueryContext(ctx, `
		SELECT a.id, a.page_id, a.url, p.site, a.title, a.date,
			snippet(articles_fts, -1, @start, @end, '…', 16), bm25(articles_fts, 5.0, 1.0) AS score
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN pages p ON p.id = a.page_id
		WHERE articles_fts MATCH @q AND `+filterSQL("a.date")+`
		ORDER BY score, a.id LIMIT @limit`, args...)
	if err != nil {
		return nil, searchError(q.Text, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var date string
		if err := rows.Scan(&h.ArticleID, &h.PageID, &h.URL, &h.Site, &h.Title, &date, &h.Snippet, &h.Score); err != nil {
			return nil, searchError(q.Text, err)
		}
		h.Date = parseTime(date)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(q.Text, err)
	}
	return hits, nil
}

// searchError reports a query FTS5 refused (SQLite's generic error, as
// opposed to busy, I/O or corruption errors) as ErrBadQuery.
func searchError(text string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrError {
		return fmt.Errorf("search %q: %w: %s", text, ErrBadQuery, se.Error())
	}
	return fmt.Errorf("search %q: %w", text, err)
}
