package crawl

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestJobsKeepTheirOwnFetchHistory: a second job crawling a site another
// job has just crawled fetches and hands over every page, unconditionally;
// the first job's history neither skips URLs nor lends its ETags.
func TestJobsKeepTheirOwnFetchHistory(t *testing.T) {
	mux := http.NewServeMux()
	var index strings.Builder
	for i := range 5 {
		path := fmt.Sprintf("/story-%d", i)
		body := articlePage(path, 10<<10)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", `"`+path+`"`)
			if r.Header.Get("If-None-Match") == `"`+path+`"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			servePage(body)(w, r)
		})
		fmt.Fprintf(&index, `<a href="%s">s</a>`, path)
	}
	mux.HandleFunc("/", servePage(index.String()))
	s := newSite(t, mux)
	store := NewMemoryStore()
	var x, y collector
	crawl(t, testConfig(), store, "x", x.handle, s.URL)
	stats := crawl(t, testConfig(), store, "y", y.handle, s.URL)
	if len(y.urls()) != 6 || stats.Fetched != 6 || stats.NotChanged != 0 {
		t.Errorf("job y handled %d pages (%+v), want all 6", len(y.urls()), stats)
	}
	for i := range 5 {
		reqs := s.requests(fmt.Sprintf("/story-%d", i))
		if len(reqs) != 2 {
			t.Fatalf("/story-%d requested %d times, want once per job", i, len(reqs))
		}
		if v := reqs[1].Header.Get("If-None-Match"); v != "" {
			t.Errorf("job y sent job x's ETag %s", v)
		}
	}
	if _, ok, _ := store.LastFetch(context.Background(), "z", s.URL+"/story-0"); ok {
		t.Errorf("a job that never ran has a fetch history")
	}
}
