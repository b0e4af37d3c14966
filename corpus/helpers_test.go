package corpus

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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
	os.Exit(m.Run())
}

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
