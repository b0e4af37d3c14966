package crawl

import "time"

// ProgressInfo is a snapshot of a running crawl, for a progress line.
type ProgressInfo struct {
	Job        string
	Fetched    int           // pages and discovery documents handled
	NotChanged int           // 304 or same content
	Failed     int           // failures recorded so far
	Skipped    int           // URLs and links left out
	InFlight   int           // requests under way
	Queued     int           // URLs in the frontier (-1 if the store could not say)
	Elapsed    time.Duration // since the run started
	// Rate is responses handled (fetched, not changed or failed) per
	// second since the run started.
	Rate float64
	// Done is true for the last report of a run.
	Done bool
}
