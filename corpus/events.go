package corpus

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// Events.
//
// The corpus keeps events (package extract/events: one record per
// real-world vote, fused from every article that reports it) in tables of
// their own (migration 6), made from the records and made again at will.
//
// Which articles report into events: the newest version of each story
// (see Save), with its latest record. When a story is published again
// with its facts updated, the new version's votes replace the old one's
// in the events: a corrected tally is the story's word now, and counting
// both would make the newsroom two sources of two tallies. Duplicates (a
// wire story on many sites) are the first copy's one article, as
// everywhere in the corpus.
//
// RefreshEvents brings the events up to date with the records: it dates
// the votes not dated yet, finds the articles added, re-extracted or
// superseded by a new version since the last refresh, and rebuilds only
// the events these touch (events.Refresh), or everything when asked or
// when the change is large. Events lists them.

// eventsRefreshLimit is the most changed articles RefreshEvents updates
// incrementally; above it, it rebuilds every event, which streams the
// votes in constant memory where a refresh holds the change and the events
// it touches. A variable, so that tests can lower it.
var eventsRefreshLimit = 5000

// EventsUpdate says what RefreshEvents did.
type EventsUpdate struct {
	// Rebuilt is true when every event was built again.
	Rebuilt bool
	// Changed counts the articles added, re-extracted or superseded since
	// the last refresh; Dated the votes dated for the first time.
	Changed int
	Dated   int
	// Stored counts the events written (new or rebuilt), Removed those
	// deleted, Skipped the votes no event can hold (no body, no date).
	Stored, Removed, Skipped int
	// Total is the number of events after the refresh.
	Total int
}

// RefreshEvents brings the corpus's events up to date with its records,
// in one transaction: on error nothing changes. With rebuild, or when more
// than 5000 articles changed (more than a refresh holds), every event is
// built again, streamed; else only the events the changed articles touch.
// Event ids stay the same while an event keeps its first report (see
// events.Event).
//
// A rebuild holds the corpus's write lock while it runs, so a crawl
// writing to the same corpus waits for it.
func (db *DB) RefreshEvents(ctx context.Context, cfg events.Config, rebuild bool) (EventsUpdate, error) {
	u, err := db.refreshEvents(ctx, cfg, rebuild)
	if err != nil {
		return EventsUpdate{}, fmt.Errorf("refresh events: %w", err)
	}
	return u, nil
}

func (db *DB) refreshEvents(ctx context.Context, cfg events.Config, rebuild bool) (EventsUpdate, error) {
	if db.readOnly {
		return EventsUpdate{}, ErrReadOnly
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return EventsUpdate{}, err
	}
	defer tx.Rollback()
	if db.d.postgres {
		// Workers finishing their runs at once refresh one after the
		// other: each reads what is missing, then writes it.
		if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(?)", int64(eventsLock)); err != nil {
			return EventsUpdate{}, err
		}
		// Each statement of a transaction here sees what was committed
		// before it ran: a worker saving a new version of a story while
		// the refresh reads would show it records the refresh's list of
		// changes does not name ("the store has no report"). The refresh
		// waits for the saves under way and holds the others off.
		if err := lockSaves(ctx, tx, true); err != nil {
			return EventsUpdate{}, err
		}
	}
	var u EventsUpdate
	if u.Dated, err = dateVotes(ctx, tx); err != nil {
		return u, err
	}
	added, stale, over, err := changedSources(ctx, tx, eventsRefreshLimit)
	if err != nil {
		return u, err
	}
	u.Changed = len(changedIDs(added, stale))
	if over {
		added, stale = nil, nil
		if u.Changed, err = countChanged(ctx, tx); err != nil {
			return u, err
		}
	}
	var built int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM event_sources").Scan(&built); err != nil {
		return u, err
	}
	switch {
	case rebuild || over || u.Changed > eventsRefreshLimit || (built == 0 && u.Changed > 0):
		u.Rebuilt = true
		err = rebuildEvents(ctx, tx, cfg, &u)
	case u.Changed > 0:
		err = refreshChanged(ctx, tx, cfg, added, stale, &u)
	}
	if err != nil {
		return u, err
	}
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&u.Total); err != nil {
		return u, err
	}
	return u, tx.Commit()
}

// dateBatch is how many records dateVotes reads at a time.
const dateBatch = 256

// dateVotes fills vote_dates for the votes of records that have none yet,
// a batch of records at a time, and returns how many votes it dated.
func dateVotes(ctx context.Context, tx *txn) (int, error) {
	n := 0
	var last int64
	for {
		type rec struct {
			id, article int64
			date, js    string
			text        string
		}
		rows, err := tx.QueryContext(ctx, `SELECT r.id, r.article_id, a.date, r.json, a.text FROM records r
			JOIN articles a ON a.id = r.article_id
			WHERE r.id > ? AND EXISTS (SELECT 1 FROM votes v WHERE v.record_id = r.id)
			AND NOT EXISTS (SELECT 1 FROM vote_dates d WHERE d.record_id = r.id)
			ORDER BY r.id LIMIT ?`, last, dateBatch)
		if err != nil {
			return n, fmt.Errorf("find votes to date: %w", err)
		}
		var batch []rec
		for rows.Next() {
			var r rec
			if err := rows.Scan(&r.id, &r.article, &r.date, &r.js, &r.text); err != nil {
				rows.Close()
				return n, fmt.Errorf("find votes to date: %w", err)
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, fmt.Errorf("find votes to date: %w", err)
		}
		if len(batch) == 0 {
			return n, nil
		}
		for _, r := range batch {
			var x extract.Record
			if err := json.Unmarshal([]byte(r.js), &x); err != nil {
				return n, fmt.Errorf("record %d: %w", r.id, err)
			}
			published := parseTime(r.date)
			key := strconv.FormatInt(r.article, 10)
			args := make([]any, 0, 10*len(x.Votes))
			for i, v := range x.Votes {
				d := events.VoteDate(v, r.text, published)
				args = append(args, r.id, i, r.article, key, v.Body, day(d.Start), day(d.End), d.Precision.String(), boolInt(d.FromText), d.Phrase)
			}
			if err := insertRows(ctx, tx, `INSERT INTO vote_dates
				(record_id, vote, article_id, article_key, body, start, "end", precision, from_text, phrase)`, args, 10); err != nil {
				return n, fmt.Errorf("date votes of record %d: %w", r.id, err)
			}
			n += len(x.Votes)
			last = r.id
		}
	}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// currentRecord is the condition that record r of article a reports into
// events: a is the newest version of its story and r its latest record.
// Both are said as "no later one exists", which PostgreSQL plans as
// anti-joins with fair row estimates; an equality with a correlated
// max() is estimated at one row in two hundred whatever the data, which
// made it plan the rebuild's cursor as nested loops over every pair of
// votes and records (36 s instead of 0.2 s at 5,000 articles).
const currentRecord = `NOT EXISTS (SELECT 1 FROM records x WHERE x.article_id = a.id AND x.id > r.id)
	AND NOT EXISTS (SELECT 1 FROM articles n WHERE n.story_id = a.story_id
		AND (n.revised > a.revised OR n.revised = a.revised AND n.id > a.id))`

// source is an article and the record its votes are read from.
type source struct{ article, record int64 }

// addedSources selects the articles whose current record has votes and
// is not the one the events were built from: new or re-extracted.
const addedSources = `FROM articles a JOIN records r ON r.article_id = a.id
	WHERE ` + currentRecord + `
	AND EXISTS (SELECT 1 FROM vote_dates d WHERE d.record_id = r.id)
	AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.article_id = a.id AND s.record_id = r.id)`

// staleSources selects the articles the events were built from whose
// record is no longer current: re-extracted, superseded by a new version
// of their story, or deleted.
const staleSources = `FROM event_sources s WHERE NOT EXISTS (
	SELECT 1 FROM articles a JOIN records r ON r.article_id = a.id
	WHERE a.id = s.article_id AND r.id = s.record_id AND ` + currentRecord + `)`

// changedSources returns the added and stale articles (see addedSources
// and staleSources), at most limit of each; over is true when there are
// more, and the events are to be rebuilt.
func changedSources(ctx context.Context, tx *txn, limit int) (added []source, stale []int64, over bool, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.id, r.id `+addedSources+` ORDER BY a.id LIMIT ?`, limit+1)
	if err != nil {
		return nil, nil, false, fmt.Errorf("find changed articles: %w", err)
	}
	for rows.Next() {
		var s source
		if err := rows.Scan(&s.article, &s.record); err != nil {
			rows.Close()
			return nil, nil, false, err
		}
		added = append(added, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, false, fmt.Errorf("find changed articles: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT s.article_id `+staleSources+` ORDER BY s.article_id LIMIT ?`, limit+1)
	if err != nil {
		return nil, nil, false, fmt.Errorf("find superseded articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, nil, false, err
		}
		stale = append(stale, id)
	}
	return added, stale, len(added) > limit || len(stale) > limit, rows.Err()
}

// countChanged counts the changed articles without holding them, for a
// change too large to hold.
func countChanged(ctx context.Context, tx *txn) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT a.id AS id `+addedSources+`
		UNION SELECT s.article_id AS id `+staleSources+`) AS changed`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count changed articles: %w", err)
	}
	return n, nil
}

// changedIDs returns the ids of the added and stale articles, sorted,
// each once: a re-extracted article is both.
func changedIDs(added []source, stale []int64) []int64 {
	ids := slices.Clone(stale)
	for _, s := range added {
		ids = append(ids, s.article)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// reportColumns read a dated vote as a report: the dates, the article and
// its record's JSON, from vote_dates d, articles a, pages p, records r.
const reportColumns = `d.article_id, d.vote, d.start, d."end", d.precision, d.from_text, d.phrase,
	a.url, p.site, a.date, r.json`

// reportReader turns rows of reportColumns into reports, decoding each
// record once for consecutive votes of it.
type reportReader struct {
	lastRecord string
	votes      []extract.Vote
}

func (rr *reportReader) scan(rows *sql.Rows) (events.Report, error) {
	var r events.Report
	var article int64
	var start, end, precision, date, js string
	if err := rows.Scan(&article, &r.Index, &start, &end, &precision, &r.Date.FromText, &r.Date.Phrase,
		&r.Article.URL, &r.Article.Site, &date, &js); err != nil {
		return r, err
	}
	if js != rr.lastRecord {
		var x extract.Record
		if err := json.Unmarshal([]byte(js), &x); err != nil {
			return r, fmt.Errorf("record of article %d: %w", article, err)
		}
		rr.lastRecord, rr.votes = js, x.Votes
	}
	if r.Index < 0 || r.Index >= len(rr.votes) {
		return r, fmt.Errorf("article %d: its record has no vote %d", article, r.Index)
	}
	r.Vote = rr.votes[r.Index]
	r.Vote.Evidence = nil // dated already; fusion does not read it
	r.Article.ID = strconv.FormatInt(article, 10)
	r.Article.Published = parseTime(date)
	var err1, err2 error
	r.Date.Start, err1 = time.Parse(time.DateOnly, start)
	r.Date.End, err2 = time.Parse(time.DateOnly, end)
	if err := errors.Join(err1, err2); err != nil {
		return r, fmt.Errorf("article %d vote %d: date: %w", article, r.Index, err)
	}
	p, ok := precisions[precision]
	if !ok {
		return r, fmt.Errorf("article %d vote %d: date precision %q", article, r.Index, precision)
	}
	r.Date.Precision = p
	return r, nil
}

var precisions = map[string]events.Precision{"day": events.Day, "week": events.Week, "month": events.Month, "year": events.Year}

// reportJoins join a vote's date row d to its record, article and page;
// the votes of events are those of current records with a body and a date.
const reportJoins = `FROM vote_dates d JOIN records r ON r.id = d.record_id
	JOIN articles a ON a.id = r.article_id JOIN pages p ON p.id = a.page_id
	WHERE d.body != '' AND d.start != '' AND ` + currentRecord

// rebuildEvents deletes every event and builds them all again, streaming
// the votes by body and date.
func rebuildEvents(ctx context.Context, tx *txn, cfg events.Config, u *EventsUpdate) error {
	var old int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM events").Scan(&old); err != nil {
		return err
	}
	for _, t := range []string{"event_positions", "event_countries", "event_members", "events", "event_sources"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
	}
	var storeErr error
	st := events.NewStream(cfg, func(ev events.Event) {
		if storeErr == nil {
			storeErr = storeEvent(ctx, tx, &ev)
			u.Stored++
		}
	})
	var rr reportReader
	err := forEachRow(ctx, tx, `SELECT `+reportColumns+` `+reportJoins+`
		ORDER BY d.body, d.start, d.article_key, d.vote`, nil, rr.scan, func(r events.Report) error {
		if err := st.Add(r); err != nil {
			if errors.Is(err, events.ErrOrder) {
				return err
			}
			u.Skipped++
			return nil
		}
		return storeErr
	})
	if err != nil {
		if storeErr != nil {
			return storeErr
		}
		return fmt.Errorf("read votes: %w", err)
	}
	st.Close()
	if storeErr != nil {
		return storeErr
	}
	u.Removed = max(0, old-u.Stored)
	_, err = tx.ExecContext(ctx, `INSERT INTO event_sources (article_id, record_id)
		SELECT a.id, r.id FROM articles a JOIN records r ON r.article_id = a.id
		WHERE `+currentRecord+` AND EXISTS (SELECT 1 FROM vote_dates d WHERE d.record_id = r.id)`)
	if err != nil {
		return fmt.Errorf("record sources: %w", err)
	}
	return nil
}

// refreshChanged rebuilds the events the changed articles touch.
func refreshChanged(ctx context.Context, tx *txn, cfg events.Config, added []source, stale []int64, u *EventsUpdate) error {
	ch := events.Change{}
	addedIDs := make([]int64, 0, len(added))
	for _, s := range added {
		addedIDs = append(addedIDs, s.article)
	}
	rs, err := loadReports(ctx, tx, addedIDs)
	if err != nil {
		return err
	}
	ids := changedIDs(added, stale)
	for _, id := range ids {
		ch.Articles = append(ch.Articles, strconv.FormatInt(id, 10))
	}
	ch.Reports = rs
	old, err := touchedEvents(ctx, tx, cfg, ids, rs)
	if err != nil {
		return err
	}
	d, err := events.Refresh(cfg, old, ch, func(articles []string) ([]events.Report, error) {
		ids := make([]int64, 0, len(articles))
		for _, a := range articles {
			id, err := strconv.ParseInt(a, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("article id %q: %w", a, err)
			}
			ids = append(ids, id)
		}
		return loadReports(ctx, tx, ids)
	})
	if err != nil {
		return err
	}
	removed := d.Removed
	for _, ev := range d.Events {
		removed = append(removed, ev.ID)
	}
	if err := deleteEvents(ctx, tx, removed); err != nil {
		return err
	}
	for i := range d.Events {
		if err := storeEvent(ctx, tx, &d.Events[i]); err != nil {
			return err
		}
	}
	u.Stored, u.Removed, u.Skipped = len(d.Events), len(d.Removed), len(d.Skipped)
	for _, id := range stale {
		if _, err := tx.ExecContext(ctx, "DELETE FROM event_sources WHERE article_id = ?", id); err != nil {
			return fmt.Errorf("record sources: %w", err)
		}
	}
	for _, s := range added {
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_sources (article_id, record_id) VALUES (?, ?)
			ON CONFLICT (article_id) DO UPDATE SET record_id = excluded.record_id`, s.article, s.record); err != nil {
			return fmt.Errorf("record sources: %w", err)
		}
	}
	return nil
}

// idChunk bounds the ids of one IN list.
const idChunk = 500

// loadReports reads the reports of the current records of articles ids.
func loadReports(ctx context.Context, tx *txn, ids []int64) ([]events.Report, error) {
	var out []events.Report
	for chunk := range slices.Chunk(ids, idChunk) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+reportColumns+` `+reportJoins+`
			AND d.article_id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`) ORDER BY d.article_id, d.vote`, args...)
		if err != nil {
			return nil, fmt.Errorf("read votes: %w", err)
		}
		var rr reportReader
		for rows.Next() {
			r, err := rr.scan(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read votes: %w", err)
		}
	}
	return out, nil
}

// touchedEvents reads the events a change may touch: those holding a vote
// of a changed article, and those of a report's body whose dates lie near
// enough to it for events.Refresh to consider them.
func touchedEvents(ctx context.Context, tx *txn, cfg events.Config, articles []int64, rs []events.Report) ([]events.Event, error) {
	seen := map[string]bool{}
	var out []events.Event
	read := func(q string, args ...any) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("read events: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, js string
			if err := rows.Scan(&id, &js); err != nil {
				return err
			}
			if seen[id] {
				continue
			}
			seen[id] = true
			var ev events.Event
			if err := json.Unmarshal([]byte(js), &ev); err != nil {
				return fmt.Errorf("event %s: %w", id, err)
			}
			out = append(out, ev)
		}
		return rows.Err()
	}
	for chunk := range slices.Chunk(articles, idChunk) {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := read(`SELECT e.id, e.json FROM events e WHERE e.id IN (SELECT m.event_id FROM event_members m
			WHERE m.article_id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`))`, args...); err != nil {
			return nil, err
		}
	}
	// Per body, the span of days the change's reports may reach.
	type span struct{ from, to time.Time }
	spans := map[string]*span{}
	reach := time.Duration(max(cfg.Window, cfg.Lag)+1) * 24 * time.Hour
	for _, r := range rs {
		if events.Placeable(&r) != nil {
			continue
		}
		from, to := r.Date.Start.Add(-reach), r.Date.End.Add(reach)
		s := spans[r.Vote.Body]
		if s == nil {
			spans[r.Vote.Body] = &span{from, to}
			continue
		}
		if from.Before(s.from) {
			s.from = from
		}
		if to.After(s.to) {
			s.to = to
		}
	}
	bodies := make([]string, 0, len(spans))
	for b := range spans {
		bodies = append(bodies, b)
	}
	slices.Sort(bodies)
	for _, b := range bodies {
		s := spans[b]
		if err := read(`SELECT id, json FROM events WHERE body = ? AND start <= ? AND "end" >= ?`,
			b, day(s.to), day(s.from)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func deleteEvents(ctx context.Context, tx *txn, ids []string) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "DELETE FROM events WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete event %s: %w", id, err)
		}
	}
	return nil
}

// storeEvent writes an event with its members, countries and positions.
func storeEvent(ctx context.Context, tx *txn, ev *events.Event) error {
	js, err := encodeEvent(ev)
	if err != nil {
		return err
	}
	d, err := events.ParseDate(ev.Date)
	if err != nil {
		return fmt.Errorf("event %s: %w", ev.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO events (id, body, date, start, "end", articles, json) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		ev.ID, ev.Body, ev.Date, day(d.Start), day(d.End), countArticles(ev), string(js)); err != nil {
		return fmt.Errorf("store event %s: %w", ev.ID, err)
	}
	members := make([]any, 0, 3*len(ev.Articles))
	for _, a := range ev.Articles {
		id, err := strconv.ParseInt(a.ID, 10, 64)
		if err != nil {
			return fmt.Errorf("event %s: article id %q: %w", ev.ID, a.ID, err)
		}
		members = append(members, id, a.Vote, ev.ID)
	}
	if err := insertRows(ctx, tx, "INSERT INTO event_members (article_id, vote, event_id)", members, 3); err != nil {
		return fmt.Errorf("store members of event %s: %w", ev.ID, err)
	}
	var countries []any
	for _, c := range eventCountries(ev) {
		countries = append(countries, c, ev.ID)
	}
	if err := insertRows(ctx, tx, "INSERT INTO event_countries (code, event_id)", countries, 2); err != nil {
		return fmt.Errorf("store countries of event %s: %w", ev.ID, err)
	}
	codes := slices.Sorted(maps.Keys(ev.Positions))
	positions := make([]any, 0, 5*len(codes))
	for _, c := range codes {
		positions = append(positions, ev.ID, c, ev.Positions[c], ev.Body, day(d.Start))
	}
	if err := insertRows(ctx, tx, "INSERT INTO event_positions (event_id, code, position, body, start)", positions, 5); err != nil {
		return fmt.Errorf("store positions of event %s: %w", ev.ID, err)
	}
	return nil
}

// encodeEvent is an event's stored JSON, without HTML escaping so that it
// reads as it is printed.
func encodeEvent(ev *events.Event) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ev); err != nil {
		return nil, fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// countArticles counts the distinct articles reporting an event.
func countArticles(ev *events.Event) int {
	ids := make([]string, len(ev.Articles))
	for i, a := range ev.Articles {
		ids[i] = a.ID
	}
	slices.Sort(ids)
	return len(slices.Compact(ids))
}

// eventCountries lists the countries with a position in an event or
// sponsoring it, sorted, each once.
func eventCountries(ev *events.Event) []string {
	var cs []string
	for c := range ev.Positions {
		cs = append(cs, c)
	}
	cs = append(cs, ev.Sponsors...)
	slices.Sort(cs)
	return slices.Compact(cs)
}

// EventFilter chooses events. The zero value chooses every event.
type EventFilter struct {
	// Body keeps events of this body (extract's code: UNGA, UNSC...; case
	// does not matter).
	Body string
	// From and To keep events whose date (its span, for an event known
	// only by its week, month or year) reaches a day on or after From and
	// before To; a zero time leaves that end open.
	From, To time.Time
	// Country keeps events in which this country (ISO 3166 alpha-3 code)
	// has a position or is a sponsor.
	Country string
	// MinArticles keeps events that at least this many articles report.
	MinArticles int
}

// StoredEvent is an event as the corpus holds it: decoded, and its JSON.
type StoredEvent struct {
	events.Event
	JSON json.RawMessage
}

// Events calls fn for each stored event f chooses, ordered by body, date
// and id, reading them row by row from one read transaction: memory stays
// constant however many there are. The events are as the last
// RefreshEvents left them.
func (db *DB) Events(ctx context.Context, f EventFilter, fn func(StoredEvent) error) error {
	if err := db.listEvents(ctx, f, fn); err != nil {
		return fmt.Errorf("list events: %w", err)
	}
	return nil
}

func (db *DB) listEvents(ctx context.Context, f EventFilter, fn func(StoredEvent) error) error {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Events of one body and day come in the order of their motion text,
	// then id: ids follow the order articles were stored in, which a
	// parallel crawl does not fix, and a listing should not depend on it.
	rows, err := tx.QueryContext(ctx, `SELECT e.json FROM events e`+eventWhere+` ORDER BY e.body, e.start, e.date, `+tx.d.jsonText("e.json", "motion")+`, e.id`, eventArgs(f)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var js []byte
		if err := rows.Scan(&js); err != nil {
			return err
		}
		var se StoredEvent
		if err := json.Unmarshal(js, &se.Event); err != nil {
			return err
		}
		se.JSON = js
		if err := fn(se); err != nil {
			return err
		}
	}
	return rows.Err()
}

// eventWhere is the condition of EventFilter on events e; eventArgs gives
// its arguments.
const eventWhere = ` WHERE (@body = '' OR e.body = @body) AND (@from = '' OR e."end" >= @from) AND (@to = '' OR e.start < @to)
	AND e.articles >= @min
	AND (@country = '' OR EXISTS (SELECT 1 FROM event_countries c WHERE c.code = @country AND c.event_id = e.id))`

func eventArgs(f EventFilter) []any {
	// Event days are dates; a time within a day counts its day for From,
	// and the day it falls in for To unless it is midnight.
	from, to := "", ""
	if !f.From.IsZero() {
		from = day(f.From.UTC())
	}
	if !f.To.IsZero() {
		t := f.To.UTC()
		to = day(t)
		if !t.Equal(t.Truncate(24 * time.Hour)) {
			to = day(t.AddDate(0, 0, 1))
		}
	}
	return []any{sql.Named("body", strings.ToUpper(strings.TrimSpace(f.Body))), sql.Named("from", from), sql.Named("to", to),
		sql.Named("min", f.MinArticles), sql.Named("country", strings.ToUpper(strings.TrimSpace(f.Country)))}
}

// EventColumns are the CSV columns of an event, as EventFields gives them.
var EventColumns = []string{"id", "body", "date", "motion", "outcome", "yes", "no", "abstain", "articles", "sites",
	"sponsors", "yes_votes", "no_votes", "abstentions", "conflicts"}

// EventFields gives an event's CSV row: the fused facts, the number of
// articles and their sites, sponsors and the countries of each position
// separated by ";", and the facts the articles disagree on.
func EventFields(ev *events.Event) []string {
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	byPos := map[string][]string{}
	for c, p := range ev.Positions {
		byPos[p] = append(byPos[p], c)
	}
	for _, cs := range byPos {
		slices.Sort(cs)
	}
	var sites []string
	for _, a := range ev.Articles {
		if a.Site != "" {
			sites = append(sites, a.Site)
		}
	}
	slices.Sort(sites)
	var conflicts []string
	keys := make([]string, 0, len(ev.Support))
	for k := range ev.Support {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s := ev.Support[k]
		for _, c := range s.Conflicts {
			conflicts = append(conflicts, fmt.Sprintf("%s %s (%d) against %s (%d)", k, s.Value, len(s.Articles), c.Value, len(c.Articles)))
		}
	}
	return []string{ev.ID, ev.Body, ev.Date, ev.Motion, ev.Outcome, num(ev.Tally.Yes), num(ev.Tally.No), num(ev.Tally.Abstain),
		strconv.Itoa(countArticles(ev)), strings.Join(slices.Compact(sites), ";"), strings.Join(ev.Sponsors, ";"),
		strings.Join(byPos[extract.Yes], ";"), strings.Join(byPos[extract.No], ";"), strings.Join(byPos[extract.Abstain], ";"),
		strings.Join(conflicts, "; ")}
}
