package clean

import (
	"bytes"
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
)

// guard fails the test if f runs longer than a generous limit; it is a
// safety net against endless loops, not a speed test.
func guard(t *testing.T, limit time.Duration, f func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-ctx.Done():
		t.Fatalf("did not finish within %v", limit)
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 10000
	para := "<p>The council met on Tuesday and agreed, after a long debate, to fund the new library for another ten years.</p>"
	for _, tag := range []string{"div", "span", "b", "section", "table"} {
		t.Run(tag, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><head><title>Deep</title></head><body>")
			open, close := "<"+tag+">", "</"+tag+">"
			if tag == "table" {
				open, close = "<table><tr><td>", "</td></tr></table>"
			}
			for i := 0; i < depth; i++ {
				b.WriteString(open)
			}
			b.WriteString(strings.Repeat(para, 3))
			for i := 0; i < depth; i++ {
				b.WriteString(close)
			}
			b.WriteString("</body></html>")
			var art Article
			var err error
			guard(t, 2*time.Minute, func() {
				art, err = New(DefaultConfig()).CleanBytes([]byte(b.String()), "https://example.org/deep", "")
			})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(art.Text, "fund the new library") {
				t.Errorf("text of deep page lost: %q (reason %q)", art.Text, art.Reason)
			}
		})
	}
}

func TestLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("large page skipped in short mode")
	}
	var b bytes.Buffer
	b.WriteString("<html><head><title>Large</title></head><body><nav><a href=/>Home</a></nav><article>")
	para := "<p>Delegates voted again on the amended motion, which passed by a narrow margin after the second reading in the chamber.</p>\n"
	for b.Len() < 10<<20 {
		b.WriteString(para)
	}
	b.WriteString("</article></body></html>")
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	var art Article
	var err error
	guard(t, 5*time.Minute, func() {
		art, err = New(DefaultConfig()).CleanBytes(b.Bytes(), "https://example.org/large", "")
	})
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&ms)
	alloc := ms.TotalAlloc - before
	if !strings.HasPrefix(art.Text, "Delegates voted again") {
		t.Errorf("text starts %q", art.Text[:min(len(art.Text), 80)])
	}
	// Parsing and cleaning allocate a bounded multiple of the input.
	if alloc > 30*uint64(b.Len()) {
		t.Errorf("allocated %d bytes for a %d-byte page", alloc, b.Len())
	}
	t.Logf("10 MB page: %d bytes allocated, %d characters of text", alloc, len(art.Text))
}

func TestMaxBytes(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxBytes = 600
	page := "<html><body><article>" + strings.Repeat("<p>One sentence of the report that keeps going, with commas, and more words.</p>", 50) + "</article></body></html>"
	art, err := New(cfg).Clean(strings.NewReader(page), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(art.Text); n == 0 || n > 600 {
		t.Errorf("text of %d bytes from a page cut at 600", n)
	}
}
