package crawl

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
)

// proxyDialer returns the Proxy and DialContext functions of the
// crawler's transport. Without Config.Proxy every connection is direct
// and guarded (see refusePrivate). With one, a request the proxy takes is
// resolved by the proxy, so only its URL can be checked: one whose host is
// a non-public IP address is refused, and the connection to the proxy,
// whose address the user chose, is made without the guard. Requests the
// proxy function sends directly (NO_PROXY) are guarded as before.
func proxyDialer(cfg Config, guarded *net.Dialer) (func(*http.Request) (*url.URL, error), func(context.Context, string, string) (net.Conn, error)) {
	if cfg.Proxy == nil {
		return nil, guarded.DialContext
	}
	if cfg.AllowPrivate {
		return cfg.Proxy, guarded.DialContext
	}
	direct := *guarded
	direct.Control = nil
	var proxies sync.Map // host:port of the proxies chosen so far
	proxy := func(req *http.Request) (*url.URL, error) {
		u, err := cfg.Proxy(req)
		if err != nil || u == nil {
			return u, err
		}
		if a, err := netip.ParseAddr(req.URL.Hostname()); err == nil && !publicAddr(a) {
			return nil, fmt.Errorf("request %s through proxy: %w", req.URL.Host, ErrPrivateAddress)
		}
		proxies.Store(proxyAddr(u), true)
		return u, nil
	}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if _, ok := proxies.Load(addr); ok {
			return direct.DialContext(ctx, network, addr)
		}
		return guarded.DialContext(ctx, network, addr)
	}
	return proxy, dial
}

// proxyAddr is the host:port the transport dials to reach proxy u.
func proxyAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}
