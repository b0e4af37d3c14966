package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
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
	if err := fs.Parse(args); err != nil {
		return err
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
	for _, a := range fs.Args() {
		if err := checkImportArg(a); err != nil {
			return fmt.Errorf("import: %w", err)
		}
	}
	c, err := corpus.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer c.Close()

	p := newPipeline()
	p.setLanguages(*lang)
	pages := make(chan crawl.Page)
	var stored, unchanged, dups, failed atomic.Int64
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for page := range pages {
				doc, err := p.process(ctx, page)
				if err != nil {
					failed.Add(1)
					e.logger.Warn("import: page skipped", "url", page.URL, "err", err)
					continue
				}
				saved, err := c.Save(ctx, doc)
				if err != nil {
					cancel(fmt.Errorf("store %s: %w", page.URL, err))
					return
				}
				switch {
				case saved.Unchanged:
					unchanged.Add(1)
				case saved.DuplicateOf != 0:
					dups.Add(1)
				default:
					stored.Add(1)
				}
			}
		}()
	}
	send := func(page crawl.Page) error {
		select {
		case pages <- page:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	start := time.Now()
	var readErr error
	for _, a := range fs.Args() {
		if readErr = importPath(ctx, a, *job, baseURL, *maxBody, send); readErr != nil {
			break
		}
	}
	close(pages)
	wg.Wait()
	fmt.Fprintf(e.stdout, "imported %d pages (%d already stored, %d duplicates, %d failed) in %s\n",
		stored.Load(), unchanged.Load(), dups.Load(), failed.Load(), time.Since(start).Round(time.Millisecond))
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return fmt.Errorf("import: %w", cause)
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return fmt.Errorf("import: %w", readErr)
	}
	return nil
}

// checkImportArg checks that a path exists and, for a file, that it looks
// like an HTML page or a WARC file, so that bad input is refused before
// the corpus is opened.
func checkImportArg(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: no such file or folder", path)
	}
	if st.IsDir() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := f.Read(head)
	head = head[:n]
	if isWARCName(path) {
		if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b || strings.HasPrefix(string(head), "WARC/") {
			return nil
		}
		return fmt.Errorf("%s: not a WARC file", path)
	}
	if !looksLikeHTML(head) {
		return fmt.Errorf("%s: not an HTML page", path)
	}
	return nil
}

// looksLikeHTML reports whether the start of a file is HTML markup.
func looksLikeHTML(head []byte) bool {
	h := strings.ToLower(string(head))
	return strings.Contains(h, "<html") || strings.Contains(h, "<!doctype html") || strings.Contains(h, "<body") || strings.Contains(h, "<p")
}

// importPath sends the pages of one argument: a WARC file, an HTML file or
// a folder of them.
func importPath(ctx context.Context, path, job string, base *url.URL, maxBody int64, send func(crawl.Page) error) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return importFile(ctx, path, path, job, base, maxBody, send)
	}
	return filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		name := strings.ToLower(d.Name())
		if !isWARCName(name) && !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".htm") {
			return nil
		}
		rel, _ := filepath.Rel(path, p)
		return importFile(ctx, p, rel, job, base, maxBody, send)
	})
}

func isWARCName(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".warc") || strings.HasSuffix(name, ".warc.gz")
}

// importFile sends the pages of one WARC file or the one page of an HTML
// file. rel is the file's path relative to the folder given, for its URL.
func importFile(ctx context.Context, path, rel, job string, base *url.URL, maxBody int64, send func(crawl.Page) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if isWARCName(path) {
		_, _, err := crawl.ReadWARC(ctx, bufio.NewReader(f), job, maxBody, send)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() > maxBody {
		return fmt.Errorf("%s: %d bytes, larger than --max-body", path, st.Size())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !looksLikeHTML(data[:min(len(data), 1024)]) {
		return fmt.Errorf("%s: not an HTML page", path)
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
