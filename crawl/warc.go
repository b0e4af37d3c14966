package crawl

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// warcWriter writes HTTP exchanges as WARC 1.1 request and response
// records to one io.Writer, one record pair at a time.
type warcWriter struct {
	mu       sync.Mutex
	w        io.Writer
	gzip     bool
	marshal  gowarc.Marshaler
	infoID   string
	firstErr error
}

func newWARCWriter(w io.Writer, gz bool) *warcWriter {
	gowarcOptionsMu.Lock()
	defer gowarcOptionsMu.Unlock()
	return &warcWriter{w: w, gzip: gz, marshal: gowarc.NewMarshaler()}
}

// gowarcOptionsMu serialises the gowarc calls that build record options
// (record builders, marshalers, readers) and give records their ids:
// building options switches on uuid's random pool, which writes a
// package-level flag that uuid documents as unsafe for concurrent use,
// and record ids read it.
var gowarcOptionsMu sync.Mutex

// recordOptions are the options of every record the crawler builds: WARC
// 1.1, with Content-Length and SHA-256 block and payload digests added.
var recordOptions = []gowarc.WarcRecordOption{
	gowarc.WithVersion(gowarc.V1_1),
	gowarc.WithAddMissingDigest(true),
	gowarc.WithAddMissingContentLength(true),
	gowarc.WithBufferMaxMemBytes(16 << 20),
}

// info writes a warcinfo record describing the crawler; later records
// point to it.
func (w *warcWriter) info(userAgent, job string, at time.Time) error {
	gowarcOptionsMu.Lock()
	b := gowarc.NewRecordBuilder(gowarc.Warcinfo, recordOptions...)
	b.AddWarcHeaderTime(gowarc.WarcDate, at)
	b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	fmt.Fprintf(b, "software: tally crawl\r\nformat: WARC File Format 1.1\r\nhttp-header-user-agent: %s\r\nisPartOf: %s\r\n", userAgent, job)
	rec, _, err := b.Build()
	gowarcOptionsMu.Unlock()
	if err != nil {
		return w.fail(fmt.Errorf("warc: build warcinfo: %w", err))
	}
	w.mu.Lock()
	w.infoID = rec.RecordId()
	w.mu.Unlock()
	return w.write(rec)
}

// exchange writes one request and its response.
func (w *warcWriter) exchange(req *http.Request, resp *http.Response, body []byte, at time.Time) error {
	target := req.URL.String()

	var reqBlock bytes.Buffer
	uri := req.URL.RequestURI()
	fmt.Fprintf(&reqBlock, "%s %s HTTP/1.1\r\nHost: %s\r\n", req.Method, uri, req.URL.Host)
	writeHeader(&reqBlock, req.Header)
	reqBlock.WriteString("\r\n")

	var respBlock bytes.Buffer
	proto := resp.Proto
	if !strings.HasPrefix(proto, "HTTP/1.") {
		proto = "HTTP/1.1"
	}
	fmt.Fprintf(&respBlock, "%s %s\r\n", proto, statusText(resp))
	writeHeader(&respBlock, resp.Header)
	respBlock.WriteString("\r\n")
	respBlock.Write(body)

	w.mu.Lock()
	infoID := w.infoID
	w.mu.Unlock()

	respRec, reqRec, err := buildExchange(target, at, infoID, respBlock.Bytes(), reqBlock.Bytes())
	if err != nil {
		return w.fail(err)
	}
	defer respRec.Close()
	defer reqRec.Close()
	return w.write(respRec, reqRec)
}

// write marshals records in order, each as its own gzip member when
// asked, under the lock so that records of concurrent exchanges do not
// interleave.
func (w *warcWriter) write(recs ...gowarc.WarcRecord) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, rec := range recs {
		var err error
		if w.gzip {
			zw := gzip.NewWriter(w.w)
			if _, _, err = w.marshal.Marshal(zw, rec, 0); err == nil {
				err = zw.Close()
			}
		} else {
			_, _, err = w.marshal.Marshal(w.w, rec, 0)
		}
		if err != nil {
			err = fmt.Errorf("warc: write %s record: %w", rec.Type(), err)
			if w.firstErr == nil {
				w.firstErr = err
			}
			return err
		}
	}
	return nil
}

// fail remembers the first error so that the run can report it.
func (w *warcWriter) fail(err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.firstErr == nil {
		w.firstErr = err
	}
	return err
}

// err returns the first error met while writing, if any.
func (w *warcWriter) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.firstErr
}

// writeHeader writes h as HTTP header lines, names sorted.
func writeHeader(buf *bytes.Buffer, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(buf, "%s: %s\r\n", k, v)
		}
	}
}

// statusText is the "200 OK" part of a status line.
func statusText(resp *http.Response) string {
	if resp.Status != "" {
		return resp.Status
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
}

// buildExchange builds the response record and the request record of one
// exchange, under gowarcOptionsMu.
func buildExchange(target string, at time.Time, infoID string, respBlock, reqBlock []byte) (resp, req gowarc.WarcRecord, err error) {
	gowarcOptionsMu.Lock()
	defer gowarcOptionsMu.Unlock()
	rb := gowarc.NewRecordBuilder(gowarc.Response, recordOptions...)
	rb.AddWarcHeader(gowarc.WarcTargetURI, target)
	rb.AddWarcHeaderTime(gowarc.WarcDate, at)
	rb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if infoID != "" {
		rb.AddWarcHeader(gowarc.WarcWarcinfoID, "<"+infoID+">")
	}
	if _, err := rb.Write(respBlock); err != nil {
		return nil, nil, fmt.Errorf("warc: response for %s: %w", target, err)
	}
	resp, _, err = rb.Build()
	if err != nil {
		return nil, nil, fmt.Errorf("warc: response for %s: %w", target, err)
	}

	qb := gowarc.NewRecordBuilder(gowarc.Request, recordOptions...)
	qb.AddWarcHeader(gowarc.WarcTargetURI, target)
	qb.AddWarcHeaderTime(gowarc.WarcDate, at)
	qb.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
	qb.AddWarcHeader(gowarc.WarcConcurrentTo, "<"+resp.RecordId()+">")
	if infoID != "" {
		qb.AddWarcHeader(gowarc.WarcWarcinfoID, "<"+infoID+">")
	}
	if _, err := qb.Write(reqBlock); err != nil {
		resp.Close()
		return nil, nil, fmt.Errorf("warc: request for %s: %w", target, err)
	}
	req, _, err = qb.Build()
	if err != nil {
		resp.Close()
		return nil, nil, fmt.Errorf("warc: request for %s: %w", target, err)
	}
	return resp, req, nil
}
