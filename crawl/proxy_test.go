package crawl

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
)

// forwardProxy is an HTTP proxy on loopback that answers for every host
// itself: "/" links to "/a.html", everything else is a page; it records
// the absolute URLs asked of it.
type forwardProxy struct {
	*httptest.Server
	mu   sync.Mutex
	asks []string
}

func newForwardProxy(t *testing.T) *forwardProxy {
	p := &forwardProxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.asks = append(p.asks, r.URL.String())
		p.mu.Unlock()
		if !r.URL.IsAbs() {
			http.Error(w, "not a proxy request", http.StatusBadRequest)
			return
		}
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><body><a href="/a.html">a</a></body></html>`)
		default:
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><body><p>page</p></body></html>`)
		}
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *forwardProxy) asked() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := append([]string(nil), p.asks...)
	sort.Strings(out)
	return out
}

// TestProxy crawls through a proxy on loopback with the private-address
// guard on: the proxy's own address is allowed, a page URL naming a
// private address is still refused, and requests the proxy function
// sends directly are guarded as without a proxy.
func TestProxy(t *testing.T) {
	p := newForwardProxy(t)
	proxyURL, _ := url.Parse(p.URL)
	direct := newSite(t, http.NewServeMux())
	cfg := testConfig()
	cfg.AllowPrivate = false
	cfg.Proxy = func(r *http.Request) (*url.URL, error) {
		if strings.HasPrefix(direct.URL, "http://"+r.URL.Host) {
			return nil, nil // as NO_PROXY would
		}
		return proxyURL, nil
	}

	var got collector
	store := NewMemoryStore()
	stats := crawl(t, cfg, store, "j", got.handle, "http://news.example/")
	if stats.Fetched != 2 || stats.Failed != 0 {
		t.Errorf("through the proxy: stats %+v", stats)
	}
	want := []string{"http://news.example/", "http://news.example/a.html", "http://news.example/robots.txt"}
	if asked := p.asked(); strings.Join(asked, " ") != strings.Join(want, " ") {
		t.Errorf("the proxy was asked for %q, want %q", asked, want)
	}

	literal := "http://127.0.0.1:9/"
	stats = crawl(t, cfg, NewMemoryStore(), "k", got.handle, literal, direct.URL+"/")
	if stats.Failures["private-address"] != 2 {
		t.Errorf("a private IP through the proxy and a direct loopback site: stats %+v", stats)
	}
	if direct.hit("/") != 0 || direct.hit("/robots.txt") != 0 {
		t.Error("connected directly to a loopback server")
	}
	for _, a := range p.asked() {
		if strings.Contains(a, "127.0.0.1") {
			t.Errorf("the proxy was asked for %s, a private address", a)
		}
	}
}
