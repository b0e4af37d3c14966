package crawl

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// trickle serves an HTML page one byte every interval, for at most n
// bytes, stopping when the client goes away.
func trickle(interval time.Duration, n int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for range n {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(interval):
			}
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
	}
}

// TestSlowPageDoesNotHoldItsHost: with the default per-host limit, the
// other pages of a host go on while one trickles; the trickling page is
// abandoned at the total timeout and tried once more, not MaxRetries
// times.
func TestSlowPageDoesNotHoldItsHost(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/slow">s</a><a href="/a">a</a><a href="/b">b</a><a href="/c">c</a>`))
	mux.HandleFunc("/slow", trickle(100*time.Millisecond, 40))
	for _, p := range []string{"/a", "/b", "/c"} {
		mux.HandleFunc(p, servePage(articlePage(p, 12<<10)))
	}
	s := newSite(t, mux)
	cfg := testConfig()
	cfg.PerHost = DefaultConfig().PerHost
	cfg.Delay = 20 * time.Millisecond
	cfg.TotalTimeout = time.Second
	cfg.MaxRetries = 3
	store := NewMemoryStore()
	var got collector
	stats := crawl(t, cfg, store, "j", got.handle, s.URL)

	if n := s.hit("/slow"); n != 2 {
		t.Errorf("/slow requested %d times, want 2 (one retry after a timeout)", n)
	}
	if f := lastFetch(t, store, "j", s.URL+"/slow"); f.Error != "timeout" {
		t.Errorf("/slow recorded %+v, want timeout", f)
	}
	slowStart := requestTime(s.requests("/slow")[0])
	for _, p := range []string{"/a", "/b", "/c"} {
		reqs := s.requests(p)
		if len(reqs) != 1 {
			t.Fatalf("%s requested %d times", p, len(reqs))
		}
		if wait := requestTime(reqs[0]).Sub(slowStart); wait > cfg.TotalTimeout/2 {
			t.Errorf("%s started %v after /slow: it waited for the slow page", p, wait)
		}
	}
	if stats.Fetched != 4 || stats.Failures["timeout"] != 1 {
		t.Errorf("stats %+v", stats)
	}
}

// TestRetryAfterHonouredToTheSecond: a 429 asking for one second is tried
// again after one second, not after the (longer) backoff.
func TestRetryAfterHonouredToTheSecond(t *testing.T) {
	mux := http.NewServeMux()
	var served atomic.Int32
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		servePage(articlePage("Busy", 10<<10))(w, r)
	})
	s := newSite(t, mux)
	cfg := testConfig()
	cfg.PerHost = 1
	cfg.RetryBase = 4 * time.Second // a backoff of 2-4 s
	cfg.MaxRetryWait = 10 * time.Second
	var got collector
	crawl(t, cfg, NewMemoryStore(), "j", got.handle, s.URL)
	reqs := s.requests("/")
	if len(reqs) != 2 || len(got.urls()) != 1 {
		t.Fatalf("%d requests, %d pages handled; want 2 and 1", len(reqs), len(got.urls()))
	}
	if gap := requestTime(reqs[1]).Sub(requestTime(reqs[0])); gap < time.Second || gap >= 1900*time.Millisecond {
		t.Errorf("retried %v after a Retry-After of 1 s", gap)
	}
}

// TestInterruptCancelsFetchInFlight: cancelling a run while a response
// trickles in ends it at once; the page stays queued, not failed, and the
// error says the run was cancelled.
func TestInterruptCancelsFetchInFlight(t *testing.T) {
	started := make(chan struct{}, 1)
	mux := http.NewServeMux()
	slow := trickle(100*time.Millisecond, 50)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		select {
		case started <- struct{}{}:
		default:
		}
		slow(w, r)
	})
	s := newSite(t, mux)
	cfg := testConfig()
	cfg.TotalTimeout = time.Minute
	store := NewMemoryStore()
	c, err := New(cfg, store, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		stats RunStats
		err   error
	}
	done := make(chan result, 1)
	go func() {
		stats, err := c.Run(ctx, "j", []string{s.URL}, (&collector{}).handle)
		done <- result{stats, err}
	}()
	<-started
	time.Sleep(200 * time.Millisecond)
	cancel()
	var r result
	select {
	case r = <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Run still busy 2 s after the cancel")
	}
	if !errors.Is(r.err, context.Canceled) {
		t.Errorf("Run = %v, want an error wrapping context.Canceled", r.err)
	}
	if r.stats.Failed != 0 || r.stats.Queued != 1 {
		t.Errorf("stats %+v, want nothing failed and the page left queued", r.stats)
	}
	if _, ok, _ := store.LastFetch(context.Background(), "j", s.URL+"/"); ok {
		t.Errorf("the interrupted page was recorded as fetched")
	}
}
