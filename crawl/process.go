package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// process fetches one frontier entry and settles it: hands a new or
// changed page to the Handler, queues the links of pages, feeds and
// sitemaps, records the fetch (or the failure and its reason) with
// Store.Done, or asks the scheduler for a retry. Done comes last, after
// the links are queued and the Handler has returned.
//
// Cancelling ctx cancels the request in flight; the entry then stays
// queued. Once the response is in, the page is settled whatever ctx does.
func (rs *runState) process(runCtx context.Context, t *task, allowed bool) (o outcome) {
	c := rs.c
	ctx := context.WithoutCancel(runCtx)
	o.task = t
	log := rs.log.With("url", t.URL)
	done := func(f Fetch) {
		f.URL = t.URL
		if f.Fetched.IsZero() {
			f.Fetched = time.Now()
		}
		if err := c.store.Done(ctx, rs.job, f); err != nil {
			o.err = fmt.Errorf("crawl: record fetch of %s: %w", t.URL, err)
		}
	}
	fail := func(reason string, status int, err error) {
		o.failed, o.reason = 1, reason
		log.Info("fetch failed", "reason", reason, "status", status, "err", err)
		done(Fetch{Status: status, Error: reason})
	}
	skip := func(reason string, status int) {
		o.skipped, o.reason = 1, reason
		log.Debug("skipped", "reason", reason, "status", status)
		done(Fetch{Status: status, Error: reason})
	}

	if t.u == nil {
		fail("bad-url", 0, errors.New("unparsable URL"))
		return o
	}
	if !allowed {
		skip("robots", 0)
		return o
	}
	last, hasLast, err := c.store.LastFetch(ctx, rs.job, t.URL)
	if err != nil {
		o.err = fmt.Errorf("crawl: last fetch of %s: %w", t.URL, err)
		return o
	}
	if hasLast && !last.Fetched.Before(rs.started) && t.attempt == 0 {
		// Already fetched in this run under another name (a redirect
		// target or a declared canonical URL).
		o.skipped, o.reason = 1, "duplicate"
		done(last)
		return o
	}

	rs.mu.Lock()
	seed := rs.seeds[t.URL]
	rs.mu.Unlock()
	hdr := http.Header{}
	hdr.Set("Accept", acceptHeader)
	// Seeds, feeds and sitemaps are read in full each run; other pages
	// are asked for only if changed.
	conditional := !seed && t.Kind == KindPage && hasLast && last.Error == "" && last.Hash != ""
	if conditional {
		// A page never handled is asked for in full, to be handed over.
		if conditional, err = rs.handled(ctx, t.URL, last); err != nil {
			o.err = err
			return o
		}
	}
	if conditional {
		if last.ETag != "" {
			hdr.Set("If-None-Match", last.ETag)
		}
		if last.LastModified != "" {
			hdr.Set("If-Modified-Since", last.LastModified)
		}
	}
	release, err := rs.claimRequest(runCtx, t.host, t.delay)
	if err != nil {
		if runCtx.Err() != nil {
			o.interrupted = true
			return o
		}
		o.err = fmt.Errorf("crawl: claim a request to %s: %w", t.host, err)
		return o
	}
	ex := &exchange{limit: c.cfg.MaxBodySize, run: rs, seed: seed || t.Kind != KindPage}
	err = c.fetch(runCtx, t.URL, hdr, ex)
	release()
	now := time.Now()
	if err != nil && runCtx.Err() != nil {
		o.interrupted = true
		log.Debug("fetch interrupted", "err", err)
		return o
	}
	tooLarge := false
	defer func() {
		if !tooLarge {
			c.archiveFinal(ex)
		}
	}()
	if err != nil {
		reason, retry := failure(err)
		if reason == "timeout" && t.attempt >= 1 {
			// A server too slow twice is not tried a third time: a
			// trickling body would hold a slot for MaxRetries times the
			// total timeout.
			retry = false
		}
		if retry && rs.retry(&o, t, reason, 0) {
			log.Debug("will retry", "reason", reason, "attempt", t.attempt+1, "wait", o.wait, "err", err)
			return o
		}
		fail(reason, 0, err)
		return o
	}

	switch {
	case ex.status == http.StatusNotModified && conditional:
		o.notChanged = 1
		f := last
		f.Status, f.Fetched = ex.status, now
		if v := ex.header.Get("ETag"); v != "" {
			f.ETag = v
		}
		if v := ex.header.Get("Last-Modified"); v != "" {
			f.LastModified = v
		}
		log.Debug("not modified")
		done(f)
		return o
	case ex.status != http.StatusOK:
		reason, retry := statusFailure(ex.status)
		if retry {
			wait := retryAfter(ex.header, now)
			if rs.retry(&o, t, reason, wait) {
				o.hostWait = wait
				log.Debug("will retry", "reason", reason, "attempt", t.attempt+1, "wait", o.wait)
				return o
			}
		}
		fail(reason, ex.status, nil)
		return o
	}

	mt := mediaType(ex.header.Get("Content-Type"))
	limit := c.cfg.MaxBodySize
	if t.Kind == KindSitemap || mt == "application/gzip" || mt == "application/x-gzip" {
		limit = max(limit, maxSitemapSize)
	}
	body, err := gunzipIfNeeded(ex.body, limit)
	if errors.Is(err, errTooLarge) {
		tooLarge = true
		fail("too-large", ex.status, err)
		return o
	}
	if err != nil {
		fail("gzip", ex.status, err)
		return o
	}
	f := Fetch{
		Status:       ex.status,
		ETag:         ex.header.Get("ETag"),
		LastModified: ex.header.Get("Last-Modified"),
		Fetched:      now,
	}
	final := t.URL
	if u, err := Canonicalize(ex.finalURL.String()); err == nil {
		final = u
	}

	switch classify(mt, body, t.Kind) {
	case docHTML:
		rs.page(ctx, &o, t, ex, mt, body, final, last, hasLast, f, done, fail)
	case docFeed, docSitemap:
		var links []link
		if mt == "text/plain" && xmlRoot(body) == "" {
			links = parseTextSitemap(body, ex.finalURL)
		} else if links, err = parseXMLLinks(body, ex.finalURL); err != nil {
			fail("parse", ex.status, err)
			return o
		}
		f.Hash = sha256Hex(body)
		n, err := rs.enqueueLinks(ctx, links, t.Depth)
		o.skipped += n
		if err != nil {
			o.err = err
			return o
		}
		o.fetched = 1
		log.Debug("discovery document read", "links", len(links))
		rs.aliases(ctx, &o, t.URL, f, final)
		done(f)
	default:
		skip("content-type", ex.status)
	}
	return o
}

// page settles an HTML page: decode, queue its links, hand it over when
// new or changed, record it under its URL and its aliases.
func (rs *runState) page(ctx context.Context, o *outcome, t *task, ex *exchange, mt string,
	body []byte, final string, last Fetch, hasLast bool, f Fetch,
	done func(Fetch), fail func(string, int, error)) {
	log := rs.log.With("url", t.URL)
	text, err := decodeHTML(body, ex.header.Get("Content-Type"))
	if err != nil {
		fail("charset", ex.status, err)
		return
	}
	links := parseHTML(text, ex.finalURL)
	f.Hash = sha256Hex(text)
	p := Page{
		Job: rs.job, URL: t.URL, FinalURL: final, Status: ex.status,
		Header: ex.header, Body: text, ContentType: mt, Hash: f.Hash,
		Depth: t.Depth, Fetched: f.Fetched,
	}
	if final != t.URL {
		p.URL = final // a page lives where redirects lead
	}
	if links.Canonical != "" && links.Canonical != t.URL && sameSite(siteHost(links.Canonical), siteHost(t.URL)) {
		p.URL = links.Canonical
	}
	if !links.NoFollow {
		n, err := rs.enqueueLinks(ctx, links.Links, t.Depth)
		o.skipped += n
		if err != nil {
			o.err = err
			return
		}
	}

	unchanged := hasLast && last.Error == "" && last.Hash == f.Hash
	if !unchanged && p.URL != t.URL {
		cf, ok, err := rs.c.store.LastFetch(ctx, rs.job, p.URL)
		if err != nil {
			o.err = fmt.Errorf("crawl: last fetch of %s: %w", p.URL, err)
			return
		}
		unchanged = ok && cf.Error == "" && cf.Hash == f.Hash
	}
	if unchanged {
		handled, err := rs.handled(ctx, p.URL, f)
		if err != nil {
			o.err = err
			return
		}
		unchanged = handled
	}
	if unchanged {
		o.notChanged = 1
		log.Debug("content unchanged")
		rs.aliases(ctx, o, t.URL, f, final, p.URL)
		done(f)
		return
	}
	if err := rs.handle(ctx, p); err != nil {
		o.failed = 1
		if errors.Is(err, ErrPageRejected) {
			o.reason = "rejected"
			log.Info("page rejected", "err", err)
			f.Error = o.reason
			done(f)
			return
		}
		// Not recorded, so the page stays queued for the next run; the
		// scheduler leaves it alone for the rest of this one.
		o.reason, o.handlerErr = "handler", err
		log.Warn("handler failed, page left queued", "err", err)
		return
	}
	o.fetched = 1
	log.Debug("page handled", "canonical", p.URL, "bytes", len(text))
	rs.aliases(ctx, o, t.URL, f, final, p.URL)
	done(f)
}

// aliases records f under the other URLs of the same document (redirect
// target, declared canonical URL), so that links to them are not fetched
// again and entries for them leave the frontier.
func (rs *runState) aliases(ctx context.Context, o *outcome, requested string, f Fetch, urls ...string) {
	seen := map[string]bool{requested: true}
	for _, u := range urls {
		if seen[u] {
			continue
		}
		seen[u] = true
		rs.markSeen(u)
		f.URL = u
		if err := rs.c.store.Done(ctx, rs.job, f); err != nil && o.err == nil {
			o.err = fmt.Errorf("crawl: record fetch of %s: %w", u, err)
		}
	}
}

// retry decides whether t gets another try after a transient failure, and
// if so fills o with the wait: the server's Retry-After when it gave one,
// the backoff otherwise. A wait beyond MaxRetryWait, or retries used up,
// mean no.
func (rs *runState) retry(o *outcome, t *task, reason string, after time.Duration) bool {
	cfg := rs.c.cfg
	if t.attempt >= cfg.MaxRetries {
		return false
	}
	wait := after
	if wait <= 0 {
		wait = rs.c.backoff(t.attempt + 1)
	}
	if wait > cfg.MaxRetryWait {
		return false
	}
	o.retry, o.reason, o.wait = true, reason, wait
	return true
}

// fetchRobots reads a host's robots.txt and, for a seed's host, queues
// the sitemaps it lists. A robots.txt that cannot be fetched at all (no
// connection, timeout) counts as none: the pages' own fetches then fail
// with the real reason.
func (rs *runState) fetchRobots(runCtx context.Context, t *task) (o outcome) {
	c := rs.c
	ctx := context.WithoutCancel(runCtx)
	o.task = t
	rules := robotsRules{}
	o.robots = &rules
	ex := &exchange{limit: maxRobotsSize}
	hdr := http.Header{}
	hdr.Set("Accept", "text/plain,*/*;q=0.8")
	release, err := rs.claimRequest(runCtx, t.host, t.delay)
	if err != nil {
		if runCtx.Err() == nil {
			o.err = fmt.Errorf("crawl: claim a request to %s: %w", t.host, err)
		}
		return o
	}
	err = c.fetch(runCtx, t.host+"/robots.txt", hdr, ex)
	release()
	defer c.archiveFinal(ex)
	if err != nil {
		reason, _ := failure(err)
		rs.log.Info("robots.txt unavailable, no rules", "host", t.host, "reason", reason, "err", err)
		return o
	}
	if ex.status < 200 || ex.status >= 300 && ex.status < 400 || ex.status >= 600 {
		return o
	}
	body, err := gunzipIfNeeded(ex.body, maxRobotsSize)
	if err != nil {
		body = nil
	}
	status := ex.status
	if status == http.StatusTooManyRequests {
		status = http.StatusServiceUnavailable // a server asking to slow down: nothing for now
	}
	rules = parseRobots(status, body, c.cfg.UserAgent)
	rs.log.Debug("robots.txt read", "host", t.host, "status", ex.status,
		"crawl_delay", rules.crawlDelay, "sitemaps", len(rules.sitemaps))
	if len(rules.sitemaps) > 0 && rs.onSiteHost(t.host) {
		links := make([]link, 0, len(rules.sitemaps))
		base := ex.finalURL
		for _, s := range rules.sitemaps {
			if u, ok := resolveLink(base, s); ok {
				links = append(links, link{URL: u, Kind: KindSitemap})
			}
		}
		if _, err := rs.enqueueLinks(ctx, links, 0); err != nil {
			o.err = err
		}
	}
	return o
}

// onSiteHost reports whether a scheme://host key is one of the seeds'.
func (rs *runState) onSiteHost(key string) bool {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.seedHosts[siteHost(key)]
}
