package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// ReadWARC reads a WARC file (plain or with gzipped records, as this
// crawler and other archivers write them) and calls fn with each HTML
// response it holds, as a Page with its body decoded to UTF-8. Other
// records (requests, metadata, non-HTML responses, revisits) are skipped.
// maxBody bounds a response body, as MaxBodySize does for a crawl; larger
// responses are skipped. An error from fn stops the reading and is
// returned.
func ReadWARC(ctx context.Context, r io.Reader, job string, maxBody int64, fn func(Page) error) (read, skipped int, err error) {
	wf, err := gowarc.NewWarcFileReaderFromStream(r, 0, gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore), gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore))
	if err != nil {
		return 0, 0, fmt.Errorf("read WARC: %w", err)
	}
	defer wf.Close()
	for {
		if err := ctx.Err(); err != nil {
			return read, skipped, err
		}
		rec, err := wf.Next()
		if errors.Is(err, io.EOF) {
			return read, skipped, nil
		}
		if err != nil {
			return read, skipped, fmt.Errorf("read WARC record at byte %d: %w", rec.Offset, err)
		}
		p, ok, err := warcPage(rec.WarcRecord, job, maxBody)
		rec.Close()
		if err != nil {
			return read, skipped, fmt.Errorf("WARC record at byte %d: %w", rec.Offset, err)
		}
		if !ok {
			skipped++
			continue
		}
		if err := fn(p); err != nil {
			return read, skipped, err
		}
		read++
	}
}

// warcPage turns an HTML response record into a Page; ok is false for any
// other record.
func warcPage(rec gowarc.WarcRecord, job string, maxBody int64) (Page, bool, error) {
	if rec == nil || rec.Type() != gowarc.Response {
		return Page{}, false, nil
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP || block.HttpStatusCode() < 200 || block.HttpStatusCode() > 299 {
		return Page{}, false, nil
	}
	target := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<>")
	if strings.HasSuffix(target, "/robots.txt") {
		return Page{}, false, nil
	}
	header := http.Header{}
	if h := block.HttpHeader(); h != nil {
		header = h.Clone()
	}
	ct := header.Get("Content-Type")
	if mt := mediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
		return Page{}, false, nil
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return Page{}, false, fmt.Errorf("payload: %w", err)
	}
	body, err := io.ReadAll(io.LimitReader(payload, maxBody+1))
	if err != nil {
		return Page{}, false, fmt.Errorf("payload: %w", err)
	}
	if int64(len(body)) > maxBody {
		return Page{}, false, nil
	}
	if strings.EqualFold(header.Get("Content-Encoding"), "gzip") {
		if body, err = gunzipIfNeeded(body, maxBody); err != nil {
			return Page{}, false, nil
		}
	}
	decoded, err := decodeHTML(body, ct)
	if err != nil {
		return Page{}, false, nil
	}
	url, err := Canonicalize(target)
	if err != nil {
		return Page{}, false, nil
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
	}, true, nil
}
