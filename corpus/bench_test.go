package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tally-news/tally/extract/events"
)

// realPages returns the HTML pages of the shared clean-dev set when it is
// there (../shared/data relative to the module root), else nil.
func realPages(tb testing.TB) [][]byte {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "data", "clean-dev", "pages", "*.html.gz"))
	sort.Strings(files)
	var pages [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		r, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		html, err := io.ReadAll(r)
		if err != nil {
			tb.Fatalf("%s: %v", f, err)
		}
		pages = append(pages, html)
	}
	return pages
}

// benchDocs returns n distinct docs; with bodies, their pages carry those
// bodies in turn instead of the generated ones.
func benchDocs(first, n int, bodies [][]byte) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = testDoc(first+i, fmt.Sprintf("site%d.example", i%20))
		if len(bodies) > 0 {
			docs[i].Page.Body = bodies[(first+i)%len(bodies)]
		}
	}
	return docs
}

// BenchmarkSave measures articles stored per second, each with its page
// and its record, one at a time (as a crawl stores them) and in batches of
// 100 and 500 (one transaction a batch, as import and re-extraction can),
// on generated pages (about 1 kB) and, when the shared clean-dev set is
// there, on its real pages (about 140 kB each).
func BenchmarkSave(b *testing.B) {
	type benchCase struct {
		name   string
		bodies [][]byte
		batch  int
	}
	cases := []benchCase{{"generated/batch=1", nil, 1}, {"generated/batch=100", nil, 100}, {"generated/batch=500", nil, 500}}
	if pages := realPages(b); len(pages) > 0 {
		cases = append(cases, benchCase{"clean-dev/batch=100", pages, 100})
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			db := MustOpenDB(b)
			ctx := context.Background()
			// Docs are built before the clock runs.
			pool := make([][]Doc, max(50, 5000/c.batch))
			for i := range pool {
				pool[i] = benchDocs(i*c.batch, c.batch, c.bodies)
			}
			var bytesIn int64
			for _, d := range pool[0] {
				bytesIn += int64(len(d.Page.Body))
			}
			b.SetBytes(bytesIn)
			b.ResetTimer()
			saved := 0
			for i := 0; b.Loop(); i++ {
				docs := pool[i%len(pool)]
				if i >= len(pool) {
					// New URLs, so nothing is taken as already stored.
					b.StopTimer()
					docs = benchDocs(i*c.batch, c.batch, c.bodies)
					b.StartTimer()
				}
				if _, err := db.SaveAll(ctx, docs); err != nil {
					b.Fatal(err)
				}
				saved += c.batch
			}
			b.ReportMetric(float64(saved)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSaveConcurrently measures articles stored per second by 16
// goroutines calling Save at once, as a crawl's workers do.
func BenchmarkSaveConcurrently(b *testing.B) {
	db := MustOpenDB(b)
	ctx := context.Background()
	var next atomic.Int64
	b.SetParallelism(8)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			d := testDoc(int(next.Add(1)), "wire.example")
			if _, err := db.Save(ctx, d); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(next.Load())/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExport measures rows exported per second from a corpus of
// 20,000 articles with records.
func BenchmarkExport(b *testing.B) {
	db := MustOpenDB(b)
	ctx := context.Background()
	const articles = 20000
	for first := 0; first < articles; first += 500 {
		if _, err := db.SaveAll(ctx, benchDocs(first, 500, nil)); err != nil {
			b.Fatal(err)
		}
	}
	cases := []struct {
		o    ExportOptions
		rows int // per export
		unit string
	}{
		{ExportOptions{What: "articles", Format: "jsonl"}, articles, "articles/s"},
		{ExportOptions{What: "records", Format: "jsonl"}, articles, "records/s"},
		{ExportOptions{What: "votes", Format: "csv"}, 2 * articles, "rows/s"},
		{ExportOptions{What: "pages", Format: "jsonl"}, articles, "pages/s"},
	}
	for _, c := range cases {
		b.Run(c.o.What+"-"+c.o.Format, func(b *testing.B) {
			n := 0
			for b.Loop() {
				if err := db.Export(ctx, io.Discard, c.o); err != nil {
					b.Fatal(err)
				}
				n += c.rows
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), c.unit)
		})
	}
}

// BenchmarkSearch measures a search of a corpus of 20,000 articles.
func BenchmarkSearch(b *testing.B) {
	db := MustOpenDB(b)
	ctx := context.Background()
	for first := 0; first < 20000; first += 500 {
		if _, err := db.SaveAll(ctx, benchDocs(first, 500, nil)); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, err := db.Search(ctx, SearchQuery{Text: "kalo OR renmi", Raw: true, Limit: 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// voteDocs returns docs first to first+n-1 of a corpus of news of votes:
// five articles a vote, published within hours of it; twenty bodies, each
// voting every eight days.
func voteDocs(first, n int) []Doc {
	docs := benchDocs(first, n, nil)
	base := time.Date(2015, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range docs {
		k := first + i
		v := k / 5
		vote := &docs[i].Record.Votes[0]
		vote.Body = fmt.Sprintf("B%02d", v%20)
		vote.Tally.Yes, vote.Tally.No = intp(90+v%50), intp(1000+v)
		docs[i].Article.Published = base.AddDate(0, 0, 8*(v/20)).Add(time.Duration(k%5) * time.Hour).Format(time.RFC3339)
	}
	return docs
}

// BenchmarkRefreshEvents measures keeping events current on a corpus of
// 10,000 articles (one vote each, 2,000 events; see voteDocs): a refresh with nothing
// changed (what every import and run pays at its end), a refresh after
// one new article, and a rebuild.
func BenchmarkRefreshEvents(b *testing.B) {
	const n = 10_000
	ctx := context.Background()
	db := MustOpenDB(b)
	for i := 0; i < n; i += 500 {
		if _, err := db.SaveAll(ctx, voteDocs(i, 500)); err != nil {
			b.Fatal(err)
		}
	}
	cfg := events.DefaultConfig()
	if u, err := db.RefreshEvents(ctx, cfg, false); err != nil || u.Total != n/5 {
		b.Fatalf("first build: %+v, %v", u, err)
	}
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.RefreshEvents(ctx, cfg, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	next := n
	b.Run("one-new-article", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			if _, err := db.Save(ctx, voteDocs(next, 1)[0]); err != nil {
				b.Fatal(err)
			}
			next++
			b.StartTimer()
			if u, err := db.RefreshEvents(ctx, cfg, false); err != nil || u.Rebuilt || u.Changed != 1 {
				b.Fatalf("%+v, %v", u, err)
			}
		}
	})
	b.Run("rebuild", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.RefreshEvents(ctx, cfg, true); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(next)*float64(b.N)/b.Elapsed().Seconds(), "votes/s")
	})
}

// BenchmarkNearCopies measures saving one more near copy of a story
// (about 0.95 alike, with facts of its own, so a new version) when 1,000
// and 5,000 such copies of it are stored, as when a story is syndicated
// to that many sites: the duplicate check's cost per save should not grow
// with the copies stored. It reports wall and CPU time (of the whole
// process) per save; the copies are saved nearCopiesBatch to a
// transaction, so that the commit does not drown the check.
func BenchmarkNearCopies(b *testing.B) {
	ws := words(41, 120)
	for _, n := range []int{1000, 5000} {
		b.Run(fmt.Sprintf("copies=%d", n), func(b *testing.B) {
			ctx := context.Background()
			db := MustOpenDB(b)
			for first := 0; first < n; first += 500 {
				docs := make([]Doc, min(500, n-first))
				for i := range docs {
					docs[i] = nearCopy(ws, first+i, first+i)
				}
				if _, err := db.SaveAll(ctx, docs); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			cpuStart := cpuTime()
			next := n
			for range b.N {
				docs := make([]Doc, nearCopiesBatch)
				for i := range docs {
					docs[i] = nearCopy(ws, next, next)
					next++
				}
				saved, err := db.SaveAll(ctx, docs)
				if err != nil {
					b.Fatal(err)
				}
				for i, s := range saved {
					if s.VersionOf == 0 {
						b.Fatalf("copy %d: %+v, want a version", next-len(docs)+i, s)
					}
				}
			}
			saves := float64(b.N * nearCopiesBatch)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/saves, "ns/save")
			if cpu := cpuTime() - cpuStart; cpu > 0 {
				b.ReportMetric(float64(cpu.Nanoseconds())/saves, "cpu-ns/save")
			}
		})
	}
}

// nearCopiesBatch is how many copies BenchmarkNearCopies saves an
// operation.
const nearCopiesBatch = 20
