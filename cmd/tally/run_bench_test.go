package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchSitePages is the size of the generated site BenchmarkRun crawls.
const benchSitePages = 5000

// generatedSite serves an index page linking to n article pages, each a
// short news story with a vote in it, all made up from its number.
func generatedSite(n int) http.Handler {
	countries := []string{"France", "Germany", "Brazil", "India", "Kenya", "Japan", "Canada", "Chile"}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/" {
			var b strings.Builder
			b.WriteString("<html><head><title>Index</title></head><body><ul>")
			for i := range n {
				fmt.Fprintf(&b, `<li><a href="/news/%d.html">Story %d</a></li>`, i, i)
			}
			b.WriteString("</ul></body></html>")
			w.Write([]byte(b.String()))
			return
		}
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/news/"), ".html"))
		if err != nil || i < 0 || i >= n {
			http.NotFound(w, r)
			return
		}
		c1, c2 := countries[i%len(countries)], countries[(i/len(countries)+1)%len(countries)]
		fmt.Fprintf(w, `<html><head><title>Assembly vote %d</title>
<meta property="article:published_time" content="2025-03-%02dT10:00:00Z"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Assembly adopts resolution %d</h1>
<p>The General Assembly adopted resolution %d on Tuesday by %d votes to %d, with %d abstentions, after a debate of two days.</p>
<p>%s voted in favour of the text, which calls for talks on water rights. %s voted against it, saying the draft went too far.</p>
<p>Delegates said the vote showed how divided the members remain on the question, and that a new draft could come next year.</p>
</article></body></html>`, i, 1+i%28, i, i, 100+i%50, 10+i%9, 20+i%30, c1, c2)
	})
}

// BenchmarkRun crawls a generated loopback site of benchSitePages
// articles with no delay, end to end (fetch, clean, extract, store), into
// a new SQLite corpus with one worker and, when TALLY_TEST_POSTGRES is
// set, a new PostgreSQL one with one, two and four workers sharing the
// job (each a tally run of its own, here in one process), and reports
// pages per second of wall time and per CPU-second of the process (the
// site's server, in the same process, included). Run it with
// -benchtime=1x: one iteration crawls the whole site.
func BenchmarkRun(b *testing.B) {
	srv := httptest.NewServer(generatedSite(benchSitePages))
	defer srv.Close()
	for _, c := range []struct {
		engine  string
		workers int
	}{{"sqlite", 1}, {"postgres", 1}, {"postgres", 2}, {"postgres", 4}} {
		b.Run(fmt.Sprintf("%s/workers=%d", c.engine, c.workers), func(b *testing.B) {
			var pages float64
			var elapsed, cpu time.Duration
			for range b.N {
				b.StopTimer()
				db := filepath.Join(b.TempDir(), "bench.db")
				if c.engine == "postgres" {
					db = postgresCorpus(b)
				}
				b.StartTimer()
				start, cpuStart := time.Now(), cpuTime()
				errs := make(chan error, c.workers)
				for range c.workers {
					go func() {
						var out, errOut strings.Builder
						err := run(b.Context(), []string{"run", "--db", db, "--allow-private", "--ignore-robots", "--quiet",
							"--delay", "0", "--per-host", "8", "--depth", "1", "--job", "bench", srv.URL + "/"}, strings.NewReader(""), &out, &errOut)
						if err != nil {
							err = fmt.Errorf("run: %w\n%s", err, errOut.String())
						}
						errs <- err
					}()
				}
				for range c.workers {
					if err := <-errs; err != nil {
						b.Fatal(err)
					}
				}
				elapsed += time.Since(start)
				cpu += cpuTime() - cpuStart
				pages += benchSitePages + 1
			}
			b.ReportMetric(pages/elapsed.Seconds(), "pages/s")
			if cpu > 0 {
				b.ReportMetric(pages/cpu.Seconds(), "pages/cpu-s")
			}
		})
	}
}
