package crawl

import (
	"context"
	"net/http"
	"sync"
	"testing"
)

// TestUnhandledPagesAreHandedOver: with Config.Handled, a page fetched
// before (fresh, unchanged, with an ETag) that was not handled is queued,
// requested in full and handed over; handled pages are left alone.
func TestUnhandledPagesAreHandedOver(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/a">a</a><a href="/b">b</a>`))
	for _, p := range []string{"/a", "/b"} {
		body := articlePage(p, 10<<10)
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"1"`)
			if r.Header.Get("If-None-Match") == `"1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			servePage(body)(w, r)
		})
	}
	s := newSite(t, mux)
	store := NewMemoryStore()
	crawl(t, testConfig(), store, "j", (&collector{}).handle, s.URL)

	var mu sync.Mutex
	handled := map[string]bool{s.URL + "/": true, s.URL + "/a": true} // /b was stored alone
	cfg := testConfig()
	cfg.Handled = func(ctx context.Context, url string) (bool, error) {
		mu.Lock()
		defer mu.Unlock()
		return handled[url], nil
	}
	var got collector
	crawl(t, cfg, store, "j", got.handle, s.URL)
	if urls := got.urls(); len(urls) != 1 || urls[0] != s.URL+"/b" {
		t.Errorf("handed over %v, want only /b", urls)
	}
	if p, _ := got.page(s.URL + "/b"); len(p.Body) < 10<<10 {
		t.Errorf("/b handed over with %d bytes", len(p.Body))
	}
	if n := s.hit("/a"); n != 1 {
		t.Errorf("/a, handled and fresh, requested %d times", n)
	}
}
