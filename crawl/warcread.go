package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// WARCSkips counts the records ReadWARC passed over, by reason:
// "not-response" (requests, warcinfo, metadata, revisits), "not-http" (a
// response whose block or target is not HTTP, such as a dns: record),
// "status" (not 2xx), "robots", "not-html", "too-large" (over maxBody),
// "gzip" and "charset" (a body that cannot be decoded).
type WARCSkips map[string]int

// Total is the number of records skipped.
func (s WARCSkips) Total() int {
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

// String lists the counts by reason, e.g. "not-html 3, too-large 1".
func (s WARCSkips) String() string {
	reasons := make([]string, 0, len(s))
	for r := range s {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%s %d", r, s[r])
	}
	return strings.Join(parts, ", ")
}

// ErrWARCTooLarge is wrapped by the error ReadWARC returns, after reading
// the whole file, when it skipped HTML responses larger than maxBody.
var ErrWARCTooLarge = errors.New("responses larger than the body limit skipped")

// ReadWARC reads a WARC file (plain or with gzipped records, as this
// crawler and other archivers write them) and calls fn with each HTML
// response it holds, as a Page with its body, whole, decoded to UTF-8.
// Other records (requests, metadata, non-HTML responses, revisits) are
// skipped and counted by reason.
//
// maxBody bounds a response body, as MaxBodySize does for a crawl: larger
// responses are skipped, and once the file is read ReadWARC returns an
// error wrapping ErrWARCTooLarge that names the first of them. A file that
// ends inside a record (a truncated download or an interrupted write) is
// an error naming the record. An error from fn stops the reading and is
// returned.
func ReadWARC(ctx context.Context, r io.Reader, job string, maxBody int64, fn func(Page) error) (read int, skipped WARCSkips, err error) {
	skipped = WARCSkips{}
	// The spec-violation policy must not be ErrIgnore: under it gowarc
	// does not keep a record's block, and the payload read afterwards is
	// only what happened to be buffered (about 4 KB). Under ErrWarn the
	// block is kept (in memory, or in a temporary file when large) and
	// the findings, which other archivers' files often have, are returned
	// for the caller to judge.
	gowarcOptionsMu.Lock()
	wf, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithBufferMaxMemBytes(warcBufferMem))
	gowarcOptionsMu.Unlock()
	if err != nil {
		return 0, skipped, fmt.Errorf("read WARC: %w", err)
	}
	defer wf.Close()
	var tooLarge []string
	for {
		if err := ctx.Err(); err != nil {
			return read, skipped, err
		}
		rec, err := wf.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			rec.Close()
			return read, skipped, fmt.Errorf("read WARC record at byte %d: %w", rec.Offset, err)
		}
		if cut := truncation(rec.Validation); cut != nil {
			rec.Close()
			return read, skipped, fmt.Errorf("WARC record at byte %d is cut short, the file is truncated: %w", rec.Offset, cut)
		}
		p, reason, err := warcPage(rec.WarcRecord, job, maxBody)
		rec.Close()
		if err != nil {
			return read, skipped, fmt.Errorf("WARC record at byte %d: %w", rec.Offset, err)
		}
		if reason != "" {
			skipped[reason]++
			if reason == "too-large" {
				tooLarge = append(tooLarge, fmt.Sprintf("%s at byte %d", p.URL, rec.Offset))
			}
			continue
		}
		if err := fn(p); err != nil {
			return read, skipped, err
		}
		read++
	}
	if len(tooLarge) > 0 {
		return read, skipped, fmt.Errorf("%d %w (%d bytes), the first %s", len(tooLarge), ErrWARCTooLarge, maxBody, tooLarge[0])
	}
	return read, skipped, nil
}

// warcBufferMem is how much of a record's block gowarc keeps in memory;
// a larger block goes to a temporary file while it is read.
const warcBufferMem = 4 << 20

// truncation finds, among a record's validation findings, the one saying
// that the file ended before the record did.
func truncation(findings []error) error {
	for _, f := range findings {
		var cl *gowarc.ContentLengthError
		if errors.As(f, &cl) && cl.Actual < cl.Expected {
			return fmt.Errorf("%d of %d bytes", cl.Actual, cl.Expected)
		}
	}
	return nil
}

// warcPage turns an HTML response record into a Page. For any other
// record it returns the reason it is skipped; for a body over maxBody the
// Page holds only the URL, for the report.
func warcPage(rec gowarc.WarcRecord, job string, maxBody int64) (Page, string, error) {
	if rec == nil || rec.Type() != gowarc.Response {
		return Page{}, "not-response", nil
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	target := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	url, err := Canonicalize(target)
	if !isHTTP || err != nil {
		return Page{}, "not-http", nil
	}
	if block.HttpStatusCode() < 200 || block.HttpStatusCode() > 299 {
		return Page{}, "status", nil
	}
	if strings.HasSuffix(target, "/robots.txt") {
		return Page{}, "robots", nil
	}
	header := http.Header{}
	if h := block.HttpHeader(); h != nil {
		header = h.Clone()
	}
	ct := header.Get("Content-Type")
	if mt := mediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
		return Page{}, "not-html", nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return Page{}, "", fmt.Errorf("payload: %w", err)
	}
	body, err := io.ReadAll(io.LimitReader(payload, maxBody+1))
	if err != nil {
		return Page{}, "", fmt.Errorf("payload: %w", err)
	}
	if int64(len(body)) > maxBody {
		return Page{URL: url}, "too-large", nil
	}
	if strings.EqualFold(header.Get("Content-Encoding"), "gzip") {
		if body, err = gunzipIfNeeded(body, maxBody); errors.Is(err, errTooLarge) {
			return Page{URL: url}, "too-large", nil
		} else if err != nil {
			return Page{}, "gzip", nil
		}
	}
	decoded, err := decodeHTML(body, ct)
	if err != nil {
		return Page{}, "charset", nil
	}
	at, _ := rec.WarcHeader().GetTime(gowarc.WarcDate)
	if at.IsZero() {
		at = time.Now().UTC()
	}
	return Page{
		Job:         job,
		URL:         url,
		FinalURL:    url,
		Status:      block.HttpStatusCode(),
		Header:      header,
		Body:        decoded,
		ContentType: "text/html",
		Hash:        sha256Hex(decoded),
		Fetched:     at,
	}, "", nil
}
