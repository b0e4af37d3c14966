package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Config says how a Crawler behaves. Start from DefaultConfig and change
// what you need; the zero value is not usable.
type Config struct {
	// UserAgent is sent with every request and matched against robots.txt
	// groups. It should name the crawler and give a contact URL, e.g.
	// "tally/0.1 (+https://example.org/contact)".
	UserAgent string

	// MaxDepth is the largest link distance from a seed that is followed:
	// 0 fetches only the seeds (and what their feeds and sitemaps list
	// directly counts as depth 1). A negative value means no limit.
	MaxDepth int

	// Delay is the least time between the starts of two requests to the
	// same host. A larger Crawl-delay in the host's robots.txt wins over
	// it, up to MaxRetryWait.
	Delay time.Duration
	// PerHost is the largest number of requests in flight to one host.
	// Starts are still spaced by Delay; above 1, one slow response does not
	// hold the host's other URLs back.
	PerHost int
	// MaxInFlight is the largest number of requests in flight over all
	// hosts together.
	MaxInFlight int

	// RequestTimeout bounds connecting, the TLS handshake and waiting for
	// the response headers of one request.
	RequestTimeout time.Duration
	// TotalTimeout bounds a whole exchange, redirects and body included, so
	// that a server trickling bytes cannot hold a worker. An exchange that
	// times out is tried again once at most, whatever MaxRetries says.
	TotalTimeout time.Duration

	// MaxBodySize is the largest response body accepted, in bytes (after
	// decompression). A larger page is rejected and recorded with the
	// reason "too-large"; it is never stored truncated.
	MaxBodySize int64
	// MaxRedirects is the longest redirect chain followed; a longer one is
	// recorded as "too-many-redirects", a cycle as "redirect-loop".
	MaxRedirects int

	// MaxRetries is how many times a request is tried again after a
	// timeout, a connection error, a 5xx or a 429. Other 4xx are not
	// retried.
	MaxRetries int
	// RetryBase is the first backoff; each retry doubles it, with jitter.
	// A response with a Retry-After header is retried after the time it
	// asks for instead, to the second.
	RetryBase time.Duration
	// MaxRetryWait is the longest wait before a retry. A server asking (by
	// Retry-After) for a longer one gets no retry in this run: the failure
	// is recorded.
	MaxRetryWait time.Duration

	// IgnoreRobots turns off robots.txt (rules, Crawl-delay and its
	// sitemaps). Only for owners crawling their own sites.
	IgnoreRobots bool
	// AllowPrivate lets the crawler connect to loopback, private,
	// link-local and other non-public addresses. By default such
	// connections are refused when dialling, which covers names that
	// resolve to such addresses and redirects that point to them.
	AllowPrivate bool
	// Proxy, when not nil, chooses the proxy of each request as
	// http.Transport's Proxy does; http.ProxyFromEnvironment reads
	// HTTP_PROXY, HTTPS_PROXY and NO_PROXY. Nil connects directly. A
	// proxy resolves the names it is given, so a request through it is
	// refused only when its host is a non-public IP address; requests sent
	// directly are checked as without a proxy.
	Proxy func(*http.Request) (*url.URL, error)

	// Allow, when not empty, lists regular expressions of which a
	// discovered page URL must match at least one to be queued.
	Allow []string
	// Deny lists regular expressions; a discovered page URL matching any
	// of them is not queued. Seeds, feeds and sitemaps are not filtered.
	Deny []string
	// SameHost keeps the crawl on the hosts of the seeds ("www." aside):
	// links to other hosts are not followed, and redirects may not leave
	// the seed's registered domain.
	SameHost bool

	// RecrawlAge is how long a fetched page is left alone: a discovered
	// page URL fetched more recently than this is not queued again. Seeds,
	// feeds and sitemaps are fetched on every run whatever their age.
	RecrawlAge time.Duration

	// WARC, when not nil, receives every HTTP exchange (request and
	// response records) as WARC 1.1, followed by a warcinfo record at the
	// start of each run. Response bodies are written as received; a body
	// rejected as too large is not written. While WARC is set the crawler
	// asks servers for uncompressed bodies so the records hold the bytes
	// the server sent.
	WARC io.Writer
	// WARCGzip writes each WARC record as its own gzip member, the usual
	// .warc.gz layout.
	WARCGzip bool

	// Handled, when not nil, reports whether the page stored as url has
	// been through a Handler of the kind this crawl uses: for one that
	// extracts articles, whether the page's article is stored. A page
	// fetched before but not handled is then queued even when fresh,
	// requested without conditions, and handed to the Handler even when
	// its content is unchanged, so that a job crawled with a Handler that
	// stores pages only can be run again with one that extracts. Without
	// it every page fetched before counts as handled.
	Handled func(ctx context.Context, url string) (bool, error)

	// Progress, when not nil, is called every ProgressInterval and once at
	// the end of a run, from a single goroutine. Without it the crawler
	// logs a progress line at that interval instead.
	Progress func(ProgressInfo)
	// ProgressInterval is the time between two progress reports.
	ProgressInterval time.Duration

	// LockStale is how long a job lock that its holder stopped refreshing
	// is respected. A running crawl refreshes its lock every LockStale/4,
	// so a lock older than this belongs to a crashed run and is taken over.
	// A lock whose holder was a process of this machine that has exited is
	// taken over at once.
	LockStale time.Duration

	// Lease, when above zero and the Store is a SharedStore, lets several
	// processes run one job at once, on one machine or many: instead of
	// taking the job's lock, each leases the URLs it fetches for Lease,
	// renewing its leases every Lease/3 while it lives, so that the URLs
	// of a worker that died go to another once Lease has passed; and each
	// claims a host's requests in the store, so that Delay (or the
	// host's Crawl-delay) holds between the requests of all of them. A
	// worker that finds nothing to lease waits while others still hold
	// URLs of the job, up to twice Lease, since their work may queue more.
	// Zero (the default) keeps one run per job, under the job's lock.
	Lease time.Duration
}

// DefaultConfig returns a polite configuration: robots.txt obeyed,
// requests to a host started a second apart with two at most in flight,
// private addresses refused, same-host links up to depth 2.
func DefaultConfig() Config {
	return Config{
		UserAgent:        "tally/0.1 (+https://github.com/tally-news/tally)",
		MaxDepth:         2,
		Delay:            time.Second,
		PerHost:          2,
		MaxInFlight:      16,
		RequestTimeout:   15 * time.Second,
		TotalTimeout:     60 * time.Second,
		MaxBodySize:      10 << 20,
		MaxRedirects:     10,
		MaxRetries:       3,
		RetryBase:        2 * time.Second,
		MaxRetryWait:     2 * time.Minute,
		SameHost:         true,
		RecrawlAge:       24 * time.Hour,
		ProgressInterval: 5 * time.Second,
		LockStale:        2 * time.Minute,
	}
}

// Validate reports the fields that make cfg unusable, patterns that do
// not compile included, naming each; New does the same checks.
func (cfg Config) Validate() error {
	if err := cfg.validateFields(); err != nil {
		return err
	}
	if _, err := compilePatterns("Allow", cfg.Allow); err != nil {
		return err
	}
	_, err := compilePatterns("Deny", cfg.Deny)
	return err
}

// validateFields reports the fields that make cfg unusable.
func (cfg Config) validateFields() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	check(cfg.UserAgent != "", "UserAgent is empty")
	check(cfg.Delay >= 0, "Delay %v is negative", cfg.Delay)
	check(cfg.PerHost >= 1, "PerHost %d is below 1", cfg.PerHost)
	check(cfg.MaxInFlight >= 1, "MaxInFlight %d is below 1", cfg.MaxInFlight)
	check(cfg.RequestTimeout > 0, "RequestTimeout %v is not positive", cfg.RequestTimeout)
	check(cfg.TotalTimeout > 0, "TotalTimeout %v is not positive", cfg.TotalTimeout)
	check(cfg.MaxBodySize > 0, "MaxBodySize %d is not positive", cfg.MaxBodySize)
	check(cfg.MaxRedirects >= 0, "MaxRedirects %d is negative", cfg.MaxRedirects)
	check(cfg.MaxRetries >= 0, "MaxRetries %d is negative", cfg.MaxRetries)
	check(cfg.RetryBase >= 0, "RetryBase %v is negative", cfg.RetryBase)
	check(cfg.MaxRetryWait >= 0, "MaxRetryWait %v is negative", cfg.MaxRetryWait)
	check(cfg.RecrawlAge >= 0, "RecrawlAge %v is negative", cfg.RecrawlAge)
	check(cfg.ProgressInterval > 0, "ProgressInterval %v is not positive", cfg.ProgressInterval)
	check(cfg.LockStale > 0, "LockStale %v is not positive", cfg.LockStale)
	check(cfg.Lease >= 0, "Lease %v is negative", cfg.Lease)
	if len(errs) > 0 {
		return fmt.Errorf("crawl config: %w", errors.Join(errs...))
	}
	return nil
}
