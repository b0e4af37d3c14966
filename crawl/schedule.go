package crawl

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// task is a frontier entry on its way through a run, or a robots.txt
// fetch for a host.
type task struct {
	Queued
	u         *url.URL // nil when URL does not parse
	host      string   // scheme://host[:port], the unit of politeness
	attempt   int      // retries so far
	notBefore time.Time
	robots    bool          // fetch host's robots.txt instead
	delay     time.Duration // the host's delay when the task started
}

// robotsState is how far a host's robots.txt has got.
type robotsState int

const (
	robotsUnknown robotsState = iota
	robotsLoading
	robotsReady
)

// hostState is the politeness state of one host during a run.
type hostState struct {
	inflight int
	next     time.Time     // no request starts before this
	delay    time.Duration // between requests: Delay or Crawl-delay
	state    robotsState
	rules    robotsRules
}

// outcome is what a worker reports back to the scheduler.
type outcome struct {
	task   *task
	robots *robotsRules // for a robots.txt task

	fetched, notChanged, failed, skipped int
	interrupted                          bool          // cut short by the run's end: leave it queued
	handlerErr                           error         // the Handler failed: leave it queued, not retried in this run
	reason                               string        // failure or skip reason
	retry                                bool          // put the task back
	wait                                 time.Duration // before the retry
	hostWait                             time.Duration // the host asked for a pause (Retry-After)
	err                                  error         // the store failed: stop the run
}

// newTask makes a task of a frontier entry.
func newTask(q Queued) *task {
	t := &task{Queued: q}
	if u, err := url.Parse(q.URL); err == nil && u.Host != "" {
		t.u = u
		t.host = u.Scheme + "://" + u.Host
	}
	return t
}

// loop runs the scheduler: it reads the frontier in batches, starts each
// task when its host allows (robots.txt known, PerHost and the delay
// between starts respected), collects outcomes, and ends when the
// frontier is empty or, after ctx is cancelled, when the tasks in flight
// have returned: their requests are cancelled with ctx, and a page whose
// fetch was cut short stays queued.
func (rs *runState) loop(ctx context.Context) (RunStats, error) {
	c := rs.c
	cfg := c.cfg
	work := context.WithoutCancel(ctx)
	stats := RunStats{Failures: map[string]int{}}

	var (
		buf      []*task
		known    = map[string]bool{} // URLs in buf or in flight
		hosts    = map[string]*hostState{}
		inflight int
		dirty    = true // the frontier may hold entries not yet read
		stopping bool
		fatal    error
		results  = make(chan outcome, cfg.MaxInFlight)
		timer    = time.NewTimer(time.Hour)
		progress = time.NewTicker(cfg.ProgressInterval)
	)
	// On a shared frontier: when URLs were last leased, and when to look
	// again for URLs that other workers queue or leave.
	var (
		lastLeased = time.Now()
		pollAt     time.Time
	)
	defer timer.Stop()
	defer progress.Stop()

	host := func(key string) *hostState {
		h := hosts[key]
		if h == nil {
			h = &hostState{delay: cfg.Delay}
			if cfg.IgnoreRobots {
				h.state = robotsReady
			}
			hosts[key] = h
		}
		return h
	}
	start := func(t *task, h *hostState, allowed bool) {
		t.delay = h.delay
		h.inflight++
		inflight++
		go func() {
			if t.robots {
				results <- rs.fetchRobots(ctx, t)
				return
			}
			results <- rs.process(ctx, t, allowed)
		}()
	}
	report := func(done bool) {
		queued, err := c.store.Count(work, rs.job)
		if err != nil {
			queued = -1
		}
		elapsed := time.Since(rs.started)
		info := ProgressInfo{
			Job: rs.job, Fetched: stats.Fetched, NotChanged: stats.NotChanged,
			Failed: stats.Failed, Skipped: stats.Skipped, InFlight: inflight,
			Queued: queued, Elapsed: elapsed, Done: done,
		}
		if s := elapsed.Seconds(); s > 0 {
			info.Rate = float64(stats.Fetched+stats.NotChanged+stats.Failed) / s
		}
		if cfg.Progress != nil {
			cfg.Progress(info)
			return
		}
		if !done {
			rs.log.Info("progress", "fetched", info.Fetched, "not_changed", info.NotChanged,
				"failed", info.Failed, "skipped", info.Skipped, "in_flight", info.InFlight,
				"queued", info.Queued, "rate", fmt.Sprintf("%.1f/s", info.Rate))
		}
	}

	for {
		if !stopping && (ctx.Err() != nil || fatal != nil) {
			stopping = true
			if fatal == nil {
				rs.log.Info("stopping: finishing requests in flight", "in_flight", inflight)
			}
		}
		var wake time.Time
		if stopping {
			if inflight == 0 {
				break
			}
		} else {
			if !pollAt.IsZero() && !time.Now().Before(pollAt) {
				pollAt, dirty = time.Time{}, true
			}
			if dirty && len(buf) < rs.batch()/2 {
				dirty = false
				items, err := rs.next(work, len(known))
				if err != nil {
					fatal = fmt.Errorf("crawl: read frontier of %q: %w", rs.job, err)
					continue
				}
				if len(items) > 0 {
					lastLeased = time.Now()
				}
				for _, q := range items {
					if known[q.URL] {
						continue
					}
					known[q.URL] = true
					if q.Depth == 0 {
						rs.mu.Lock()
						rs.seedHosts[siteHost(q.URL)] = true
						rs.mu.Unlock()
					}
					buf = append(buf, newTask(q))
				}
			}
			if len(buf) == 0 && inflight == 0 {
				if dirty {
					continue
				}
				if !pollAt.IsZero() {
					wake = pollAt
				} else if wait, err := rs.othersAtWork(work, len(known), lastLeased); err != nil {
					fatal = err
					continue
				} else if wait > 0 {
					pollAt = time.Now().Add(wait)
					wake = pollAt
				} else {
					break
				}
			}

			// Start every task whose host is ready, oldest first.
			now := time.Now()
			for i := 0; i < len(buf) && inflight < cfg.MaxInFlight; {
				t := buf[i]
				if now.Before(t.notBefore) {
					wake = earliest(wake, t.notBefore)
					i++
					continue
				}
				if t.u == nil { // unparsable: let a worker record it
					buf = append(buf[:i], buf[i+1:]...)
					start(t, host(""), false)
					continue
				}
				h := host(t.host)
				if h.state != robotsReady {
					if h.state == robotsUnknown {
						h.state = robotsLoading
						start(&task{host: t.host, robots: true}, h, true)
					}
					i++
					continue
				}
				if h.inflight >= cfg.PerHost {
					i++
					continue
				}
				if now.Before(h.next) {
					wake = earliest(wake, h.next)
					i++
					continue
				}
				buf = append(buf[:i], buf[i+1:]...)
				h.next = now.Add(h.delay)
				start(t, h, h.rules.allowed(t.u))
			}
		}

		var timeout <-chan time.Time
		if !wake.IsZero() {
			timer.Reset(max(time.Until(wake), time.Millisecond))
			timeout = timer.C
		}
		var cancelled <-chan struct{}
		if !stopping {
			cancelled = ctx.Done()
		}
		select {
		case o := <-results:
			inflight--
			h := host(o.task.host)
			h.inflight--
			if o.task.robots {
				h.state = robotsReady
				h.rules = *o.robots
				if d := min(o.robots.crawlDelay, cfg.MaxRetryWait); d > h.delay {
					h.delay = d
				}
				dirty = true // its sitemaps may have been queued
				if o.err != nil && fatal == nil {
					fatal = o.err
				}
				break
			}
			dirty = true
			if o.interrupted {
				delete(known, o.task.URL)
				break
			}
			stats.Fetched += o.fetched
			stats.NotChanged += o.notChanged
			stats.Failed += o.failed
			stats.Skipped += o.skipped
			if o.failed > 0 {
				stats.Failures[o.reason]++
			}
			if o.err != nil && fatal == nil {
				fatal = o.err
			}
			if o.hostWait > 0 {
				h.next = later(h.next, time.Now().Add(o.hostWait))
			}
			switch {
			case o.handlerErr != nil:
				// Still queued in the store; kept in known so that this
				// run does not read it back.
				if rs.handlerErr == nil {
					rs.handlerErr = o.handlerErr
				}
			case o.retry && o.err == nil:
				t := o.task
				t.attempt++
				t.notBefore = time.Now().Add(o.wait)
				buf = append(buf, t)
			default:
				delete(known, o.task.URL)
			}
		case <-timeout:
		case <-cancelled:
		case <-progress.C:
			report(false)
		}
		if timeout != nil && !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
	}
	report(true)
	return stats, fatal
}

// batch is how many frontier entries are read at a time: on a shared
// frontier, few enough that the other workers get their share.
func (rs *runState) batch() int {
	if rs.shared != nil {
		return min(batchSize, max(2*rs.c.cfg.MaxInFlight, 8))
	}
	return batchSize
}

// next reads the next entries of the frontier: alone, the oldest past the
// known ones (which are in the buffer, in flight or left queued); on a
// shared frontier, those leased now.
func (rs *runState) next(ctx context.Context, known int) ([]Queued, error) {
	if rs.shared != nil {
		return rs.shared.Lease(ctx, rs.job, rs.owner, rs.batch(), rs.c.cfg.Lease)
	}
	return rs.c.store.Pending(ctx, rs.job, known+batchSize)
}

// othersAtWork says, once this worker has nothing left to do, how long to
// wait before looking for work in the frontier again: while other workers
// hold URLs of the job, they may queue more, or die and leave theirs to
// this one. Zero means the run is over: the frontier holds only what this
// run left queued (mine), or nothing was leased for twice the lease.
func (rs *runState) othersAtWork(ctx context.Context, mine int, lastLeased time.Time) (time.Duration, error) {
	if rs.shared == nil {
		return 0, nil
	}
	lease := rs.c.cfg.Lease
	if time.Since(lastLeased) > 2*lease {
		return 0, nil
	}
	n, err := rs.c.store.Count(ctx, rs.job)
	if err != nil {
		return 0, fmt.Errorf("crawl: count frontier of %q: %w", rs.job, err)
	}
	if n <= mine {
		return 0, nil
	}
	return min(max(lease/8, 10*time.Millisecond), 250*time.Millisecond), nil
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
