package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// ErrJobLocked is returned by Store.Lock when another live run holds the job.
var ErrJobLocked = errors.New("job is already running")

// ErrPageRejected is what a Handler wraps to refuse a page for good (it
// is not an article page, it cannot be parsed): the page leaves the
// frontier with the failure "rejected", and the run goes on.
var ErrPageRejected = errors.New("page rejected")

// ErrPagesNotHandled is wrapped by the error Run returns when a Handler
// failed on some pages for another reason (the store was locked, the disk
// full): those pages stay queued for the next run.
var ErrPagesNotHandled = errors.New("pages could not be handled")

// Page is one fetched response that the crawler hands to its Handler.
type Page struct {
	Job string // the job that fetched it
	// URL is the page's canonical URL: where the request ended after
	// redirects, or the <link rel=canonical> the page declares on the same
	// site, so that an article reached by several URLs is stored under one.
	URL      string
	FinalURL string      // the URL after redirects, canonicalised
	Status   int         // HTTP status code
	Header   http.Header // response headers
	// Body is the response body decoded to UTF-8.
	Body        []byte
	ContentType string    // media type without parameters, e.g. "text/html"
	Hash        string    // hex SHA-256 of Body
	Depth       int       // link distance from a seed
	Fetched     time.Time // when the response arrived
}

// Queued is a URL waiting in a job's frontier.
type Queued struct {
	URL   string // canonical URL
	Depth int
	// Kind says how to treat the URL when it is fetched: "page" for an
	// ordinary page, "feed" or "sitemap" for discovery documents, which are
	// re-read on every run.
	Kind string
}

// Fetch is what the store remembers of the last fetch of a URL: enough to
// send a conditional request next time and to tell an unchanged body.
type Fetch struct {
	URL          string
	Status       int
	ETag         string
	LastModified string
	Hash         string
	Fetched      time.Time
	// Error is the reason the fetch failed ("" when it succeeded), e.g.
	// "robots", "timeout", "too-large", "content-type", "redirect-loop",
	// "http-503".
	Error string
}

// RunStats counts what one run of a job did.
type RunStats struct {
	Fetched    int // responses handled (2xx)
	NotChanged int // 304 or same content hash
	Failed     int // recorded failures
	Skipped    int // filtered, disallowed or of another content type
	Queued     int // URLs left in the frontier at the end
	// Failures counts failures by reason.
	Failures map[string]int
}

// Run is one run of a job, as recorded in the store.
type Run struct {
	ID       int64
	Job      string
	Owner    string // the process that made it, as it held the job lock
	Started  time.Time
	Finished time.Time // zero while running or after a crash
	// Interrupted says the run never finished and is not running: its
	// process died (killed, crashed, the machine stopped) and no longer
	// holds the job's lock.
	Interrupted bool
	Stats       RunStats
}

// Store keeps a job's crawl state (frontier, fetch history, runs and lock)
// so that a run can be killed at any moment and resumed, and so that a
// later run only fetches what is new or changed. Package corpus provides
// the SQLite implementation; MemoryStore is an in-memory one.
//
// Every method must be safe for concurrent use.
type Store interface {
	// Lock takes the job's lock for owner, or fails with ErrJobLocked when
	// another owner holds it and has refreshed it within stale, saying
	// until when the lock holds. A lock whose owner is gone (OwnerGone) is
	// taken over at once. Calling Lock again as the holder refreshes the
	// lock; a running crawl does so periodically, well within stale.
	Lock(ctx context.Context, job, owner string, stale time.Duration) error
	// Unlock releases the job's lock if owner holds it.
	Unlock(ctx context.Context, job, owner string) error

	// StartRun records the start of a run by owner (the job lock's
	// holder) and returns its id.
	StartRun(ctx context.Context, job, owner string) (int64, error)
	// FinishRun records the end of a run with its counts.
	FinishRun(ctx context.Context, id int64, stats RunStats) error
	// Runs returns the last n runs of job, newest first. An unfinished
	// run whose owner no longer holds the job's lock, or is gone, is
	// Interrupted.
	Runs(ctx context.Context, job string, n int) ([]Run, error)

	// Enqueue adds URLs to the job's frontier; URLs already queued for the
	// job are left as they are.
	Enqueue(ctx context.Context, job string, items []Queued) error
	// Pending returns up to n queued URLs of the job, oldest first, without
	// removing them.
	Pending(ctx context.Context, job string, n int) ([]Queued, error)
	// Count returns the number of URLs in the job's frontier.
	Count(ctx context.Context, job string) (int, error)
	// Done removes a URL from the job's frontier and records its fetch, in
	// one step.
	Done(ctx context.Context, job string, f Fetch) error

	// LastFetch returns the last fetch of url recorded for job, if any.
	// Jobs keep their own fetch history: one job's fetches do not make
	// another skip a URL or send a conditional request.
	LastFetch(ctx context.Context, job, url string) (Fetch, bool, error)
	// LastFetches is LastFetch for many URLs at once: the last fetch of
	// each of urls recorded for job, by URL, leaving out those never
	// fetched.
	LastFetches(ctx context.Context, job string, urls []string) (map[string]Fetch, error)
}

// LockHeldError is the error a Store's Lock returns when owner holds job's
// lock, last refreshed at refreshed: it wraps ErrJobLocked and says until
// when the lock holds if not refreshed.
func LockHeldError(job, owner string, refreshed time.Time, stale time.Duration) error {
	return fmt.Errorf("job %s is held by %s (last seen %s; the lock holds until %s unless its holder refreshes it): %w",
		job, owner, refreshed.Format(time.RFC3339), refreshed.Add(stale).Format(time.RFC3339), ErrJobLocked)
}

// RunInterrupted tells, for Store.Runs, whether run r is interrupted when
// the job's lock is held by holder ("" for nobody).
func RunInterrupted(r Run, holder string) bool {
	return r.Finished.IsZero() && (r.Owner == "" || r.Owner != holder || OwnerGone(r.Owner))
}

// SharedStore is a Store that several processes, on one machine or many,
// may work one job from at once (Config.Lease): each leases the URLs it
// fetches, so that no two fetch the same URL while both live and a dead
// worker's URLs go to another once its lease runs out, and they claim a
// host's requests one at a time, so that the delay between two requests to
// a host holds across all of them. Times are the store's own clock, which
// every worker shares.
type SharedStore interface {
	Store
	// Lease takes up to n of job's queued URLs, oldest first, that no live
	// lease holds, and leases them to owner for ttl. Done settles a leased
	// URL; one never settled is taken again once its lease runs out.
	Lease(ctx context.Context, job, owner string, n int, ttl time.Duration) ([]Queued, error)
	// Renew extends owner's leases on job's URLs, and marks owner's
	// unfinished run of job alive, for ttl from now. A ttl of zero gives
	// the leases up, so that other workers take those URLs at once.
	Renew(ctx context.Context, job, owner string, ttl time.Duration) error
	// Claim claims the slot called name: when its next time has come, it
	// sets the next time to interval from now and returns zero and the
	// claim's number, which no other claim of the slot has; otherwise it
	// returns how long until the next time, claiming nothing.
	Claim(ctx context.Context, name string, interval time.Duration) (wait time.Duration, claim int64, err error)
	// Release ends claim of the slot called name before its interval has
	// run out: the slot may be claimed again at once. A claim that ran out
	// and was claimed again since is over, and releasing it does nothing:
	// the slot stays with the later claim.
	Release(ctx context.Context, name string, claim int64) error
	// Extend sets the next time of the slot called name to interval from
	// now if claim is still the slot's latest, and reports whether it
	// was: a claim that ran out and was followed by another's is not
	// extended.
	Extend(ctx context.Context, name string, claim int64, interval time.Duration) (held bool, err error)
}
