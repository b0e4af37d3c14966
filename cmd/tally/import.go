package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
)

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	db := fs.db()
	job := fs.String("job", "import", "job name the imported pages are filed under")
	base := fs.String("base-url", "", "URL that HTML files' paths are taken relative to (default: file:// URLs)")
	maxBody := fs.Int64("max-body", crawl.DefaultConfig().MaxBodySize, "largest page in bytes; larger ones are skipped")
	lang := fs.lang()
	lease := fs.Duration("lease", time.Minute, "on a PostgreSQL corpus, workers importing the same files at once share them: how long a worker's records stay its own once it stops renewing them (it died)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *lease <= 0 {
		return e.usageErrorf("import: --lease %v: want a positive duration", *lease)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("import: no file given")
	}
	var baseURL *url.URL
	if *base != "" {
		u, err := url.Parse(*base)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("import: --base-url %q is not an absolute URL", *base)
		}
		baseURL = u
	}
	// Check every input before the corpus is touched.
	found := false
	for _, a := range fs.Args() {
		ok, err := checkImportArg(a)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		found = found || ok
	}
	if !found {
		// Most likely the wrong folder: say so rather than report an
		// import of nothing as a success.
		return fmt.Errorf("import: no HTML (.html, .htm) or WARC (.warc, .warc.gz) files found in %s", strings.Join(fs.Args(), ", "))
	}
	c, err := corpus.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer c.Close()

	p := newPipeline()
	rep := newFailures(e.stderr, "import", true)
	p.setLanguages(*lang)
	type work struct {
		page  crawl.Page
		batch *sync.WaitGroup // done when the page is
	}
	pages := make(chan work)
	var stored, unchanged, dups, versions atomic.Int64
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range pages {
				saved, pageErr, err := importPage(ctx, c, p, j.page)
				j.batch.Done()
				if pageErr != nil {
					rep.fail("", pageErr) // the error names the page
					continue
				}
				if err != nil {
					cancel(err)
					return
				}
				switch {
				case saved.Unchanged:
					unchanged.Add(1)
				case saved.DuplicateOf != 0:
					dups.Add(1)
				case saved.VersionOf != 0:
					versions.Add(1)
					stored.Add(1)
				default:
					stored.Add(1)
				}
			}
		}()
	}
	send := func(batch *sync.WaitGroup) func(crawl.Page) error {
		return func(page crawl.Page) error {
			batch.Add(1)
			select {
			case pages <- work{page, batch}:
				return nil
			case <-ctx.Done():
				batch.Done()
				return context.Cause(ctx)
			}
		}
	}
	start := time.Now()
	skips := crawl.WARCSkips{}
	// read sends the pages of every input; a pass that is not the first
	// (a worker of a shared import going back for a batch) reports no
	// failures and counts no skipped records again.
	read := func(ctx context.Context, send func(crawl.Page) error, first bool) error {
		r, sk := rep, skips
		if !first {
			r, sk = newFailures(io.Discard, "import", true), crawl.WARCSkips{}
		}
		for _, a := range fs.Args() {
			if err := importPath(ctx, a, *job, baseURL, *maxBody, send, r, sk); err != nil {
				return err
			}
		}
		return nil
	}
	var readErr error
	if c.Postgres() {
		readErr = importShared(ctx, c, importTaskName(*job, *base, *maxBody, fs.Args()), *lease, read, send)
	} else {
		readErr = read(ctx, send(new(sync.WaitGroup)), true)
	}
	close(pages)
	wg.Wait()
	fmt.Fprintf(e.stdout, "imported %d pages (%d already stored, %d duplicates, %d failed) in %s",
		stored.Load(), unchanged.Load(), dups.Load(), rep.count(), time.Since(start).Round(time.Millisecond))
	if n := versions.Load(); n > 0 {
		fmt.Fprintf(e.stdout, "; %d of them updated versions of stored stories", n)
	}
	if n := skips.Total(); n > 0 {
		fmt.Fprintf(e.stdout, "; %d WARC records skipped (%s)", n, skips)
	}
	fmt.Fprintln(e.stdout)
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return fmt.Errorf("import: %w", cause)
	}
	if readErr != nil {
		return fmt.Errorf("import: %w", readErr)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(e.stdout, eventsNotRefreshed)
		return rep.err()
	}
	if err := refreshEventsAfter(ctx, e.stdout, c); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return rep.err()
}

// importPage stores one imported page, unless it is stored already, and
// says what Save did. pageErr says why a page that could not be cleaned
// or extracted was not stored (the import goes on); err stops the import.
func importPage(ctx context.Context, c *corpus.DB, p *pipeline, page crawl.Page) (saved corpus.Saved, pageErr, err error) {
	// A page stored before (a resumed import, or another worker's) is
	// recognised before it is cleaned and extracted again.
	if page.Hash == "" {
		sum := sha256.Sum256(page.Body)
		page.Hash = hex.EncodeToString(sum[:])
	}
	if ok, err := c.HasPage(ctx, page.URL, page.Hash); err != nil {
		return corpus.Saved{}, nil, err
	} else if ok {
		return corpus.Saved{Unchanged: true}, nil, nil
	}
	doc, err := importProcess(ctx, p, page)
	if err != nil {
		return corpus.Saved{}, err, nil
	}
	if saved, err = c.Save(ctx, doc); err != nil {
		return corpus.Saved{}, nil, fmt.Errorf("store %s: %w", page.URL, err)
	}
	return saved, nil, nil
}

// importProcess cleans and extracts an imported page (tests count the
// pages it is given).
var importProcess = func(ctx context.Context, p *pipeline, page crawl.Page) (corpus.Doc, error) {
	return p.process(ctx, page)
}

// checkImportArg checks that a path exists and, for a file, that it looks
// like an HTML page or a WARC file, so that bad input is refused before
// the corpus is opened. It reports whether the path is, or for a folder
// holds, a file to import.
func checkImportArg(path string) (bool, error) {
	st, err := os.Stat(path)
	if err != nil {
		return false, fmt.Errorf("%s: no such file or folder", path)
	}
	if st.IsDir() {
		return holdsImportable(path), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := f.Read(head)
	head = head[:n]
	if isWARCName(path) {
		if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b || strings.HasPrefix(string(head), "WARC/") {
			return true, nil
		}
		return false, fmt.Errorf("%s: not a WARC file", path)
	}
	if !looksLikeHTML(head) {
		return false, fmt.Errorf("%s: not an HTML page", path)
	}
	return true, nil
}

// errFound stops holdsImportable's walk at the first file to import.
var errFound = errors.New("found")

// holdsImportable reports whether a folder holds a file to import.
func holdsImportable(dir string) bool {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && isImportName(d.Name()) {
			return errFound
		}
		return nil
	})
	return err == errFound
}

// looksLikeHTML reports whether the start of a file is HTML markup.
func looksLikeHTML(head []byte) bool {
	h := strings.ToLower(string(head))
	return strings.Contains(h, "<html") || strings.Contains(h, "<!doctype html") || strings.Contains(h, "<body") || strings.Contains(h, "<p")
}

// importPath sends the pages of one argument: a WARC file, an HTML file or
// a folder of them. A file that cannot be read or is not what its name
// says is reported to rep and skipped; the WARC records passed over are
// added to skips by reason. The error returned is one that stops the
// import (cancellation, or the pages can no longer be stored).
func importPath(ctx context.Context, path, job string, base *url.URL, maxBody int64, send func(crawl.Page) error, rep *failures, skips crawl.WARCSkips) error {
	st, err := os.Stat(path)
	if err != nil {
		rep.fail(path, err)
		return nil
	}
	if !st.IsDir() {
		return importFile(ctx, path, path, job, base, maxBody, send, rep, skips)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			rep.fail(p, err)
			if d != nil && d.IsDir() && p != path {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !isImportName(d.Name()) {
			return nil
		}
		rel, _ := filepath.Rel(path, p)
		return importFile(ctx, p, rel, job, base, maxBody, send, rep, skips)
	})
}

// isImportName reports whether a file in a folder is imported: an HTML
// page or a WARC file, by its name.
func isImportName(name string) bool {
	name = strings.ToLower(name)
	return isWARCName(name) || strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

func isWARCName(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, ".warc.gz")
}

// importFile sends the pages of one WARC file or the one page of an HTML
// file. rel is the file's path relative to the folder given, for its URL.
// A bad file is reported to rep, a WARC file's skipped records are added
// to skips (those of a bad one too, up to where it went wrong); the error
// returned stops the import.
func importFile(ctx context.Context, path, rel, job string, base *url.URL, maxBody int64, send func(crawl.Page) error, rep *failures, skips crawl.WARCSkips) error {
	// Errors from send stop the import; others are the file's.
	var sendErr error
	sendPage := func(p crawl.Page) error {
		if err := send(p); err != nil {
			sendErr = err
			return err
		}
		return nil
	}
	err := readImportFile(ctx, path, rel, job, base, maxBody, sendPage, skips)
	if sendErr != nil {
		return sendErr
	}
	if err != nil {
		rep.fail(path, err)
	}
	return nil
}

func readImportFile(ctx context.Context, path, rel, job string, base *url.URL, maxBody int64, send func(crawl.Page) error, skips crawl.WARCSkips) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if isWARCName(path) {
		_, skipped, err := crawl.ReadWARC(ctx, bufio.NewReader(f), job, maxBody, send)
		for reason, n := range skipped {
			skips[reason] += n
		}
		return err
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() > maxBody {
		return fmt.Errorf("%d bytes, larger than --max-body %d", st.Size(), maxBody)
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return err
	}
	if !looksLikeHTML(data[:min(len(data), 1024)]) {
		return errors.New("not an HTML page")
	}
	u := fileURL(path, rel, base)
	sum := sha256.Sum256(data)
	return send(crawl.Page{
		Job:         job,
		URL:         u,
		FinalURL:    u,
		Status:      200,
		Body:        data,
		ContentType: "text/html",
		Hash:        hex.EncodeToString(sum[:]),
		Fetched:     st.ModTime().UTC(),
	})
}

// fileURL names an imported file: its path under base, or a file:// URL.
func fileURL(path, rel string, base *url.URL) string {
	if base != nil {
		return base.ResolveReference(&url.URL{Path: filepath.ToSlash(rel)}).String()
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}
