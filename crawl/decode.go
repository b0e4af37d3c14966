package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// errTooLarge marks a body over the size limit.
var errTooLarge = errors.New("body larger than the limit")

// docType is what a fetched body turned out to be.
type docType int

const (
	docOther   docType = iota
	docHTML            // an HTML page, handed to the Handler
	docFeed            // RSS, RDF or Atom
	docSitemap         // urlset, sitemapindex or a text sitemap
)

// mediaType returns the media type of a Content-Type header without its
// parameters, lower-cased; "" when there is none.
func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(mt))
}

// gunzipIfNeeded returns body decompressed when it is a gzip stream (a
// gzipped sitemap, or a compressed body a server sent unasked), failing
// with errTooLarge when the result would exceed limit bytes.
func gunzipIfNeeded(body []byte, limit int64) ([]byte, error) {
	if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
		return body, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip: %w", err)
	}
	if int64(len(out)) > limit {
		return nil, errTooLarge
	}
	return out, nil
}

// classify decides what a body is from its media type and, for XML and
// unlabelled bodies, from its root element. kind is the frontier's hint:
// a text/plain body is read as a text sitemap only when kind is "sitemap".
func classify(mt string, body []byte, kind string) docType {
	if mt == "" || mt == "application/octet-stream" {
		mt = mediaType(http.DetectContentType(body))
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return docHTML
	case mt == "text/plain":
		if kind == KindSitemap {
			return docSitemap
		}
		if xmlRoot(body) != "" {
			return rootType(xmlRoot(body))
		}
		return docOther
	case strings.HasSuffix(mt, "xml") || mt == "application/gzip" || mt == "application/x-gzip":
		return rootType(xmlRoot(body))
	}
	return docOther
}

// rootType maps an XML root element's local name to a document type.
func rootType(root string) docType {
	switch strings.ToLower(root) {
	case "rss", "rdf", "feed":
		return docFeed
	case "urlset", "sitemapindex":
		return docSitemap
	}
	return docOther
}

// decodeHTML returns an HTML body as UTF-8, using the charset of the
// Content-Type header, a byte-order mark or a <meta> declaration, in the
// order the HTML standard gives them; without any, valid UTF-8 is taken as
// it is and anything else as windows-1252.
func decodeHTML(body []byte, contentType string) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
		if utf8.Valid(body) {
			return body, nil
		}
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
