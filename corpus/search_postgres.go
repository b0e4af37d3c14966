package corpus

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// On PostgreSQL, Search matches the articles' tsvector column (see
// migrations/postgres/0003_search.sql) through its GIN index and ranks
// with ts_rank, titles weighing more than the text; snippets are
// ts_headline's. A plain query finds the articles SQLite finds; the order
// of hits of equal words may differ. A raw query is in PostgreSQL's
// tsquery syntax (&, |, !, <->, prefix:*).

// tsQuery turns a query into a tsquery for to_tsquery('tally_search', ...).
func tsQuery(q SearchQuery) (string, error) {
	if strings.TrimSpace(q.Text) == "" {
		return "", fmt.Errorf("%w: empty query", ErrBadQuery)
	}
	if q.Raw {
		if n := len(strings.Fields(q.Text)); n > MaxQueryTerms {
			return "", fmt.Errorf("%w: %d terms, at most %d allowed", ErrBadQuery, n, MaxQueryTerms)
		}
		return q.Text, nil
	}
	terms, err := parsePlain(q.Text)
	if err != nil {
		return "", err
	}
	var parts []string
	has := false
	for _, t := range terms {
		// A phrase is "w1 w2" of letters and digits alone: its words
		// follow one another (<->), each quoted as a lexeme.
		ws := strings.Fields(strings.Trim(t.phrase, `"`))
		for i, w := range ws {
			ws[i] = "'" + w + "'"
		}
		p := strings.Join(ws, " <-> ")
		if len(ws) > 1 {
			p = "(" + p + ")"
		}
		if t.not {
			p = "!" + p
		} else {
			has = true
		}
		parts = append(parts, p)
	}
	if !has {
		return "", fmt.Errorf("%w: %q has no word to look for, only words to leave out", ErrBadQuery, q.Text)
	}
	return strings.Join(parts, " & "), nil
}

// searchPostgres is Search on PostgreSQL.
func (db *DB) searchPostgres(ctx context.Context, q SearchQuery) ([]Hit, error) {
	query, err := tsQuery(q)
	if err != nil {
		return nil, err
	}
	limit, err := q.limit()
	if err != nil {
		return nil, err
	}
	start, end := q.marks()
	opts := fmt.Sprintf(`StartSel="%s", StopSel="%s", MaxWords=16, MinWords=8, ShortWord=0, HighlightAll=false`,
		strings.ReplaceAll(start, `"`, ""), strings.ReplaceAll(end, `"`, ""))
	filter, args := newArticleFilter(q.Site, q.From, q.To, q.Body, q.Country).where(db.d, "a.id")
	args = append(args, sql.Named("q", query), sql.Named("limit", limit),
		sql.Named("offset", q.Offset), sql.Named("opts", opts))
	rows, err := db.read.QueryContext(ctx, `SELECT h.id, h.page_id, h.url, h.site, h.title, h.date, h.rank,
			ts_headline('tally_search', h.text, h.q, @opts)
		FROM (SELECT a.id, a.page_id, a.url, p.site, a.title, a.date, a.text, tq.q, ts_rank('{0.1, 0.2, 0.4, 1.0}', a.search, tq.q) AS rank
			FROM to_tsquery('tally_search', @q) AS tq (q), articles a JOIN pages p ON p.id = a.page_id
			WHERE a.search @@ tq.q`+filter+`
			ORDER BY rank DESC, a.id LIMIT @limit OFFSET @offset) h
		ORDER BY h.rank DESC, h.id`, args...)
	if err != nil {
		return nil, pgSearchError(q.Text, err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var date string
		var rank float64
		if err := rows.Scan(&h.ArticleID, &h.PageID, &h.URL, &h.Site, &h.Title, &date, &rank, &h.Snippet); err != nil {
			return nil, pgSearchError(q.Text, err)
		}
		h.Date = parseTime(date)
		h.Score = -rank
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, pgSearchError(q.Text, err)
	}
	return hits, nil
}

// pgSearchError reports a query PostgreSQL could not parse as ErrBadQuery.
func pgSearchError(text string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42601" || strings.HasPrefix(pe.Code, "22")) {
		return fmt.Errorf("%w %q: %s", ErrBadQuery, text, pe.Message)
	}
	return fmt.Errorf("query %q: %w", text, err)
}
