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
	lease := fs.Duration("lease", time.Minute, "on a PostgreSQL corpus, workers re-extracting at once share the pages: how long a worker's pages stay its own once it stops renewing them (it died)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *lease <= 0 {
		return e.usageErrorf("reextract: --lease %v: want a positive duration", *lease)
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
		page  crawl.Page
		id    int64
		batch *sync.WaitGroup // done when the page is
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
				doc, err := reextractProcess(ctx, p, j.page, j.id)
				if err != nil {
					j.batch.Done()
					if ctx.Err() != nil {
						return
					}
					rep.fail(fmt.Sprintf("page %d", j.id), err)
					continue
				}
				err = c.Replace(ctx, j.id, doc.Article, doc.Record)
				j.batch.Done()
				if err != nil {
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
	send := func(batch *sync.WaitGroup) func(crawl.Page, int64) error {
		return func(page crawl.Page, id int64) error {
			batch.Add(1)
			select {
			case jobs <- job{page, id, batch}:
				return nil
			case <-ctx.Done():
				batch.Done()
				return ctx.Err()
			}
		}
	}
	var iterErr error
	if c.Postgres() {
		iterErr = reextractShared(ctx, c, f, *lease, *all, send)
	} else {
		iterErr = c.Pages(ctx, f, send(new(sync.WaitGroup)))
	}
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

// reextractProcess cleans and extracts a stored page again (tests count
// the pages it is given).
var reextractProcess = func(ctx context.Context, p *pipeline, page crawl.Page, id int64) (corpus.Doc, error) {
	return p.process(ctx, page)
}

// reextractBatch is how many pages a worker of a shared re-extraction
// leases at a time.
const reextractBatch = 64

// reextractShared sends the pages f chooses of a PostgreSQL corpus, as
// one of the workers re-extracting them at once: the workers given the
// same filter share one task, each leasing batches of pages, so that each
// page is re-extracted by one of them, and the pages of a worker that
// died by another once its lease has run out. A batch is done once send's
// pages of it are stored.
func reextractShared(ctx context.Context, c *corpus.DB, f corpus.PageFilter, lease time.Duration, all bool,
	send func(batch *sync.WaitGroup) func(crawl.Page, int64) error) error {
	task, err := c.JoinTask(ctx, reextractTaskName(f, all), f.AfterID, lease)
	if err != nil {
		return err
	}
	defer task.Close(context.WithoutCancel(ctx))
	for {
		b, ok, err := task.NextPages(ctx, f, reextractBatch)
		if err != nil || !ok {
			return err
		}
		bf := f
		bf.AfterID, bf.UpToID = b.After, b.Last
		var batch sync.WaitGroup
		err = c.Pages(ctx, bf, send(&batch))
		batch.Wait()
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err // the batch's pages may not all be stored
		}
		if err := task.Done(ctx, b); err != nil {
			return err
		}
	}
}

// reextractTaskName names the task of re-extracting the pages f chooses
// with this extractor: workers started with the same flags share it.
func reextractTaskName(f corpus.PageFilter, all bool) string {
	return fmt.Sprintf("reextract %s site=%q from=%s to=%s extractor=%q all=%t", extract.Version, f.Site,
		f.From.Format(time.RFC3339Nano), f.To.Format(time.RFC3339Nano), f.Extractor, all)
}
