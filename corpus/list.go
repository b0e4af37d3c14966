package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxListLimit is the most articles one call of List or Summaries returns.
const MaxListLimit = 200

// ListQuery selects a page of the articles, newest first.
type ListQuery struct {
	// Site, From and To filter as in PageFilter.
	Site     string
	From, To time.Time
	// Body keeps the articles whose latest record has a vote of this body
	// (extract's code: UNGA, UK_COMMONS...; case does not matter), Country
	// those whose latest record names this country (ISO 3166 alpha-3).
	Body, Country string
	// Offset is the number of articles skipped; Limit the most returned,
	// 0 meaning 20, at most MaxListLimit.
	Offset, Limit int
}

// Summary is an article as a list shows it: what it is and how many facts
// of each kind its record holds (all 0 when it has none).
type Summary struct {
	ID        int64     `json:"id"`
	URL       string    `json:"url"`
	Site      string    `json:"site"`
	Title     string    `json:"title"`
	Date      time.Time `json:"date"`
	Countries int       `json:"countries"`
	Counts    int       `json:"counts"`
	Votes     int       `json:"votes"`
	Stances   int       `json:"stances"`
	// Bodies are the bodies of its votes and Codes its countries, sorted
	// and without repeats.
	Bodies []string `json:"bodies,omitempty"`
	Codes  []string `json:"codes,omitempty"`
}

// List returns the articles q selects, newest first (by date, then by
// id), with what was found in each. Duplicates are not listed: their
// first copy stands for them.
func (db *DB) List(ctx context.Context, q ListQuery) ([]Summary, error) {
	limit, err := listLimit(q.Limit)
	if err != nil {
		return nil, err
	}
	if q.Offset < 0 {
		return nil, fmt.Errorf("list articles: offset %d is negative", q.Offset)
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("list articles: begin read: %w", err)
	}
	defer tx.Rollback()
	// The articles' date index answers in order, and skipping to a deep
	// page reads none of the rows it skips unless a site is asked for.
	filter, args := newArticleFilter(q.Site, q.From, q.To, q.Body, q.Country).listWhere()
	args = append(args, sql.Named("limit", limit), sql.Named("offset", q.Offset))
	query := `SELECT a.id FROM articles a ` + tx.d.indexedBy("articles_date") + ` WHERE 1 = 1` + filter +
		` ORDER BY a.date DESC, a.id DESC LIMIT @limit OFFSET @offset`
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list articles: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return summaries(ctx, tx, ids)
}

// Summaries returns the summaries of the articles with ids, in the order
// of ids, leaving out ids that are no article.
func (db *DB) Summaries(ctx context.Context, ids []int64) ([]Summary, error) {
	if _, err := listLimit(len(ids)); err != nil {
		return nil, err
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("summaries: begin read: %w", err)
	}
	defer tx.Rollback()
	return summaries(ctx, tx, ids)
}

func listLimit(n int) (int, error) {
	switch {
	case n == 0:
		return 20, nil
	case n < 0 || n > MaxListLimit:
		return 0, fmt.Errorf("list articles: limit %d: want 1 to %d", n, MaxListLimit)
	}
	return n, nil
}

// summaries reads the summaries of ids, in their order. The counts are
// those of each article's latest record.
func summaries(ctx context.Context, tx *txn, ids []int64) ([]Summary, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = strconv.FormatInt(id, 10)
	}
	rows, err := tx.QueryContext(ctx, `WITH s AS (
		SELECT a.id, a.url, p.site, a.title, a.date,
			(SELECT max(r.id) FROM records r WHERE r.article_id = a.id) AS rid
		FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id IN (`+strings.Join(list, ",")+`))
	SELECT id, url, site, title, date,
		(SELECT count(*) FROM record_countries x WHERE x.record_id = s.rid),
		(SELECT count(*) FROM record_counts x WHERE x.record_id = s.rid),
		(SELECT count(*) FROM votes x WHERE x.record_id = s.rid),
		(SELECT count(*) FROM stances x WHERE x.record_id = s.rid),
		(SELECT group_concat(body, ' ') FROM (SELECT DISTINCT body FROM votes x WHERE x.record_id = s.rid AND body != '' ORDER BY body) AS b),
		(SELECT group_concat(code, ' ') FROM (SELECT code FROM record_countries x WHERE x.record_id = s.rid ORDER BY code) AS c)
	FROM s`)
	if err != nil {
		return nil, fmt.Errorf("summaries: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]Summary, len(ids))
	for rows.Next() {
		var s Summary
		var date string
		var bodies, codes sql.NullString
		if err := rows.Scan(&s.ID, &s.URL, &s.Site, &s.Title, &date, &s.Countries, &s.Counts, &s.Votes, &s.Stances, &bodies, &codes); err != nil {
			return nil, fmt.Errorf("summaries: %w", err)
		}
		s.Date = parseTime(date)
		if bodies.String != "" {
			s.Bodies = strings.Fields(bodies.String)
		}
		if codes.String != "" {
			s.Codes = strings.Fields(codes.String)
		}
		byID[s.ID] = s
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("summaries: %w", err)
	}
	out := make([]Summary, 0, len(ids))
	for _, id := range ids {
		if s, ok := byID[id]; ok {
			out = append(out, s)
		}
	}
	return out, nil
}
