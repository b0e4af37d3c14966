package crawl

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestReadWARCRoundTrip crawls a site into a WARC file and reads the
// pages back from it, as an import of the archive would.
func TestReadWARCRoundTrip(t *testing.T) {
	for _, gz := range []bool{false, true} {
		name := "plain"
		if gz {
			name = "gzip"
		}
		t.Run(name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("/", servePage(`<html><body><a href="/a">a</a> <a href="/latin">b</a> <a href="/img">c</a></body></html>`))
			mux.HandleFunc("/a", servePage(`<html><head><title>A</title></head><body><p>Article A.</p></body></html>`))
			mux.HandleFunc("/latin", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=windows-1252")
				w.Write([]byte("<html><body><p>Caf\xe9 cr\xe8me</p></body></html>"))
			})
			mux.HandleFunc("/img", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "image/png")
				w.Write([]byte("\x89PNG"))
			})
			s := newSite(t, mux)
			var buf bytes.Buffer
			cfg := testConfig()
			cfg.WARC, cfg.WARCGzip = &buf, gz
			var c collector
			crawl(t, cfg, NewMemoryStore(), "job", c.handle, s.URL+"/")

			got := map[string]Page{}
			read, skipped, err := ReadWARC(context.Background(), &buf, "imported", 1<<20, func(p Page) error {
				got[strings.TrimPrefix(p.URL, s.URL)] = p
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if read != 3 || len(got) != 3 {
				t.Fatalf("read %d pages (%v), want /, /a and /latin", read, keys(got))
			}
			if skipped == 0 {
				t.Errorf("no record skipped; requests, warcinfo and the image should be")
			}
			if p := got["/latin"]; !strings.Contains(string(p.Body), "Café crème") {
				t.Errorf("windows-1252 page not decoded: %q", p.Body)
			}
			if p := got["/a"]; p.Job != "imported" || p.Status != 200 || p.Hash != sha256Hex(p.Body) || p.Fetched.IsZero() {
				t.Errorf("page /a: %+v", p)
			}
		})
	}
}

func TestReadWARCGarbageGivesNoPages(t *testing.T) {
	for _, in := range []string{"this is not a WARC file\n", "", "WARC/1.1\r\nbroken"} {
		read, _, err := ReadWARC(context.Background(), strings.NewReader(in), "j", 1<<20, func(Page) error { return nil })
		if read != 0 {
			t.Errorf("%q: read %d pages (err %v)", in, read, err)
		}
	}
}

func keys(m map[string]Page) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
