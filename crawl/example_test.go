package crawl_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"sync"

	"github.com/tally-news/tally/crawl"
)

func ExampleCrawler_Run() {
	// A small site: a front page linking to two stories, and an RSS feed.
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="/story/1?utm_source=home">One</a> <a href="/story/2">Two</a></body></html>`)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><body><p>Story %s</p></body></html>`, r.URL.Path)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cfg := crawl.DefaultConfig()
	cfg.AllowPrivate = true // the example site is on loopback
	cfg.Delay = 0
	c, err := crawl.New(cfg, crawl.NewMemoryStore(), nil)
	if err != nil {
		panic(err)
	}
	var mu sync.Mutex
	var paths []string
	stats, err := c.Run(context.Background(), "example", []string{srv.URL}, func(ctx context.Context, p crawl.Page) error {
		mu.Lock()
		defer mu.Unlock()
		paths = append(paths, p.URL[len(srv.URL):])
		return nil
	})
	if err != nil {
		panic(err)
	}
	sort.Strings(paths)
	fmt.Println(paths)
	fmt.Printf("fetched %d, failed %d, queued %d\n", stats.Fetched, stats.Failed, stats.Queued)
	// Output:
	// [/ /story/1 /story/2]
	// fetched 3, failed 0, queued 0
}
