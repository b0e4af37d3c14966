package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// MaxCopies is the most duplicates, and the most versions, Copies lists
// of one article.
const MaxCopies = 100

// Copies are the other pages that carry an article: its duplicates (pages
// whose text is the article's, stored as links to it) and the other
// versions of its story (articles of their own, their facts changed).
type Copies struct {
	Duplicates []Duplicate
	Versions   []Version
	// DuplicateCount and VersionCount count them all, when there are more
	// than MaxCopies.
	DuplicateCount, VersionCount int
}

// Duplicate is a page stored as a copy of an article.
type Duplicate struct {
	PageID int64     `json:"page_id"`
	URL    string    `json:"url"`
	Site   string    `json:"site"`
	Title  string    `json:"title"`
	Date   time.Time `json:"date"`
	// Kind is "exact" or "near"; Similarity the estimated share of word
	// shingles the texts have in common, 1 for an exact copy.
	Kind       string  `json:"kind"`
	Similarity float64 `json:"similarity"`
}

// Version is another version of an article's story, an article of its
// own; Latest is true of the story's newest version.
type Version struct {
	ID     int64     `json:"id"`
	URL    string    `json:"url"`
	Site   string    `json:"site"`
	Title  string    `json:"title"`
	Date   time.Time `json:"date"`
	Latest bool      `json:"latest"`
}

// Copies returns the duplicates of the article with id, first stored
// first, and the other versions of its story, oldest first, at most
// MaxCopies of each.
func (db *DB) Copies(ctx context.Context, id int64) (Copies, error) {
	c, err := db.copies(ctx, id)
	if err != nil {
		return Copies{}, fmt.Errorf("copies of article %d: %w", id, err)
	}
	return c, nil
}

func (db *DB) copies(ctx context.Context, id int64) (Copies, error) {
	var c Copies
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT d.page_id, d.url, p.site, d.title, d.date, d.kind, d.similarity,
		count(*) OVER () FROM duplicates d JOIN pages p ON p.id = d.page_id
		WHERE d.article_id = ? ORDER BY d.id LIMIT ?`, id, MaxCopies)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var d Duplicate
		var date string
		if err := rows.Scan(&d.PageID, &d.URL, &d.Site, &d.Title, &date, &d.Kind, &d.Similarity, &c.DuplicateCount); err != nil {
			return c, err
		}
		d.Date = parseTime(date)
		c.Duplicates = append(c.Duplicates, d)
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT o.id, o.url, p.site, o.title, o.date,
		NOT EXISTS (SELECT 1 FROM articles n WHERE n.story_id = o.story_id AND (n.revised > o.revised OR n.revised = o.revised AND n.id > o.id)),
		count(*) OVER ()
		FROM articles a JOIN articles o ON o.story_id = a.story_id AND o.id != a.id JOIN pages p ON p.id = o.page_id
		WHERE a.id = ? ORDER BY o.revised, o.id LIMIT ?`, id, MaxCopies)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var v Version
		var date string
		if err := rows.Scan(&v.ID, &v.URL, &v.Site, &v.Title, &date, &v.Latest, &c.VersionCount); err != nil {
			return c, err
		}
		v.Date = parseTime(date)
		c.Versions = append(c.Versions, v)
	}
	return c, rows.Err()
}
