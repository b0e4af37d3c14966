package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
			if skipped.Total() == 0 {
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

// TestReadWARCKeepsWholeBodies reads back pages of realistic size (10 to
// 100 KB): every body must come back byte for byte, in both layouts.
func TestReadWARCKeepsWholeBodies(t *testing.T) {
	want := map[string]string{}
	mux := http.NewServeMux()
	var index strings.Builder
	index.WriteString("<html><body>")
	for i, size := range []int{10 << 10, 40 << 10, 100 << 10} {
		path := fmt.Sprintf("/story-%d", i)
		want[path] = articlePage(fmt.Sprintf("Story %d", i), size)
		mux.HandleFunc(path, servePage(want[path]))
		fmt.Fprintf(&index, `<a href="%s">story</a> `, path)
	}
	index.WriteString("</body></html>")
	want["/"] = index.String()
	mux.HandleFunc("/", servePage(want["/"]))
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			s := newSite(t, mux)
			var buf bytes.Buffer
			cfg := testConfig()
			cfg.WARC, cfg.WARCGzip = &buf, gz
			crawl(t, cfg, NewMemoryStore(), "job", (&collector{}).handle, s.URL+"/")
			got := map[string]string{}
			if _, _, err := ReadWARC(context.Background(), &buf, "imported", 1<<20, func(p Page) error {
				got[strings.TrimPrefix(p.URL, s.URL)] = string(p.Body)
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			for path, body := range want {
				if got[path] != body {
					t.Errorf("%s: read %d bytes, want the %d served", path, len(got[path]), len(body))
				}
			}
		})
	}
}

// warcOf crawls a site of the given pages (path -> body, each linked from
// "/") into a WARC file and returns it with the site.
func warcOf(t *testing.T, gz bool, pages map[string]string) ([]byte, *site) {
	t.Helper()
	mux := http.NewServeMux()
	var index strings.Builder
	for path, body := range pages {
		mux.HandleFunc(path, servePage(body))
		fmt.Fprintf(&index, `<a href="%s">x</a> `, path)
	}
	mux.HandleFunc("/", servePage("<html><body>"+index.String()+"</body></html>"))
	s := newSite(t, mux)
	var buf bytes.Buffer
	cfg := testConfig()
	cfg.WARC, cfg.WARCGzip = &buf, gz
	crawl(t, cfg, NewMemoryStore(), "job", (&collector{}).handle, s.URL+"/")
	return buf.Bytes(), s
}

// TestReadWARCSkipsAndReportsLargeRecords: a response over maxBody is not
// imported cut down to size; the rest are read, and the error at the end
// names the skipped one.
func TestReadWARCSkipsAndReportsLargeRecords(t *testing.T) {
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			data, s := warcOf(t, gz, map[string]string{
				"/small": articlePage("Small", 20<<10),
				"/big":   articlePage("Big", 90<<10),
			})
			got := map[string]int{}
			read, skipped, err := ReadWARC(context.Background(), bytes.NewReader(data), "j", 50<<10, func(p Page) error {
				got[strings.TrimPrefix(p.URL, s.URL)] = len(p.Body)
				return nil
			})
			if !errors.Is(err, ErrWARCTooLarge) || !strings.Contains(err.Error(), s.URL+"/big") {
				t.Errorf("err = %v, want ErrWARCTooLarge naming /big", err)
			}
			if _, ok := got["/big"]; ok || read != 2 || got["/small"] < 20<<10 {
				t.Errorf("read %d pages %v, want / and /small whole", read, got)
			}
			if skipped["too-large"] != 1 {
				t.Errorf("skipped %v, want too-large 1", skipped)
			}
		})
	}
}

// TestReadWARCTruncatedFile: a plain WARC cut inside a record is an error
// naming the record, after the complete records before it were read.
func TestReadWARCTruncatedFile(t *testing.T) {
	data, _ := warcOf(t, false, map[string]string{"/a": articlePage("A", 30<<10), "/b": articlePage("B", 30<<10)})
	last := bytes.LastIndex(data, []byte("WARC/1.1\r\nWARC-Type: response"))
	if last < 0 {
		t.Fatal("no response record")
	}
	for _, cut := range []int{last + 2000, len(data) - 5000} {
		read, _, err := ReadWARC(context.Background(), bytes.NewReader(data[:cut]), "j", 1<<20, func(Page) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "truncated") {
			t.Errorf("cut at %d of %d: read %d, err = %v, want a truncation error", cut, len(data), read, err)
		}
	}
}

// TestReadWARCCountsNonHTTPTargets: a response record whose target is not
// an http(s) URL is skipped and counted, not imported.
func TestReadWARCCountsNonHTTPTargets(t *testing.T) {
	data, s := warcOf(t, false, map[string]string{"/a": articlePage("A", 12<<10)})
	odd := bytes.ReplaceAll(data, []byte("WARC-Target-URI: "+s.URL+"/a"), []byte("WARC-Target-URI: ftp://x.test/a"))
	read, skipped, err := ReadWARC(context.Background(), bytes.NewReader(odd), "j", 1<<20, func(Page) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	if read != 1 || skipped["not-http"] != 1 {
		t.Errorf("read %d, skipped %v; want 1 read (/) and not-http 1", read, skipped)
	}
}
