package corpus

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

// crashHelperEnv, when set, makes the test binary run the crawl of the
// crash test instead of the tests.
const crashHelperEnv = "TALLY_CORPUS_CRASH_HELPER"

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestMain(m *testing.M) {
	flag.Parse()
	if os.Getenv(crashHelperEnv) == "" {
		if err := postgresUp(); err != nil {
			fmt.Println("corpus: PostgreSQL cases skipped:", err)
		}
	}
	os.Exit(m.Run())
}

// postgresEnv names the PostgreSQL URL the tests may use: each test gets
// a schema of its own there, dropped when it ends.
const postgresEnv = "TALLY_TEST_POSTGRES"

var (
	postgresOnce sync.Once
	postgresErr  error
)

// postgresUp says why the PostgreSQL cases cannot run, or nil when they
// can: TALLY_TEST_POSTGRES is set and its server answers.
func postgresUp() error {
	postgresOnce.Do(func() {
		dsn := os.Getenv(postgresEnv)
		if dsn == "" {
			postgresErr = fmt.Errorf("%s is not set", postgresEnv)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		db, err := sql.Open("pgx", dsn)
		if err == nil {
			err = db.PingContext(ctx)
		}
		if err == nil {
			// The search index's extension belongs to the database: made
			// once in public, dropping a test's schema leaves it to the
			// others.
			_, err = db.ExecContext(ctx, "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
		}
		if db != nil {
			db.Close()
		}
		if err != nil {
			postgresErr = fmt.Errorf("the server at %s does not answer: %v", redactURL(dsn), err)
		}
	})
	return postgresErr
}

// backend is an engine the shared tests run on.
type backend string

const (
	sqliteBackend   backend = "sqlite"
	postgresBackend backend = "postgres"
)

// forEachBackend runs f as a subtest for SQLite and for PostgreSQL; the
// PostgreSQL case is skipped when no server is available (TestMain has
// said why, once).
func forEachBackend(t *testing.T, f func(t *testing.T, be backend)) {
	t.Helper()
	for _, be := range []backend{sqliteBackend, postgresBackend} {
		t.Run(string(be), func(t *testing.T) {
			if be == postgresBackend && postgresUp() != nil {
				t.SkipNow()
			}
			f(t, be)
		})
	}
}

// open opens a new, empty corpus of the backend, removed when the test
// ends.
func (be backend) open(tb testing.TB) *DB {
	tb.Helper()
	return mustOpenPath(tb, be.location(tb))
}

// location returns where a new corpus of the backend goes: a file in a
// temporary folder, or a URL whose search_path is a new schema, dropped
// when the test ends.
func (be backend) location(tb testing.TB) string {
	tb.Helper()
	if be == sqliteBackend {
		return filepath.Join(tb.TempDir(), "tally.db")
	}
	if err := postgresUp(); err != nil {
		tb.Skip(err)
	}
	dsn := os.Getenv(postgresEnv)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	schema := fmt.Sprintf("tally_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := admin.Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	v := u.Query()
	v.Set("search_path", schema+",public")
	u.RawQuery = v.Encode()
	return u.String()
}

var schemaSeq atomic.Int64

// MustOpenDB opens a new corpus in a temporary folder and closes it when
// the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	return mustOpenPath(tb, filepath.Join(tb.TempDir(), "tally.db"))
}

func mustOpenPath(tb testing.TB, path string) *DB {
	tb.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// testTime is the fetch time of generated pages.
var testTime = time.Date(2024, 2, 23, 18, 30, 0, 0, time.UTC)

// syllables make up the made-up words of generated texts.
var syllables = []string{"ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "pu", "qua", "ber", "nit", "os", "el"}

// words returns n made-up words drawn by a generator seeded with seed, so
// that texts of different seeds share few shingles.
func words(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		out[i] = b.String()
	}
	return out
}

// paragraphs joins words into sentences and paragraphs.
func paragraphs(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		switch {
		case i == 0:
		case i%40 == 0:
			b.WriteString(".\n")
		case i%10 == 0:
			b.WriteString(". ")
		default:
			b.WriteString(" ")
		}
		b.WriteString(w)
	}
	b.WriteString(".")
	return b.String()
}

func intp(i int) *int { return &i }

// testDoc builds the i-th generated document: a page of site, its article
// with a text of its own and a record with one of each fact.
func testDoc(i int, site string) Doc {
	url := fmt.Sprintf("https://%s/news/%d", site, i)
	text := paragraphs(words(uint64(i)+1, 120))
	body := fmt.Sprintf("<html><head><title>Story %d</title></head><body><nav>Home</nav><article><h1>Story %d</h1><p>%s</p></article></body></html>",
		i, i, strings.ReplaceAll(text, "\n", "</p><p>"))
	return Doc{
		Page: crawl.Page{
			Job: "test", URL: url, FinalURL: url, Status: 200,
			Header:      http.Header{"Content-Type": {"text/html; charset=utf-8"}, "Etag": {fmt.Sprintf(`"v%d"`, i)}},
			Body:        []byte(body),
			ContentType: "text/html",
			Depth:       1,
			Fetched:     testTime.Add(time.Duration(i) * time.Minute),
		},
		Article: &clean.Article{
			URL:       url,
			Title:     fmt.Sprintf("Story %d", i),
			Published: testTime.Add(-time.Duration(i) * time.Hour).Format(time.RFC3339),
			Byline:    "A. Writer",
			SiteName:  site,
			Language:  "en",
			Text:      text,
		},
		Record: testRecord(i),
	}
}

func testRecord(i int) *extract.Record {
	return &extract.Record{
		Doc:       fmt.Sprintf("doc-%d", i),
		Countries: []string{"FRA", "USA"},
		Counts:    []extract.Count{{Value: float64(90 + i), Unit: "vote"}, {Value: 2, Unit: "ally"}},
		Votes: []extract.Vote{{
			Body: "UNGA", Motion: "a resolution", Sponsors: []string{"USA", "FRA"}, Outcome: extract.Adopted,
			Tally:     extract.Tally{Yes: intp(90 + i), No: intp(18), Abstain: nil},
			Positions: map[string]string{"USA": extract.Yes, "RUS": extract.No},
		}},
		Stances:   []extract.Stance{{Holder: "USA", Target: "RUS", Polarity: extract.Oppose}},
		Extractor: "test-1",
	}
}

// count returns the number of rows of a table.
func count(tb testing.TB, db *DB, table string) int {
	tb.Helper()
	var n int
	if err := db.read.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// oldCorpus makes a corpus file of schema version, holds in it two
// articles, the first with records 1 and 3, the second with record 2,
// runs the statements rows on it and returns its path.
func oldCorpus(t *testing.T, version int, rows ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := open(context.Background(), path, version)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	for _, q := range append([]string{
		`INSERT INTO pages (id, job, url, site, status, content_type, hash, body, fetched) VALUES
			(1, 'old', 'https://old.example/a', 'old.example', 200, 'text/html', 'h1', x'', '2025-02-25T10:00:00.000000000Z'),
			(2, 'old', 'https://old.example/b', 'old.example', 200, 'text/html', 'h2', x'', '2025-02-25T10:00:00.000000000Z')`,
		`INSERT INTO articles (id, page_id, url, title, text, date) VALUES
			(1, 1, 'https://old.example/a', 'A', 'a', '2025-02-25T00:00:00.000000000Z'),
			(2, 2, 'https://old.example/b', 'B', 'b', '2025-02-25T00:00:00.000000000Z')`,
		`INSERT INTO records (id, article_id, json) VALUES (1, 1, '{}'), (2, 2, '{}'), (3, 1, '{}')`,
	}, rows...) {
		if _, err := old.write.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}
