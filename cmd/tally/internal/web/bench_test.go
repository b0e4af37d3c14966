package web

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
	"github.com/tally-news/tally/extract/events"
)

var (
	benchArticles = flag.Int("articles", 20000, "articles in the generated corpus of the benchmarks")
	benchKeep     = flag.String("corpus", "", "file of the generated corpus of the benchmarks, made when missing and kept (by default a temporary file)")
)

// benchDir holds the generated corpus, made once for all benchmarks and
// removed when they end.
var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchServer serves a generated corpus of *benchArticles articles.
func benchServer(b *testing.B) *Server {
	b.Helper()
	benchOnce.Do(func() {
		if benchPath = *benchKeep; benchPath != "" {
			if _, err := os.Stat(benchPath); err == nil {
				return
			}
		} else {
			if benchDir, benchErr = os.MkdirTemp("", "tally-web-bench"); benchErr != nil {
				return
			}
			benchPath = filepath.Join(benchDir, "bench.db")
		}
		benchErr = generateCorpus(context.Background(), benchPath, *benchArticles)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	db, err := corpus.OpenReadOnly(context.Background(), benchPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return New(db, slog.New(slog.NewTextHandler(io.Discard, nil)))
}

var (
	benchCountries = []struct{ name, code string }{{"France", "FRA"}, {"Russia", "RUS"}, {"China", "CHN"}, {"Brazil", "BRA"}, {"Kenya", "KEN"}, {"Japan", "JPN"}, {"Chile", "CHL"}, {"India", "IND"}}
	benchSyllables = []string{"ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "is", "pu", "qua", "ber", "nit", "os", "el"}
)

// generateCorpus stores n made-up articles on five sites over ten years,
// each of about 400 words in which countries, a count, a vote and a
// stance are found, as an extracted record would say. Three articles in a
// row report the same vote, so that events fuse them; one article in 50
// is a copy of the one before on another site, stored as its duplicate.
// The file is written under another name and renamed when complete.
func generateCorpus(ctx context.Context, path string, n int) error {
	tmp := path + ".part"
	os.Remove(tmp)
	db, err := corpus.Open(ctx, tmp)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	const batch = 500
	for i := 0; i < n; i += batch {
		var docs []corpus.Doc
		for j := i; j < min(i+batch, n); j++ {
			src := j
			if j%50 == 49 {
				src = j - 1 // a copy of the article before
			}
			text, rec := generateArticle(uint64(src))
			url := fmt.Sprintf("https://site%d.example/news/%d", j%5, j)
			date := start.Add(time.Duration(src/3%3650) * 24 * time.Hour)
			docs = append(docs, corpus.Doc{
				Page:    crawl.Page{URL: url, Status: 200, Body: []byte(text), Fetched: date},
				Article: &clean.Article{URL: url, Title: fmt.Sprintf("Story %d: %s", src, text[:40]), Text: text, Published: date.Format(time.RFC3339)},
				Record:  rec,
			})
		}
		if _, err := db.SaveAll(ctx, docs); err != nil {
			return err
		}
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), true); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

var (
	benchBodies    = []string{"UNGA", "UNSC", "HRC"}
	benchPositions = []string{extract.Yes, extract.No, extract.Abstain}
)

// generateArticle makes article seed's text and record. The vote is that
// of seed/3, the same for three articles in a row.
func generateArticle(seed uint64) (string, *extract.Record) {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	vr := rand.New(rand.NewPCG(seed/3, 0xb0d1e5))
	var b strings.Builder
	rec := &extract.Record{Doc: fmt.Sprint(seed), Extractor: "bench"}
	n := 0 // code points written
	write := func(s string) (int, int) {
		start := n
		b.WriteString(s)
		n += len([]rune(s))
		return start, n
	}
	seen := map[string]bool{}
	for sentence := 0; sentence < 30; sentence++ {
		sStart := n
		for w := 0; w < 12; w++ {
			if w > 0 {
				write(" ")
			}
			switch {
			case w == 3 && sentence%3 == 0:
				c := benchCountries[r.IntN(len(benchCountries))]
				s, e := write(c.name)
				rec.Mentions = append(rec.Mentions, extract.Mention{Code: c.code, Evidence: extract.Evidence{Text: c.name, Start: s, End: e}})
				if !seen[c.code] {
					seen[c.code] = true
					rec.Countries = append(rec.Countries, c.code)
				}
			case w == 6 && sentence%10 == 1:
				v := r.IntN(190) + 1
				s, e := write(fmt.Sprintf("%d votes", v))
				rec.Counts = append(rec.Counts, extract.Count{Value: float64(v), Unit: "vote", Evidence: &extract.Evidence{Start: s, End: e}})
			default:
				for k := r.IntN(3) + 1; k > 0; k-- {
					write(benchSyllables[r.IntN(len(benchSyllables))])
				}
			}
		}
		write(".")
		switch sentence {
		case 1:
			yes := 100 + vr.IntN(40)
			v := extract.Vote{Body: benchBodies[vr.IntN(len(benchBodies))], Outcome: extract.Adopted, Tally: extract.Tally{Yes: &yes},
				Motion: fmt.Sprintf("resolution %d on %s", seed/3, benchSyllables[vr.IntN(len(benchSyllables))]), Positions: map[string]string{},
				Evidence: []extract.Evidence{{Start: sStart, End: n}}}
			for _, c := range benchCountries {
				if vr.IntN(2) == 0 {
					v.Positions[c.code] = benchPositions[vr.IntN(len(benchPositions))]
				}
			}
			rec.Votes = append(rec.Votes, v)
		case 4:
			h, t := benchCountries[r.IntN(len(benchCountries))], benchCountries[r.IntN(len(benchCountries))]
			pol := extract.Oppose
			if r.IntN(3) == 0 {
				pol = extract.Support
			}
			rec.Stances = append(rec.Stances, extract.Stance{Holder: h.code, Target: t.code, Polarity: pol, Evidence: &extract.Evidence{Start: sStart, End: n}})
		}
		if sentence%5 == 4 {
			write("\n")
		} else {
			write(" ")
		}
	}
	return b.String(), rec
}

// benchGet measures the server time of GET target, the page rendered
// but not sent over a network.
func benchGet(b *testing.B, srv http.Handler, target string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", target, rec.Code)
		}
	}
}

// BenchmarkArticlePage measures the article page of a generated corpus:
// reading the article and its record, marking its facts, rendering.
func BenchmarkArticlePage(b *testing.B) {
	srv := benchServer(b)
	benchGet(b, srv, fmt.Sprintf("/articles/%d", *benchArticles/2))
}

// BenchmarkListPage measures pages of the article list of a generated
// corpus: the first, a deep one, filtered, and searches matching one
// article and many.
func BenchmarkListPage(b *testing.B) {
	srv := benchServer(b)
	for _, c := range []struct{ name, target string }{
		{"first", "/"},
		{"deep", fmt.Sprintf("/?page=%d", *benchArticles/DefaultPageSize/2)},
		{"filtered", "/?site=site3.example&from=2024-02-01&to=2024-03-31"},
		{"search-one", fmt.Sprintf("/?q=%d", *benchArticles/2+1)}, // one title
		{"search", "/?q=france+votes"},                            // about a third of the articles
		{"search-page-20", "/?q=france+votes&page=20"},
		{"body", "/?body=UNSC"},
		{"country-deep", "/?country=KEN&page=100"},
		{"no-such-country", "/?country=ZZZ"},
		{"search-filtered", "/?q=france+votes&body=HRC&country=CHL&from=2020-01-01"},
	} {
		b.Run(c.name, func(b *testing.B) { benchGet(b, srv, c.target) })
	}
}

// BenchmarkPages measures the other pages and their JSON on a generated
// corpus: the events, one event, a country in about half the events, an
// article's JSON.
func BenchmarkPages(b *testing.B) {
	srv := benchServer(b)
	evs, err := srv.store.EventPage(context.Background(), corpus.EventFilter{}, 0, 1)
	if err != nil || len(evs) == 0 {
		b.Fatalf("no event in the generated corpus: %v", err)
	}
	id := evs[0].ID
	for _, c := range []struct{ name, target string }{
		{"events", "/events"},
		{"events-deep", "/events?page=200"},
		{"events-filtered", "/events?body=UNSC&country=KEN&from=2019-01-01&to=2019-12-31"},
		{"event", "/events/" + id},
		{"country", "/countries/FRA"},
		{"api-events", "/api/events?country=CHL"},
		{"api-event", "/api/events/" + id},
		{"api-country", "/api/countries/KEN"},
		{"api-article", fmt.Sprintf("/api/articles/%d", *benchArticles/3)},
		{"api-search", "/api/articles?q=france+votes"},
	} {
		b.Run(c.name, func(b *testing.B) { benchGet(b, srv, c.target) })
	}
}
