package crawl

import (
	"errors"
	"net"
	"testing"
)

// TestIPv6FormsOfIPv4Refused: IPv4-compatible addresses (::/96, as in
// [::127.0.0.1]) and the NAT64 well-known prefix (64:ff9b::/96) can
// reach IPv4 hosts, private ones included, and are refused whole.
func TestIPv6FormsOfIPv4Refused(t *testing.T) {
	tests := []struct {
		name, addr string
		public     bool
	}{
		{"ipv4-compatible loopback", "::127.0.0.1", false},
		{"ipv4-compatible loopback, hex", "::7f00:1", false},
		{"ipv4-compatible private", "::10.0.0.1", false},
		{"ipv4-compatible public", "::8.8.8.8", false},
		{"nat64 loopback", "64:ff9b::127.0.0.1", false},
		{"nat64 private", "64:ff9b::c0a8:101", false},
		{"nat64 public", "64:ff9b::808:808", false},
		{"global unicast", "2606:4700::1111", true},
		{"mapped public", "::ffff:8.8.8.8", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := refusePrivate("tcp6", net.JoinHostPort(tt.addr, "443"), nil)
			if tt.public && err != nil {
				t.Errorf("refusePrivate(%s) = %v, want it allowed", tt.addr, err)
			}
			if !tt.public && !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("refusePrivate(%s) = %v, want ErrPrivateAddress", tt.addr, err)
			}
		})
	}
}
