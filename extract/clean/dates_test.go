package clean

import (
	"strings"
	"testing"
)

// TestTextDateScanIsBounded checks that the written date is looked for at
// the start of the article only: a date deep in one long paragraph is not
// its publication date, and the scan does not read the whole of it.
func TestTextDateScanIsBounded(t *testing.T) {
	long := strings.Repeat("The delegates went on talking about the draft in the hall. ", 2000)
	tests := []struct {
		name, para, want string
	}{
		{"dateline at the start", "Geneva, 21 September 2019. " + long, "2019-09-21T00:00:00Z"},
		{"date deep in the text", long + " It was signed on 21 September 2019.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Talks</title></head><body><article><h1>Talks go on</h1><p>" + tt.para + "</p></article></body></html>"
			art, err := Clean(strings.NewReader(page), "https://news.example/talks")
			if err != nil {
				t.Fatal(err)
			}
			if art.Published != tt.want {
				t.Errorf("published %q, want %q", art.Published, tt.want)
			}
		})
	}
}
