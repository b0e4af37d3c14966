package crawl

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"case", "HTTP://Example.COM/News", "http://example.com/News"},
		{"default http port", "http://example.com:80/a", "http://example.com/a"},
		{"default https port", "https://example.com:443/a", "https://example.com/a"},
		{"other port kept", "https://example.com:8443/a", "https://example.com:8443/a"},
		{"fragment", "https://example.com/a#comments", "https://example.com/a"},
		{"empty path", "https://example.com", "https://example.com/"},
		{"dot segments", "https://example.com/a/./b/../c", "https://example.com/a/c"},
		{"trailing slash kept", "https://example.com/world/", "https://example.com/world/"},
		{"utm dropped", "https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"},
		{"tracking mixed", "https://example.com/a?id=7&fbclid=abc&gclid=d", "https://example.com/a?id=7"},
		{"query sorted", "https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"},
		{"repeated keys keep order", "https://example.com/a?b=2&a=3&a=1", "https://example.com/a?a=3&a=1&b=2"},
		{"escapes upper-cased", "https://example.com/a?q=%c3%a9", "https://example.com/a?q=%C3%A9"},
		{"unreserved decoded", "https://example.com/%7Euser/", "https://example.com/~user/"},
		{"escaped slash kept", "https://example.com/a%2fb", "https://example.com/a%2Fb"},
		{"userinfo dropped", "https://user:pw@example.com/a", "https://example.com/a"},
		{"trailing dot host", "https://example.com./a", "https://example.com/a"},
		{"empty query", "https://example.com/a?", "https://example.com/a"},
		{"ipv6", "http://[::1]:80/a", "http://[::1]/a"},
		{"ipv6 port", "http://[::1]:8080/a", "http://[::1]:8080/a"},
		{"ipv6 long form", "http://[0:0:0:0:0:0:0:1]/a", "http://[::1]/a"},
		{"idn to punycode", "https://Bücher.example/a", "https://xn--bcher-kva.example/a"},
		{"query bytes escaped", "https://example.com/a?q=a b&r=caf\xc3\xa9&s=100%", "https://example.com/a?q=a%20b&r=caf%C3%A9&s=100%25"},
		{"spaces trimmed", "  https://example.com/a  ", "https://example.com/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Canonicalize(tt.in)
			if err != nil {
				t.Fatalf("Canonicalize(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Canonicalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			again, err := Canonicalize(got)
			if err != nil || again != got {
				t.Errorf("Canonicalize is not idempotent: %q -> %q (%v)", got, again, err)
			}
		})
	}
}

func TestCanonicalizeErrors(t *testing.T) {
	tests := []struct{ in, wantErr string }{
		{"/relative/path", "not an absolute URL"},
		{"mailto:someone@example.com", "only http and https"},
		{"ftp://example.com/file", "only http and https"},
		{"https:///nohost", "no host"},
		{"http://exa mple.com/", "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Canonicalize(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Canonicalize(%q) error = %v, want one containing %q", tt.in, err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.in) {
				t.Errorf("error %q does not name the URL", err)
			}
		})
	}
}

// TestResolveLinkRefusesBadIPv6: links whose host only looks like an IPv6
// address are dropped, not turned into URLs nothing can parse.
func TestResolveLinkRefusesBadIPv6(t *testing.T) {
	base, _ := url.Parse("https://news.example.org/world/")
	for _, href := range []string{"//1::", "//0000000000000000::", "//[fe80::1%25eth0]/"} {
		if got, ok := resolveLink(base, href); ok {
			t.Errorf("resolveLink(%q) = %q, want it dropped", href, got)
		}
	}
	if got, ok := resolveLink(base, "//[0:0::1]:8080/a"); !ok || got != "https://[::1]:8080/a" {
		t.Errorf("resolveLink of a valid IPv6 host = %q, %v", got, ok)
	}
}

func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{
		"https://example.com/a?utm_source=x&b=1#f", "HTTP://EXAMPLE.com:80/../a/./b/",
		"http://[::1]:443/a%2fb?q=%e2%82%ac", "https://example.com/%7e?a&a=&=b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Canonicalize(s)
		if err != nil {
			return
		}
		again, err := Canonicalize(got)
		if err != nil {
			t.Fatalf("canonical %q of %q does not parse: %v", got, s, err)
		}
		if again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

func ExampleCanonicalize() {
	u, err := Canonicalize("HTTPS://News.Example.com:443/world/./story?utm_source=feed&id=42#comments")
	if err != nil {
		panic(err)
	}
	fmt.Println(u)
	// Output: https://news.example.com/world/story?id=42
}
