package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestLogLevels runs the main job on the bundled site with each log
// setting and checks which messages reach stderr.
func TestLogLevels(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	tests := []struct {
		flags         []string
		want, notWant []string
	}{
		{nil, []string{"level=INFO"}, []string{"level=DEBUG"}},
		{[]string{"--log-level", "debug"}, []string{"level=DEBUG", "level=INFO"}, nil},
		{[]string{"--log-level", "warn"}, nil, []string{"level=INFO", "level=DEBUG"}},
		{[]string{"--quiet"}, nil, []string{"level="}},
		{[]string{"--log-format", "json", "--log-level", "debug"}, []string{`"level":"DEBUG"`}, nil},
	}
	for i, tt := range tests {
		t.Run(strings.Join(tt.flags, " "), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), fmt.Sprint(i, ".db"))
			args := append([]string{"run", "--db", db, "--allow-private", "--delay", "1ms", srv.URL + "/"}, tt.flags...)
			_, stderr, err := runCLI(t, "", args...)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(stderr, w) {
					t.Errorf("stderr has %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestStatusLine checks that log messages written while a status line
// shows clear it, go above it, and have it drawn again.
func TestStatusLine(t *testing.T) {
	var b strings.Builder
	s := &statusLine{w: &b}
	logger := slog.New(slog.NewTextHandler(s, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	logger.Info("before")
	s.set("job: 1 fetched")
	logger.Info("during")
	s.set("job: 2 fetched")
	s.done()
	logger.Info("after")
	want := "level=INFO msg=before\n" +
		"\r\033[Kjob: 1 fetched" +
		"\r\033[Klevel=INFO msg=during\njob: 1 fetched" +
		"\r\033[Kjob: 2 fetched" + "\n" +
		"level=INFO msg=after\n"
	if b.String() != want {
		t.Errorf("terminal got\n%q\nwant\n%q", b.String(), want)
	}

	// Messages from many goroutines never land inside a status line.
	b.Reset()
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(2)
		go func() { defer wg.Done(); logger.Info("page", "n", i) }()
		go func() { defer wg.Done(); s.set(fmt.Sprintf("job: %d fetched", i)) }()
	}
	wg.Wait()
	for _, line := range strings.Split(b.String(), "\n") {
		if i := strings.LastIndex(line, "\r\033[K"); strings.Contains(line[max(i, 0):], "fetched") && strings.Contains(line[max(i, 0):], "msg=") {
			t.Errorf("a log message and the status share a line: %q", line)
		}
	}
}
