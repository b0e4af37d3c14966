package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
	"github.com/tally-news/tally/extract/events"
)

// ErrNotFound is returned when a page, article or record asked for by id
// is not in the corpus.
var ErrNotFound = errors.New("not found in the corpus")

// Doc is what Save stores: a fetched page and, when it was cleaned and
// extracted, its article and record. Article and Record may be nil; a
// Record needs its Article.
type Doc struct {
	Page    crawl.Page
	Article *clean.Article
	Record  *extract.Record
}

// Saved says what Save did with a Doc. Ids are 0 for what was not stored.
type Saved struct {
	PageID    int64
	ArticleID int64 // the page's own article; 0 when it is a duplicate
	RecordID  int64
	// DuplicateOf is the id of the first copy of the article when the
	// page's article duplicates one stored earlier (then neither an
	// article nor a record is stored for this page), else 0.
	DuplicateOf int64
	// VersionOf is the story (the article id of its first version) that
	// the page's article is a new version of, when its text is nearly a
	// stored article's but its facts differ; else 0. The article and its
	// record are stored as any new article's.
	VersionOf int64
	// Unchanged says a page with the same URL and content hash was
	// already stored; nothing new was stored and the ids are the earlier
	// page's.
	Unchanged bool
}

// Save stores one Doc atomically: the page (its body compressed), the
// article and the record with its queryable rows. Either all of it is
// stored or, on error, none of it.
//
// A page whose URL and content hash are already stored stores nothing
// (Saved.Unchanged). An article that duplicates a stored one, exactly or
// nearly with the same facts (see NearSimilarity), is not stored as a new
// article: the page is linked to the first copy, keeping its own URL,
// title and date, and its record is not stored, the first copy's standing
// for it. An article nearly the same as a stored one but with other facts
// is stored, with its record, as a new version of that story
// (Saved.VersionOf).
//
// Save is meant to be called from many goroutines at once, as a crawl's
// workers do: the body is compressed in the caller's goroutine, and docs
// saved at the same moment share one transaction, each in a savepoint of
// its own, so that one failing doc leaves the others stored. Save returns
// once the doc is committed.
func (db *DB) Save(ctx context.Context, d Doc) (Saved, error) {
	if db.readOnly {
		return Saved{}, fmt.Errorf("save %s: %w", d.Page.URL, ErrReadOnly)
	}
	if err := validateDoc(&d); err != nil {
		return Saved{}, fmt.Errorf("save %s: %w", d.Page.URL, err)
	}
	p, err := preparePage(&d)
	if err != nil {
		return Saved{}, fmt.Errorf("save %s: %w", d.Page.URL, err)
	}
	req := &saveRequest{ctx: ctx, doc: &d, page: &p, done: make(chan struct{})}
	select {
	case db.saves <- req:
	case <-db.quit:
		return Saved{}, fmt.Errorf("save %s: %w", d.Page.URL, ErrClosed)
	case <-ctx.Done():
		return Saved{}, fmt.Errorf("save %s: %w", d.Page.URL, ctx.Err())
	}
	<-req.done
	if req.err != nil {
		return Saved{}, fmt.Errorf("save %s: %w", d.Page.URL, req.err)
	}
	return req.saved, nil
}

// saveRequest is one Save waiting for the committer.
type saveRequest struct {
	ctx   context.Context
	doc   *Doc
	page  *preparedPage
	saved Saved
	err   error
	done  chan struct{} // closed when saved or err is set
}

// maxGroup is the most Save calls committed in one transaction.
const maxGroup = 256

// commitSaves runs until Close, committing the docs of concurrent Save
// calls in groups: whatever has arrived while the last group was being
// committed goes into the next transaction.
func (db *DB) commitSaves() {
	defer close(db.committed)
	for {
		var group []*saveRequest
		select {
		case r := <-db.saves:
			group = append(group, r)
		case <-db.quit:
			return
		}
	more:
		for len(group) < maxGroup {
			select {
			case r := <-db.saves:
				group = append(group, r)
			default:
				break more
			}
		}
		db.commitGroup(group)
		for _, r := range group {
			close(r.done)
		}
	}
}

// commitGroup stores the requests of group in one transaction and
// commits it, setting each request's result. The docs are stored one
// after the other without savepoints first; when one fails, the
// transaction is rolled back and the group stored again with each doc in
// a savepoint of its own, so that the failing doc leaves the others
// stored. Docs rarely fail, and two statements a doc are saved. A group
// in which PostgreSQL aborted a doc's statements to break a deadlock with
// another worker's transaction, or for a serialization failure, is rolled
// back and stored again, as retryConflict runs a transaction again:
// rolling back frees the locks the other worker waits for, where running
// the doc again in the same transaction would wait on that worker anew.
// After the last try, the docs stored are committed and the doc that
// failed says why.
func (db *DB) commitGroup(group []*saveRequest) {
	savepoints := false
	for attempt := 0; ; {
		last := attempt+1 >= conflictRetries
		conflict, failed := db.commitGroupOnce(group, attempt > 0, !last, savepoints)
		if failed {
			savepoints = true
			continue
		}
		if !conflict || last {
			return
		}
		time.Sleep(conflictBackoff(attempt))
		attempt++
	}
}

// commitGroupOnce is one try of commitGroup, alone (see savesLock) when
// it is not the first. With retry set, a group in which a doc failed for
// a conflict is rolled back, and it reports conflict. Without savepoints,
// a group of more than one doc in which a doc failed is rolled back, and
// it reports failed.
func (db *DB) commitGroupOnce(group []*saveRequest, alone, retry, savepoints bool) (conflict, failed bool) {
	ctx := context.Background() // a group outlives any one caller
	for _, r := range group {
		r.err, r.saved = nil, Saved{}
	}
	fail := func(err error) {
		for _, r := range group {
			if r.err == nil {
				r.err, r.saved = err, Saved{}
			}
		}
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		fail(err)
		return false, false
	}
	defer tx.Rollback()
	if err := lockSaves(ctx, tx, alone); err != nil {
		fail(err)
		return retry && isConflict(err), false
	}
	// A doc alone in its group needs no savepoint: when it fails, the
	// transaction is rolled back.
	savepoints = savepoints && len(group) > 1
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		if savepoints {
			if _, err := tx.ExecContext(ctx, "SAVEPOINT save_doc"); err != nil {
				fail(err)
				return retry && isConflict(err), false
			}
		}
		r.saved, r.err = saveDoc(ctx, tx, r.doc, r.page)
		if r.err != nil {
			if retry && isConflict(r.err) {
				return true, false
			}
			if !savepoints {
				return false, len(group) > 1
			}
			if _, err := tx.ExecContext(ctx, "ROLLBACK TO save_doc"); err != nil {
				fail(err)
				return false, false
			}
		}
		if savepoints {
			if _, err := tx.ExecContext(ctx, "RELEASE save_doc"); err != nil {
				fail(err)
				return false, false
			}
		}
	}
	if err := tx.Commit(); err != nil {
		fail(fmt.Errorf("commit: %w", err))
		return retry && isConflict(err), false
	}
	return false, false
}

// SaveAll stores docs in one transaction, as Save does each: all of them
// or, on error, none. Storing in batches is faster than one by one.
func (db *DB) SaveAll(ctx context.Context, docs []Doc) ([]Saved, error) {
	if db.readOnly {
		return nil, fmt.Errorf("save: %w", ErrReadOnly)
	}
	prepared := make([]preparedPage, len(docs))
	for i := range docs {
		if err := validateDoc(&docs[i]); err != nil {
			return nil, fmt.Errorf("save page %d of %d: %w", i+1, len(docs), err)
		}
	}
	if err := preparePages(docs, prepared); err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	var out []Saved
	tries := 0
	err := retryConflict(ctx, func() error {
		var err error
		out, err = db.saveAll(ctx, docs, prepared, tries > 0)
		tries++
		return err
	})
	return out, err
}

// saveAll stores docs in one transaction, a try of SaveAll, alone (see
// savesLock) when it is not the first.
func (db *DB) saveAll(ctx context.Context, docs []Doc, prepared []preparedPage, alone bool) ([]Saved, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	defer tx.Rollback()
	if err := lockSaves(ctx, tx, alone); err != nil {
		return nil, fmt.Errorf("save: %w", err)
	}
	out := make([]Saved, len(docs))
	for i := range docs {
		out[i], err = saveDoc(ctx, tx, &docs[i], &prepared[i])
		if err != nil {
			return nil, fmt.Errorf("save %s: %w", docs[i].Page.URL, err)
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("save: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("save: commit: %w", err)
	}
	return out, nil
}

func validateDoc(d *Doc) error {
	if d.Page.URL == "" {
		return errors.New("page has no URL")
	}
	if d.Record != nil && d.Article == nil {
		return errors.New("a record is given without its article")
	}
	return nil
}

// preparedPage is the part of storing a page done outside the
// transaction: compressing the body and encoding the headers.
type preparedPage struct {
	hash   string
	body   []byte // compressed
	header string
	fp     fingerprint
}

// preparePages compresses and fingerprints the docs on all cores.
func preparePages(docs []Doc, out []preparedPage) error {
	work := make(chan int)
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	for range min(len(docs), runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				out[i], errs[i] = preparePage(&docs[i])
			}
		}()
	}
	for i := range docs {
		work <- i
	}
	close(work)
	wg.Wait()
	return errors.Join(errs...)
}

func preparePage(d *Doc) (preparedPage, error) {
	var p preparedPage
	p.hash = d.Page.Hash
	if p.hash == "" {
		sum := sha256.Sum256(d.Page.Body)
		p.hash = hex.EncodeToString(sum[:])
	}
	p.body = compress(d.Page.Body)
	h := d.Page.Header
	if h == nil {
		h = map[string][]string{}
	}
	b, err := json.Marshal(h)
	if err != nil {
		return p, fmt.Errorf("encode headers of %s: %w", d.Page.URL, err)
	}
	p.header = string(b)
	if d.Article != nil {
		p.fp = fingerprintOf(d.Article.Text)
	}
	return p, nil
}

// Stored page bodies are compressed with Zstandard at its default level
// (github.com/klauspost/compress/zstd): on the clean-dev pages 15% smaller
// than gzip at its fastest, which they were stored with before migration
// 14, and faster to make. decompress reads both.
var (
	zstdEncoder = mustZstd(zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedDefault)))
	zstdDecoder = mustZstd(zstd.NewReader(nil))
)

func mustZstd[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("set up zstd: %v", err)) // only with options that do not exist
	}
	return v
}

// Magic numbers that start a compressed body.
var (
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
	gzipMagic = []byte{0x1f, 0x8b}
)

// compress compresses a page body for storing.
func compress(b []byte) []byte {
	return zstdEncoder.EncodeAll(b, make([]byte, 0, len(b)/4+64))
}

// decompress reverses compress, and reads the gzip of bodies stored
// before.
func decompress(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, zstdMagic):
		out, err := zstdDecoder.DecodeAll(b, nil)
		if err != nil {
			return nil, fmt.Errorf("decompress body: %w", err)
		}
		return out, nil
	case bytes.HasPrefix(b, gzipMagic):
		r, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("decompress body: %w", err)
		}
		out, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("decompress body: %w", err)
		}
		return out, nil
	}
	return nil, fmt.Errorf("decompress body: %d bytes neither zstd nor gzip", len(b))
}

// compactStorage is the Go step of migration 14: it recompresses the
// pages and indexes the articles' bands anew.
func compactStorage(ctx context.Context, tx *txn) error {
	if err := recompressPages(ctx, tx); err != nil {
		return err
	}
	return indexFactsKeys(ctx, tx)
}

// recompressPages rewrites the page bodies stored as gzip as compress
// makes them, in batches of pages (migration 14).
func recompressPages(ctx context.Context, tx *txn) error {
	return inArticleBatches(ctx, tx, "SELECT id, body FROM pages WHERE id > ? ORDER BY id LIMIT 100",
		func(rows *sql.Rows) (id int64, body []byte, err error) {
			err = rows.Scan(&id, &body)
			return id, body, err
		},
		func(id int64, body []byte) error {
			if !bytes.HasPrefix(body, gzipMagic) {
				return nil
			}
			raw, err := decompress(body)
			if err != nil {
				return fmt.Errorf("page %d: %w", id, err)
			}
			if _, err := tx.ExecContext(ctx, "UPDATE pages SET body = ? WHERE id = ?", compress(raw), id); err != nil {
				return fmt.Errorf("store page %d: %w", id, err)
			}
			return nil
		})
}

// siteOf returns the host of a URL in lower case without "www.", the
// form filters compare. A bare host name is accepted too.
func siteOf(raw string) string {
	if raw == "" {
		return ""
	}
	host := raw
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		host = u.Hostname()
	} else if i := strings.IndexAny(host, "/:"); i >= 0 {
		host = host[:i]
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return strings.TrimPrefix(host, "www.")
}

// articleDate is the time an article is filed under: its publication
// time when the page states a readable one, else the fetch time.
func articleDate(a *clean.Article, fetched time.Time) string {
	if d := parseStated(a.Published); d != "" {
		return d
	}
	return formatTime(fetched)
}

// parseStated reads a time as a page states it, in the stored form; ""
// when it is not readable.
func parseStated(s string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return formatTime(t)
		}
	}
	return ""
}

func saveDoc(ctx context.Context, tx *txn, d *Doc, p *preparedPage) (Saved, error) {
	var s Saved
	fetched := d.Page.Fetched
	if fetched.IsZero() {
		fetched = time.Now()
	}
	site := siteOf(d.Page.URL)
	// The insert does nothing when the same URL and hash are stored, which
	// spares a look-up before every insert.
	err := tx.QueryRowContext(ctx, `INSERT INTO pages
		(job, url, final_url, site, status, content_type, header, hash, body, depth, fetched)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url, hash) DO NOTHING RETURNING id`,
		d.Page.Job, d.Page.URL, d.Page.FinalURL, site, d.Page.Status, d.Page.ContentType,
		p.header, p.hash, p.body, d.Page.Depth, formatTime(fetched)).Scan(&s.PageID)
	if errors.Is(err, sql.ErrNoRows) {
		s.Unchanged = true
		if err := tx.QueryRowContext(ctx, "SELECT id FROM pages WHERE url = ? AND hash = ?", d.Page.URL, p.hash).Scan(&s.PageID); err != nil {
			return s, fmt.Errorf("look up page: %w", err)
		}
		return s, pageLinks(ctx, tx, &s)
	}
	if err != nil {
		return s, fmt.Errorf("store page: %w", err)
	}
	if d.Article == nil {
		return s, nil
	}
	st, err := storeArticle(ctx, tx, s.PageID, fetched, d.Article, p.fp, d.Record)
	s.ArticleID, s.RecordID, s.DuplicateOf, s.VersionOf = st.articleID, st.recordID, st.duplicateOf, st.versionOf
	return s, err
}

// pageLinks fills in the article, record and duplicate ids of s.PageID.
func pageLinks(ctx context.Context, tx *txn, s *Saved) error {
	err := tx.QueryRowContext(ctx, `SELECT a.id, coalesce((SELECT max(r.id) FROM records r WHERE r.article_id = a.id), 0)
		FROM articles a WHERE a.page_id = ?`, s.PageID).Scan(&s.ArticleID, &s.RecordID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("look up article: %w", err)
	}
	err = tx.QueryRowContext(ctx, "SELECT article_id FROM duplicates WHERE page_id = ?", s.PageID).Scan(&s.DuplicateOf)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("look up duplicate: %w", err)
	}
	return nil
}

// storeArticle stores the article of page pageID, or links the page to
// the article it duplicates, and stores the record of a new article. An
// article that updates a stored story's facts is stored as a new version
// of that story (storyID).
func storeArticle(ctx context.Context, tx *txn, pageID int64, fetched time.Time, a *clean.Article, fp fingerprint, r *extract.Record) (stored, error) {
	date := articleDate(a, fetched)
	facts := factsKey(r)
	m, err := findDuplicate(ctx, tx, fp, facts)
	if err != nil {
		return stored{}, err
	}
	if m.kind == "exact" || m.kind == "near" {
		_, err := tx.ExecContext(ctx, `INSERT INTO duplicates
			(page_id, article_id, kind, similarity, url, canonical, title, published, byline, site_name, date, extractor)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			pageID, m.articleID, m.kind, m.similarity, a.URL, a.Canonical, a.Title, a.Published, a.Byline, a.SiteName, date, extractorOf(r))
		if err != nil {
			return stored{}, fmt.Errorf("store duplicate: %w", err)
		}
		return stored{duplicateOf: m.articleID}, nil
	}
	var s stored
	err = tx.QueryRowContext(ctx, `INSERT INTO articles
		(page_id, url, canonical, title, published, modified, byline, site_name, language, description, text, reason, date, text_hash, minhash, story_id, revised, facts_key)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		pageID, a.URL, a.Canonical, a.Title, a.Published, a.Modified, a.Byline, a.SiteName, a.Language,
		a.Description, a.Text, a.Reason, date, fp.hash, encodeSig(fp.sig), m.storyID, articleRevised(a, date), facts).Scan(&s.articleID)
	if err != nil {
		return stored{}, fmt.Errorf("store article: %w", err)
	}
	story := m.storyID
	if m.kind == "version" {
		s.versionOf = m.storyID
	} else {
		story = s.articleID
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET story_id = id WHERE id = ?", story); err != nil {
			return stored{}, fmt.Errorf("store article: %w", err)
		}
	}
	if err := indexBands(ctx, tx, s.articleID, story, facts, fp.sig); err != nil {
		return stored{}, err
	}
	if r != nil {
		if s.recordID, err = insertRecord(ctx, tx, s.articleID, r, a.Text, date, true); err != nil {
			return stored{}, err
		}
	}
	return s, nil
}

// stored says what storeArticle did.
type stored struct {
	articleID, recordID, duplicateOf, versionOf int64
}

// articleRevised is the time that orders the versions of a story: the
// page's modification time when it states a readable one later than the
// article's date, else the date.
func articleRevised(a *clean.Article, date string) string {
	if m := parseStated(a.Modified); m != "" && m > date {
		return m
	}
	return date
}

// insertRecord stores a record as JSON and in the queryable tables. The
// stored votes carry their dates, read from text and the article's date.
// The caller keeps the article's facts_key that of its latest record
// (storeArticle, setFingerprint). With only set, the article was stored
// in this transaction and has no other record whose rows would stop
// being the latest.
func insertRecord(ctx context.Context, tx *txn, articleID int64, r *extract.Record, text, date string, only bool) (int64, error) {
	dated := *r
	dated.Votes = slices.Clone(r.Votes)
	events.DateVotes(&dated, text, parseTime(date))
	js, err := json.Marshal(&dated)
	if err != nil {
		return 0, fmt.Errorf("encode record: %w", err)
	}
	var id int64
	err = tx.QueryRowContext(ctx, "INSERT INTO records (article_id, extractor, json) VALUES (?, ?, ?) RETURNING id",
		articleID, r.Extractor, string(js)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store record: %w", err)
	}
	// The article's votes, countries and stances are now those of this
	// record: the filters and a country's stances read the latest ones.
	if !only {
		for _, table := range []string{"votes", "record_countries", "stances"} {
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET latest = 0 WHERE latest = 1
				AND record_id IN (SELECT x.id FROM records x WHERE x.article_id = ? AND x.id != ?)`, articleID, id); err != nil {
				return 0, fmt.Errorf("store record: unmark the %s of the article's other records: %w", table, err)
			}
		}
	}
	countries := make([]any, 0, 4*len(r.Countries))
	for _, c := range r.Countries {
		countries = append(countries, id, articleID, 1, c)
	}
	if err := insertRows(ctx, tx, "INSERT OR IGNORE INTO record_countries (record_id, article_id, latest, code)", countries, 4); err != nil {
		return 0, fmt.Errorf("store countries: %w", err)
	}
	counts := make([]any, 0, 3*len(r.Counts))
	for _, c := range r.Counts {
		counts = append(counts, id, c.Value, c.Unit)
	}
	if err := insertRows(ctx, tx, "INSERT INTO record_counts (record_id, value, unit)", counts, 3); err != nil {
		return 0, fmt.Errorf("store counts: %w", err)
	}
	for i, v := range r.Votes {
		var vid int64
		err := tx.QueryRowContext(ctx, `INSERT INTO votes (record_id, article_id, latest, body, motion, outcome, yes, no, abstain)
			VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?) RETURNING id`, id, articleID, v.Body, v.Motion, v.Outcome, v.Tally.Yes, v.Tally.No, v.Tally.Abstain).Scan(&vid)
		if err != nil {
			return 0, fmt.Errorf("store vote %d: %w", i+1, err)
		}
		actors := make([]string, 0, len(v.Positions))
		for a := range v.Positions {
			actors = append(actors, a)
		}
		sort.Strings(actors)
		positions := make([]any, 0, 3*len(actors))
		for _, a := range actors {
			positions = append(positions, vid, a, v.Positions[a])
		}
		if err := insertRows(ctx, tx, "INSERT INTO vote_positions (vote_id, actor, position)", positions, 3); err != nil {
			return 0, fmt.Errorf("store positions of vote %d: %w", i+1, err)
		}
		sponsors := make([]any, 0, 2*len(v.Sponsors))
		for _, a := range v.Sponsors {
			sponsors = append(sponsors, vid, a)
		}
		if err := insertRows(ctx, tx, "INSERT OR IGNORE INTO vote_sponsors (vote_id, actor)", sponsors, 2); err != nil {
			return 0, fmt.Errorf("store sponsors of vote %d: %w", i+1, err)
		}
	}
	stances := make([]any, 0, 6*len(r.Stances))
	for _, st := range r.Stances {
		stances = append(stances, id, articleID, 1, st.Holder, st.Target, st.Polarity)
	}
	if err := insertRows(ctx, tx, "INSERT INTO stances (record_id, article_id, latest, holder, target, polarity)", stances, 6); err != nil {
		return 0, fmt.Errorf("store stances: %w", err)
	}
	return id, nil
}

// extractorOf returns the extractor version of r, "" for none.
func extractorOf(r *extract.Record) string {
	if r == nil {
		return ""
	}
	return r.Extractor
}

// maxRowsPerInsert bounds the rows of one multi-row INSERT, well within
// SQLite's limit of 32766 parameters.
const maxRowsPerInsert = 200

// insertRows runs insert (an INSERT statement without its VALUES) for
// args, width values a row, with many rows a statement. An insert that
// starts "INSERT OR IGNORE" skips rows that are already stored, as an
// upsert that does nothing on a conflict, which both engines take.
func insertRows(ctx context.Context, tx *txn, insert string, args []any, width int) error {
	row := "(?" + strings.Repeat(", ?", width-1) + ")"
	tail := ""
	if rest, ok := strings.CutPrefix(insert, "INSERT OR IGNORE "); ok {
		insert, tail = "INSERT "+rest, " ON CONFLICT DO NOTHING"
	}
	for len(args) > 0 {
		n := min(len(args)/width, maxRowsPerInsert)
		q := insert + " VALUES " + row + strings.Repeat(", "+row, n-1) + tail
		if _, err := tx.ExecContext(ctx, q, args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// HasPage reports whether a page with this URL and content hash (hex
// SHA-256 of the body) is stored, which Save would report as Unchanged: a
// cheap look-up that spares cleaning and extracting the page again.
func (db *DB) HasPage(ctx context.Context, url, hash string) (bool, error) {
	var one int
	err := db.read.QueryRowContext(ctx, "SELECT 1 FROM pages WHERE url = ? AND hash = ?", url, hash).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("look up page %s: %w", url, err)
	}
	return true, nil
}
