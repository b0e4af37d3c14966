package corpus

import (
	"context"
	"database/sql"
	"fmt"
)

// Stats summarises a corpus.
type Stats struct {
	Pages    int `json:"pages"`
	Articles int `json:"articles"` // first copies, every version of a story
	// Versions counts the articles that are updated versions of a story
	// stored before (see DB.Save).
	Versions int `json:"versions"`
	// Duplicates counts pages linked to an earlier article, by kind.
	Duplicates      int `json:"duplicates"`
	ExactDuplicates int `json:"exact_duplicates"`
	NearDuplicates  int `json:"near_duplicates"`
	Records         int `json:"records"`
	// Facts counts the rows of the queryable record tables: "countries",
	// "counts", "votes", "positions", "sponsors" and "stances".
	Facts map[string]int `json:"facts"`
	// Extractors counts records by the extractor version that made them.
	Extractors map[string]int `json:"extractors"`
	// NotExtracted counts articles with a text but no record, by their
	// language ("" when unknown): pages in languages the extractors do not
	// read are stored without a record.
	NotExtracted map[string]int `json:"not_extracted"`
	// Failures counts URLs whose last fetch failed, by reason.
	Failures map[string]int `json:"failures"`
	// Queued counts URLs waiting in the frontiers of all jobs.
	Queued int `json:"queued"`
	// Countries and Bodies are the most frequent countries (by records
	// naming them) and voting bodies (by votes), most frequent first.
	Countries []Frequency `json:"countries"`
	Bodies    []Frequency `json:"bodies"`
}

// Frequency is a value and how often it occurs.
type Frequency struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// TopN is how many countries and bodies Stats lists.
const TopN = 10

// Stats counts what the corpus holds, in one read transaction.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	s, err := db.stats(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("corpus stats: %w", err)
	}
	return s, nil
}

func (db *DB) stats(ctx context.Context) (Stats, error) {
	s := Stats{Facts: map[string]int{}, Extractors: map[string]int{}, NotExtracted: map[string]int{}, Failures: map[string]int{}}
	tx, err := db.read.BeginTx(ctx, nil)
	if err != nil {
		return s, err
	}
	defer tx.Rollback()
	counts := []struct {
		dst *int
		q   string
	}{
		{&s.Pages, "SELECT count(*) FROM pages"},
		{&s.Articles, "SELECT count(*) FROM articles"},
		{&s.Versions, "SELECT count(*) FROM articles WHERE story_id != id"},
		{&s.ExactDuplicates, "SELECT count(*) FROM duplicates WHERE kind = 'exact'"},
		{&s.NearDuplicates, "SELECT count(*) FROM duplicates WHERE kind = 'near'"},
		{&s.Records, "SELECT count(*) FROM records"},
		{&s.Queued, "SELECT count(*) FROM frontier"},
	}
	for _, c := range counts {
		if err := tx.QueryRowContext(ctx, c.q).Scan(c.dst); err != nil {
			return s, err
		}
	}
	s.Duplicates = s.ExactDuplicates + s.NearDuplicates
	for name, table := range map[string]string{"countries": "record_countries", "counts": "record_counts",
		"votes": "votes", "positions": "vote_positions", "sponsors": "vote_sponsors", "stances": "stances"} {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			return s, err
		}
		s.Facts[name] = n
	}
	groups := []struct {
		dst map[string]int
		q   string
	}{
		{s.Extractors, "SELECT extractor, count(*) FROM records GROUP BY extractor"},
		{s.NotExtracted, `SELECT a.language, count(*) FROM articles a
			WHERE a.text != '' AND NOT EXISTS (SELECT 1 FROM records r WHERE r.article_id = a.id)
			GROUP BY a.language`},
		{s.Failures, `SELECT f.error, count(*) FROM fetches f
			WHERE f.error != '' AND f.id = (SELECT max(g.id) FROM fetches g WHERE g.url = f.url)
			GROUP BY f.error`},
	}
	for _, g := range groups {
		if err := groupCounts(ctx, tx, g.q, func(v string, n int) { g.dst[v] = n }); err != nil {
			return s, err
		}
	}
	top := []struct {
		dst *[]Frequency
		q   string
	}{
		{&s.Countries, "SELECT code, count(*) AS n FROM record_countries GROUP BY code ORDER BY n DESC, code LIMIT ?"},
		{&s.Bodies, "SELECT body, count(*) AS n FROM votes WHERE body != '' GROUP BY body ORDER BY n DESC, body LIMIT ?"},
	}
	for _, t := range top {
		*t.dst = []Frequency{}
		if err := groupCounts(ctx, tx, t.q, func(v string, n int) { *t.dst = append(*t.dst, Frequency{v, n}) }, TopN); err != nil {
			return s, err
		}
	}
	return s, nil
}

// groupCounts runs a query of (value, count) rows.
func groupCounts(ctx context.Context, tx interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, q string, add func(string, int), args ...any) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		var n int
		if err := rows.Scan(&v, &n); err != nil {
			return err
		}
		add(v, n)
	}
	return rows.Err()
}
