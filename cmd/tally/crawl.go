package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
)

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// crawlFlags are the flags crawl and run share.
type crawlFlags struct {
	db, job, warc, logFormat, contact string
	every, lease                      time.Duration
	stats                             bool
	samePath                          bool
	scope                             runScope
	cfg                               crawl.Config
	allow, deny                       listFlag
}

func addCrawlFlags(fs *flagSet) *crawlFlags {
	f := &crawlFlags{cfg: crawl.DefaultConfig()}
	fs.dbVar(&f.db)
	fs.StringVar(&f.job, "job", "", "job name, under which the frontier, fetch history and runs are kept (default: the seeds' hosts)")
	fs.IntVar(&f.cfg.MaxDepth, "depth", f.cfg.MaxDepth, "how many links away from a seed to follow (-1: no limit)")
	fs.DurationVar(&f.cfg.Delay, "delay", f.cfg.Delay, "least time between two requests to one host (a larger robots.txt Crawl-delay wins)")
	fs.IntVar(&f.cfg.PerHost, "per-host", f.cfg.PerHost, "requests in flight to one host (their starts still --delay apart)")
	fs.IntVar(&f.cfg.PerHost, "parallel", f.cfg.PerHost, "the same as --per-host")
	fs.StringVar(&f.cfg.UserAgent, "user-agent", f.cfg.UserAgent, "user agent sent with every request")
	fs.StringVar(&f.contact, "contact", "", "contact URL or address put into the user agent")
	fs.BoolVar(&f.cfg.IgnoreRobots, "ignore-robots", false, "do not read robots.txt (only for sites you own)")
	fs.BoolVar(&f.cfg.AllowPrivate, "allow-private", false, "allow loopback, private and link-local addresses")
	fs.Var(&f.allow, "allow", "regular expression a page URL must match to be queued (repeatable)")
	fs.Var(&f.deny, "deny", "regular expression of page URLs never queued (repeatable)")
	fs.BoolVar(&f.cfg.SameHost, "same-host", f.cfg.SameHost, "follow links only on the seeds' hosts")
	fs.DurationVar(&f.cfg.RecrawlAge, "recrawl-age", f.cfg.RecrawlAge, "do not refetch an article fetched more recently than this")
	fs.DurationVar(&f.cfg.RequestTimeout, "timeout", f.cfg.RequestTimeout, "time to connect and receive response headers")
	fs.DurationVar(&f.cfg.TotalTimeout, "total-timeout", f.cfg.TotalTimeout, "time for a whole exchange, body included")
	fs.Int64Var(&f.cfg.MaxBodySize, "max-body", f.cfg.MaxBodySize, "largest response body in bytes; larger pages are rejected and recorded")
	fs.IntVar(&f.cfg.MaxRetries, "retries", f.cfg.MaxRetries, "retries after timeouts, connection errors, 5xx and 429")
	fs.StringVar(&f.warc, "warc", "", "also write every response to this WARC file (.warc.gz for gzip)")
	fs.DurationVar(&f.every, "every", 0, "run the job again at this interval until interrupted (e.g. 1h)")
	fs.DurationVar(&f.lease, "lease", time.Minute, "on a PostgreSQL corpus, workers share the job's frontier: how long a worker's URLs stay its own once it stops renewing them (it died)")
	fs.BoolVar(&f.samePath, "same-path", false, "follow links only under the seeds' folders (https://host/world/ stays in /world/)")
	f.scope.addFlags(fs)
	fs.BoolVar(&f.stats, "stats", false, "show the last runs of the job and exit")
	fs.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	return f
}

// crawlHandler is what a crawl does with each fetched page.
type crawlHandler func(ctx context.Context, db *corpus.DB) crawl.Handler

// storesPages and storesArticles say whether a job's handler stores pages
// alone (crawl) or their articles too (run), which decides when a page
// fetched before is handed over again.
const (
	storesPages    = false
	storesArticles = true
)

func runCrawl(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	f := addCrawlFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	return crawlJob(ctx, e, "crawl", fs, f, storesPages, func(ctx context.Context, db *corpus.DB) crawl.Handler {
		return func(ctx context.Context, p crawl.Page) error {
			_, err := db.Save(ctx, corpus.Doc{Page: p})
			return err
		}
	})
}

func runRun(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	f := addCrawlFlags(fs)
	lang := fs.lang()
	if err := fs.Parse(args); err != nil {
		return err
	}
	p := newPipeline()
	p.setLanguages(*lang)
	return crawlJob(ctx, e, "run", fs, f, storesArticles, func(ctx context.Context, db *corpus.DB) crawl.Handler {
		return storeHandler(p, db, e.logger)
	})
}

// storeHandler cleans, extracts and stores each page in one transaction.
func storeHandler(p *pipeline, db *corpus.DB, logger *slog.Logger) crawl.Handler {
	return func(ctx context.Context, page crawl.Page) error {
		doc, err := p.process(ctx, page)
		if err != nil {
			// The page itself is at fault: fetching it again will not help.
			return fmt.Errorf("%w: %w", crawl.ErrPageRejected, err)
		}
		saved, err := db.Save(ctx, doc)
		if err != nil {
			return err
		}
		if saved.Unchanged && saved.ArticleID == 0 && saved.DuplicateOf == 0 && doc.Article != nil {
			// The page was stored before without its article (by
			// tally crawl): store the article and record now.
			if err := db.Replace(ctx, saved.PageID, doc.Article, doc.Record); err != nil {
				return err
			}
		}
		if saved.DuplicateOf != 0 {
			logger.Debug("duplicate article", "url", page.URL, "first_copy", saved.DuplicateOf)
		}
		return nil
	}
}

// crawlJob opens the corpus and runs the job once, or every f.every.
// withArticles says the handler stores articles, so that pages an
// earlier crawl stored alone are handed to it.
func crawlJob(ctx context.Context, e *env, name string, fs *flagSet, f *crawlFlags, withArticles bool, handler crawlHandler) error {
	if f.logFormat != "text" && f.logFormat != "json" {
		return fmt.Errorf("%s: --log-format %q: want text or json", name, f.logFormat)
	}
	logger := e.logger
	if f.logFormat == "json" {
		logger = slog.New(slog.NewJSONHandler(e.logWriter(), &slog.HandlerOptions{Level: e.logLevel}))
	}
	seeds := fs.Args()
	job := f.job
	if job == "" {
		job = jobName(seeds)
	}
	if f.stats {
		if job == "" {
			return fmt.Errorf("%s: --stats needs --job or the seed URLs of the job", name)
		}
		return printRuns(ctx, e, f.db, job)
	}
	if len(seeds) == 0 {
		fs.Usage()
		return fmt.Errorf("%s: no seed URL given", name)
	}
	for _, s := range seeds {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%s: seed %q is not an http(s) URL", name, s)
		}
	}
	cfg := f.cfg
	cfg.Allow, cfg.Deny = f.allow, f.deny
	cfg.Proxy = http.ProxyFromEnvironment // HTTP_PROXY, HTTPS_PROXY, NO_PROXY
	if f.samePath {
		if len(f.allow) > 0 {
			return e.usageErrorf("%s: give --same-path or --allow, not both", name)
		}
		var err error
		if cfg.Allow, err = samePathPatterns(seeds); err != nil {
			return e.usageErrorf("%s: %w", name, err)
		}
	}
	if f.contact != "" {
		// The contact replaces the default one, or follows a user agent
		// given with --user-agent.
		if cfg.UserAgent == crawl.DefaultConfig().UserAgent {
			cfg.UserAgent = "tally/0.1 (+" + f.contact + ")"
		} else {
			cfg.UserAgent += " (+" + f.contact + ")"
		}
	}
	// Every check comes before the corpus is opened, so that a bad flag
	// leaves no new corpus file behind.
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if f.lease <= 0 {
		return e.usageErrorf("%s: --lease %v: want a positive duration", name, f.lease)
	}
	newWARC := false
	if f.warc != "" {
		_, err := os.Stat(f.warc)
		newWARC = errors.Is(err, os.ErrNotExist)
		w, err := os.OpenFile(f.warc, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return fmt.Errorf("%s: open WARC file: %w", name, err)
		}
		defer w.Close()
		cfg.WARC = w
		cfg.WARCGzip = strings.HasSuffix(f.warc, ".gz")
	}
	db, err := corpus.Open(ctx, f.db)
	if err != nil {
		if newWARC {
			os.Remove(f.warc) // empty: nothing was written yet
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	defer db.Close()
	if crawlOpened != nil {
		crawlOpened(db)
	}
	if e.status != nil && !e.quiet {
		cfg.Progress = progressLine(e.status)
		cfg.ProgressInterval = 500 * time.Millisecond
	}
	if withArticles {
		cfg.Handled = db.HasArticle
	}
	if db.Postgres() {
		// Any number of workers may run the job at once, sharing its
		// frontier; on SQLite one run holds the job.
		cfg.Lease = f.lease
	}
	c, err := crawl.New(cfg, db, logger)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for {
		// On a shared frontier the job's rounds are claimed, one every
		// f.every, by whichever worker comes first; the others join the
		// round under way (or find it done) rather than start their own.
		crawlRun, nextRound := c.Run, f.every
		if cfg.Lease > 0 && f.every > 0 {
			wait, _, err := db.Claim(ctx, "every "+job, f.every)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if wait > 0 {
				crawlRun, nextRound = c.Join, wait
			}
		}
		roundAt := time.Now().Add(nextRound)
		runCtx, h, limited := f.scope.start(ctx, handler(ctx, db))
		stats, err := crawlRun(runCtx, job, seeds, h)
		if why := limited(); why != "" && ctx.Err() == nil {
			// A run stopped by --max-pages or --max-time ends normally.
			logger.Info("run stopped", "job", job, "reason", why)
			if errors.Is(err, context.Canceled) {
				err = nil
			}
		}
		switch {
		case errors.Is(err, context.Canceled):
			// Interrupted with work left queued: the summary, then an
			// error the caller can tell from a failure.
			printSummary(e.stdout, job, stats)
			return err
		case errors.Is(err, crawl.ErrPagesNotHandled) && !errors.Is(err, crawl.ErrJobLocked):
			// Pages that could not be stored stay queued: the run is
			// reported, and fails, or is tried again at the next interval.
			if f.every <= 0 {
				printSummary(e.stdout, job, stats)
				return err
			}
			logger.Error("pages left queued", "job", job, "err", err)
			err = nil
		}
		if err != nil {
			// The crawler's errors name themselves ("crawl: lock job
			// ...: job is already running").
			return err
		}
		printSummary(e.stdout, job, stats)
		if err := nothingFetched(stats); err != nil && f.every <= 0 {
			return fmt.Errorf("%s: %w", name, err)
		}
		if withArticles && ctx.Err() == nil {
			// Each run keeps the events current; a failed refresh is
			// retried by the next run or by tally events.
			if err := refreshEventsAfter(ctx, e.stdout, db); err != nil {
				if f.every <= 0 {
					return fmt.Errorf("%s: %w", name, err)
				}
				logger.Error("events not refreshed", "job", job, "err", err)
			}
		}
		if f.every <= 0 || ctx.Err() != nil {
			return nil
		}
		wait := f.every
		if cfg.Lease > 0 {
			wait = max(time.Until(roundAt), 0)
		}
		logger.Info("next run", "job", job, "in", wait.Round(time.Millisecond).String())
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// nothingFetched reports a run in which every fetch failed, such as one
// whose seeds cannot be reached, as an error naming the reasons.
func nothingFetched(s crawl.RunStats) error {
	if s.Fetched > 0 || s.NotChanged > 0 || s.Failed == 0 {
		return nil
	}
	reasons := make([]string, 0, len(s.Failures))
	for r, n := range s.Failures {
		reasons = append(reasons, fmt.Sprintf("%s: %d", r, n))
	}
	sort.Strings(reasons)
	return fmt.Errorf("no page could be fetched (%s)", strings.Join(reasons, ", "))
}

// jobName names a job after its seeds' hosts.
func jobName(seeds []string) string {
	var hosts []string
	seen := map[string]bool{}
	for _, s := range seeds {
		if u, err := url.Parse(s); err == nil && u.Host != "" && !seen[u.Host] {
			seen[u.Host] = true
			hosts = append(hosts, strings.ToLower(u.Host))
		}
	}
	sort.Strings(hosts)
	return strings.Join(hosts, "+")
}

func printSummary(w io.Writer, job string, s crawl.RunStats) {
	fmt.Fprintf(w, "job %s: %d fetched, %d not changed, %d failed, %d skipped, %d left queued\n",
		job, s.Fetched, s.NotChanged, s.Failed, s.Skipped, s.Queued)
	if len(s.Failures) > 0 {
		reasons := make([]string, 0, len(s.Failures))
		for r := range s.Failures {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		for _, r := range reasons {
			fmt.Fprintf(w, "  failed %-20s %d\n", r, s.Failures[r])
		}
	}
}

// crawlOpened, when set, is given the corpus each crawl and run opens
// (benchmarks read its time spent waiting for the database).
var crawlOpened func(*corpus.DB)

// printRuns shows the last runs of a job, by every worker, each with the
// worker that made it (host:pid:random).
func printRuns(ctx context.Context, e *env, path, job string) error {
	if _, err := os.Stat(path); err != nil && !corpus.IsURL(path) {
		return fmt.Errorf("crawl --stats: corpus %s: %w", path, err)
	}
	db, err := corpus.Open(ctx, path)
	if err != nil {
		return err
	}
	defer db.Close()
	runs, err := db.Runs(ctx, job, 10)
	if err != nil {
		return err
	}
	if len(runs) == 0 {
		fmt.Fprintf(e.stdout, "no runs of job %s in %s\n", job, corpus.DisplayName(path))
		return nil
	}
	fmt.Fprintf(e.stdout, "%-6s %-20s %-11s %8s %8s %8s %8s  %s\n", "run", "started", "took", "fetched", "same", "failed", "queued", "worker")
	for _, r := range runs {
		took := "running"
		if r.Interrupted {
			took = "interrupted"
		}
		if !r.Finished.IsZero() {
			took = r.Finished.Sub(r.Started).Round(time.Second).String()
		}
		fmt.Fprintf(e.stdout, "%-6d %-20s %-11s %8d %8d %8d %8d  %s\n", r.ID, r.Started.Format("2006-01-02 15:04:05"), took,
			r.Stats.Fetched, r.Stats.NotChanged, r.Stats.Failed, r.Stats.Queued, r.Owner)
	}
	return nil
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressLine draws the crawl's progress on the terminal's status line.
func progressLine(s *statusLine) func(crawl.ProgressInfo) {
	return func(p crawl.ProgressInfo) {
		s.set(fmt.Sprintf("%s: %d fetched, %d queued, %d failed, %d in flight, %.1f/s",
			p.Job, p.Fetched, p.Queued, p.Failed, p.InFlight, p.Rate))
		if p.Done {
			s.done()
		}
	}
}
