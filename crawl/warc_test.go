package crawl

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/nlnwa/gowarc/v3"
)

func TestWARCReadBack(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", servePage(`<a href="/story">story</a><a href="/old">old</a>`))
	mux.HandleFunc("/story", servePage(`<p>the story body</p>`))
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusMovedPermanently)
	})
	s := newSite(t, mux)
	for _, compress := range []bool{false, true} {
		name := "plain"
		if compress {
			name = "gzip"
		}
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			cfg := testConfig()
			cfg.PerHost = 1
			cfg.WARC = &buf
			cfg.WARCGzip = compress
			var got collector
			crawl(t, cfg, NewMemoryStore(), "warc-"+name, got.handle, s.URL)
			if compress && !bytes.HasPrefix(buf.Bytes(), []byte{0x1f, 0x8b}) {
				t.Fatal("WARCGzip output is not gzip")
			}

			r, err := gowarc.NewWarcFileReaderFromStream(bytes.NewReader(buf.Bytes()), 0,
				gowarc.WithStrictValidation())
			if err != nil {
				t.Fatal(err)
			}
			types := map[string]int{}
			bodies := map[string]string{}
			statuses := map[string]int{}
			for rec, err := range r.Records() {
				if err != nil {
					t.Fatalf("read record: %v", err)
				}
				if len(rec.Validation) > 0 {
					t.Errorf("record %s: %v", rec.WarcRecord, rec.Validation)
				}
				wr := rec.WarcRecord
				if v := wr.Version().String(); v != "WARC/1.1" {
					t.Errorf("version %s", v)
				}
				types[wr.Type().String()]++
				if wr.Type() == gowarc.Response {
					uri := wr.WarcHeader().Get(gowarc.WarcTargetURI)
					block, ok := wr.Block().(gowarc.HttpResponseBlock)
					if !ok {
						t.Fatalf("response block of %s is %T", uri, wr.Block())
					}
					statuses[uri] = block.HttpStatusCode()
					pr, err := block.PayloadBytes()
					if err != nil {
						t.Fatal(err)
					}
					b, _ := io.ReadAll(pr)
					bodies[uri] = string(b)
					if wr.WarcHeader().Get(gowarc.WarcPayloadDigest) == "" || wr.WarcHeader().Get(gowarc.WarcBlockDigest) == "" {
						t.Errorf("%s: missing digests", uri)
					}
				}
				rec.Close()
			}
			// robots.txt (404), /, /story, /old (301) and the redirect's
			// target: 5 exchanges.
			if types["warcinfo"] != 1 || types["response"] != 5 || types["request"] != 5 {
				t.Errorf("record types = %v", types)
			}
			if !strings.Contains(bodies[s.URL+"/story"], "the story body") {
				t.Errorf("story payload = %q", bodies[s.URL+"/story"])
			}
			if statuses[s.URL+"/old"] != 301 || statuses[s.URL+"/robots.txt"] != 404 {
				t.Errorf("statuses = %v", statuses)
			}
		})
	}
}

// TestWARCConcurrentExchanges writes many exchanges in flight at once;
// run under -race it checks that building records is safe to do from
// several fetches together.
func TestWARCConcurrentExchanges(t *testing.T) {
	mux := http.NewServeMux()
	var index strings.Builder
	for i := range 24 {
		path := fmt.Sprintf("/p%d", i)
		mux.HandleFunc(path, servePage(articlePage(path, 10<<10)))
		fmt.Fprintf(&index, `<a href="%s">x</a>`, path)
	}
	mux.HandleFunc("/", servePage(index.String()))
	s := newSite(t, mux)
	var buf bytes.Buffer
	cfg := testConfig()
	cfg.PerHost = 8
	cfg.WARC = &buf
	var got collector
	crawl(t, cfg, NewMemoryStore(), "race", got.handle, s.URL+"/")
	if n := bytes.Count(buf.Bytes(), []byte("WARC-Type: response")); n < 26 {
		t.Errorf("%d response records, want 26 (robots.txt, / and 24 pages)", n)
	}
}

// TestWARCLeavesOutRejectedBodies: a body rejected as too large once
// decompressed is not written to the WARC; the accepted page is.
func TestWARCLeavesOutRejectedBodies(t *testing.T) {
	page := articlePage("Kept", 12<<10)
	packed := gz(t, articlePage("Packed", 80<<10)) // about 3 KB packed
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/kept">k</a><a href="/packed">p</a>`))
	mux.HandleFunc("/kept", servePage(page))
	mux.HandleFunc("/packed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(packed)
	})
	s := newSite(t, mux)
	var buf bytes.Buffer
	cfg := testConfig()
	cfg.MaxBodySize = 32 << 10
	cfg.WARC = &buf
	store := NewMemoryStore()
	crawl(t, cfg, store, "j", (&collector{}).handle, s.URL)
	if f := lastFetch(t, store, "j", s.URL+"/packed"); f.Error != "too-large" {
		t.Fatalf("/packed recorded %+v, want too-large", f)
	}
	if bytes.Contains(buf.Bytes(), []byte("WARC-Target-URI: "+s.URL+"/packed")) {
		t.Errorf("the rejected /packed is in the WARC")
	}
	if !bytes.Contains(buf.Bytes(), []byte(page)) {
		t.Errorf("the accepted /kept is not in the WARC whole")
	}
}
