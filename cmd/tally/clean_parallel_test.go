//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCleanRunsFilesInParallel gives clean two named pipes and feeds the
// second before the first: a clean that reads its files one at a time
// waits on the first forever, one that spreads them over the cores reads
// both. The articles still come out in the order of the arguments.
func TestCleanRunsFilesInParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	dir := t.TempDir()
	first, second := filepath.Join(dir, "first.html"), filepath.Join(dir, "second.html")
	for _, p := range []string{first, second} {
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("no named pipes here: %v", err)
		}
	}
	page := func(title string) string {
		return "<html><head><title>" + title + "</title></head><body><article><h1>" + title +
			"</h1><p>" + strings.Repeat("The assembly met on Tuesday and voted on the draft after a long debate. ", 8) +
			"</p></article></body></html>"
	}
	feed := func(path, html string) error {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		if _, err := f.WriteString(html); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	type outcome struct {
		out string
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		var out, errOut bytes.Buffer
		err := run(context.Background(), []string{"clean", "--format", "jsonl", first, second}, strings.NewReader(""), &out, &errOut)
		done <- outcome{out.String(), err}
	}()
	fed := make(chan error, 1)
	go func() {
		if err := feed(second, page("Second page")); err != nil {
			fed <- err
			return
		}
		fed <- feed(first, page("First page"))
	}()
	select {
	case err := <-fed:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("clean did not read the second file before the first was written: it reads files one at a time")
	}
	var o outcome
	select {
	case o = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("clean did not finish")
	}
	if o.err != nil {
		t.Fatal(o.err)
	}
	lines := strings.Split(strings.TrimSpace(o.out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "First page") || !strings.Contains(lines[1], "Second page") {
		t.Errorf("got %d lines, want the first page then the second:\n%s", len(lines), o.out)
	}
}
