package clean

import (
	"strings"
	"testing"
)

// TestWebsiteTeaserPage checks that a section page marked as a website,
// whose only prose is a teaser, yields no article, while an article page
// of the same length does.
func TestWebsiteTeaserPage(t *testing.T) {
	teaser := `<p>A draft demanding a truce fell at the Security Council after one permanent member voted against it on Thursday night.</p>`
	page := func(ogType string) string {
		return `<!DOCTYPE html><html><head><title>World</title><meta property="og:type" content="` + ogType + `"></head><body>
<nav><a href="/">Home</a> <a href="/world/">World</a></nav>
<main><section><h2><a href="/world/a.html">Truce draft falls</a></h2>` + teaser + `</section></main>
<footer>Copyright</footer></body></html>`
	}
	tests := []struct {
		ogType   string
		wantText bool
	}{
		{"website", false},
		{"article", true},
	}
	for _, tt := range tests {
		t.Run(tt.ogType, func(t *testing.T) {
			art, err := Clean(strings.NewReader(page(tt.ogType)), "http://example.org/world/")
			if err != nil {
				t.Fatal(err)
			}
			if got := art.Text != ""; got != tt.wantText {
				t.Errorf("text = %q, reason = %q; want text: %v", art.Text, art.Reason, tt.wantText)
			}
			if !tt.wantText && !strings.Contains(art.Reason, "index page") {
				t.Errorf("reason = %q, want an index page", art.Reason)
			}
		})
	}
}
