package crawl

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/idna"
)

// trackingParams are query parameters that only say where a visitor came
// from; they never change what a news page shows. Parameters starting with
// "utm_" are dropped as well.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true,
	"gbraid": true, "wbraid": true, "msclkid": true, "yclid": true,
	"twclid": true, "ttclid": true, "li_fat_id": true, "igshid": true,
	"mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true,
	"oly_enc_id": true, "vero_id": true, "wt_mc": true, "at_medium": true,
	"at_campaign": true, "ns_mchannel": true, "ns_source": true,
	"ns_campaign": true, "ns_linkname": true, "ns_fee": true,
	"cmpid": true, "ocid": true, "smid": true, "__twitter_impression": true,
}

// isTrackingParam reports whether the query parameter key (decoded) is a
// tracking parameter.
func isTrackingParam(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// Canonicalize returns the canonical form of an absolute http or https
// URL, so that the same page reached by different spellings is fetched
// and stored once:
//
//   - scheme and host are lower-cased (an internationalised host is put in
//     its punycode form), a trailing dot on the host and the
//     default port (80 for http, 443 for https) are dropped, and so is any
//     user information;
//   - the fragment is dropped; an empty path becomes "/"; "." and ".."
//     segments are resolved; percent-escapes of characters that need none
//     are decoded and the others are upper-cased;
//   - tracking parameters (utm_*, fbclid, gclid and the like) are dropped,
//     and the remaining ones are sorted by name, keeping the order of
//     repeated names and each parameter's own spelling; an empty query
//     disappears with its "?".
//
// It fails on a URL that cannot be parsed, is not absolute, or uses
// another scheme.
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	return canonicalURL(u, raw)
}

// canonicalURL does Canonicalize's work on a parsed URL; raw names the URL
// in errors. u is modified.
func canonicalURL(u *url.URL, raw string) (string, error) {
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		if u.Scheme == "" {
			return "", fmt.Errorf("canonicalize %q: %w", raw, errNotAbsolute)
		}
		return "", fmt.Errorf("canonicalize %q: scheme %q: %w", raw, u.Scheme, errScheme)
	}
	if u.Opaque != "" {
		return "", fmt.Errorf("canonicalize %q: %w", raw, errNotAbsolute)
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return "", fmt.Errorf("canonicalize %q: %w", raw, errNoHost)
	}
	if !isASCII(host) {
		// Internationalised names compare in their ASCII (punycode) form,
		// the form sent on the wire.
		if a, err := idna.Punycode.ToASCII(host); err == nil {
			host = a
		}
	}
	if strings.HasPrefix(host, ".") || strings.Contains(host, "..") || strings.ContainsAny(host, "[]") {
		return "", fmt.Errorf("canonicalize %q: host %q: %w", raw, host, errBadHost)
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		// Only a valid address, written the one way netip writes it:
		// "//1::" leaves the host "1:", which no parser takes back.
		addr, err := netip.ParseAddr(host)
		if err != nil || !addr.Is6() || addr.Zone() != "" {
			return "", fmt.Errorf("canonicalize %q: host %q: %w", raw, host, errBadHost)
		}
		host = "[" + addr.String() + "]"
	}
	if port != "" {
		host = net.JoinHostPort(strings.Trim(host, "[]"), port)
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""

	// Path: resolve dot segments and normalise escapes. RawPath is kept
	// only when it carries an escaped slash, whose meaning differs from a
	// plain one.
	p := u.Path
	if p == "" {
		p = "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	cleaned := path.Clean(p)
	if strings.HasSuffix(p, "/") && cleaned != "/" {
		cleaned += "/"
	}
	if strings.Contains(strings.ToLower(u.RawPath), "%2f") {
		u.RawPath = upperEscapes(u.RawPath)
	} else {
		u.RawPath = ""
	}
	u.Path = cleaned

	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	return u.String(), nil
}

var (
	errNotAbsolute = errors.New("not an absolute URL")
	errScheme      = errors.New("only http and https are crawled")
	errNoHost      = errors.New("no host")
	errBadHost     = errors.New("malformed host name")
)

// canonicalQuery drops tracking and empty parameters from a raw query and
// sorts the rest by name, keeping each parameter's spelling.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type param struct{ key, raw string }
	var params []param
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		// The key is read from the escaped part, as a second pass would
		// read it, so that the order does not change when a stray "%"
		// gets escaped.
		esc := escapeQueryPart(part)
		k, _, _ := strings.Cut(esc, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		if isTrackingParam(key) {
			continue
		}
		params = append(params, param{key, esc})
	}
	slices.SortStableFunc(params, func(a, b param) int { return strings.Compare(a.key, b.key) })
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = p.raw
	}
	return strings.Join(parts, "&")
}

// upperEscapes upper-cases the hex digits of percent-escapes, so that
// "%2f" and "%2F" compare equal.
func upperEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' && isHex(b[i+1]) && isHex(b[i+2]) {
			b[i+1], b[i+2] = upperHex(b[i+1]), upperHex(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func upperHex(c byte) byte {
	if 'a' <= c && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// resolveLink resolves href against base and canonicalises the result. It
// reports false for links that are not http(s) pages (mailto:, javascript:,
// fragments alone and the like) or cannot be parsed.
func resolveLink(base *url.URL, href string) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false
	}
	ref, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	abs := base.ResolveReference(ref)
	s, err := canonicalURL(abs, href)
	if err != nil {
		return "", false
	}
	return s, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// escapeQueryPart percent-encodes the bytes of a raw query parameter that
// may not appear in a URL's query (spaces, controls, non-ASCII, a "%" that
// starts no escape) and upper-cases existing escapes.
func escapeQueryPart(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte('%')
			b.WriteByte(upperHex(s[i+1]))
			b.WriteByte(upperHex(s[i+2]))
			i += 2
		case queryByte(c):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// queryByte reports whether c may appear as it is in a query (RFC 3986).
func queryByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0
}
