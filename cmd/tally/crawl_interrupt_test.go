package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCrawlInterruptedReturnsCanceled: a crawl interrupted while a page
// trickles in stops at once, prints its summary and returns an error
// wrapping context.Canceled, so that main can exit 130.
func TestCrawlInterruptedReturnsCanceled(t *testing.T) {
	started := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		select {
		case started <- struct{}{}:
		default:
		}
		w.Header().Set("Content-Type", "text/html")
		for range 50 {
			select {
			case <-r.Context().Done():
				return
			case <-time.After(100 * time.Millisecond):
			}
			w.Write([]byte("x"))
			w.(http.Flusher).Flush()
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-started
		time.Sleep(200 * time.Millisecond)
		cancel()
	}()
	var out, errOut bytes.Buffer
	begin := time.Now()
	err := run(ctx, []string{"crawl", "--db", filepath.Join(t.TempDir(), "c.db"), "--allow-private", "--per-host", "2", srv.URL + "/"},
		strings.NewReader(""), &out, &errOut)
	if took := time.Since(begin); took > 3*time.Second {
		t.Errorf("crawl took %v to stop", took)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("crawl = %v, want an error wrapping context.Canceled\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "1 left queued") {
		t.Errorf("summary: %q", out.String())
	}
}
