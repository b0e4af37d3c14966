package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gocolly/colly/v2"
)

// benchSite serves n generated pages: /p/i links to the next ten pages,
// so a crawl from /p/0 reaches all of them.
func benchSite(b *testing.B, n int) *httptest.Server {
	body := func(i int) string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "<html><head><title>Page %d</title></head><body><h1>Page %d</h1>", i, i)
		sb.WriteString("<p>" + strings.Repeat("Some words of a news article. ", 60) + "</p><ul>")
		for j := 1; j <= 10; j++ {
			fmt.Fprintf(&sb, `<li><a href="/p/%d">next %d</a></li>`, (i*10+j)%n, j)
		}
		sb.WriteString("</ul></body></html>")
		return sb.String()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p/"))
		if err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body(i))
	})
	s := httptest.NewServer(mux)
	b.Cleanup(s.Close)
	return s
}

// BenchmarkCrawl crawls a generated loopback site (10,000 and 100,000
// pages) into a MemoryStore with the politeness delay off, and reports
// pages/s and the process's peak RSS. Run one size at a time for a peak
// RSS of that size alone, e.g. -bench 'Crawl/pages=100000$'.
func BenchmarkCrawl(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			s := benchSite(b, n)
			cfg := testConfig()
			cfg.MaxDepth = -1
			cfg.PerHost = 16
			cfg.MaxInFlight = 16
			var pages atomic.Int64
			b.ResetTimer()
			for range b.N {
				c, err := New(cfg, NewMemoryStore(), nil)
				if err != nil {
					b.Fatal(err)
				}
				stats, err := c.Run(context.Background(), "bench", []string{s.URL + "/p/0"}, func(ctx context.Context, p Page) error {
					pages.Add(1)
					return nil
				})
				if err != nil || stats.Fetched != n {
					b.Fatalf("fetched %d pages, err %v", stats.Fetched, err)
				}
			}
			b.ReportMetric(float64(pages.Load())/b.Elapsed().Seconds(), "pages/s")
			if rss := peakRSS(); rss > 0 {
				b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MiB")
			}
		})
	}
}

// peakRSS reads the process's peak resident set size (Linux), or 0.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkPlainColly fetches the same site with an asynchronous Colly
// collector that follows links and stores nothing: the yardstick.
func BenchmarkPlainColly(b *testing.B) {
	const n = 10000
	s := benchSite(b, n)
	var pages atomic.Int64
	b.ResetTimer()
	for range b.N {
		c := colly.NewCollector(colly.Async(true))
		if err := c.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: 16}); err != nil {
			b.Fatal(err)
		}
		c.OnHTML("a[href]", func(e *colly.HTMLElement) {
			_ = e.Request.Visit(e.Attr("href"))
		})
		c.OnResponse(func(r *colly.Response) { pages.Add(1) })
		if err := c.Visit(s.URL + "/p/0"); err != nil {
			b.Fatal(err)
		}
		c.Wait()
	}
	b.ReportMetric(float64(pages.Load())/b.Elapsed().Seconds(), "pages/s")
}
