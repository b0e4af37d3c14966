package corpus

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// A corpus is SQLite or PostgreSQL behind the same database/sql code. The
// statements are written once, in the SQL both engines accept (upserts
// with ON CONFLICT, RETURNING id, "end" quoted), with SQLite's
// placeholders: ? and @name. The few differences left are the dialect's:
// it rewrites a statement's placeholders to PostgreSQL's $1, $2... (once
// per statement text, then from a cache) and names the functions that
// differ.

// dialect says which engine a corpus is on.
type dialect struct {
	postgres bool
	cache    sync.Map     // statement text -> *boundQuery (PostgreSQL)
	cached   atomic.Int64 // entries in cache
}

// maxCachedQueries bounds the cache of rewritten statements: statements
// are few, but one that embeds values (an IN list of ids) is new each
// time, and a long-running process must not keep them all.
const maxCachedQueries = 2048

var sqliteDialect = &dialect{}

// boundQuery is a statement rewritten for PostgreSQL.
type boundQuery struct {
	text  string
	names []string // the @names, in the order of their $n after the ?s
	nPos  int      // the number of ? placeholders
}

// bind returns query and args as the engine takes them.
// A name missing from args is left out, so that the driver refuses the
// statement for its number of arguments.
func (d *dialect) bind(query string, args []any) (string, []any) {
	if !d.postgres {
		return query, args
	}
	var b *boundQuery
	if v, ok := d.cache.Load(query); ok {
		b = v.(*boundQuery)
	} else {
		b = rebind(query)
		if d.cached.Load() < maxCachedQueries {
			if _, loaded := d.cache.LoadOrStore(query, b); !loaded {
				d.cached.Add(1)
			}
		}
	}
	if len(b.names) == 0 {
		return b.text, args
	}
	named := make(map[string]any, len(b.names))
	out := make([]any, 0, b.nPos+len(b.names))
	for _, a := range args {
		if n, ok := a.(sql.NamedArg); ok {
			named[n.Name] = n.Value
		} else {
			out = append(out, a)
		}
	}
	for _, n := range b.names {
		if v, ok := named[n]; ok {
			out = append(out, v)
		}
	}
	return b.text, out
}

// rebind rewrites ? and @name placeholders to $n, leaving quoted strings,
// quoted names and comments as they are, and SQLite's group_concat to
// string_agg.
func rebind(q string) *boundQuery {
	var sb strings.Builder
	sb.Grow(len(q) + 16)
	b := &boundQuery{}
	var named []int // $n of each distinct name, after the ?s are counted
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(q) && q[j] != c {
				j++
			}
			end := min(j+1, len(q))
			sb.WriteString(q[i:end])
			i = end - 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			sb.WriteString(q[i : i+j])
			i += j - 1
		case c == '?':
			j := i + 1
			for j < len(q) && q[j] >= '0' && q[j] <= '9' {
				j++
			}
			if j > i+1 { // ?NNN, numbered
				n, _ := strconv.Atoi(q[i+1 : j])
				b.nPos = max(b.nPos, n)
				sb.WriteString("$" + q[i+1:j])
				i = j - 1
				break
			}
			b.nPos++
			sb.WriteString("$" + strconv.Itoa(b.nPos))
		case c == '@' && i+1 < len(q) && isNameByte(q[i+1]):
			j := i + 1
			for j < len(q) && isNameByte(q[j]) {
				j++
			}
			name := q[i+1 : j]
			k := -1
			for x, n := range b.names {
				if n == name {
					k = x
				}
			}
			if k < 0 {
				b.names = append(b.names, name)
				k = len(b.names) - 1
			}
			named = append(named, k)
			sb.WriteString("\x00" + strconv.Itoa(k) + "\x00")
			i = j - 1
		default:
			sb.WriteByte(c)
		}
	}
	b.text = sb.String()
	if len(named) > 0 {
		// Named parameters come after the positional ones.
		for k := range b.names {
			b.text = strings.ReplaceAll(b.text, "\x00"+strconv.Itoa(k)+"\x00", "$"+strconv.Itoa(b.nPos+k+1))
		}
	}
	b.text = strings.ReplaceAll(b.text, "group_concat(", "string_agg(")
	return b
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// indexedBy is SQLite's hint to read table rows through an index;
// PostgreSQL plans without hints.
func (d *dialect) indexedBy(index string) string {
	if d.postgres {
		return ""
	}
	return "INDEXED BY " + index
}

// jsonText is the expression for the text at key of a JSON object held
// in a text column.
func (d *dialect) jsonText(col, key string) string {
	if d.postgres {
		return "(" + col + "::jsonb ->> '" + key + "')"
	}
	return "json_extract(" + col + ", '$." + key + "')"
}

// pool is a *sql.DB whose statements are bound for its dialect.
type pool struct {
	*sql.DB
	d    *dialect
	busy *busyTime
}

// busyTime adds up the time callers wait for the database: for each
// statement until its answer (a query's first rows), for each
// transaction's start and commit. Goroutines waiting at once each count.
type busyTime struct{ ns atomic.Int64 }

// since adds the time since start.
func (b *busyTime) since(start time.Time) {
	if b != nil {
		b.ns.Add(int64(time.Since(start)))
	}
}

// ExecContext binds query and runs it.
func (p *pool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	q, a := p.d.bind(query, args)
	defer p.busy.since(time.Now())
	return p.DB.ExecContext(ctx, q, a...)
}

// QueryContext binds query and runs it.
func (p *pool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q, a := p.d.bind(query, args)
	defer p.busy.since(time.Now())
	return p.DB.QueryContext(ctx, q, a...)
}

// QueryRowContext binds query and runs it.
func (p *pool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	q, a := p.d.bind(query, args)
	defer p.busy.since(time.Now())
	return p.DB.QueryRowContext(ctx, q, a...)
}

// Exec is ExecContext without a context.
func (p *pool) Exec(query string, args ...any) (sql.Result, error) {
	return p.ExecContext(context.Background(), query, args...)
}

// Query is QueryContext without a context.
func (p *pool) Query(query string, args ...any) (*sql.Rows, error) {
	return p.QueryContext(context.Background(), query, args...)
}

// QueryRow is QueryRowContext without a context.
func (p *pool) QueryRow(query string, args ...any) *sql.Row {
	return p.QueryRowContext(context.Background(), query, args...)
}

// BeginTx starts a transaction whose statements are bound too.
func (p *pool) BeginTx(ctx context.Context, opts *sql.TxOptions) (*txn, error) {
	start := time.Now()
	tx, err := p.DB.BeginTx(ctx, opts)
	p.busy.since(start)
	if err != nil {
		return nil, err
	}
	return &txn{Tx: tx, d: p.d, busy: p.busy}, nil
}

// Begin is BeginTx without a context.
func (p *pool) Begin() (*txn, error) { return p.BeginTx(context.Background(), nil) }

// txn is a *sql.Tx whose statements are bound for its dialect.
type txn struct {
	*sql.Tx
	d    *dialect
	busy *busyTime // nil: not counted
}

// ExecContext binds query and runs it.
func (t *txn) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	q, a := t.d.bind(query, args)
	defer t.busy.since(time.Now())
	return t.Tx.ExecContext(ctx, q, a...)
}

// QueryContext binds query and runs it.
func (t *txn) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q, a := t.d.bind(query, args)
	defer t.busy.since(time.Now())
	return t.Tx.QueryContext(ctx, q, a...)
}

// QueryRowContext binds query and runs it.
func (t *txn) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	q, a := t.d.bind(query, args)
	defer t.busy.since(time.Now())
	return t.Tx.QueryRowContext(ctx, q, a...)
}

// Commit commits the transaction.
func (t *txn) Commit() error {
	defer t.busy.since(time.Now())
	return t.Tx.Commit()
}

// Exec is ExecContext without a context.
func (t *txn) Exec(query string, args ...any) (sql.Result, error) {
	return t.ExecContext(context.Background(), query, args...)
}

// boolInt is 1 for true and 0 for false, as the schema stores flags.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rowBatch is how many rows forEachRow fetches at a time from PostgreSQL.
const rowBatch = 512

// forEachRow runs query in tx and calls each with every row as scan reads
// it, in order, in constant memory; each may run statements of its own in
// tx. SQLite reads the rows as each goes; a PostgreSQL connection cannot
// run a statement while it sends rows, so there the rows come through a
// cursor a batch at a time, each called with no rows open. A
// transaction reads through one forEachRow at a time.
func forEachRow[T any](ctx context.Context, tx *txn, query string, args []any, scan func(*sql.Rows) (T, error), each func(T) error) error {
	if !tx.d.postgres {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				return err
			}
			if err := each(v); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	const name = "tally_rows" // one at a time in a transaction
	// PostgreSQL plans a cursor to give its first tenth of rows fast; all
	// of them are read here, so it is planned as the whole query.
	if _, err := tx.ExecContext(ctx, "SET LOCAL cursor_tuple_fraction = 1"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DECLARE "+name+" NO SCROLL CURSOR FOR "+query, args...); err != nil {
		return err
	}
	batch := make([]T, 0, rowBatch)
	for {
		batch = batch[:0]
		rows, err := tx.Tx.QueryContext(ctx, "FETCH "+strconv.Itoa(rowBatch)+" FROM "+name)
		if err != nil {
			return err
		}
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, v := range batch {
			if err := each(v); err != nil {
				return err
			}
		}
		if len(batch) < rowBatch {
			break
		}
	}
	_, err := tx.Tx.ExecContext(ctx, "CLOSE "+name)
	return err
}
