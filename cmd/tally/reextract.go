package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
)

func runReextract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	db := fs.db()
	site := fs.String("site", "", "only pages of this site (host name or URL)")
	from := fs.String("from", "", "only articles dated on or after this day (YYYY-MM-DD or RFC 3339)")
	to := fs.String("to", "", "only articles dated up to this day (YYYY-MM-DD, inclusive, or RFC 3339)")
	version := fs.String("extractor", "", "only pages whose record was made by this extractor version")
	all := fs.Bool("all", false, "redo pages already extracted by this version too")
	lang := fs.lang()
	if err := fs.Parse(args); err != nil {
		return err
	}
	f := corpus.PageFilter{Site: *site, Extractor: *version}
	if !*all {
		f.NotExtractor = extract.Version
	}
	var err error
	if f.From, err = parseDateFlag("from", *from, false); err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	if f.To, err = parseDateFlag("to", *to, true); err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	c, err := openExisting(ctx, *db, corpus.OpenExisting)
	if err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	defer c.Close()

	p := newPipeline()
	p.setLanguages(*lang)
	type job struct {
		page crawl.Page
		id   int64
	}
	jobs := make(chan job)
	var done atomic.Int64
	// A page that cannot be cleaned is reported and skipped; a page that
	// cannot be stored stops the run.
	rep := newFailures(e.stderr, "reextract", true)
	var firstErr error
	var once sync.Once
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				doc, err := p.process(ctx, j.page)
				if err != nil {
					if ctx.Err() != nil {
						return
					}
					rep.fail(fmt.Sprintf("page %d", j.id), err)
					continue
				}
				if err := c.Replace(ctx, j.id, doc.Article, doc.Record); err != nil {
					if ctx.Err() != nil {
						return
					}
					if errors.Is(err, corpus.ErrNotFound) { // deleted meanwhile
						rep.fail(j.page.URL, err)
						continue
					}
					once.Do(func() { firstErr = err; cancel() })
					return
				}
				done.Add(1)
			}
		}()
	}
	start := time.Now()
	iterErr := c.Pages(ctx, f, func(page crawl.Page, id int64) error {
		select {
		case jobs <- job{page, id}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	fmt.Fprintf(e.stdout, "reextracted %d pages in %s with %s (%d failed)\n",
		done.Load(), time.Since(start).Round(time.Millisecond), extract.Version, rep.count())
	if firstErr != nil {
		return fmt.Errorf("reextract: %w", firstErr)
	}
	if iterErr != nil && !errors.Is(iterErr, context.Canceled) {
		return fmt.Errorf("reextract: %w", iterErr)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stdout, eventsNotRefreshed)
		return rep.err()
	}
	if err := refreshEventsAfter(ctx, e.stdout, c); err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	return rep.err()
}
