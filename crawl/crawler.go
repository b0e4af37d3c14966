package crawl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
)

// Handler receives each fetched HTML page that is new or changed (or,
// with Config.Handled, not handled yet): status 200, body decoded to
// UTF-8. Its URL leaves the frontier only after the Handler returns, so a
// page whose handling was cut short by a crash is fetched and handed over
// again on resume. An error wrapping ErrPageRejected is recorded as a
// failure of that URL (reason "rejected"). Any other error counts as the
// failure "handler" and leaves the URL queued for the next run; the crawl
// goes on, and Run then returns an error wrapping ErrPagesNotHandled.
type Handler func(ctx context.Context, p Page) error

// Crawler fetches pages for jobs, keeping its state in a Store. A Crawler
// runs one job at a time; build several to run jobs side by side.
type Crawler struct {
	cfg       Config
	store     Store
	log       *slog.Logger
	collector *colly.Collector
	allow     []*regexp.Regexp
	deny      []*regexp.Regexp
	warc      *warcWriter

	exchanges sync.Map // id -> *exchange, while in flight
	seq       atomic.Uint64
	running   atomic.Bool
}

const (
	// batchSize is how many frontier entries are read at a time.
	batchSize = 256
	// maxSitemapSize bounds a decompressed sitemap, as the sitemap
	// protocol does (50 MB).
	maxSitemapSize = 50 << 20
	// enqueueChunk is the most URLs handed to Store.Enqueue at once.
	enqueueChunk = 500
	// acceptHeader asks for pages, feeds and sitemaps.
	acceptHeader = "text/html,application/xhtml+xml,application/xml;q=0.9," +
		"application/rss+xml;q=0.9,application/atom+xml;q=0.9,*/*;q=0.8"
)

// New returns a Crawler that keeps its state in store and logs to logger
// (nil logs nothing). It fails on an unusable Config, naming the field or
// pattern at fault.
func New(cfg Config, store Store, logger *slog.Logger) (*Crawler, error) {
	if err := cfg.validateFields(); err != nil {
		return nil, err
	}
	if store == nil {
		return nil, errors.New("crawl: nil Store")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	c := &Crawler{cfg: cfg, store: store, log: logger.With("component", "crawl")}
	var err error
	if c.allow, err = compilePatterns("Allow", cfg.Allow); err != nil {
		return nil, err
	}
	if c.deny, err = compilePatterns("Deny", cfg.Deny); err != nil {
		return nil, err
	}
	if cfg.WARC != nil {
		c.warc = newWARCWriter(cfg.WARC, cfg.WARCGzip)
	}

	dialer := &net.Dialer{Timeout: cfg.RequestTimeout, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = refusePrivate
	}
	proxy, dial := proxyDialer(cfg, dialer)
	transport := &http.Transport{
		Proxy:                 proxy,
		DialContext:           dial,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   max(cfg.PerHost, 2),
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   cfg.RequestTimeout,
		ResponseHeaderTimeout: cfg.RequestTimeout,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    cfg.WARC != nil,
	}

	// Colly drives each request: user agent, headers, the client with its
	// cookie jar and timeout, redirects. Robots, limits and revisits are
	// the crawler's own, since they depend on the stored state.
	coll := colly.NewCollector(
		colly.UserAgent(cfg.UserAgent),
		colly.AllowURLRevisit(),
		colly.ParseHTTPErrorResponse(),
		colly.MaxBodySize(0),
		colly.IgnoreRobotsTxt(),
	)
	coll.SetRequestTimeout(cfg.TotalTimeout)
	coll.WithTransport(&captureTransport{base: transport, c: c})
	coll.SetRedirectHandler(c.checkRedirect)
	c.collector = coll
	return c, nil
}

func compilePatterns(field string, patterns []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("crawl config: %s pattern %q: %w", field, p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// runState is what one run knows beyond the store.
type runState struct {
	c       *Crawler
	job     string
	started time.Time
	handle  Handler
	log     *slog.Logger
	owner   string      // this process, as it holds the job's lock or its leases
	shared  SharedStore // the store, when the frontier is shared (Config.Lease)

	mu        sync.Mutex
	seeds     map[string]bool     // canonical seed URLs
	seedHosts map[string]bool     // hosts of seeds, "www." removed
	seen      map[uint64]struct{} // links already considered in this run

	handlerErr error // the first Handler error that left a page queued (set by loop)
}

// Run crawls job from seeds (which may be empty to resume a job's stored
// frontier) until the frontier is empty or ctx is cancelled, handing each
// new or changed HTML page to handle.
//
// Run takes the job's lock (failing with an error that wraps ErrJobLocked
// when another live run holds it), records the run in the store, queues
// the seeds and works through the frontier. With Config.Lease and a
// SharedStore it takes no lock: it shares the frontier with the job's
// other runs, leasing what it fetches. On cancellation it starts
// nothing new and cancels the requests in flight (a page whose response
// was already in is still handled; the others stay queued), records the
// run and returns its counts; when URLs were left queued, with an error
// wrapping ctx.Err(). Any
// other error means the store or the WARC writer failed, or another
// process took the job's lock over (the error then wraps ErrJobLocked);
// failures of single URLs are not errors: they are recorded and counted
// in RunStats.
func (c *Crawler) Run(ctx context.Context, job string, seeds []string, handle Handler) (RunStats, error) {
	return c.run(ctx, job, seeds, true, handle)
}

// Join is Run for a worker that joins a run of job another worker
// started on a shared frontier (Config.Lease): the seeds say which sites
// are the job's (Config.SameHost) but are not queued again, so that they
// are read once per round however many workers there are.
func (c *Crawler) Join(ctx context.Context, job string, seeds []string, handle Handler) (RunStats, error) {
	return c.run(ctx, job, seeds, false, handle)
}

func (c *Crawler) run(ctx context.Context, job string, seeds []string, queueSeeds bool, handle Handler) (RunStats, error) {
	stats := RunStats{Failures: map[string]int{}}
	if strings.TrimSpace(job) == "" {
		return stats, errors.New("crawl: empty job name")
	}
	if handle == nil {
		return stats, errors.New("crawl: nil Handler")
	}
	canonSeeds := make([]string, 0, len(seeds))
	for _, s := range seeds {
		u, err := Canonicalize(s)
		if err != nil {
			return stats, fmt.Errorf("crawl: seed: %w", err)
		}
		canonSeeds = append(canonSeeds, u)
	}
	if !c.running.CompareAndSwap(false, true) {
		return stats, errors.New("crawl: this Crawler is already running a job")
	}
	defer c.running.Store(false)

	owner := lockOwner()
	shared := c.sharedStore()
	// Work under way finishes even after ctx is cancelled.
	work := context.WithoutCancel(ctx)
	if shared == nil {
		if err := c.store.Lock(ctx, job, owner, c.cfg.LockStale); err != nil {
			return stats, fmt.Errorf("crawl: lock job %q: %w", job, err)
		}
		defer func() {
			if err := c.store.Unlock(work, job, owner); err != nil {
				c.log.Error("unlock job", "job", job, "err", err)
			}
		}()
	}

	runID, err := c.store.StartRun(ctx, job, owner)
	if err != nil {
		return stats, fmt.Errorf("crawl: start run of %q: %w", job, err)
	}
	if shared != nil {
		// The run is alive from now; at its end its leases are given up,
		// so that the URLs it leaves queued go to the other workers.
		if err := shared.Renew(ctx, job, owner, c.cfg.Lease); err != nil {
			return stats, fmt.Errorf("crawl: start run of %q: %w", job, err)
		}
		defer func() {
			if err := shared.Renew(work, job, owner, 0); err != nil {
				c.log.Error("give up leases", "job", job, "err", err)
			}
		}()
	}
	rs := &runState{
		c:         c,
		job:       job,
		started:   time.Now(),
		handle:    handle,
		log:       c.log.With("job", job, "run", runID),
		owner:     owner,
		shared:    shared,
		seeds:     map[string]bool{},
		seedHosts: map[string]bool{},
		seen:      map[uint64]struct{}{},
	}
	rs.log.Info("crawl started", "seeds", len(canonSeeds), "owner", owner)
	if c.warc != nil {
		if err := c.warc.info(c.cfg.UserAgent, job, rs.started); err != nil {
			rs.log.Error("write warcinfo", "err", err)
		}
	}

	runCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stopBeat := rs.heartbeat(work, cancel)
	defer stopBeat()

	var loopErr error
	if len(canonSeeds) > 0 {
		items := make([]Queued, 0, len(canonSeeds))
		for _, s := range canonSeeds {
			rs.seeds[s] = true
			rs.seedHosts[siteHost(s)] = true
			if queueSeeds {
				rs.markSeen(s)
				items = append(items, Queued{URL: s, Depth: 0, Kind: seedKind(s)})
			}
		}
		if err := c.store.Enqueue(ctx, job, items); err != nil {
			loopErr = fmt.Errorf("crawl: queue seeds of %q: %w", job, err)
		}
	}
	if loopErr == nil {
		stats, loopErr = rs.loop(runCtx)
	}

	if n, err := c.store.Count(work, job); err != nil {
		loopErr = errors.Join(loopErr, fmt.Errorf("crawl: count frontier of %q: %w", job, err))
	} else {
		stats.Queued = n
	}
	if err := c.store.FinishRun(work, runID, stats); err != nil {
		loopErr = errors.Join(loopErr, fmt.Errorf("crawl: finish run of %q: %w", job, err))
	}
	if c.warc != nil {
		if err := c.warc.err(); err != nil {
			loopErr = errors.Join(loopErr, err)
		}
	}
	if n := stats.Failures["handler"]; n > 0 {
		loopErr = errors.Join(loopErr, fmt.Errorf("crawl: job %q: %d %w and stay queued for the next run (the first: %v)",
			job, n, ErrPagesNotHandled, rs.handlerErr))
	}
	rs.log.Info("crawl finished", "fetched", stats.Fetched, "not_changed", stats.NotChanged,
		"failed", stats.Failed, "skipped", stats.Skipped, "queued", stats.Queued,
		"elapsed", time.Since(rs.started).Round(time.Millisecond))
	if runCtx.Err() != nil && !errors.Is(loopErr, context.Canceled) {
		cause := context.Cause(runCtx)
		if ctx.Err() == nil { // the lock was lost, not the caller's doing
			return stats, errors.Join(loopErr, fmt.Errorf("crawl: job %q stopped: %w", job, cause))
		}
		if stats.Queued > 0 {
			return stats, errors.Join(loopErr, fmt.Errorf("crawl: job %q interrupted with %d URLs left queued: %w", job, stats.Queued, ctx.Err()))
		}
	}
	return stats, loopErr
}

// heartbeat refreshes the job lock every LockStale/4 until stopped; when
// another owner has taken the lock over, it cancels the run. On a shared
// frontier it renews the run's leases every Lease/3 instead.
func (rs *runState) heartbeat(ctx context.Context, cancel context.CancelCauseFunc) (stop func()) {
	cfg := rs.c.cfg
	every := cfg.LockStale / 4
	if rs.shared != nil {
		every = cfg.Lease / 3
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if rs.shared != nil {
					if err := rs.shared.Renew(ctx, rs.job, rs.owner, cfg.Lease); err != nil {
						rs.log.Warn("renew leases", "err", err)
					}
					continue
				}
				err := rs.c.store.Lock(ctx, rs.job, rs.owner, cfg.LockStale)
				if errors.Is(err, ErrJobLocked) {
					rs.log.Error("job lock lost", "err", err)
					cancel(fmt.Errorf("lost the job lock: %w", err))
					return
				}
				if err != nil {
					rs.log.Warn("refresh job lock", "err", err)
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

// sharedStore returns the store as a SharedStore when the job's frontier
// is to be shared (Config.Lease), or nil.
func (c *Crawler) sharedStore() SharedStore {
	if c.cfg.Lease <= 0 {
		return nil
	}
	s, _ := c.store.(SharedStore)
	return s
}

// requestSlot names the slot of the kth request a host may have in flight
// over all the workers of a shared frontier.
func requestSlot(host string, k int) string {
	return "in flight " + host + " " + strconv.Itoa(k)
}

// claimRequest waits, on a shared frontier, until a request to host may
// start, and returns the function to call once its exchange has ended:
// PerHost requests to a host at most in flight over all the workers, each
// holding one of the host's PerHost request slots while it runs, and
// their starts delay apart (claimHost). A slot is claimed for the longest
// an exchange may take, so that one whose worker died frees itself; the
// wait for the host's turn, which may be longer than the margin, is not
// counted in it. Alone, the scheduler's own count and spacing are enough.
func (rs *runState) claimRequest(ctx context.Context, host string, delay time.Duration) (release func(), err error) {
	if rs.shared == nil {
		return func() {}, nil
	}
	hold := rs.c.cfg.TotalTimeout + requestSlotMargin
	for {
		name, claim, err := rs.claimRequestSlot(ctx, host, delay, hold)
		if err != nil {
			return nil, err
		}
		release := func() {
			// A release that fails leaves the slot taken until its hold
			// runs out; one that comes after the hold ran out leaves the
			// slot to whoever claimed it since.
			if err := rs.shared.Release(context.WithoutCancel(ctx), name, claim); err != nil {
				rs.log.Warn("release request slot", "host", host, "err", err)
			}
		}
		waited, err := rs.claimHost(ctx, host, delay)
		if err != nil {
			release()
			return nil, err
		}
		if !waited {
			return release, nil
		}
		// The slot's hold ran while the host's turn was waited for: it
		// is held again from now, unless it ran out meanwhile and another
		// worker has claimed it since, in which case the request waits
		// for a slot again.
		held, err := rs.shared.Extend(ctx, name, claim, hold)
		if err != nil {
			release()
			return nil, err
		}
		if held {
			return release, nil
		}
		rs.log.Debug("request slot lost while waiting for the host", "host", host)
	}
}

// claimRequestSlot claims one of host's request slots for hold, waiting
// while all are taken, and returns its name and the claim.
func (rs *runState) claimRequestSlot(ctx context.Context, host string, delay, hold time.Duration) (name string, claim int64, err error) {
	per := rs.c.cfg.PerHost
	poll := max(delay, requestSlotPoll)
	first := mrand.IntN(per) // workers start at other slots, and mostly find one free
	for {
		for i := range per {
			name := requestSlot(host, (first+i)%per)
			wait, claim, err := rs.shared.Claim(ctx, name, hold)
			if err != nil {
				return "", 0, err
			}
			if wait == 0 {
				return name, claim, nil
			}
		}
		// Every slot is taken: look again soon, as slots are freed when
		// their requests end, long before their hold runs out.
		t := time.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return "", 0, ctx.Err()
		case <-t.C:
		}
	}
}

// requestSlotMargin is how much longer than Config.TotalTimeout a request
// slot is held, for the time around the exchange.
const requestSlotMargin = 10 * time.Second

// requestSlotPoll is how often a worker looks for a free request slot
// when a host's are all taken and its delay is shorter.
const requestSlotPoll = 10 * time.Millisecond

// claimHost waits, on a shared frontier, until this worker may start a
// request to host: the store hands out a host's requests delay apart over
// all the workers. It reports whether it had to wait for the host's turn.
// Alone, the scheduler's own spacing is enough.
func (rs *runState) claimHost(ctx context.Context, host string, delay time.Duration) (waited bool, err error) {
	if rs.shared == nil || delay <= 0 {
		return false, nil
	}
	for {
		wait, _, err := rs.shared.Claim(ctx, "host "+host, delay)
		if err != nil || wait == 0 {
			return waited, err
		}
		waited = true
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return waited, ctx.Err()
		case <-t.C:
		}
	}
}

// seedKind guesses a seed's kind from its URL. The body decides in the
// end; the guess only lets a plain-text sitemap be read as one.
func seedKind(u string) string {
	if strings.Contains(strings.ToLower(u), "sitemap") {
		return KindSitemap
	}
	return KindPage
}

// siteHost is the host of u without a leading "www.".
func siteHost(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// markSeen records that a link was considered in this run and reports
// whether it was new.
func (rs *runState) markSeen(u string) bool {
	h := hash64(u)
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if _, ok := rs.seen[h]; ok {
		return false
	}
	rs.seen[h] = struct{}{}
	return true
}

func hash64(s string) uint64 {
	sum := sha256.Sum256([]byte(s))
	var h uint64
	for _, b := range sum[:8] {
		h = h<<8 | uint64(b)
	}
	return h
}

// onSite reports whether u may be followed under SameHost.
func (rs *runState) onSite(u string) bool {
	if !rs.c.cfg.SameHost {
		return true
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.seedHosts[siteHost(u)]
}

// wanted applies the Allow and Deny patterns to a page URL.
func (c *Crawler) wanted(u string) bool {
	for _, re := range c.deny {
		if re.MatchString(u) {
			return false
		}
	}
	if len(c.allow) == 0 {
		return true
	}
	for _, re := range c.allow {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

// transientFailure reports whether a recorded failure reason is worth
// trying again in a later run.
func transientFailure(reason string) bool {
	switch reason {
	case "", "too-large", "content-type", "redirect-loop", "too-many-redirects",
		"redirect-offsite", "private-address", "bad-url", "rejected":
		return false
	}
	if strings.HasPrefix(reason, "http-") {
		return reason == "http-429" || strings.HasPrefix(reason, "http-5")
	}
	return true
}

// enqueueLinks queues the links found in a document at depth parentDepth:
// pages one level deeper, feeds and sitemaps at the same depth. It returns
// how many links were left out by the depth limit or the filters.
func (rs *runState) enqueueLinks(ctx context.Context, links []link, parentDepth int) (skipped int, err error) {
	cfg := rs.c.cfg
	now := time.Now()
	var batch []Queued
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := rs.c.store.Enqueue(ctx, rs.job, batch)
		batch = batch[:0]
		if err != nil {
			return fmt.Errorf("crawl: queue links of %q: %w", rs.job, err)
		}
		return nil
	}
	// The links that pass the filters are looked up in the fetch history
	// together, enqueueChunk at a time.
	type candidate struct {
		link
		depth int
	}
	var candidates []candidate
	for _, l := range links {
		if !rs.markSeen(l.URL) {
			continue
		}
		depth := parentDepth
		if l.Kind == KindPage {
			depth++
			if cfg.MaxDepth >= 0 && depth > cfg.MaxDepth {
				skipped++
				continue
			}
			if !rs.c.wanted(l.URL) {
				skipped++
				continue
			}
		}
		if !rs.onSite(l.URL) {
			skipped++
			continue
		}
		candidates = append(candidates, candidate{l, depth})
	}
	urls := make([]string, 0, min(len(candidates), enqueueChunk))
	for chunk := range slices.Chunk(candidates, enqueueChunk) {
		urls = urls[:0]
		for _, c := range chunk {
			urls = append(urls, c.URL)
		}
		lasts, err := rs.c.store.LastFetches(ctx, rs.job, urls)
		if err != nil {
			return skipped, fmt.Errorf("crawl: last fetches of %d links: %w", len(urls), err)
		}
		for _, c := range chunk {
			if last, ok := lasts[c.URL]; ok {
				if !last.Fetched.Before(rs.started) {
					continue // fetched in this run
				}
				if c.Kind == KindPage && now.Sub(last.Fetched) < cfg.RecrawlAge && !transientFailure(last.Error) {
					handled, err := rs.handled(ctx, c.URL, last)
					if err != nil {
						return skipped, err
					}
					if handled {
						continue // fresh enough
					}
				}
			}
			batch = append(batch, Queued{URL: c.URL, Depth: c.depth, Kind: c.Kind})
		}
		if err := flush(); err != nil {
			return skipped, err
		}
	}
	return skipped, nil
}

// handled reports whether the page last fetched as url (with fetch
// last) went through a Handler of this crawl's kind, as Config.Handled
// tells; a failed fetch or one that was not a page counts as handled,
// since there is nothing stored to hand over again.
func (rs *runState) handled(ctx context.Context, url string, last Fetch) (bool, error) {
	if rs.c.cfg.Handled == nil || last.Error != "" || last.Hash == "" {
		return true, nil
	}
	ok, err := rs.c.cfg.Handled(ctx, url)
	if err != nil {
		return false, fmt.Errorf("crawl: was %s handled: %w", url, err)
	}
	return ok, nil
}

// backoff is the wait before retry number attempt (from 1): RetryBase
// doubled each time, with jitter between half and all of it.
func (c *Crawler) backoff(attempt int) time.Duration {
	d := c.cfg.RetryBase << min(attempt-1, 20)
	if d <= 0 {
		return 0
	}
	half := d / 2
	return half + time.Duration(mrand.Int64N(int64(d-half)+1))
}

// sha256Hex is the content hash of a body.
func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
