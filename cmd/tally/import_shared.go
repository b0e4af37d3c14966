package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
)

// importBatch is how many records a worker of a shared import leases at
// a time.
const importBatch = 64

// importTaskName names the task of importing these inputs: workers given
// the same job, flags and inputs, in the same order, share it.
func importTaskName(job, base string, maxBody int64, inputs []string) string {
	return fmt.Sprintf("import job=%q base-url=%q max-body=%d inputs=%q", job, base, maxBody, strings.Join(inputs, "\x00"))
}

// importShared imports into a PostgreSQL corpus as one of the workers
// importing the same inputs at once. The records of the inputs, numbered
// from 1 in the order read sends them, are the keys of a task the workers
// share: each leases batches of numbers and stores those records, so that
// each record is cleaned, extracted and stored by one worker, and the
// batch of a worker that died by another once its lease has run out.
// Every worker reads the inputs through, passing over the records of
// others' batches; a batch behind where it has read (a dead worker's) it
// reads again from the start. A batch is done once send's pages of it
// are stored.
func importShared(ctx context.Context, c *corpus.DB, name string, lease time.Duration,
	read func(ctx context.Context, send func(crawl.Page) error, first bool) error,
	send func(batch *sync.WaitGroup) func(crawl.Page) error) error {
	task, err := c.JoinTask(ctx, name, 0, lease)
	if err != nil {
		return err
	}
	defer task.Close(context.WithoutCancel(ctx))
	var r *recordReader
	defer func() {
		if r != nil {
			r.stop()
		}
	}()
	end := int64(-1) // how many records there are, once read through
	for {
		b, ok, err := task.Next(ctx, func(_ context.Context, after int64) (int64, error) {
			if end >= 0 && after >= end {
				return after, nil
			}
			return after + importBatch, nil
		})
		if err != nil || !ok {
			return err
		}
		if r == nil || b.After < r.pos {
			first := r == nil
			if r != nil {
				r.stop()
			}
			r = readRecords(ctx, read, first)
		}
		var batch sync.WaitGroup
		sendBatch := send(&batch)
		for r.pos < b.Last {
			rec, more := r.next()
			if !more {
				end = r.pos
				break
			}
			if rec.n <= b.After {
				continue
			}
			if err := sendBatch(rec.page); err != nil {
				batch.Wait()
				return err
			}
		}
		batch.Wait()
		if err := r.failed(); err != nil {
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

// numberedPage is an input record's page and its number.
type numberedPage struct {
	n    int64
	page crawl.Page
}

// recordReader is a pass through the inputs, read in a goroutine of its
// own, handing their records over one at a time.
type recordReader struct {
	pages  chan numberedPage
	cancel context.CancelFunc
	pos    int64 // the number of the last record handed over
	err    error // what stopped the reading early, once pages is closed
	closed bool
}

func readRecords(ctx context.Context, read func(ctx context.Context, send func(crawl.Page) error, first bool) error, first bool) *recordReader {
	ctx, cancel := context.WithCancel(ctx)
	r := &recordReader{pages: make(chan numberedPage), cancel: cancel}
	go func() {
		defer close(r.pages)
		var n int64
		err := read(ctx, func(p crawl.Page) error {
			n++
			select {
			case r.pages <- numberedPage{n, p}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, first)
		if err != nil && ctx.Err() == nil {
			r.err = err
		}
	}()
	return r
}

// next hands over the next record, or reports false at the end.
func (r *recordReader) next() (numberedPage, bool) {
	if r.closed {
		return numberedPage{}, false
	}
	p, ok := <-r.pages
	if !ok {
		r.closed = true
		return p, false
	}
	r.pos = p.n
	return p, true
}

// failed returns what stopped the reading before its end.
func (r *recordReader) failed() error {
	if !r.closed {
		return nil
	}
	return r.err
}

// stop ends the pass.
func (r *recordReader) stop() {
	r.cancel()
	for range r.pages {
	}
	r.closed = true
}
