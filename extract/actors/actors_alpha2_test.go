package actors

import "testing"

func TestAlpha2(t *testing.T) {
	for code, want := range map[string]string{"CAN": "CA", "GBR": "GB", "XKX": "XK", "EU": "", "ZZZ": ""} {
		if got := Alpha2(code); got != want {
			t.Errorf("Alpha2(%q) = %q, want %q", code, got, want)
		}
	}
}
