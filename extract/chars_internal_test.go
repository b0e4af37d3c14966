package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestChars checks the byte-to-character conversion against counting the
// characters before each byte, on texts whose multi-byte characters fall
// on and across the index's strides, and whose length is a whole number
// of strides.
func TestChars(t *testing.T) {
	tests := map[string]string{
		"ascii":          strings.Repeat("Kenya voted yes. ", 20),
		"curly quotes":   strings.Repeat("Russia’s “veto” — again. ", 20),
		"whole strides":  strings.Repeat("é", charBlock), // 2 strides of bytes
		"4-byte runes":   strings.Repeat("a😀", 50),
		"stride crossed": strings.Repeat("x", charBlock-1) + "€" + strings.Repeat("y", charBlock),
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			d := newDocument(New().model, text)
			want := 0
			for b := 0; b <= len(text); b++ {
				if b == len(text) || utf8.RuneStart(text[b]) {
					if got := d.chars(b); got != want {
						t.Fatalf("chars(%d) = %d, want %d", b, got, want)
					}
					want++
				} else if got := d.chars(b); got != want-1 {
					t.Fatalf("chars(%d) inside a character = %d, want %d", b, got, want-1)
				}
			}
		})
	}
}
