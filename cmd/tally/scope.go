package main

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tally-news/tally/crawl"
)

// runScope is how much one run of a crawl may do: --max-pages and
// --max-time.
type runScope struct {
	maxPages int
	maxTime  time.Duration
}

func (s *runScope) addFlags(fs *flagSet) {
	fs.IntVar(&s.maxPages, "max-pages", 0, "stop a run once this many pages are stored (requests in flight are finished and stored too; 0: no limit)")
	fs.DurationVar(&s.maxTime, "max-time", 0, "stop a run after this long, finishing the requests in flight (e.g. 20m; 0: no limit)")
}

// start returns the context of one run, which is cancelled when the run
// reaches a limit, the handler that counts its pages, and a function
// that releases the run's timer and says which limit stopped it, if any.
func (s *runScope) start(ctx context.Context, h crawl.Handler) (context.Context, crawl.Handler, func() string) {
	if s.maxPages <= 0 && s.maxTime <= 0 {
		return ctx, h, func() string { return "" }
	}
	ctx, cancel := context.WithCancel(ctx)
	var reached atomic.Value // the limit that stopped the run
	stop := func(why string) {
		reached.CompareAndSwap(nil, why)
		cancel()
	}
	var timer *time.Timer
	if s.maxTime > 0 {
		timer = time.AfterFunc(s.maxTime, func() { stop(fmt.Sprintf("--max-time %s reached", s.maxTime)) })
	}
	if s.maxPages > 0 {
		var pages atomic.Int64
		inner := h
		h = func(ctx context.Context, p crawl.Page) error {
			// The pages in flight at the limit are stored too: they were
			// fetched, and the crawl state says so.
			err := inner(ctx, p)
			if pages.Add(1) == int64(s.maxPages) {
				stop(fmt.Sprintf("--max-pages %d reached", s.maxPages))
			}
			return err
		}
	}
	return ctx, h, func() string {
		if timer != nil {
			timer.Stop()
		}
		cancel()
		why, _ := reached.Load().(string)
		return why
	}
}

// samePathPatterns returns, for --same-path, a pattern per seed that the
// URL of a page must match to be followed: the seed's scheme, host (with
// or without "www.") and folder.
func samePathPatterns(seeds []string) ([]string, error) {
	var out []string
	for _, s := range seeds {
		u, err := url.Parse(s)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("seed %q is not a URL", s)
		}
		dir := u.EscapedPath()
		if dir == "" {
			dir = "/"
		}
		if !strings.HasSuffix(dir, "/") {
			dir = path.Dir(dir)
			if !strings.HasSuffix(dir, "/") {
				dir += "/"
			}
		}
		host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
		out = append(out, `^https?://(www\.)?`+regexp.QuoteMeta(host)+regexp.QuoteMeta(dir))
	}
	return out, nil
}
