package corpus

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tally-news/tally/extract/clean"
	"github.com/tally-news/tally/extract/events"
)

// ExportOptions says what Export writes.
type ExportOptions struct {
	// What is "pages", "articles", "records", "votes" or "events" (as
	// the last DB.RefreshEvents left them; see DB.Events).
	What string
	// Format is "jsonl" (one JSON object a line) or "csv" (with a header
	// row).
	Format string
	// Duplicates includes pages whose article duplicates an earlier one:
	// their pages, their own article metadata (without text, which is the
	// first copy's), and the first copy's records and votes under their
	// own URL and date. Each such row names the first copy in duplicate_of.
	Duplicates bool
	// Versions includes every version of a story whose facts were
	// updated (see DB.Save), each row naming its story and version
	// number; by default only the newest version of each story, and the
	// duplicates of that version, are written.
	Versions bool
	// Site, From and To filter as in PageFilter; for events, From and To
	// filter by the event's date, as in EventFilter.
	Site     string
	From, To time.Time
	// Events filters events further by body, country and number of
	// articles; its From and To are those above.
	Events EventFilter
}

var (
	// ExportKinds lists the values of ExportOptions.What.
	ExportKinds = []string{"pages", "articles", "records", "votes", "events"}
	// ExportFormats lists the values of ExportOptions.Format.
	ExportFormats = []string{"jsonl", "csv"}
)

// Export writes the corpus to w as o says, row by row from one read
// transaction: memory stays constant however large the corpus, and the
// export is a consistent snapshot while a crawl goes on writing.
//
// While an export runs, SQLite cannot copy the write-ahead log of a crawl
// writing at the same time back into the database, so the log grows; it
// is cut back after the export.
//
// In CSV, a cell that begins with =, +, -, @, a tab or a carriage return
// is written with a single quote before it, so that a page title cannot
// become a spreadsheet formula.
//
// The votes as CSV have one row per vote and actor position (one row with
// an empty actor for a vote without positions), with the article's URL
// and date. Dates are RFC 3339 in UTC: the publication time when the page
// states one, else the fetch time.
func (db *DB) Export(ctx context.Context, w io.Writer, o ExportOptions) error {
	if err := db.export(ctx, w, o); err != nil {
		return fmt.Errorf("export %s as %s: %w", o.What, o.Format, err)
	}
	return nil
}

func (db *DB) export(ctx context.Context, w io.Writer, o ExportOptions) error {
	var kind exportKind
	switch o.What {
	case "pages":
		kind = pagesExport
	case "articles":
		kind = articlesExport
	case "records":
		kind = recordsExport
	case "votes":
		kind = votesExport
	case "events":
		return db.exportEvents(ctx, w, o)
	default:
		return fmt.Errorf("unknown kind %q: want one of %s", o.What, strings.Join(ExportKinds, ", "))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var out rowWriter
	switch o.Format {
	case "jsonl":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		out = &jsonlWriter{enc: enc}
		if o.What == "votes" {
			out = &voteGrouper{enc: enc}
		}
	case "csv":
		cw := csv.NewWriter(bw)
		if err := cw.Write(kind.columns); err != nil {
			return err
		}
		out = &csvWriter{w: cw}
	default:
		return fmt.Errorf("unknown format %q: want one of %s", o.Format, strings.Join(ExportFormats, ", "))
	}
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	f := append(filterArgs(o.Site, o.From, o.To), sql.Named("versions", o.Versions))
	queries := []string{kind.originals}
	if o.Duplicates {
		queries = append(queries, kind.duplicates)
	}
	for _, q := range queries {
		if err := exportQuery(ctx, tx, q, f, kind.row, out); err != nil {
			return err
		}
	}
	if err := out.flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// exportEvents writes the events whose date falls within o.From and o.To,
// as Events lists them: their stored JSON a line, or EventFields a CSV
// row. Events have no site; duplicates and versions do not apply to them
// (an event holds the newest version of each story).
func (db *DB) exportEvents(ctx context.Context, w io.Writer, o ExportOptions) error {
	if o.Site != "" {
		return fmt.Errorf("events have no site: an event fuses the articles of many sites")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	var out rowWriter
	switch o.Format {
	case "jsonl":
		out = &rawLineWriter{w: bw}
	case "csv":
		cw := csv.NewWriter(bw)
		if err := cw.Write(EventColumns); err != nil {
			return err
		}
		out = &csvWriter{w: cw}
	default:
		return fmt.Errorf("unknown format %q: want one of %s", o.Format, strings.Join(ExportFormats, ", "))
	}
	f := o.Events
	f.From, f.To = o.From, o.To
	err := db.listEvents(ctx, f, func(ev StoredEvent) error {
		return out.write(exportRow{object: ev.JSON, fields: EventFields(&ev.Event)})
	})
	if err != nil {
		return err
	}
	if err := out.flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// rawLineWriter writes rows whose object is JSON already, one a line.
type rawLineWriter struct{ w *bufio.Writer }

func (r *rawLineWriter) write(row exportRow) error {
	r.w.Write(row.object.(json.RawMessage))
	return r.w.WriteByte('\n')
}
func (r *rawLineWriter) flush() error { return nil }

// filterArgs are the named arguments of the site and date filters that
// every export query has.
func filterArgs(site string, from, to time.Time) []any {
	if site != "" {
		site = siteOf(site)
	}
	return []any{sql.Named("site", site), sql.Named("from", formatTime(from)), sql.Named("to", formatTime(to))}
}

// filterSQL is the WHERE condition of the filters, on a page row p and a
// date expression.
func filterSQL(date string) string {
	return fmt.Sprintf(`(@site = '' OR p.site = @site) AND (@from = '' OR %[1]s >= @from) AND (@to = '' OR %[1]s < @to)`, date)
}

// exportFilter is the WHERE condition of an export query: the site and
// date filters, and unless @versions is set, the newest version of each
// story, for article row a (NULL for a page without article).
func exportFilter(date, a string) string {
	return filterSQL(date) + fmt.Sprintf(` AND (@versions OR NOT EXISTS (SELECT 1 FROM articles n
		WHERE n.story_id = %[1]s.story_id AND (n.revised > %[1]s.revised OR n.revised = %[1]s.revised AND n.id > %[1]s.id)))`, a)
}

// versionSQL numbers the version of article row a within its story,
// from 1 for the first.
func versionSQL(a string) string {
	return fmt.Sprintf(`(SELECT count(*) FROM articles o
		WHERE o.story_id = %[1]s.story_id AND (o.revised < %[1]s.revised OR o.revised = %[1]s.revised AND o.id <= %[1]s.id))`, a)
}

func exportQuery(ctx context.Context, tx *txn, q string, args []any, row func(*sql.Rows) (exportRow, error), out rowWriter) error {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := row(rows)
		if err != nil {
			return err
		}
		if err := out.write(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// exportRow is one exported row: an object for JSONL and its fields in
// column order for CSV.
type exportRow struct {
	object any
	fields []string
}

type rowWriter interface {
	write(exportRow) error
	flush() error
}

type jsonlWriter struct{ enc *json.Encoder }

func (j *jsonlWriter) write(r exportRow) error { return j.enc.Encode(r.object) }
func (j *jsonlWriter) flush() error            { return nil }

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) write(r exportRow) error {
	for i, f := range r.fields {
		r.fields[i] = csvSafe(f)
	}
	return c.w.Write(r.fields)
}

// csvSafe neutralises a cell that a spreadsheet would read as a formula
// (one beginning with =, +, -, @, a tab or a carriage return, as a page
// title such as =HYPERLINK(...) may) by putting a single quote before it,
// which spreadsheets show as text and do not display.
func csvSafe(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
func (c *csvWriter) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// exportKind is one kind of export: its CSV columns, its queries and how
// a row becomes an exportRow.
type exportKind struct {
	columns    []string
	originals  string
	duplicates string
	row        func(*sql.Rows) (exportRow, error)
}

// exportDate turns a stored time into RFC 3339.
func exportDate(s string) string {
	if t := parseTime(s); !t.IsZero() {
		return t.Format(time.RFC3339Nano)
	}
	return s
}

func itoa(i int64) string {
	if i == 0 {
		return ""
	}
	return strconv.FormatInt(i, 10)
}

// PageRow is one page in an export.
type PageRow struct {
	ID          int64       `json:"id"`
	Job         string      `json:"job"`
	URL         string      `json:"url"`
	FinalURL    string      `json:"final_url,omitempty"`
	Site        string      `json:"site"`
	Status      int         `json:"status"`
	ContentType string      `json:"content_type"`
	Header      http.Header `json:"header"`
	Hash        string      `json:"hash"`
	Depth       int         `json:"depth"`
	Fetched     string      `json:"fetched"`
	Body        string      `json:"body"`
	DuplicateOf int64       `json:"duplicate_of,omitempty"`
}

var pagesExport = exportKind{
	columns: []string{"id", "job", "url", "final_url", "site", "status", "content_type", "hash", "depth", "fetched", "duplicate_of", "body"},
	originals: `SELECT p.id, p.job, p.url, p.final_url, p.site, p.status, p.content_type, p.header, p.hash, p.depth, p.fetched, p.body, 0
		FROM pages p LEFT JOIN articles a ON a.page_id = p.id
		WHERE NOT EXISTS (SELECT 1 FROM duplicates d WHERE d.page_id = p.id)
		AND ` + exportFilter("coalesce(a.date, p.fetched)", "a") + ` ORDER BY p.id`,
	duplicates: `SELECT p.id, p.job, p.url, p.final_url, p.site, p.status, p.content_type, p.header, p.hash, p.depth, p.fetched, p.body, d.article_id
		FROM duplicates d JOIN pages p ON p.id = d.page_id JOIN articles a ON a.id = d.article_id
		WHERE ` + exportFilter("d.date", "a") + ` ORDER BY p.id`,
	row: func(rows *sql.Rows) (exportRow, error) {
		var p PageRow
		var header string
		var body []byte
		if err := rows.Scan(&p.ID, &p.Job, &p.URL, &p.FinalURL, &p.Site, &p.Status, &p.ContentType, &header, &p.Hash,
			&p.Depth, &p.Fetched, &body, &p.DuplicateOf); err != nil {
			return exportRow{}, err
		}
		if err := json.Unmarshal([]byte(header), &p.Header); err != nil {
			return exportRow{}, fmt.Errorf("page %d: headers: %w", p.ID, err)
		}
		b, err := decompress(body)
		if err != nil {
			return exportRow{}, fmt.Errorf("page %d: %w", p.ID, err)
		}
		p.Body, p.Fetched = string(b), exportDate(p.Fetched)
		return exportRow{object: &p, fields: []string{itoa(p.ID), p.Job, p.URL, p.FinalURL, p.Site, strconv.Itoa(p.Status),
			p.ContentType, p.Hash, strconv.Itoa(p.Depth), p.Fetched, itoa(p.DuplicateOf), p.Body}}, nil
	},
}

// ArticleRow is one article in an export. A duplicate has no ID and no
// text of its own; DuplicateOf names its first copy.
type ArticleRow struct {
	ID     int64  `json:"id,omitempty"`
	PageID int64  `json:"page_id"`
	Site   string `json:"site"`
	Date   string `json:"date"`
	clean.Article
	DuplicateOf   int64  `json:"duplicate_of,omitempty"`
	DuplicateKind string `json:"duplicate_kind,omitempty"`
	// StoryID and Version name the story (its first version's article
	// id) and the version of it the article is, or for a duplicate the
	// article it duplicates.
	StoryID int64 `json:"story_id"`
	Version int   `json:"version"`
}

var articlesExport = exportKind{
	columns: []string{"id", "page_id", "site", "date", "url", "canonical", "title", "published", "modified", "byline",
		"site_name", "language", "description", "reason", "duplicate_of", "duplicate_kind", "story_id", "version", "text"},
	originals: `SELECT a.id, a.page_id, p.site, a.date, a.url, a.canonical, a.title, a.published, a.modified, a.byline,
		a.site_name, a.language, a.description, a.reason, 0, '', a.story_id, ` + versionSQL("a") + `, a.text
		FROM articles a JOIN pages p ON p.id = a.page_id
		WHERE ` + exportFilter("a.date", "a") + ` ORDER BY a.id`,
	duplicates: `SELECT 0, d.page_id, p.site, d.date, d.url, d.canonical, d.title, d.published, '', d.byline,
		d.site_name, '', '', '', d.article_id, d.kind, a.story_id, ` + versionSQL("a") + `, ''
		FROM duplicates d JOIN pages p ON p.id = d.page_id JOIN articles a ON a.id = d.article_id
		WHERE ` + exportFilter("d.date", "a") + ` ORDER BY d.id`,
	row: func(rows *sql.Rows) (exportRow, error) {
		var a ArticleRow
		if err := rows.Scan(&a.ID, &a.PageID, &a.Site, &a.Date, &a.URL, &a.Canonical, &a.Title, &a.Published, &a.Modified,
			&a.Byline, &a.SiteName, &a.Language, &a.Description, &a.Reason, &a.DuplicateOf, &a.DuplicateKind, &a.StoryID, &a.Version,
			&a.Text); err != nil {
			return exportRow{}, err
		}
		a.Date = exportDate(a.Date)
		return exportRow{object: &a, fields: []string{itoa(a.ID), itoa(a.PageID), a.Site, a.Date, a.URL, a.Canonical, a.Title,
			a.Published, a.Modified, a.Byline, a.SiteName, a.Language, a.Description, a.Reason, itoa(a.DuplicateOf),
			a.DuplicateKind, itoa(a.StoryID), strconv.Itoa(a.Version), a.Text}}, nil
	},
}

// RecordRow is one record in an export; Record is the record as the
// extractors made it.
type RecordRow struct {
	ID          int64           `json:"id"`
	ArticleID   int64           `json:"article_id"`
	URL         string          `json:"url"`
	Site        string          `json:"site"`
	Date        string          `json:"date"`
	Extractor   string          `json:"extractor"`
	DuplicateOf int64           `json:"duplicate_of,omitempty"`
	StoryID     int64           `json:"story_id"`
	Version     int             `json:"version"`
	Record      json.RawMessage `json:"record"`
}

const recordColumns = `r.id, r.article_id, r.extractor, r.json,
		coalesce((SELECT group_concat(code, ';') FROM record_countries c WHERE c.record_id = r.id), ''),
		(SELECT count(*) FROM record_counts c WHERE c.record_id = r.id),
		(SELECT count(*) FROM votes v WHERE v.record_id = r.id),
		(SELECT count(*) FROM stances s WHERE s.record_id = r.id)`

var recordsExport = exportKind{
	columns: []string{"id", "article_id", "url", "site", "date", "extractor", "countries", "counts", "votes", "stances", "duplicate_of",
		"story_id", "version"},
	originals: `SELECT ` + recordColumns + `, a.url, p.site, a.date, 0, a.story_id, ` + versionSQL("a") + `
		FROM records r JOIN articles a ON a.id = r.article_id JOIN pages p ON p.id = a.page_id
		WHERE ` + exportFilter("a.date", "a") + ` ORDER BY r.id`,
	duplicates: `SELECT ` + recordColumns + `, d.url, p.site, d.date, d.article_id, a.story_id, ` + versionSQL("a") + `
		FROM duplicates d JOIN pages p ON p.id = d.page_id JOIN records r ON r.article_id = d.article_id
		JOIN articles a ON a.id = d.article_id
		WHERE ` + exportFilter("d.date", "a") + ` ORDER BY d.id, r.id`,
	row: func(rows *sql.Rows) (exportRow, error) {
		var r RecordRow
		var js, countries string
		var counts, votes, stances int
		if err := rows.Scan(&r.ID, &r.ArticleID, &r.Extractor, &js, &countries, &counts, &votes, &stances,
			&r.URL, &r.Site, &r.Date, &r.DuplicateOf, &r.StoryID, &r.Version); err != nil {
			return exportRow{}, err
		}
		r.Record, r.Date = json.RawMessage(js), exportDate(r.Date)
		return exportRow{object: &r, fields: []string{itoa(r.ID), itoa(r.ArticleID), r.URL, r.Site, r.Date, r.Extractor,
			countries, strconv.Itoa(counts), strconv.Itoa(votes), strconv.Itoa(stances), itoa(r.DuplicateOf),
			itoa(r.StoryID), strconv.Itoa(r.Version)}}, nil
	},
}

// VoteRow is one vote in a JSONL export.
type VoteRow struct {
	VoteID    int64  `json:"vote_id"`
	ArticleID int64  `json:"article_id"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Date      string `json:"date"`
	// VoteDate is when the vote took place (see extract.Vote.Date), empty
	// until the corpus's events are refreshed.
	VoteDate    string            `json:"vote_date,omitempty"`
	Body        string            `json:"body,omitempty"`
	Motion      string            `json:"motion,omitempty"`
	Outcome     string            `json:"outcome,omitempty"`
	Yes         *int64            `json:"yes,omitempty"`
	No          *int64            `json:"no,omitempty"`
	Abstain     *int64            `json:"abstain,omitempty"`
	Sponsors    []string          `json:"sponsors,omitempty"`
	Positions   map[string]string `json:"positions,omitempty"`
	DuplicateOf int64             `json:"duplicate_of,omitempty"`
	StoryID     int64             `json:"story_id"`
	Version     int               `json:"version"`
}

// voteColumns select a vote with its sponsors and its positions, one
// row per position, ordered by actor.
const voteColumns = `v.id, r.article_id, v.body, v.motion, v.outcome, v.yes, v.no, v.abstain,
		coalesce((SELECT group_concat(actor, ';') FROM (SELECT actor FROM vote_sponsors s WHERE s.vote_id = v.id ORDER BY actor) AS sponsors), ''),
		coalesce(vp.actor, ''), coalesce(vp.position, ''),
		coalesce((SELECT vd.start || ' ' || vd."end" || ' ' || vd.precision FROM vote_dates vd WHERE vd.record_id = v.record_id
			AND vd.vote = (SELECT count(*) FROM votes v2 WHERE v2.record_id = v.record_id AND v2.id < v.id)), '')`

var votesExport = exportKind{
	columns: []string{"article_id", "url", "site", "date", "vote_id", "vote_date", "body", "motion", "outcome", "yes", "no", "abstain",
		"sponsors", "actor", "position", "duplicate_of", "story_id", "version"},
	originals: `SELECT ` + voteColumns + `, a.url, p.site, a.date, 0, a.story_id, ` + versionSQL("a") + `, 0
		FROM votes v JOIN records r ON r.id = v.record_id JOIN articles a ON a.id = r.article_id JOIN pages p ON p.id = a.page_id
		LEFT JOIN vote_positions vp ON vp.vote_id = v.id
		WHERE ` + exportFilter("a.date", "a") + ` ORDER BY v.id, vp.actor`,
	duplicates: `SELECT ` + voteColumns + `, d.url, p.site, d.date, d.article_id, a.story_id, ` + versionSQL("a") + `, d.id
		FROM duplicates d JOIN pages p ON p.id = d.page_id JOIN records r ON r.article_id = d.article_id
		JOIN articles a ON a.id = d.article_id
		JOIN votes v ON v.record_id = r.id LEFT JOIN vote_positions vp ON vp.vote_id = v.id
		WHERE ` + exportFilter("d.date", "a") + ` ORDER BY d.id, v.id, vp.actor`,
}

// voteLine is one row of the votes query: a vote and one of its positions.
type voteLine struct {
	VoteRow
	sponsors, actor, position string
	voteDate                  string // start, end and precision from vote_dates
	copy                      int64  // the duplicates row, 0 for a first copy
}

func scanVoteLine(rows *sql.Rows) (voteLine, error) {
	var l voteLine
	var yes, no, abstain sql.NullInt64
	if err := rows.Scan(&l.VoteID, &l.ArticleID, &l.Body, &l.Motion, &l.Outcome, &yes, &no, &abstain, &l.sponsors,
		&l.actor, &l.position, &l.voteDate, &l.URL, &l.Site, &l.Date, &l.DuplicateOf, &l.StoryID, &l.Version, &l.copy); err != nil {
		return l, err
	}
	ptr := func(n sql.NullInt64) *int64 {
		if !n.Valid {
			return nil
		}
		return &n.Int64
	}
	l.Yes, l.No, l.Abstain, l.Date = ptr(yes), ptr(no), ptr(abstain), exportDate(l.Date)
	l.VoteDate = storedVoteDate(l.voteDate)
	return l, nil
}

// storedVoteDate writes a vote_dates row's "start end precision" as
// events.Date does: a day, a month, a year or a week's two days.
func storedVoteDate(s string) string {
	f := strings.Fields(s)
	if len(f) != 3 {
		return ""
	}
	start, err1 := time.Parse(time.DateOnly, f[0])
	end, err2 := time.Parse(time.DateOnly, f[1])
	p, known := precisions[f[2]]
	if err1 != nil || err2 != nil || !known {
		return ""
	}
	return events.Date{Start: start, End: end, Precision: p}.String()
}

func init() {
	votesExport.row = func(rows *sql.Rows) (exportRow, error) {
		l, err := scanVoteLine(rows)
		if err != nil {
			return exportRow{}, err
		}
		num := func(p *int64) string {
			if p == nil {
				return ""
			}
			return strconv.FormatInt(*p, 10)
		}
		return exportRow{object: &l, fields: []string{itoa(l.ArticleID), l.URL, l.Site, l.Date, itoa(l.VoteID), l.VoteDate, l.Body,
			l.Motion, l.Outcome, num(l.Yes), num(l.No), num(l.Abstain), l.sponsors, l.actor, l.position,
			itoa(l.DuplicateOf), itoa(l.StoryID), strconv.Itoa(l.Version)}}, nil
	}
}

// voteGrouper turns the per-position rows of the votes query into one
// JSON object per vote, writing each vote when the next one begins.
type voteGrouper struct {
	enc     *json.Encoder
	pending *VoteRow
	key     [2]int64 // vote id and duplicates row of the pending vote
}

func (g *voteGrouper) write(r exportRow) error {
	l := r.object.(*voteLine)
	key := [2]int64{l.VoteID, l.copy}
	if g.pending == nil || key != g.key {
		if err := g.flush(); err != nil {
			return err
		}
		v := l.VoteRow
		if l.sponsors != "" {
			v.Sponsors = strings.Split(l.sponsors, ";")
		}
		g.pending, g.key = &v, key
	}
	if l.actor != "" {
		if g.pending.Positions == nil {
			g.pending.Positions = map[string]string{}
		}
		g.pending.Positions[l.actor] = l.position
	}
	return nil
}

func (g *voteGrouper) flush() error {
	if g.pending == nil {
		return nil
	}
	err := g.enc.Encode(g.pending)
	g.pending = nil
	return err
}
