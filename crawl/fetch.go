package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/net/publicsuffix"
)

// exchangeHeader carries an exchange's id from the Colly request to the
// transport and the redirect check; it is removed before the request
// leaves the process.
const exchangeHeader = "X-Tally-Exchange"

// maxRedirectBody is how much of a redirect's body is read (for the WARC).
const maxRedirectBody = 64 << 10

var (
	errRedirectLoop     = errors.New("redirect loop")
	errTooManyRedirects = errors.New("too many redirects")
	errRedirectOffsite  = errors.New("redirect leaves the site")
)

// exchange is one fetch, from the first request to the final response,
// filled in by the transport as Colly drives the request.
type exchange struct {
	// ctx cancels the exchange's requests, as an http.Request's context
	// does: Colly makes the requests, so the transport applies it.
	ctx   context.Context
	limit int64     // body size limit
	run   *runState // redirect policy; nil for robots.txt
	seed  bool      // redirects of seeds may go anywhere

	status   int
	header   http.Header
	body     []byte
	finalURL *url.URL

	// The final response waits here for the WARC until the crawler has
	// accepted its body: one rejected as too large once decompressed is
	// not written.
	archReq  *http.Request
	archResp *http.Response
	archAt   time.Time
}

// captureTransport sits under Colly's http.Client: it reads each body
// itself, bounded by the exchange's limit (the client's timeout bounds
// the time), keeps it for the crawler, and hands Colly an empty body so
// that nothing is read, decompressed or converted twice.
type captureTransport struct {
	base http.RoundTripper
	c    *Crawler
}

// RoundTrip implements http.RoundTripper.
func (t *captureTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ex := t.c.exchangeFor(req)
	ctx := req.Context()
	if ex != nil && ex.ctx != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()
		defer context.AfterFunc(ex.ctx, cancel)()
	}
	out := req.Clone(ctx)
	out.Header.Del(exchangeHeader)
	at := time.Now()
	resp, err := t.base.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	limit := int64(maxRedirectBody)
	redirect := isRedirect(resp.StatusCode) && resp.Header.Get("Location") != ""
	if ex != nil && !redirect {
		limit = ex.limit
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > limit {
		if !redirect {
			return nil, fmt.Errorf("%s: %w (%d bytes)", out.URL, errTooLarge, limit)
		}
		body = body[:limit]
	}
	if ex != nil && !redirect {
		ex.status = resp.StatusCode
		ex.header = resp.Header
		ex.body = body
		ex.finalURL = out.URL
		ex.archReq, ex.archResp, ex.archAt = out, resp, at
	} else {
		t.c.archive(out, resp, body, at)
	}
	resp.Body = http.NoBody
	resp.ContentLength = 0
	resp.Uncompressed = true
	return resp, nil
}

// archive writes one exchange to the WARC, when there is one.
func (c *Crawler) archive(req *http.Request, resp *http.Response, body []byte, at time.Time) {
	if c.warc == nil {
		return
	}
	if err := c.warc.exchange(req, resp, body, at); err != nil {
		c.log.Error("write warc", "url", req.URL.String(), "err", err)
	}
}

// archiveFinal writes the final response of ex to the WARC; the crawler
// calls it once it has accepted the body.
func (c *Crawler) archiveFinal(ex *exchange) {
	if ex.archReq != nil {
		c.archive(ex.archReq, ex.archResp, ex.body, ex.archAt)
		ex.archReq = nil
	}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// exchangeFor finds the exchange a request belongs to.
func (c *Crawler) exchangeFor(req *http.Request) *exchange {
	id := req.Header.Get(exchangeHeader)
	if id == "" {
		return nil
	}
	if ex, ok := c.exchanges.Load(id); ok {
		return ex.(*exchange)
	}
	return nil
}

// checkRedirect bounds redirect chains, ends loops, and keeps redirects of
// non-seed pages on the seed's site when SameHost is set. Private targets
// are refused later, when dialling.
func (c *Crawler) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.cfg.MaxRedirects {
		return fmt.Errorf("%w: more than %d", errTooManyRedirects, c.cfg.MaxRedirects)
	}
	target, err := Canonicalize(req.URL.String())
	if err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	seen := 0
	for _, v := range via {
		if u, err := Canonicalize(v.URL.String()); err == nil && u == target {
			seen++
		}
	}
	// One return to a URL is allowed: sites redirect to the same page
	// after setting a cookie.
	if seen >= 2 {
		return fmt.Errorf("%w: back to %s after %d redirects", errRedirectLoop, target, len(via))
	}
	ex := c.exchangeFor(req)
	if ex != nil && ex.run != nil && !ex.seed && c.cfg.SameHost && !sameSite(via[0].URL.Hostname(), req.URL.Hostname()) {
		return fmt.Errorf("%w: %s to %s", errRedirectOffsite, via[0].URL.Host, req.URL.Host)
	}
	return nil
}

// sameSite reports whether two hosts share a registered domain
// (news.example.co.uk and www.example.co.uk do).
func sameSite(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	da, err1 := publicsuffix.EffectiveTLDPlusOne(a)
	db, err2 := publicsuffix.EffectiveTLDPlusOne(b)
	return err1 == nil && err2 == nil && da == db
}

// fetch requests rawURL through Colly and returns what the transport saw.
// Cancelling ctx cancels the request, body included.
func (c *Crawler) fetch(ctx context.Context, rawURL string, hdr http.Header, ex *exchange) error {
	ex.ctx = ctx
	id := strconv.FormatUint(c.seq.Add(1), 36)
	c.exchanges.Store(id, ex)
	defer c.exchanges.Delete(id)
	hdr.Set(exchangeHeader, id)
	err := c.collector.Request(http.MethodGet, rawURL, nil, nil, hdr)
	if err == nil && ex.status == 0 {
		err = errors.New("no response")
	}
	return err
}

// failure names why a fetch failed, for Fetch.Error and the run's counts,
// and says whether it is worth trying again.
func failure(err error) (reason string, retry bool) {
	var dnsErr *net.DNSError
	var netErr net.Error
	switch {
	case errors.Is(err, errTooLarge):
		return "too-large", false
	case errors.Is(err, errRedirectLoop):
		return "redirect-loop", false
	case errors.Is(err, errTooManyRedirects):
		return "too-many-redirects", false
	case errors.Is(err, errRedirectOffsite):
		return "redirect-offsite", false
	case errors.Is(err, ErrPrivateAddress):
		return "private-address", false
	case errors.As(err, &dnsErr):
		return "dns", !dnsErr.IsNotFound
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return "timeout", true
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), errors.Is(err, syscall.EPIPE):
		return "connection", true
	case errors.Is(err, colly.ErrMissingURL), errors.Is(err, colly.ErrNoURLFiltersMatch):
		return "bad-url", false
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return "connection", true
	}
	var uErr *url.Error
	if errors.As(err, &uErr) && strings.Contains(uErr.Err.Error(), "unsupported protocol scheme") {
		return "bad-url", false
	}
	return "fetch", false
}

// statusFailure names a non-200 status and says whether to retry it.
func statusFailure(status int) (reason string, retry bool) {
	return "http-" + strconv.Itoa(status), status == http.StatusTooManyRequests || status >= 500
}

// retryAfter parses a Retry-After header (seconds or an HTTP date).
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
