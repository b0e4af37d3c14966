package corpus

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
)

// The crash test's subprocess gets its site and corpus by these.
const (
	crashURLEnv = "TALLY_CORPUS_CRASH_URL"
	crashDBEnv  = "TALLY_CORPUS_CRASH_DB"
	crashPages  = 40
	// crashLockStale is the crawl's LockStale in the subprocess: short, so
	// the resumed run takes over the killed run's lock soon.
	crashLockStale = time.Second
)

// TestCrashHelper is the crawl that TestCrawlKilledAndResumed runs as a
// subprocess and kills; run directly, it skips.
func TestCrashHelper(t *testing.T) {
	if os.Getenv(crashHelperEnv) == "" {
		t.Skip("runs only as the subprocess of TestCrawlKilledAndResumed")
	}
	ctx := context.Background()
	db, err := Open(ctx, os.Getenv(crashDBEnv))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := crawl.DefaultConfig()
	cfg.AllowPrivate = true
	cfg.Delay = 0
	cfg.MaxDepth = -1
	cfg.LockStale = crashLockStale
	cfg.ProgressInterval = time.Hour
	c, err := crawl.New(cfg, db, nil)
	if err != nil {
		t.Fatal(err)
	}
	handler := func(ctx context.Context, p crawl.Page) error {
		_, err := db.Save(ctx, Doc{Page: p})
		return err
	}
	stats, err := c.Run(ctx, "crash", []string{os.Getenv(crashURLEnv) + "/"}, handler)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("run: %+v\n", stats)
}

// crashSite serves a front page linking to crashPages articles, each
// linking to its neighbours, every response slowed down so that a kill
// lands in the middle of the crawl. It counts requests by path.
func crashSite(t *testing.T) (*httptest.Server, func() map[string]int) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		time.Sleep(40 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var links strings.Builder
		var n int
		switch _, err := fmt.Sscanf(r.URL.Path, "/a/%d", &n); {
		case r.URL.Path == "/":
			for i := range crashPages {
				fmt.Fprintf(&links, `<li><a href="/a/%d">Story %d</a></li>`, i, i)
			}
			fmt.Fprintf(w, "<html><head><title>Front</title></head><body><ul>%s</ul></body></html>", links.String())
		case err == nil && n >= 0 && n < crashPages:
			fmt.Fprintf(w, `<html><head><title>Story %d</title></head><body><article><p>%s</p></article>
				<a href="/a/%d">next</a> <a href="/a/%d">previous</a> <a href="/">home</a></body></html>`,
				n, paragraphs(words(uint64(n)+500, 80)), (n+1)%crashPages, (n+crashPages-1)%crashPages)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := make(map[string]int, len(hits))
		for k, v := range hits {
			out[k] = v
		}
		return out
	}
}

// TestCrawlKilledAndResumed kills a crawl with SIGKILL in the middle and
// runs it again: every page must end up stored exactly once, the frontier
// empty, and the killed run recorded as unfinished.
func TestCrawlKilledAndResumed(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a crawl in subprocesses")
	}
	ctx := context.Background()
	srv, hits := crashSite(t)
	path := filepath.Join(t.TempDir(), "crash.db")
	db := mustOpenPath(t, path) // created before the subprocess starts
	start := func() (*exec.Cmd, *strings.Builder) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashHelperEnv+"=1", crashURLEnv+"="+srv.URL, crashDBEnv+"="+path)
		out := &strings.Builder{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, out
	}
	pages := func() int { return count(t, db, "pages") }

	// First run: killed once a few pages are stored.
	cmd, out := start()
	deadline := time.Now().Add(30 * time.Second)
	for pages() < 8 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the crawl stored %d pages in 30s; output:\n%s", pages(), out)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("first run ended with %v, want killed; output:\n%s", err, out)
	}
	killedAt := pages()
	if killedAt >= crashPages+1 {
		t.Fatalf("the crawl finished (%d pages) before the kill; slow the site down", killedAt)
	}
	queued, err := db.Count(ctx, "crash")
	if err != nil || queued == 0 {
		t.Fatalf("frontier after the kill: %d, %v; want URLs left", queued, err)
	}
	t.Logf("killed with %d pages stored and %d URLs queued", killedAt, queued)

	// Second run: resumes once the dead run's lock is stale.
	time.Sleep(crashLockStale + 200*time.Millisecond)
	cmd, out = start()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("resumed run: %v; output:\n%s", err, out)
	}

	// No loss, no duplicates.
	rows, err := db.read.Query("SELECT url, count(*) FROM pages GROUP BY url")
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]int{}
	for rows.Next() {
		var u string
		var n int
		rows.Scan(&u, &n)
		stored[strings.TrimPrefix(u, srv.URL)] = n
	}
	rows.Close()
	want := []string{"/"}
	for i := range crashPages {
		want = append(want, fmt.Sprintf("/a/%d", i))
	}
	for _, p := range want {
		if stored[p] != 1 {
			t.Errorf("%s stored %d times, want once", p, stored[p])
		}
	}
	if len(stored) != len(want) {
		t.Errorf("%d URLs stored, want %d: %v", len(stored), len(want), stored)
	}
	if n, err := db.Count(ctx, "crash"); n != 0 || err != nil {
		t.Errorf("frontier after the resumed run: %d, %v", n, err)
	}
	for _, p := range want {
		f, ok, err := db.LastFetch(ctx, "crash", srv.URL+p)
		if !ok || err != nil || f.Status != http.StatusOK {
			t.Errorf("last fetch of %s: %+v, %v, %v", p, f, ok, err)
		}
	}
	runs, err := db.Runs(ctx, "crash", 10)
	if err != nil || len(runs) != 2 {
		t.Fatalf("runs: %+v, %v", runs, err)
	}
	if !runs[1].Finished.IsZero() || runs[0].Finished.IsZero() {
		t.Errorf("the killed run should be unfinished and the resumed one finished: %+v", runs)
	}
	refetched := 0
	for _, p := range want {
		refetched += hits()[p] - 1
	}
	t.Logf("resumed run: %+v; %d pages fetched twice", runs[0].Stats, refetched)
}
