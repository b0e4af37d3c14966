package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// CountryRecord is what the corpus says of one country: how it voted,
// year by year and body by body, in the events (each vote once, however
// many articles report it), and the stances it took and was the target
// of in the latest records of the articles.
type CountryRecord struct {
	Code      string
	Positions []YearPositions
	// Gave and Received count the stances by the other side and polarity,
	// most first, at most MaxStanceCounts of each.
	Gave, Received []StanceCount
	// Recent are the stances it gave or received in the articles stored
	// last, at most MaxRecentStances.
	Recent []CountryStance
}

// YearPositions counts a country's positions in the events of one body
// in one year.
type YearPositions struct {
	Year         int    `json:"year"`
	Body         string `json:"body"`
	Yes          int    `json:"yes"`
	No           int    `json:"no"`
	Abstain      int    `json:"abstain"`
	Unrecognised int    `json:"other,omitempty"`
}

// StanceCount is how many stances of one polarity a country took toward
// another (or another toward it).
type StanceCount struct {
	Other    string `json:"other"`
	Polarity string `json:"polarity"`
	N        int    `json:"n"`
}

// CountryStance is one stance a country took or was the target of: the
// article, and the stance's index in its record's stances.
type CountryStance struct {
	ArticleID int64  `json:"article_id"`
	Index     int    `json:"index"`
	Holder    string `json:"holder"`
	Target    string `json:"target"`
	Polarity  string `json:"polarity"`
}

// Bounds of a CountryRecord.
const (
	MaxStanceCounts  = 30
	MaxRecentStances = 20
)

// Country returns what the corpus says of the country with code (ISO
// 3166 alpha-3, any case), from one read transaction. A country the
// corpus never names has an empty record.
func (db *DB) Country(ctx context.Context, code string) (CountryRecord, error) {
	c, err := db.country(ctx, strings.ToUpper(strings.TrimSpace(code)))
	if err != nil {
		return c, fmt.Errorf("country %s: %w", code, err)
	}
	return c, nil
}

func (db *DB) country(ctx context.Context, code string) (CountryRecord, error) {
	c := CountryRecord{Code: code}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	// Positions: the events the country has a position in, by year (of
	// the first day of their date) and body, from the positions' rows.
	rows, err := tx.QueryContext(ctx, `SELECT CAST(substr(p.start, 1, 4) AS INTEGER) AS year, p.body, p.position, count(*)
		FROM event_positions p WHERE p.code = @code
		GROUP BY year, p.body, p.position ORDER BY year, p.body`, sql.Named("code", code))
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var year, n int
		var body, pos string
		if err := rows.Scan(&year, &body, &pos, &n); err != nil {
			return c, err
		}
		if k := len(c.Positions); k == 0 || c.Positions[k-1].Year != year || c.Positions[k-1].Body != body {
			c.Positions = append(c.Positions, YearPositions{Year: year, Body: body})
		}
		yp := &c.Positions[len(c.Positions)-1]
		switch pos {
		case "yes":
			yp.Yes += n
		case "no":
			yp.No += n
		case "abstain":
			yp.Abstain += n
		default:
			yp.Unrecognised += n
		}
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	rows.Close()
	if c.Gave, err = stanceCounts(ctx, tx, code, "holder", "target"); err != nil {
		return c, err
	}
	if c.Received, err = stanceCounts(ctx, tx, code, "target", "holder"); err != nil {
		return c, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT s.article_id,
		(SELECT count(*) FROM stances s2 WHERE s2.record_id = s.record_id AND s2.id < s.id), s.holder, s.target, s.polarity
		FROM stances s WHERE (s.holder = @code OR s.target = @code) AND s.latest = 1
		ORDER BY s.article_id DESC, s.id LIMIT @limit`, sql.Named("code", code), sql.Named("limit", MaxRecentStances))
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var s CountryStance
		if err := rows.Scan(&s.ArticleID, &s.Index, &s.Holder, &s.Target, &s.Polarity); err != nil {
			return c, err
		}
		c.Recent = append(c.Recent, s)
	}
	return c, rows.Err()
}

// stanceCounts counts the stances whose column side is code, by the
// other side and polarity, in the articles' latest records.
func stanceCounts(ctx context.Context, tx *txn, code, side, other string) ([]StanceCount, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.`+other+`, s.polarity, count(*) AS n
		FROM stances s WHERE s.`+side+` = @code AND s.latest = 1
		GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT @limit`, sql.Named("code", code), sql.Named("limit", MaxStanceCounts))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StanceCount
	for rows.Next() {
		var s StanceCount
		if err := rows.Scan(&s.Other, &s.Polarity, &s.N); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
