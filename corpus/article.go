package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

// StoredArticle is one stored article with its ids and its record.
type StoredArticle struct {
	ID     int64
	PageID int64
	Site   string
	// Date is the publication time when the page states one, else the
	// fetch time.
	Date    time.Time
	Article clean.Article
	// Record is the article's record; nil when none was stored.
	Record *extract.Record
}

const articleSelect = `SELECT a.id, a.page_id, p.site, a.date, a.url, a.canonical, a.title, a.published, a.modified,
	a.byline, a.site_name, a.language, a.description, a.text, a.reason,
	(SELECT r.json FROM records r WHERE r.article_id = a.id ORDER BY r.id DESC LIMIT 1)
	FROM articles a JOIN pages p ON p.id = a.page_id `

// Article returns the article with id, or an error wrapping ErrNotFound.
func (db *DB) Article(ctx context.Context, id int64) (StoredArticle, error) {
	s, err := db.article(ctx, articleSelect+"WHERE a.id = ?", id)
	if err != nil {
		return s, fmt.Errorf("article %d: %w", id, err)
	}
	return s, nil
}

// ArticleByURL returns the article stored for url: the article's own URL,
// its canonical URL or its page's URL, the latest when several match. The
// URL of a duplicate gives its first copy. It fails with an error wrapping
// ErrNotFound when no article has that URL.
func (db *DB) ArticleByURL(ctx context.Context, url string) (StoredArticle, error) {
	s, err := db.article(ctx, articleSelect+`WHERE a.id = coalesce(
		(SELECT a2.id FROM articles a2 JOIN pages p2 ON p2.id = a2.page_id
		 WHERE a2.url = ?1 OR a2.canonical = ?1 OR p2.url = ?1 OR p2.final_url = ?1 ORDER BY a2.id DESC LIMIT 1),
		(SELECT d.article_id FROM duplicates d JOIN pages p3 ON p3.id = d.page_id
		 WHERE d.url = ?1 OR d.canonical = ?1 OR p3.url = ?1 OR p3.final_url = ?1 ORDER BY d.id DESC LIMIT 1))`, url)
	if err != nil {
		return s, fmt.Errorf("article %s: %w", url, err)
	}
	return s, nil
}

func (db *DB) article(ctx context.Context, q string, arg any) (StoredArticle, error) {
	var s StoredArticle
	var date string
	var record sql.NullString
	a := &s.Article
	err := db.read.QueryRowContext(ctx, q, arg).Scan(&s.ID, &s.PageID, &s.Site, &date, &a.URL, &a.Canonical, &a.Title,
		&a.Published, &a.Modified, &a.Byline, &a.SiteName, &a.Language, &a.Description, &a.Text, &a.Reason, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	}
	if err != nil {
		return s, err
	}
	s.Date = parseTime(date)
	if record.Valid {
		s.Record = new(extract.Record)
		if err := json.Unmarshal([]byte(record.String), s.Record); err != nil {
			return s, fmt.Errorf("record: %w", err)
		}
	}
	return s, nil
}
