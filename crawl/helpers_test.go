package crawl

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// testConfig is a fast configuration for loopback test servers.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.AllowPrivate = true
	cfg.Delay = 0
	cfg.PerHost = 4
	cfg.RequestTimeout = 2 * time.Second
	cfg.TotalTimeout = 3 * time.Second
	cfg.RetryBase = 10 * time.Millisecond
	cfg.MaxRetryWait = 5 * time.Second
	cfg.ProgressInterval = time.Hour
	cfg.LockStale = time.Minute
	return cfg
}

// testLogger logs to stderr with -v, nowhere otherwise.
func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() && os.Getenv("CRAWL_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return nil
}

// site is a test web site: routes, with a count of requests per path.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
	reqs map[string][]*http.Request
}

// newSite serves mux and counts requests by path.
func newSite(t testing.TB, mux *http.ServeMux) *site {
	s := &site{hits: map[string]int{}, reqs: map[string][]*http.Request{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("X-Test-Received", time.Now().Format(time.RFC3339Nano))
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.reqs[r.URL.Path] = append(s.reqs[r.URL.Path], r.Clone(context.Background()))
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) requests(path string) []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.reqs[path]...)
}

// servePage serves a fixed HTML page.
func servePage(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, body)
	}
}

// collector is a Handler that keeps the pages it gets.
type collector struct {
	mu    sync.Mutex
	pages []Page
}

func (c *collector) handle(ctx context.Context, p Page) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages = append(c.pages, p)
	return nil
}

// urls returns the URLs of the collected pages, sorted.
func (c *collector) urls() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, p := range c.pages {
		out = append(out, p.URL)
	}
	sort.Strings(out)
	return out
}

func (c *collector) page(url string) (Page, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range c.pages {
		if p.URL == url {
			return p, true
		}
	}
	return Page{}, false
}

// crawl runs one job over seeds with cfg on store and returns the stats.
func crawl(t testing.TB, cfg Config, store Store, job string, h Handler, seeds ...string) RunStats {
	t.Helper()
	c, err := New(cfg, store, testLogger(t))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	stats, err := c.Run(ctx, job, seeds, h)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return stats
}

// lastFetch returns job's stored fetch of url or fails the test.
func lastFetch(t testing.TB, store Store, job, url string) Fetch {
	t.Helper()
	f, ok, err := store.LastFetch(context.Background(), job, url)
	if err != nil || !ok {
		t.Fatalf("LastFetch(%s) = %v, %v", url, ok, err)
	}
	return f
}

// requestTime is when the test server received r (stamped by newSite).
func requestTime(r *http.Request) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, r.Header.Get("X-Test-Received"))
	return t
}

func sortTimes(ts []time.Time) {
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
}

// articlePage is an HTML news page of about size bytes: a title and
// numbered paragraphs of plain prose, as a real article page would hold.
func articlePage(title string, size int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body><article><h1>%s</h1>\n", title, title)
	for i := 1; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<p>Paragraph %d of %s. The council met again on the draft resolution, and delegates from several regions "+
			"spoke about aid corridors, the monitoring mission and the budget for the coming year before the vote was called.</p>\n", i, title)
	}
	b.WriteString("</article></body></html>\n")
	return b.String()
}
