package corpus

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/mattn/go-sqlite3"
)

// ErrBadQuery is returned by Search for a query it cannot run: empty, too
// long, or (with Raw) one SQLite's full-text engine cannot parse.
var ErrBadQuery = errors.New("bad search query")

// MaxQueryTerms is the most words a search query may have. Each word is
// one more pass over the index; hundreds of them take minutes.
const MaxQueryTerms = 64

// SearchQuery is a full-text search of the articles.
type SearchQuery struct {
	// Text is the query. By default it is plain words, all of which must
	// occur; "quoted words" must occur together, in that order, and a word
	// or quoted phrase after a minus sign (-russia) must not occur. Every
	// other character is taken literally. Matching ignores case and
	// diacritics.
	Text string
	// Raw makes Text a query in the syntax of SQLite's full-text engine
	// (FTS5, or FTS4 where SQLite was built without FTS5): OR, NOT,
	// prefix*, title:word and parentheses; on PostgreSQL, a tsquery.
	Raw bool
	// Site, From and To filter as in PageFilter, Body and Country as in
	// ListQuery.
	Site          string
	From, To      time.Time
	Body, Country string
	// Limit is the most hits returned; 0 means 20.
	Limit int
	// Offset is the number of best hits skipped, for paging.
	Offset int
	// MaxRanked, when above 0, bounds the work of a broad query: when more
	// articles match, only the MaxRanked stored last are ranked.
	MaxRanked int
	// MarkStart and MarkEnd enclose the matched words in snippets;
	// empty means "[" and "]".
	MarkStart, MarkEnd string
}

// Hit is one article that matches a search, best first.
type Hit struct {
	ArticleID int64     `json:"article_id"`
	PageID    int64     `json:"page_id"`
	URL       string    `json:"url"`
	Site      string    `json:"site"`
	Title     string    `json:"title"`
	Date      time.Time `json:"date"`
	// Snippet is the passage of about 16 words that best matches, with
	// the matched words marked.
	Snippet string `json:"snippet"`
	// Score is the Okapi BM25 rank (as SQLite FTS5's bm25 computes it,
	// with titles weighing five times the text), or on PostgreSQL minus
	// ts_rank; lower is better.
	Score float64 `json:"score"`
}

// Weights of the indexed columns in the rank, and the BM25 constants.
const (
	titleWeight = 5.0
	textWeight  = 1.0
	bm25K1      = 1.2
	bm25B       = 0.75
)

// Search finds articles by their titles and texts. Duplicates are not
// searched: their first copy stands for them. It ranks every match first
// (or the q.MaxRanked stored last) and builds snippets only for the hits
// it returns.
func (db *DB) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	res, err := db.SearchPage(ctx, q)
	return res.Hits, err
}

// SearchResult is a page of the hits of a search.
type SearchResult struct {
	Hits []Hit
	// Bounded is true when more articles matched than the query's
	// MaxRanked, and only the MaxRanked stored last were ranked.
	Bounded bool
}

// SearchPage is Search, saying whether the ranking was bounded.
func (db *DB) SearchPage(ctx context.Context, q SearchQuery) (SearchResult, error) {
	if db.d.postgres {
		hits, err := db.searchPostgres(ctx, q)
		return SearchResult{Hits: hits}, err
	}
	match, phrases, err := matchExpr(q)
	if err != nil {
		return SearchResult{}, err
	}
	engine, err := indexEngine(ctx, db.read)
	if err != nil {
		return SearchResult{}, err
	}
	limit, err := q.limit()
	if err != nil {
		return SearchResult{}, err
	}
	// One read transaction, so that ranks and snippets see the same index.
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return SearchResult{}, fmt.Errorf("begin read: %w", err)
	}
	defer tx.Rollback()
	filter, args, err := searchFilter(ctx, tx, newArticleFilter(q.Site, q.From, q.To, q.Body, q.Country))
	if err != nil {
		return SearchResult{}, fmt.Errorf("filter search: %w", err)
	}
	args = append(args, sql.Named("q", match), sql.Named("limit", limit), sql.Named("offset", q.Offset))
	var res SearchResult
	var ranked []rankedHit
	if engine == "fts5" {
		ranked, res.Bounded, err = rankFTS5(ctx, tx, filter, args, q.MaxRanked)
	} else {
		ranked, res.Bounded, err = rankFTS4(ctx, tx, &db.phrases, filter, args, phrases, q.Offset, limit, q.MaxRanked)
	}
	if err != nil {
		return SearchResult{}, searchError(q.Text, err)
	}
	res.Hits, err = snippets(ctx, tx, engine, q, match, ranked)
	if err != nil {
		return SearchResult{}, searchError(q.Text, err)
	}
	return res, nil
}

// limit returns the most hits to return, refusing a negative offset.
func (q SearchQuery) limit() (int, error) {
	if q.Offset < 0 {
		return 0, fmt.Errorf("%w: offset %d is negative", ErrBadQuery, q.Offset)
	}
	if q.Limit <= 0 {
		return 20, nil
	}
	return q.Limit, nil
}

// marks returns what encloses the matched words in snippets.
func (q SearchQuery) marks() (start, end string) {
	start, end = q.MarkStart, q.MarkEnd
	if start == "" {
		start = "["
	}
	if end == "" {
		end = "]"
	}
	return start, end
}

// searchFilter returns the condition, starting with AND, that a match of
// the index passes f, and its arguments. The articles f keeps are found
// first (see articleFilter.ids) and handed to the search as a list, or the
// articles it leaves out when they are fewer. The rowid is written +rowid
// so that the index does not take the list as ids to look up one by one:
// FTS5 then runs the whole query once for each, which for a filter
// keeping tens of thousands of articles took minutes.
func searchFilter(ctx context.Context, tx *txn, f articleFilter) (string, []any, error) {
	if f.empty() {
		return "", nil, nil
	}
	set, err := f.ids(ctx, tx)
	if err != nil {
		return "", nil, err
	}
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&last); err != nil {
		return "", nil, err
	}
	kept := int64(set.n)
	in := kept <= last-kept
	op := " IN "
	if !in {
		op = " NOT IN "
	}
	list := set.appendIDs(make([]byte, 0, 8*min(kept, last-kept)+2), last, in)
	return ` AND +articles_fts.rowid` + op + `(SELECT value FROM json_each(@ids))`, []any{sql.Named("ids", string(list))}, nil
}

// rankedHit is an article that matches, with its rank.
type rankedHit struct {
	id    int64
	score float64
}

// searchFrom is the matches of the index that pass filter. It reads no
// article row: a broad query matches most of the corpus, and the articles'
// rows hold their texts, so that reading each match's row (for its date,
// say) took most of the time of such a search.
const searchFrom = `FROM articles_fts WHERE articles_fts MATCH @q`

// rankFTS5 ranks the matches with FTS5's bm25, or only the maxRanked
// stored last when more match (and maxRanked is above 0): the index walks
// the matches newest first, and the one past the bound, if any, is where
// ranking stops.
func rankFTS5(ctx context.Context, tx *txn, filter string, args []any, maxRanked int) (_ []rankedHit, bounded bool, err error) {
	if maxRanked > 0 {
		var cut int64
		err := tx.QueryRowContext(ctx, `SELECT articles_fts.rowid `+searchFrom+filter+
			` ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET @max`, append(args, sql.Named("max", maxRanked))...).Scan(&cut)
		switch {
		case err == nil:
			bounded = true
			filter += ` AND articles_fts.rowid > @cut`
			args = append(args, sql.Named("cut", cut))
		case !errors.Is(err, sql.ErrNoRows):
			return nil, false, err
		}
	}
	rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT articles_fts.rowid, bm25(articles_fts, %g, %g) AS score `, titleWeight, textWeight)+
		searchFrom+filter+` ORDER BY score, articles_fts.rowid LIMIT @limit OFFSET @offset`, args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var hits []rankedHit
	for rows.Next() {
		var h rankedHit
		if err := rows.Scan(&h.id, &h.score); err != nil {
			return nil, false, err
		}
		hits = append(hits, h)
	}
	return hits, bounded, rows.Err()
}

// rankFTS4 ranks the matches of an FTS4 index with the BM25 that FTS5's
// bm25() computes, from matchinfo: for each phrase, its hits in each
// column of the row; the row's length; and, from the index statistics,
// the number of rows and their mean length. FTS5 counts the rows that
// hold a phrase in any column; for a plain query (whose phrases are
// known) that count is asked of the index, for a raw one it is the
// largest count of one column, which is the same unless a phrase occurs
// in the title of some rows and only in the text of others. With
// maxRanked above 0, the index walks the matches newest first and only
// the first maxRanked are ranked, in the same pass.
func rankFTS4(ctx context.Context, tx *txn, cache *phraseCache, filter string, args []any, phrases []string, offset, limit, maxRanked int) (_ []rankedHit, bounded bool, err error) {
	rows, docTokens, err := fts4Stats(ctx, tx)
	if err != nil {
		return nil, false, err
	}
	avgdl := 1.0
	if rows > 0 && docTokens > 0 {
		avgdl = float64(docTokens) / float64(rows)
	}
	idf := func(nHit int64) float64 {
		v := math.Log((float64(rows) - float64(nHit) + 0.5) / (float64(nHit) + 0.5))
		if v <= 0 {
			v = 1e-6
		}
		return v
	}
	var known []float64 // the IDF of each phrase of a plain query
	if len(phrases) > 0 {
		counts, err := cache.counts(ctx, tx, phrases)
		if err != nil {
			return nil, false, err
		}
		for _, n := range counts {
			known = append(known, idf(n))
		}
	}

	// 'y' is each phrase's hits in the row, per column; 'x' adds the hits
	// in all rows and the rows with a hit, which a raw query needs and
	// whose count is a pass over the whole index.
	stats := "y"
	if phrases == nil {
		stats = "x"
	}
	query := `SELECT articles_fts.rowid, matchinfo(articles_fts, 'pcl` + stats + `') ` + searchFrom + filter
	if maxRanked > 0 {
		query += ` ORDER BY articles_fts.rowid DESC LIMIT @max`
		args = append(args, sql.Named("max", maxRanked+1))
	}
	res, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, false, err
	}
	defer res.Close()
	weights := []float64{titleWeight, textWeight}
	var hits []rankedHit
	var mi []uint32
	for res.Next() {
		if maxRanked > 0 && len(hits) == maxRanked {
			bounded = true
			break
		}
		var h rankedHit
		var blob sql.RawBytes
		if err := res.Scan(&h.id, &blob); err != nil {
			return nil, false, err
		}
		mi = mi[:0]
		for i := 0; i < len(blob)/4; i++ {
			mi = append(mi, binary.NativeEndian.Uint32(blob[4*i:]))
		}
		if len(mi) < 2 {
			return nil, false, fmt.Errorf("matchinfo of article %d: %d values", h.id, len(mi))
		}
		nPhrase, nCol := int(mi[0]), int(mi[1])
		per := 3 // values per phrase and column
		if stats == "y" {
			per = 1
		}
		if len(mi) != 2+nCol+per*nCol*nPhrase || nCol != len(weights) || stats == "y" && nPhrase > len(known) {
			return nil, false, fmt.Errorf("matchinfo of article %d: %d values for %d phrases and %d columns", h.id, len(mi), nPhrase, nCol)
		}
		var dl float64
		for c := 0; c < nCol; c++ {
			dl += float64(mi[2+c])
		}
		x := mi[2+nCol:]
		var score float64
		for p := 0; p < nPhrase; p++ {
			var freq float64
			var maxRows uint32
			for c := 0; c < nCol; c++ {
				hit := x[per*(p*nCol+c):]
				freq += weights[c] * float64(hit[0])
				if per == 3 {
					maxRows = max(maxRows, hit[2])
				}
			}
			w := idf(int64(maxRows))
			if p < len(known) {
				w = known[p]
			}
			score += w * (freq * (bm25K1 + 1)) / (freq + bm25K1*(1-bm25B+bm25B*dl/avgdl))
		}
		h.score = -score
		hits = append(hits, h)
	}
	if err := res.Err(); err != nil {
		return nil, false, err
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score < hits[j].score
		}
		return hits[i].id < hits[j].id
	})
	hits = hits[min(offset, len(hits)):]
	return hits[:min(limit, len(hits))], bounded, nil
}

// maxCachedPhrases bounds a phraseCache; past it, the cache starts anew.
const maxCachedPhrases = 4096

// phraseCache holds the number of rows of an FTS4 index that hold each
// phrase of plain queries, which ranking needs and which is a pass over
// the phrase's whole list of rows (for the words of most articles, a
// tenth of the time of a search). The counts are of one state of the
// index (see fts4State), and read anew once it has changed.
type phraseCache struct {
	mu    sync.Mutex
	state string
	rows  map[string]int64
}

// counts returns the number of rows holding each phrase.
func (c *phraseCache) counts(ctx context.Context, tx *txn, phrases []string) ([]int64, error) {
	state, err := fts4State(ctx, tx)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(phrases))
	var missing []int
	c.mu.Lock()
	for i, p := range phrases {
		n, ok := c.rows[p]
		if !ok || c.state != state {
			missing = append(missing, i)
		}
		out[i] = n
	}
	c.mu.Unlock()
	for _, i := range missing {
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, phrases[i]).Scan(&out[i]); err != nil {
			return nil, err
		}
	}
	if len(missing) > 0 {
		c.mu.Lock()
		if c.state != state || len(c.rows) >= maxCachedPhrases {
			c.state, c.rows = state, map[string]int64{}
		}
		for _, i := range missing {
			c.rows[phrases[i]] = out[i]
		}
		c.mu.Unlock()
	}
	return out, nil
}

// fts4State names the content of an FTS4 index: a hash of its statistics
// (rows and tokens) and of its segments' directory, which every write
// changes, as it adds a segment (or merges some into a new one) whose
// root, held in the directory, names its leaves.
func fts4State(ctx context.Context, tx *txn) (string, error) {
	h := sha256.New()
	var stat []byte
	err := tx.QueryRowContext(ctx, `SELECT value FROM articles_fts_stat WHERE id = 0`).Scan(&stat)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("index statistics: %w", err)
	}
	h.Write(stat)
	rows, err := tx.QueryContext(ctx, `SELECT level, idx, start_block, leaves_end_block, end_block, root FROM articles_fts_segdir ORDER BY level, idx`)
	if err != nil {
		return "", fmt.Errorf("index segments: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var level, idx, start, leavesEnd int64
		var end string // "end_block size" where FTS4 keeps the segment's size
		var root sql.RawBytes
		if err := rows.Scan(&level, &idx, &start, &leavesEnd, &end, &root); err != nil {
			return "", fmt.Errorf("index segments: %w", err)
		}
		fmt.Fprintf(h, "%d %d %d %d %s %d:", level, idx, start, leavesEnd, end, len(root))
		h.Write(root)
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("index segments: %w", err)
	}
	return string(h.Sum(nil)), nil
}

// fts4Stats reads the number of rows of an FTS4 index and their total
// length in tokens from its %_stat table: a blob of varints, the number of
// rows, the tokens of each column, then other sizes.
func fts4Stats(ctx context.Context, tx *txn) (rows, tokens int64, err error) {
	var blob []byte
	err = tx.QueryRowContext(ctx, `SELECT value FROM articles_fts_stat WHERE id = 0`).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("index statistics: %w", err)
	}
	for i := 0; i <= 2; i++ { // rows, then the two columns
		v, n := binary.Uvarint(blob)
		if n <= 0 {
			return 0, 0, errors.New("index statistics: bad varint")
		}
		blob = blob[n:]
		if i == 0 {
			rows = int64(v)
		} else {
			tokens += int64(v)
		}
	}
	return rows, tokens, nil
}

// snippets reads the articles of the ranked hits, with their snippets.
func snippets(ctx context.Context, tx *txn, engine string, q SearchQuery, match string, ranked []rankedHit) ([]Hit, error) {
	if len(ranked) == 0 {
		return nil, nil
	}
	start, end := q.marks()
	snippet := `snippet(articles_fts, -1, @start, @end, '…', 16)`
	if engine != "fts5" {
		snippet = `snippet(articles_fts, @start, @end, '…', -1, 16)`
	}
	ids := make([]string, len(ranked))
	for i, r := range ranked {
		ids[i] = strconv.FormatInt(r.id, 10)
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.page_id, a.url, p.site, a.title, a.date, `+snippet+`
		FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid JOIN pages p ON p.id = a.page_id
		WHERE articles_fts MATCH @q AND articles_fts.rowid IN (`+strings.Join(ids, ",")+`)`,
		sql.Named("q", match), sql.Named("start", start), sql.Named("end", end))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[int64]Hit, len(ranked))
	for rows.Next() {
		var h Hit
		var date string
		if err := rows.Scan(&h.ArticleID, &h.PageID, &h.URL, &h.Site, &h.Title, &date, &h.Snippet); err != nil {
			return nil, err
		}
		h.Date = parseTime(date)
		if engine != "fts5" {
			// FTS4 marks each word of a phrase; FTS5 the whole phrase.
			h.Snippet = strings.ReplaceAll(h.Snippet, end+" "+start, " ")
		}
		byID[h.ArticleID] = h
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	hits := make([]Hit, 0, len(ranked))
	for _, r := range ranked {
		if h, ok := byID[r.id]; ok {
			h.Score = r.score
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// matchExpr turns a query into the full-text expression to match and, for
// a plain query, the phrases it requires (each a full-text expression on
// its own).
func matchExpr(q SearchQuery) (match string, phrases []string, err error) {
	if strings.TrimSpace(q.Text) == "" {
		return "", nil, fmt.Errorf("%w: empty query", ErrBadQuery)
	}
	if q.Raw {
		if n := len(strings.Fields(q.Text)); n > MaxQueryTerms {
			return "", nil, fmt.Errorf("%w: %d terms, at most %d allowed", ErrBadQuery, n, MaxQueryTerms)
		}
		return q.Text, nil, nil
	}
	terms, err := parsePlain(q.Text)
	if err != nil {
		return "", nil, err
	}
	var parts, not []string
	for _, t := range terms {
		if t.not {
			not = append(not, "NOT "+t.phrase)
		} else {
			parts = append(parts, t.phrase)
			phrases = append(phrases, t.phrase)
		}
	}
	if len(parts) == 0 {
		return "", nil, fmt.Errorf("%w: %q has no word to look for, only words to leave out", ErrBadQuery, q.Text)
	}
	return strings.Join(append(parts, not...), " "), phrases, nil
}

// plainTerm is one word or quoted phrase of a plain query, as a quoted
// full-text phrase.
type plainTerm struct {
	phrase string
	not    bool
}

// parsePlain splits a plain query into words and "quoted phrases", each
// possibly preceded by a minus sign. Characters other than letters and
// digits separate words, as they do in the index, so none of them is
// full-text syntax.
func parsePlain(s string) ([]plainTerm, error) {
	var terms []plainTerm
	words := 0
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		not := false
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			not = true
			i++
		}
		var raw string
		if rs[i] == '"' {
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			raw = string(rs[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			raw = string(rs[i:j])
			i = j
		}
		ws := strings.FieldsFunc(raw, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) })
		if len(ws) == 0 {
			continue
		}
		words += len(ws)
		terms = append(terms, plainTerm{phrase: `"` + strings.Join(ws, " ") + `"`, not: not})
	}
	if words > MaxQueryTerms {
		return nil, fmt.Errorf("%w: %d words, at most %d allowed", ErrBadQuery, words, MaxQueryTerms)
	}
	return terms, nil
}

// searchError reports a query the full-text engine refused (SQLite's
// generic error, as opposed to busy, I/O or corruption errors) as
// ErrBadQuery.
func searchError(text string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrError {
		return fmt.Errorf("%w %q: %s", ErrBadQuery, text, se.Error())
	}
	return fmt.Errorf("query %q: %w", text, err)
}

// The search index is a full-text table, articles_fts, kept in step with
// the articles table by triggers. It is FTS5 where SQLite has FTS5
// (go-sqlite3 built with the sqlite_fts5 tag) and FTS4 otherwise, which
// go-sqlite3 always has; Search ranks both the same way.

// preferFTS4, set by tests, makes new indexes FTS4 even where FTS5 is
// compiled in, as in a build without it.
var preferFTS4 bool

// haveFTS5 reports whether SQLite has FTS5 (and the tests allow it).
func haveFTS5(ctx context.Context, q queryer) (bool, error) {
	var on bool
	if err := q.QueryRowContext(ctx, "SELECT sqlite_compileoption_used('ENABLE_FTS5')").Scan(&on); err != nil {
		return false, fmt.Errorf("check SQLite build: %w", err)
	}
	return on && !preferFTS4, nil
}

// queryer is a *sql.DB, *sql.Conn or *sql.Tx.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// indexEngine returns the module of the corpus's search index: "fts5",
// "fts4", or "" when it has none.
func indexEngine(ctx context.Context, q queryer) (string, error) {
	var def string
	err := q.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'articles_fts'`).Scan(&def)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read search index definition: %w", err)
	}
	def = strings.ToLower(def)
	switch {
	case strings.Contains(def, "using fts5"):
		return "fts5", nil
	case strings.Contains(def, "using fts4"):
		return "fts4", nil
	}
	return "", fmt.Errorf("search index of unknown kind: %s", def)
}

// searchIndexSQL creates the index of each engine, its triggers, and
// fills it from the articles. FTS4 reads the old values of a row it
// deletes from the articles table, so its deletes run before the row
// changes.
var searchIndexSQL = map[string]string{
	"fts5": `
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');`,
	"fts4": `
CREATE VIRTUAL TABLE articles_fts USING fts4 (
	content="articles", title, text,
	tokenize=unicode61 "remove_diacritics=2"
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (docid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete BEFORE DELETE ON articles BEGIN
	DELETE FROM articles_fts WHERE docid = old.id;
END;
CREATE TRIGGER articles_fts_unindex BEFORE UPDATE OF title, text ON articles BEGIN
	DELETE FROM articles_fts WHERE docid = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (docid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');`,
}

// createSearchIndex is the Go step of the search migration: it makes the
// index with the best engine this SQLite has.
func createSearchIndex(ctx context.Context, tx *txn) error {
	fts5, err := haveFTS5(ctx, tx)
	if err != nil {
		return err
	}
	engine := "fts4"
	if fts5 {
		engine = "fts5"
	}
	if _, err := tx.ExecContext(ctx, searchIndexSQL[engine]); err != nil {
		return fmt.Errorf("create %s search index: %w", engine, err)
	}
	return nil
}

// fts5Shadows are the tables an FTS5 index with external content keeps.
var fts5Shadows = []string{"articles_fts_data", "articles_fts_idx", "articles_fts_docsize", "articles_fts_config", "articles_fts_content"}

// convertSearchIndex replaces an FTS5 index with an FTS4 one when this
// SQLite has no FTS5, in one transaction: SQLite cannot drop a table of a
// module it does not have, so the index's entry is removed from the schema
// and its shadow tables dropped, then the FTS4 index is built from the
// articles. The index holds nothing the articles table does not, so
// nothing is lost; a build with FTS5 uses the FTS4 index as it is.
func convertSearchIndex(ctx context.Context, db *sql.DB) error {
	engine, err := indexEngine(ctx, db)
	if err != nil || engine != "fts5" {
		return err
	}
	if fts5, err := haveFTS5(ctx, db); err != nil || fts5 {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if engine, err := indexEngine(ctx, tx); err != nil || engine != "fts5" {
		return err // converted by another process meanwhile
	}
	steps := []string{
		"DROP TRIGGER IF EXISTS articles_fts_insert",
		"DROP TRIGGER IF EXISTS articles_fts_delete",
		"DROP TRIGGER IF EXISTS articles_fts_update",
		"PRAGMA writable_schema = ON",
		"DELETE FROM sqlite_schema WHERE type = 'table' AND name = 'articles_fts'",
		"PRAGMA writable_schema = RESET",
	}
	for _, t := range fts5Shadows {
		steps = append(steps, "DROP TABLE IF EXISTS "+t)
	}
	steps = append(steps, searchIndexSQL["fts4"])
	for _, s := range steps {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("rebuild the FTS5 search index as FTS4 (this SQLite has no FTS5): %s: %w", strings.Fields(s)[0], err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("rebuild the FTS5 search index as FTS4: %w", err)
	}
	return nil
}
