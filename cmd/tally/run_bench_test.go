package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
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
// job. Each worker is a tally run in a process of its own, on every core
// (procs=all) or on one (procs=1: GOMAXPROCS=1, as a worker on a machine
// of its own would be beside the others, by cores). It reports pages per
// second; the workers' CPU time per page (cpu-ms/page), the time their
// goroutines waited for the database per page (db-ms/page, statements
// until their answer, transactions' starts and commits, added up over
// goroutines waiting at once), and the database's share of the workers'
// time, db-ms/(db-ms+cpu-ms), and pages per CPU-second of the workers
// (pages/cpu-s). Run it with -benchtime=1x: one iteration
// crawls the whole site.
func BenchmarkRun(b *testing.B) {
	srv := httptest.NewServer(generatedSite(benchSitePages))
	defer srv.Close()
	for _, c := range []struct {
		engine  string
		workers int
		procs   int // GOMAXPROCS of each worker; 0: all cores
	}{
		{"sqlite", 1, 0}, {"postgres", 1, 0}, {"postgres", 2, 0}, {"postgres", 4, 0},
		{"sqlite", 1, 1}, {"postgres", 1, 1}, {"postgres", 2, 1}, {"postgres", 4, 1},
	} {
		procs := "all"
		if c.procs > 0 {
			procs = strconv.Itoa(c.procs)
		}
		b.Run(fmt.Sprintf("%s/workers=%d/procs=%s", c.engine, c.workers, procs), func(b *testing.B) {
			var pages float64
			var elapsed, cpu, dbTime time.Duration
			for range b.N {
				b.StopTimer()
				db := filepath.Join(b.TempDir(), "bench.db")
				if c.engine == "postgres" {
					db = postgresCorpus(b)
				}
				args := []string{"run", "--db", db, "--allow-private", "--ignore-robots", "--quiet",
					"--delay", "0", "--per-host", "8", "--depth", "1", "--job", "bench", srv.URL + "/"}
				b.StartTimer()
				start := time.Now()
				var workers []*exec.Cmd
				var errOuts []*strings.Builder
				for range c.workers {
					cmd := exec.Command(os.Args[0], "-test.run=^TestSharedFrontierWorker$")
					cmd.Env = append(os.Environ(), workerArgsEnv+"="+strings.Join(args, "\n"))
					if c.procs > 0 {
						cmd.Env = append(cmd.Env, "GOMAXPROCS="+strconv.Itoa(c.procs))
					}
					var errOut strings.Builder
					cmd.Stderr = &errOut
					if err := cmd.Start(); err != nil {
						b.Fatal(err)
					}
					workers, errOuts = append(workers, cmd), append(errOuts, &errOut)
				}
				for i, cmd := range workers {
					if err := cmd.Wait(); err != nil {
						b.Fatalf("worker %d: %v\n%s", i, err, errOuts[i])
					}
					cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
					_, ns, ok := strings.Cut(errOuts[i].String(), databaseTimeLine)
					n, err := strconv.ParseInt(strings.TrimSpace(ns), 10, 64)
					if !ok || err != nil {
						b.Fatalf("worker %d did not say how long it waited for the database:\n%s", i, errOuts[i])
					}
					dbTime += time.Duration(n)
				}
				elapsed += time.Since(start)
				pages += benchSitePages + 1
			}
			b.ReportMetric(pages/elapsed.Seconds(), "pages/s")
			if cpu > 0 {
				b.ReportMetric(pages/cpu.Seconds(), "pages/cpu-s")
			}
			b.ReportMetric(float64(cpu.Milliseconds())/pages, "cpu-ms/page")
			b.ReportMetric(float64(dbTime.Milliseconds())/pages, "db-ms/page")
			b.ReportMetric(dbTime.Seconds()/(dbTime.Seconds()+cpu.Seconds()), "db-share")
		})
	}
}
