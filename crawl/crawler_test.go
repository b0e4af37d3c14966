package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestBasicCrawl(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<html><body><a href="/a">A</a> <a href="b?utm_source=x">B</a>
		<a href="mailto:x@example.com">mail</a> <a href="#top">top</a></body></html>`))
	mux.HandleFunc("/a", servePage(`<html><body><a href="/">home</a> <a href="/b">B</a></body></html>`))
	mux.HandleFunc("/b", servePage(`<html><body>B</body></html>`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	stats := crawl(t, testConfig(), store, "basic", got.handle, s.URL)

	want := []string{s.URL + "/", s.URL + "/a", s.URL + "/b"}
	if !reflect.DeepEqual(got.urls(), want) {
		t.Errorf("handled %v, want %v", got.urls(), want)
	}
	if stats.Fetched != 3 || stats.Failed != 0 || stats.Queued != 0 {
		t.Errorf("stats = %+v", stats)
	}
	for _, p := range []string{"/", "/a", "/b"} {
		if n := s.hit(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	p, _ := got.page(s.URL + "/a")
	if p.Job != "basic" || p.Status != 200 || p.ContentType != "text/html" || p.Depth != 1 ||
		p.Hash != sha256Hex(p.Body) || p.Fetched.IsZero() || p.Header.Get("Content-Type") == "" {
		t.Errorf("page = %+v", p)
	}
	runs, _ := store.Runs(context.Background(), "basic", 5)
	if len(runs) != 1 || runs[0].Finished.IsZero() || runs[0].Stats.Fetched != 3 {
		t.Errorf("runs = %+v", runs)
	}
	if ua := s.requests("/")[0].Header.Get("User-Agent"); ua != DefaultConfig().UserAgent {
		t.Errorf("User-Agent = %q", ua)
	}
	if h := s.requests("/")[0].Header.Get(exchangeHeader); h != "" {
		t.Errorf("internal header %s leaked to the server", exchangeHeader)
	}
}

func TestRobots(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n\nUser-agent: tally\nDisallow: /private/\nDisallow: /tally-only\nCrawl-delay: 0.2\n")
	})
	mux.HandleFunc("/", servePage(`<a href="/private/x">p</a><a href="/tally-only">t</a><a href="/p1">1</a><a href="/p2">2</a>`))
	mux.HandleFunc("/p1", servePage(`one`))
	mux.HandleFunc("/p2", servePage(`two`))
	mux.HandleFunc("/private/x", servePage(`secret`))
	mux.HandleFunc("/tally-only", servePage(`not for tally`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	cfg := testConfig()
	cfg.PerHost = 1
	stats := crawl(t, cfg, store, "robots", got.handle, s.URL)

	if n := s.hit("/private/x") + s.hit("/tally-only"); n != 0 {
		t.Errorf("disallowed paths fetched %d times", n)
	}
	for _, p := range []string{"/private/x", "/tally-only"} {
		if f := lastFetch(t, store, "robots", s.URL+p); f.Error != "robots" {
			t.Errorf("%s recorded with error %q, want robots", p, f.Error)
		}
	}
	if stats.Fetched != 3 || stats.Skipped != 2 {
		t.Errorf("stats = %+v, want 3 fetched, 2 skipped", stats)
	}
	if n := s.hit("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once per run", n)
	}
	// Crawl-delay: successive requests to the host start 200ms apart.
	var times []time.Time
	for _, p := range []string{"/", "/p1", "/p2"} {
		for _, r := range s.requests(p) {
			times = append(times, requestTime(r))
		}
	}
	sortTimes(times)
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 190*time.Millisecond {
			t.Errorf("requests %d and %d only %v apart, Crawl-delay is 200ms", i-1, i, gap)
		}
	}
}

func TestIgnoreRobots(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
	})
	mux.HandleFunc("/", servePage(`home`))
	s := newSite(t, mux)
	cfg := testConfig()
	cfg.IgnoreRobots = true
	var got collector
	crawl(t, cfg, NewMemoryStore(), "j", got.handle, s.URL)
	if len(got.urls()) != 1 || s.hit("/robots.txt") != 0 {
		t.Errorf("with IgnoreRobots: handled %v, robots.txt fetched %d times", got.urls(), s.hit("/robots.txt"))
	}
	got = collector{}
	crawl(t, testConfig(), NewMemoryStore(), "j", got.handle, s.URL)
	if len(got.urls()) != 0 {
		t.Errorf("Disallow: / obeyed? handled %v", got.urls())
	}
}

func gz(t testing.TB, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestFeedAndSitemapIndex(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap-index.xml.gz\n", base)
	})
	mux.HandleFunc("/sitemap-index.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(gz(t, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>`+base+`/sitemap-news.xml.gz</loc></sitemap>
  <sitemap><loc>`+base+`/sitemap-pages.xml</loc></sitemap>
</sitemapindex>`))
	})
	mux.HandleFunc("/sitemap-news.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gz(t, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>`+base+`/news/1</loc><news:news><news:title>One</news:title></news:news></url>
  <url><loc>`+base+`/news/2</loc></url>
</urlset>`))
	})
	mux.HandleFunc("/sitemap-pages.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>`+base+`/about</loc></url></urlset>`)
	})
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml; charset=iso-8859-1")
		w.Write([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Caf` + "\xe9" + `</title><link>` + base + `/</link>
<item><title>Three</title><link>` + base + `/news/3?utm_medium=rss</link></item>
<item><title>One again</title><link>` + base + `/news/1</link></item>
</channel></rss>`))
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprint(w, `<feed xmlns="http://www.w3.org/2005/Atom"><link href="`+base+`/"/>
<entry><title>Four</title><link rel="alternate" href="/news/4"/><link rel="edit" href="/edit/4"/></entry></feed>`)
	})
	for _, p := range []string{"/news/1", "/news/2", "/news/3", "/news/4", "/about"} {
		mux.HandleFunc(p, servePage(`<p>`+p+`</p>`))
	}
	s := newSite(t, mux)
	base = s.URL
	store := NewMemoryStore()
	var got collector
	cfg := testConfig()
	cfg.MaxDepth = 1
	crawl(t, cfg, store, "feeds", got.handle, s.URL+"/feed.rss", s.URL+"/atom.xml")

	want := []string{s.URL + "/about", s.URL + "/news/1", s.URL + "/news/2", s.URL + "/news/3", s.URL + "/news/4"}
	if !reflect.DeepEqual(got.urls(), want) {
		t.Errorf("handled %v, want %v", got.urls(), want)
	}
	if s.hit("/edit/4") != 0 {
		t.Error("Atom edit link followed")
	}
	for _, p := range []string{"/feed.rss", "/atom.xml", "/sitemap-index.xml.gz", "/sitemap-news.xml.gz", "/sitemap-pages.xml"} {
		if f := lastFetch(t, store, "feeds", s.URL+p); f.Error != "" || f.Status != 200 {
			t.Errorf("%s recorded as %+v", p, f)
		}
	}

	// A second run reads the feeds and sitemaps again but leaves the
	// recently fetched articles alone.
	got = collector{}
	crawl(t, cfg, store, "feeds", got.handle, s.URL+"/feed.rss", s.URL+"/atom.xml")
	for _, p := range []string{"/feed.rss", "/atom.xml", "/sitemap-index.xml.gz", "/sitemap-news.xml.gz", "/sitemap-pages.xml"} {
		if n := s.hit(p); n != 2 {
			t.Errorf("%s read %d times in two runs, want 2", p, n)
		}
	}
	for _, p := range []string{"/news/1", "/news/3", "/about"} {
		if n := s.hit(p); n != 1 {
			t.Errorf("%s fetched %d times in two runs, want 1", p, n)
		}
	}
	if len(got.urls()) != 0 {
		t.Errorf("second run handled %v", got.urls())
	}
}

func TestRetry503Then200(t *testing.T) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		servePage(`ok`)(w, r)
	})
	s := newSite(t, mux)
	var got collector
	stats := crawl(t, testConfig(), NewMemoryStore(), "j", got.handle, s.URL)
	if len(got.urls()) != 1 || s.hit("/") != 2 || stats.Failed != 0 || stats.Fetched != 1 {
		t.Errorf("handled %v after %d requests, stats %+v", got.urls(), s.hit("/"), stats)
	}
}

func TestRetriesRunOut(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusBadGateway)
	})
	mux.HandleFunc("/robots.txt", http.NotFound)
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.MaxRetries = 2
	var got collector
	stats := crawl(t, cfg, store, "j", got.handle, s.URL)
	if s.hit("/") != 3 {
		t.Errorf("tried %d times, want 1 + 2 retries", s.hit("/"))
	}
	if f := lastFetch(t, store, "j", s.URL+"/"); f.Error != "http-502" || f.Status != 502 {
		t.Errorf("recorded %+v", f)
	}
	if stats.Failed != 1 || stats.Failures["http-502"] != 1 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestNoRetryOn404(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/gone">x</a>`))
	mux.HandleFunc("/gone", http.NotFound)
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	stats := crawl(t, testConfig(), store, "j", got.handle, s.URL)
	if s.hit("/gone") != 1 {
		t.Errorf("404 fetched %d times, want 1", s.hit("/gone"))
	}
	if f := lastFetch(t, store, "j", s.URL+"/gone"); f.Error != "http-404" {
		t.Errorf("recorded %+v", f)
	}
	if stats.Failures["http-404"] != 1 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestRetryAfter429(t *testing.T) {
	var n atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		servePage(`ok`)(w, r)
	})
	s := newSite(t, mux)
	var got collector
	crawl(t, testConfig(), NewMemoryStore(), "j", got.handle, s.URL)
	reqs := s.requests("/")
	if len(reqs) != 2 || len(got.urls()) != 1 {
		t.Fatalf("%d requests, handled %v", len(reqs), got.urls())
	}
	if gap := requestTime(reqs[1]).Sub(requestTime(reqs[0])); gap < time.Second {
		t.Errorf("retried after %v, Retry-After asked for 1s", gap)
	}
}

func TestRetryAfterTooLong(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back tomorrow", http.StatusTooManyRequests)
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	crawl(t, testConfig(), store, "j", got.handle, s.URL)
	if s.hit("/") != 1 {
		t.Errorf("fetched %d times, want no retry beyond MaxRetryWait", s.hit("/"))
	}
	if f := lastFetch(t, store, "j", s.URL+"/"); f.Error != "http-429" {
		t.Errorf("recorded %+v", f)
	}
}

func TestSlowTrickle(t *testing.T) {
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 200 {
			if _, err := w.Write([]byte("<p>.")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(20 * time.Millisecond):
			case <-stop:
				return
			case <-r.Context().Done():
				return
			}
		}
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.TotalTimeout = 300 * time.Millisecond
	cfg.MaxRetries = 1
	var got collector
	stats := crawl(t, cfg, store, "j", got.handle, s.URL)
	if len(got.urls()) != 0 {
		t.Errorf("handled %v", got.urls())
	}
	if f := lastFetch(t, store, "j", s.URL+"/"); f.Error != "timeout" {
		t.Errorf("recorded %+v, want timeout", f)
	}
	if s.hit("/") != 2 || stats.Failures["timeout"] != 1 {
		t.Errorf("%d requests, stats %+v; want a retry then a recorded timeout", s.hit("/"), stats)
	}
}

func TestBodyOverLimit(t *testing.T) {
	big := strings.Repeat("x", 4096)
	packed := gz(t, big) // far smaller than the limit, far larger unpacked
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/big">big</a><a href="/chunked">c</a><a href="/packed">p</a>`))
	mux.HandleFunc("/big", servePage(big))
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 8 {
			w.Write([]byte(big[:512]))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/packed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(packed)
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.MaxBodySize = 2048
	var got collector
	stats := crawl(t, cfg, store, "j", got.handle, s.URL)
	for _, p := range []string{"/big", "/chunked", "/packed"} {
		if f := lastFetch(t, store, "j", s.URL+p); f.Error != "too-large" {
			t.Errorf("%s recorded %+v, want too-large", p, f)
		}
		if n := s.hit(p); n != 1 {
			t.Errorf("%s fetched %d times, want 1", p, n)
		}
	}
	if !reflect.DeepEqual(got.urls(), []string{s.URL + "/"}) {
		t.Errorf("handled %v", got.urls())
	}
	if stats.Failures["too-large"] != 3 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestGunzipLimit(t *testing.T) {
	packed := gz(t, strings.Repeat(" ", 10000))
	if _, err := gunzipIfNeeded(packed, 9999); !errors.Is(err, errTooLarge) {
		t.Errorf("gunzip over the limit: %v", err)
	}
	out, err := gunzipIfNeeded(packed, 10000)
	if err != nil || len(out) != 10000 {
		t.Errorf("gunzip at the limit: %d bytes, %v", len(out), err)
	}
	plain := []byte("<html>")
	if out, err := gunzipIfNeeded(plain, 1); err != nil || !bytes.Equal(out, plain) {
		t.Errorf("plain body changed: %q, %v", out, err)
	}
	if _, err := gunzipIfNeeded([]byte{0x1f, 0x8b, 0}, 100); err == nil {
		t.Error("broken gzip accepted")
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/loop1">l</a><a href="/chain/0">c</a><a href="/moved">m</a><a href="/new">n</a>`))
	mux.HandleFunc("/loop1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop1", http.StatusFound) })
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(r.URL.Path, "/chain/%d", &i)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", i+1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusMovedPermanently) })
	mux.HandleFunc("/new", servePage(`new home`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.MaxRedirects = 5
	cfg.PerHost = 1 // /moved before /new, so /new is known by then
	var got collector
	stats := crawl(t, cfg, store, "j", got.handle, s.URL)
	if f := lastFetch(t, store, "j", s.URL+"/loop1"); f.Error != "redirect-loop" {
		t.Errorf("loop recorded %+v", f)
	}
	if f := lastFetch(t, store, "j", s.URL+"/chain/0"); f.Error != "too-many-redirects" {
		t.Errorf("chain recorded %+v", f)
	}
	if n := s.hit("/chain/6"); n != 0 {
		t.Errorf("followed more than 5 redirects")
	}
	// /moved lands on /new, which is stored once.
	if n := s.hit("/new"); n != 1 {
		t.Errorf("/new fetched %d times, want 1", n)
	}
	p, ok := got.page(s.URL + "/new")
	if !ok || p.FinalURL != s.URL+"/new" {
		t.Errorf("page of /moved = %+v, %v", p, ok)
	}
	if _, ok := got.page(s.URL + "/moved"); ok {
		t.Errorf("redirected page handed over under the URL it was moved from")
	}
	if stats.Failures["redirect-loop"] != 1 || stats.Failures["too-many-redirects"] != 1 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestCharsets(t *testing.T) {
	// "Café “news”" in windows-1252.
	cp1252 := []byte("<html><head><title>Caf\xe9 \x93news\x94</title></head><body>na\xefve</body></html>")
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/header">h</a><a href="/meta">m</a><a href="/http-equiv">e</a><a href="/bom">b</a>`))
	mux.HandleFunc("/header", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(cp1252)
	})
	mux.HandleFunc("/meta", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(append([]byte(`<meta charset="windows-1252">`), cp1252...))
	})
	mux.HandleFunc("/http-equiv", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`), []byte("<p>caf\xe9</p>")...))
	})
	mux.HandleFunc("/bom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("\xef\xbb\xbf<p>caf\xc3\xa9</p>"))
	})
	s := newSite(t, mux)
	var got collector
	crawl(t, testConfig(), NewMemoryStore(), "j", got.handle, s.URL)
	tests := []struct{ path, want string }{
		{"/header", "<title>Café “news”</title></head><body>naïve</body>"},
		{"/meta", "<title>Café “news”</title></head><body>naïve</body>"},
		{"/http-equiv", "<p>café</p>"},
		{"/bom", "<p>café</p>"},
	}
	for _, tt := range tests {
		p, ok := got.page(s.URL + tt.path)
		if !ok {
			t.Errorf("%s not handled", tt.path)
			continue
		}
		if !strings.Contains(string(p.Body), tt.want) {
			t.Errorf("%s body = %q, want it to contain %q", tt.path, p.Body, tt.want)
		}
		if strings.HasPrefix(string(p.Body), "\ufeff") {
			t.Errorf("%s body keeps its byte-order mark", tt.path)
		}
	}
}

func TestRecrawlNotModified(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/story">story</a>`))
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		servePage(`<p>the story</p>`)(w, r)
	})
	mux.HandleFunc("/static", servePage(`<p>never changes, no validators</p>`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.RecrawlAge = 0 // look at every article again
	var first collector
	crawl(t, cfg, store, "j", first.handle, s.URL, s.URL+"/static")
	if len(first.urls()) != 3 {
		t.Fatalf("first run handled %v", first.urls())
	}
	var second collector
	stats := crawl(t, cfg, store, "j", second.handle, s.URL, s.URL+"/static")
	if len(second.urls()) != 0 {
		t.Errorf("second run handled %v, want nothing new", second.urls())
	}
	reqs := s.requests("/story")
	if len(reqs) != 2 || reqs[1].Header.Get("If-None-Match") != `"v1"` ||
		reqs[1].Header.Get("If-Modified-Since") != "Mon, 02 Jan 2006 15:04:05 GMT" {
		t.Errorf("recrawl of /story did not send the stored validators: %d requests", len(reqs))
	}
	// The seeds are fetched in full and recognised by their hash; the
	// story by its 304.
	if stats.NotChanged != 3 || stats.Fetched != 0 {
		t.Errorf("stats = %+v, want 3 not changed", stats)
	}
	if f := lastFetch(t, store, "j", s.URL+"/story"); f.Status != 304 || f.Hash == "" || f.ETag != `"v1"` {
		t.Errorf("story recorded %+v", f)
	}

	// With the default RecrawlAge the story is not asked for at all.
	cfg.RecrawlAge = time.Hour
	crawl(t, cfg, store, "j", second.handle, s.URL)
	if n := len(s.requests("/story")); n != 2 {
		t.Errorf("story fetched again within RecrawlAge (%d requests)", n)
	}
}

func TestSameHostAndDepth(t *testing.T) {
	other := newSite(t, func() *http.ServeMux {
		m := http.NewServeMux()
		m.HandleFunc("/", servePage(`elsewhere`))
		return m
	}())
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/d1">d1</a><a href="`+otherURL+`/x">other</a>`))
	mux.HandleFunc("/d1", servePage(`<a href="/d2">d2</a>`))
	mux.HandleFunc("/d2", servePage(`<a href="/d3">d3</a>`))
	mux.HandleFunc("/d3", servePage(`deep`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	stats := crawl(t, testConfig(), store, "j", got.handle, s.URL)
	want := []string{s.URL + "/", s.URL + "/d1", s.URL + "/d2"}
	if !reflect.DeepEqual(got.urls(), want) {
		t.Errorf("handled %v, want %v", got.urls(), want)
	}
	if other.hit("/x") != 0 || s.hit("/d3") != 0 {
		t.Errorf("followed an off-site link (%d) or one beyond MaxDepth (%d)", other.hit("/x"), s.hit("/d3"))
	}
	if stats.Skipped != 2 {
		t.Errorf("stats = %+v, want 2 skipped links", stats)
	}

	// Without SameHost the other host is crawled too.
	cfg := testConfig()
	cfg.SameHost = false
	got = collector{}
	crawl(t, cfg, NewMemoryStore(), "k", got.handle, s.URL)
	if other.hit("/x") != 1 {
		t.Errorf("SameHost=false: other host fetched %d times", other.hit("/x"))
	}
}

func TestAllowDeny(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/news/1">1</a><a href="/news/2?print=1">2</a><a href="/shop/x">x</a>`))
	mux.HandleFunc("/news/1", servePage(`one`))
	mux.HandleFunc("/news/2", servePage(`two`))
	mux.HandleFunc("/shop/x", servePage(`buy`))
	s := newSite(t, mux)
	cfg := testConfig()
	cfg.Allow = []string{`/news/`}
	cfg.Deny = []string{`[?&]print=`}
	var got collector
	crawl(t, cfg, NewMemoryStore(), "j", got.handle, s.URL)
	want := []string{s.URL + "/", s.URL + "/news/1"}
	if !reflect.DeepEqual(got.urls(), want) {
		t.Errorf("handled %v, want %v", got.urls(), want)
	}
	cfg.Deny = []string{`(`}
	if _, err := New(cfg, NewMemoryStore(), nil); err == nil || !strings.Contains(err.Error(), `Deny pattern "("`) {
		t.Errorf("New with a bad pattern: %v", err)
	}
}

func TestTrackingParamsFetchedOnce(t *testing.T) {
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		servePage(`
		<a href="/story?id=1&utm_source=home">a</a>
		<a href="/story?utm_campaign=x&id=1#comments">b</a>
		<a href="`+strings.ToUpper(base[:4])+base[4:]+`/story?id=1&fbclid=zz">c</a>
		<a href="/later">later</a>`)(w, r)
	})
	mux.HandleFunc("/story", servePage(`<link rel="canonical" href="/story/one"><p>story</p>`))
	mux.HandleFunc("/later", servePage(`<a href="/story/one">canonical</a>`))
	s := newSite(t, mux)
	base = s.URL
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.PerHost = 1 // /story before /later
	var got collector
	crawl(t, cfg, store, "j", got.handle, s.URL)
	if n := s.hit("/story"); n != 1 {
		t.Errorf("/story fetched %d times, want 1", n)
	}
	// The page is handed over under its declared canonical URL, which is
	// then known, so the link to it is not fetched.
	if _, ok := got.page(s.URL + "/story/one"); !ok {
		t.Errorf("story not handled under its canonical URL; handled %v", got.urls())
	}
	if n := s.hit("/story/one"); n != 0 {
		t.Errorf("canonical URL fetched again (%d)", n)
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`hello`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.AllowPrivate = false
	var got collector
	stats := crawl(t, cfg, store, "j", got.handle, s.URL)
	if s.hit("/") != 0 || s.hit("/robots.txt") != 0 {
		t.Errorf("connected to a loopback server")
	}
	if f := lastFetch(t, store, "j", s.URL+"/"); f.Error != "private-address" {
		t.Errorf("recorded %+v", f)
	}
	if stats.Failures["private-address"] != 1 {
		t.Errorf("stats = %+v", stats)
	}

	// A name that resolves to loopback, and a redirect from a
	// permitted server to a private address, are refused the same way.
	for _, seed := range []string{strings.Replace(s.URL, "127.0.0.1", "localhost", 1)} {
		stats := crawl(t, cfg, NewMemoryStore(), "k", got.handle, seed)
		if stats.Failures["private-address"] != 1 {
			t.Errorf("%s: stats = %+v", seed, stats)
		}
	}
}

func TestPublicAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "127.0.0.1": false, "10.1.2.3": false,
		"172.16.0.1": false, "192.168.1.1": false, "169.254.169.254": false, "::1": false,
		"fe80::1": false, "fc00::1": false, "0.0.0.0": false, "100.64.0.1": false,
		"::ffff:127.0.0.1": false, "::ffff:8.8.8.8": true, "224.0.0.1": false,
	} {
		if err := refusePrivate("tcp", net.JoinHostPort(addr, "80"), nil); (err == nil) != want {
			t.Errorf("refusePrivate(%s) = %v, want public=%v", addr, err, want)
		}
	}
}

func TestContentTypeSkipped(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/paper.pdf">pdf</a><a href="/data.json">json</a>`))
	mux.HandleFunc("/paper.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/data.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{}`))
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	stats := crawl(t, testConfig(), store, "j", got.handle, s.URL)
	for _, p := range []string{"/paper.pdf", "/data.json"} {
		if f := lastFetch(t, store, "j", s.URL+p); f.Error != "content-type" || f.Status != 200 {
			t.Errorf("%s recorded %+v", p, f)
		}
	}
	if stats.Skipped != 2 || len(got.urls()) != 1 {
		t.Errorf("stats = %+v, handled %v", stats, got.urls())
	}
}

// TestHandlerError: a page whose Handler failed (the store was locked)
// stays queued, Run says how many, and the next run fetches it in full
// and hands it over; a page the Handler rejects leaves the frontier.
func TestHandlerError(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/bad">bad</a><a href="/good">good</a><a href="/junk">junk</a>`))
	mux.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"b"`)
		servePage(articlePage("Bad", 20<<10))(w, r)
	})
	mux.HandleFunc("/good", servePage(articlePage("Good", 20<<10)))
	mux.HandleFunc("/junk", servePage(`junk`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	h := func(ctx context.Context, p Page) error {
		switch {
		case strings.HasSuffix(p.URL, "/bad"):
			return errors.New("database is locked")
		case strings.HasSuffix(p.URL, "/junk"):
			return fmt.Errorf("no article: %w", ErrPageRejected)
		}
		return got.handle(ctx, p)
	}
	c, err := New(testConfig(), store, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	stats, err := c.Run(context.Background(), "j", []string{s.URL}, h)
	if !errors.Is(err, ErrPagesNotHandled) || !strings.Contains(err.Error(), "1 pages") || !strings.Contains(err.Error(), "database is locked") {
		t.Errorf("Run = %v, want ErrPagesNotHandled counting 1 page", err)
	}
	if stats.Failures["handler"] != 1 || stats.Failures["rejected"] != 1 || stats.Queued != 1 || len(got.urls()) != 2 {
		t.Errorf("stats %+v, handled %v", stats, got.urls())
	}
	if q, _ := store.Pending(context.Background(), "j", 10); len(q) != 1 || q[0].URL != s.URL+"/bad" {
		t.Errorf("frontier %v, want /bad", q)
	}
	if f := lastFetch(t, store, "j", s.URL+"/junk"); f.Error != "rejected" {
		t.Errorf("/junk recorded %+v", f)
	}
	if n := s.hit("/bad"); n != 1 {
		t.Errorf("/bad fetched %d times in the run it failed in", n)
	}
	// The next run fetches the page again in full and hands it over.
	got = collector{}
	crawl(t, testConfig(), store, "j", got.handle)
	if p, ok := got.page(s.URL + "/bad"); !ok || len(p.Body) < 20<<10 {
		t.Errorf("page that failed in its handler not handed over on the next run")
	}
	if r := s.requests("/bad"); len(r) != 2 || r[1].Header.Get("If-None-Match") != "" {
		t.Errorf("refetch of a failed page was conditional")
	}
}

func TestJobLock(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`x`))
	s := newSite(t, mux)
	store := NewMemoryStore()
	ctx := context.Background()
	if err := store.Lock(ctx, "j", "other:1:x", time.Minute); err != nil {
		t.Fatal(err)
	}
	c, err := New(testConfig(), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got collector
	_, err = c.Run(ctx, "j", []string{s.URL}, got.handle)
	if !errors.Is(err, ErrJobLocked) || !strings.Contains(err.Error(), "other:1:x") {
		t.Fatalf("Run on a locked job: %v", err)
	}
	if s.hit("/") != 0 {
		t.Error("locked job fetched pages")
	}
	// A stale lock is taken over.
	cfg := testConfig()
	cfg.LockStale = time.Millisecond
	time.Sleep(5 * time.Millisecond)
	crawl(t, cfg, store, "j", got.handle, s.URL)
	if len(got.urls()) != 1 {
		t.Errorf("run after a stale lock handled %v", got.urls())
	}
	// The lock is released at the end.
	if err := store.Lock(ctx, "j", "next", time.Hour); err != nil {
		t.Errorf("lock not released after the run: %v", err)
	}
}

func TestCancelThenResume(t *testing.T) {
	const pages = 40
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range pages {
			fmt.Fprintf(&b, `<a href="/p/%d">%d</a>`, i, i)
		}
		servePage(b.String())(w, r)
	})
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(5 * time.Millisecond)
		servePage(`<p>`+r.URL.Path+`</p>`)(w, r)
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.PerHost = 2

	ctx, cancel := context.WithCancel(context.Background())
	var handled atomic.Int32
	var got collector
	h := func(hctx context.Context, p Page) error {
		if handled.Add(1) == 10 {
			cancel()
		}
		if hctx.Err() != nil {
			t.Errorf("handler of a page in flight got a cancelled context")
		}
		return got.handle(hctx, p)
	}
	c, err := New(cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := c.Run(ctx, "j", []string{s.URL}, h)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel: %v", err)
	}
	first := len(got.urls())
	if first < 10 || first > 10+cfg.PerHost || stats.Queued == 0 {
		t.Fatalf("handled %d pages, %d queued after the cancel", first, stats.Queued)
	}
	runs, _ := store.Runs(context.Background(), "j", 1)
	if runs[0].Finished.IsZero() || runs[0].Stats.Fetched != stats.Fetched {
		t.Errorf("interrupted run recorded as %+v", runs[0])
	}

	// Resume without seeds: the rest of the frontier, nothing twice.
	crawl(t, cfg, store, "j", got.handle)
	urls := got.urls()
	if len(urls) != pages+1 {
		t.Errorf("after resume handled %d pages, want %d", len(urls), pages+1)
	}
	for i := 1; i < len(urls); i++ {
		if urls[i] == urls[i-1] {
			t.Errorf("%s handled twice", urls[i])
		}
	}
	// A request in flight at the cancel was cut off and is made again.
	again := 0
	for i := range pages {
		switch n := s.hit(fmt.Sprintf("/p/%d", i)); {
		case n == 2:
			again++
		case n != 1:
			t.Errorf("/p/%d fetched %d times", i, n)
		}
	}
	if again > cfg.PerHost {
		t.Errorf("%d pages fetched twice, more than were in flight", again)
	}
}

func TestProgress(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/a">a</a>`))
	mux.HandleFunc("/a", servePage(`a`))
	s := newSite(t, mux)
	cfg := testConfig()
	var reports []ProgressInfo
	cfg.Progress = func(p ProgressInfo) { reports = append(reports, p) }
	var got collector
	crawl(t, cfg, NewMemoryStore(), "j", got.handle, s.URL)
	if len(reports) == 0 {
		t.Fatal("no progress report")
	}
	last := reports[len(reports)-1]
	if !last.Done || last.Fetched != 2 || last.Queued != 0 || last.Job != "j" || last.Rate <= 0 {
		t.Errorf("last report = %+v", last)
	}
}

func TestRunErrors(t *testing.T) {
	c, err := New(testConfig(), NewMemoryStore(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got collector
	ctx := context.Background()
	if _, err := c.Run(ctx, "", nil, got.handle); err == nil {
		t.Error("empty job accepted")
	}
	if _, err := c.Run(ctx, "j", []string{"not a url"}, got.handle); err == nil || !strings.Contains(err.Error(), "not a url") {
		t.Errorf("bad seed: %v", err)
	}
	if _, err := c.Run(ctx, "j", nil, nil); err == nil {
		t.Error("nil handler accepted")
	}
	bad := testConfig()
	bad.PerHost = 0
	bad.UserAgent = ""
	if _, err := New(bad, NewMemoryStore(), nil); err == nil ||
		!strings.Contains(err.Error(), "PerHost") || !strings.Contains(err.Error(), "UserAgent") {
		t.Errorf("New with a bad config: %v", err)
	}
}

func TestRedirectOffsite(t *testing.T) {
	other := newSite(t, func() *http.ServeMux {
		m := http.NewServeMux()
		m.HandleFunc("/", servePage(`elsewhere`))
		return m
	}())
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/", servePage(`<a href="/out">out</a>`))
	mux.HandleFunc("/out", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/landing", http.StatusFound)
	})
	mux.HandleFunc("/seed-moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, otherURL+"/new-home", http.StatusMovedPermanently)
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	var got collector
	stats := crawl(t, testConfig(), store, "j", got.handle, s.URL, s.URL+"/seed-moved")
	if f := lastFetch(t, store, "j", s.URL+"/out"); f.Error != "redirect-offsite" {
		t.Errorf("recorded %+v", f)
	}
	if other.hit("/landing") != 0 {
		t.Error("followed a redirect off the site")
	}
	// A seed may move to another host.
	if p, ok := got.page(otherURL + "/new-home"); !ok || p.FinalURL != otherURL+"/new-home" {
		t.Errorf("moved seed: %+v, %v", p, ok)
	}
	if stats.Failures["redirect-offsite"] != 1 {
		t.Errorf("stats = %+v", stats)
	}
}

func TestRobotsUnavailable(t *testing.T) {
	// RFC 9309: a robots.txt answered with a server error (or 429) means
	// nothing may be fetched for now.
	for _, status := range []int{http.StatusTooManyRequests, http.StatusInternalServerError} {
		mux := http.NewServeMux()
		mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(status) })
		mux.HandleFunc("/", servePage(`x`))
		s := newSite(t, mux)
		store := NewMemoryStore()
		var got collector
		crawl(t, testConfig(), store, "j", got.handle, s.URL)
		if s.hit("/") != 0 {
			t.Errorf("robots.txt %d: page fetched anyway", status)
		}
		if f := lastFetch(t, store, "j", s.URL+"/"); f.Error != "robots" {
			t.Errorf("robots.txt %d: recorded %+v", status, f)
		}
	}
}

func TestLostLockStopsRun(t *testing.T) {
	const pages = 30
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range pages {
			fmt.Fprintf(&b, `<a href="/p/%d">%d</a>`, i, i)
		}
		servePage(b.String())(w, r)
	})
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		servePage(`x`)(w, r)
	})
	s := newSite(t, mux)
	store := NewMemoryStore()
	cfg := testConfig()
	cfg.PerHost = 1
	cfg.LockStale = 40 * time.Millisecond // refreshed every 10ms
	var once atomic.Bool
	h := func(ctx context.Context, p Page) error {
		if !once.Swap(true) {
			// Another process decides the lock is stale and takes it.
			if err := store.Lock(ctx, "j", "intruder", 0); err != nil {
				t.Errorf("take over: %v", err)
			}
		}
		return nil
	}
	c, err := New(cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := c.Run(context.Background(), "j", []string{s.URL}, h)
	if !errors.Is(err, ErrJobLocked) {
		t.Fatalf("Run after losing its lock: %v", err)
	}
	if stats.Queued == 0 {
		t.Errorf("run went on to the end after losing its lock: %+v", stats)
	}
	// The new holder keeps the lock: the stopped run does not release it.
	if err := store.Lock(context.Background(), "j", "third", time.Hour); !errors.Is(err, ErrJobLocked) {
		t.Errorf("lock released by a run that no longer held it: %v", err)
	}
}
