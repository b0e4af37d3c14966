package corpus

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

// PageFilter chooses stored pages, for re-extraction. The zero value
// chooses every page.
type PageFilter struct {
	// Site keeps pages of one site: a host name ("www." and case do not
	// matter) or a URL whose host is taken.
	Site string
	// From and To keep pages whose article date (its publication time,
	// else the fetch time) is at or after From and before To; a zero time
	// leaves that end open.
	From, To time.Time
	// Extractor keeps pages whose record was made by this extractor
	// version (for a duplicate, see NotExtractor).
	Extractor string
	// NotExtractor keeps pages that have no record made by this extractor
	// version, so that an interrupted re-extraction resumes where it
	// stopped. A duplicate counts as made by the version whose record it
	// would have had when it was last saved or replaced.
	NotExtractor string
	// AfterID keeps pages whose id is greater.
	AfterID int64
	// UpToID, when above zero, keeps pages whose id is at most UpToID.
	UpToID int64
}

// pagesBatch is how many pages Pages reads at a time.
const pagesBatch = 64

// Pages calls fn for each stored page that f chooses, in id order, with
// the page as the crawler handed it (body decompressed) and its id. It
// reads the pages in small batches and holds no transaction while fn
// runs, so fn may call Replace. An error from fn stops the iteration and
// is returned.
func (db *DB) Pages(ctx context.Context, f PageFilter, fn func(crawl.Page, int64) error) error {
	after := f.AfterID
	site := ""
	if f.Site != "" {
		site = siteOf(f.Site)
	}
	for {
		batch, ids, err := db.pageBatch(ctx, f, site, after)
		if err != nil {
			return fmt.Errorf("read pages: %w", err)
		}
		if len(batch) == 0 {
			return nil
		}
		for i, p := range batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(p, ids[i]); err != nil {
				return err
			}
			after = ids[i]
		}
	}
}

// pagesWhere is the condition on pages p (with their article a and
// duplicate link d) that a PageFilter sets, its values given as ?1 (the
// id after which), ?2 (site) to ?7 (UpToID).
const pagesWhere = `p.id > ?1
		  AND (?2 = '' OR p.site = ?2)
		  AND (?3 = '' OR coalesce(a.date, d.date, p.fetched) >= ?3)
		  AND (?4 = '' OR coalesce(a.date, d.date, p.fetched) < ?4)
		  AND (?5 = '' OR d.extractor = ?5 OR EXISTS (SELECT 1 FROM records r WHERE r.article_id = a.id AND r.extractor = ?5))
		  AND (?6 = '' OR NOT (coalesce(d.extractor, '') = ?6 OR EXISTS (SELECT 1 FROM records r WHERE r.article_id = a.id AND r.extractor = ?6)))
		  AND (?7 = 0 OR p.id <= ?7)`

// pagesArgs returns the values of pagesWhere's placeholders.
func pagesArgs(f PageFilter, site string, after int64) []any {
	return []any{after, site, formatTime(f.From), formatTime(f.To), f.Extractor, f.NotExtractor, f.UpToID}
}

func (db *DB) pageBatch(ctx context.Context, f PageFilter, site string, after int64) ([]crawl.Page, []int64, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT p.id, p.job, p.url, p.final_url, p.status, p.content_type, p.header, p.hash, p.body, p.depth, p.fetched
		FROM pages p
		LEFT JOIN articles a ON a.page_id = p.id
		LEFT JOIN duplicates d ON d.page_id = p.id
		WHERE `+pagesWhere+`
		ORDER BY p.id LIMIT ?8`, append(pagesArgs(f, site, after), pagesBatch)...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var pages []crawl.Page
	var ids []int64
	for rows.Next() {
		p, id, err := scanPage(rows)
		if err != nil {
			return nil, nil, err
		}
		pages = append(pages, p)
		ids = append(ids, id)
	}
	return pages, ids, rows.Err()
}

// pageIDs returns the ids of the first n pages after the id after that f
// chooses, in order.
func (db *DB) pageIDs(ctx context.Context, f PageFilter, site string, after int64, n int) ([]int64, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT p.id FROM pages p
		LEFT JOIN articles a ON a.page_id = p.id
		LEFT JOIN duplicates d ON d.page_id = p.id
		WHERE `+pagesWhere+`
		ORDER BY p.id LIMIT ?8`, append(pagesArgs(f, site, after), n)...)
	if err != nil {
		return nil, fmt.Errorf("read page ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read page ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read page ids: %w", err)
	}
	return ids, nil
}

// scanPage reads the columns id, job, url, final_url, status,
// content_type, header, hash, body, depth, fetched.
func scanPage(rows *sql.Rows) (crawl.Page, int64, error) {
	var p crawl.Page
	var id int64
	var header, fetched string
	var body []byte
	if err := rows.Scan(&id, &p.Job, &p.URL, &p.FinalURL, &p.Status, &p.ContentType, &header, &p.Hash, &body, &p.Depth, &fetched); err != nil {
		return p, 0, err
	}
	if err := json.Unmarshal([]byte(header), &p.Header); err != nil {
		return p, 0, fmt.Errorf("page %d: headers: %w", id, err)
	}
	var err error
	if p.Body, err = decompress(body); err != nil {
		return p, 0, fmt.Errorf("page %d: %w", id, err)
	}
	p.Fetched = parseTime(fetched)
	return p, id, nil
}

// Replace replaces the article and record of stored page pageID, in one
// transaction, after the cleaner or the extractors changed. r may be nil
// (no record). The page's article keeps its id (and its story), so that
// duplicates linked to it stay linked; a page that was a duplicate is
// compared again, by text and facts, and gets its own article, perhaps a
// new version of a story, when it no longer duplicates any.
func (db *DB) Replace(ctx context.Context, pageID int64, a *clean.Article, r *extract.Record) error {
	// Workers re-extracting at once may deadlock on the rows of
	// duplicates they share; the transaction PostgreSQL aborts is run
	// again.
	if err := retryConflict(ctx, func() error { return db.replace(ctx, pageID, a, r) }); err != nil {
		return fmt.Errorf("replace article of page %d: %w", pageID, err)
	}
	return nil
}

func (db *DB) replace(ctx context.Context, pageID int64, a *clean.Article, r *extract.Record) error {
	if a == nil {
		return errors.New("no article given")
	}
	if db.readOnly {
		return ErrReadOnly
	}
	fp := fingerprintOf(a.Text)
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// A record replaced is a save: a refresh of the events waits for it.
	if err := lockSaves(ctx, tx, false); err != nil {
		return err
	}
	var fetchedText string
	err = tx.QueryRowContext(ctx, "SELECT fetched FROM pages WHERE id = ?", pageID).Scan(&fetchedText)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("page %w", ErrNotFound)
	}
	if err != nil {
		return err
	}
	fetched := parseTime(fetchedText)
	var articleID int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM articles WHERE page_id = ?", pageID).Scan(&articleID)
	switch {
	case err == nil:
		date := articleDate(a, fetched)
		_, err := tx.ExecContext(ctx, `UPDATE articles SET url = ?, canonical = ?, title = ?, published = ?,
			modified = ?, byline = ?, site_name = ?, language = ?, description = ?, text = ?, reason = ?, date = ?,
			revised = ? WHERE id = ?`,
			a.URL, a.Canonical, a.Title, a.Published, a.Modified, a.Byline, a.SiteName, a.Language,
			a.Description, a.Text, a.Reason, date, articleRevised(a, date), articleID)
		if err != nil {
			return fmt.Errorf("update article: %w", err)
		}
		if err := setFingerprint(ctx, tx, articleID, fp, factsKey(r)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM records WHERE article_id = ?", articleID); err != nil {
			return fmt.Errorf("delete old record: %w", err)
		}
		if r != nil {
			if _, err := insertRecord(ctx, tx, articleID, r, a.Text, date, false); err != nil {
				return err
			}
		}
	case errors.Is(err, sql.ErrNoRows):
		if _, err := tx.ExecContext(ctx, "DELETE FROM duplicates WHERE page_id = ?", pageID); err != nil {
			return fmt.Errorf("delete old duplicate link: %w", err)
		}
		if _, err := storeArticle(ctx, tx, pageID, fetched, a, fp, r); err != nil {
			return err
		}
	default:
		return err
	}
	return tx.Commit()
}
