package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeUntilInterrupted starts tally serve on a free loopback port,
// reads the URL it prints, fetches pages from it and stops it as Ctrl-C
// does.
func TestServeUntilInterrupted(t *testing.T) {
	db := siteCorpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, w := io.Pipe()
	done := make(chan error, 1)
	var stderr strings.Builder
	go func() {
		err := run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), w, &stderr)
		w.Close()
		done <- err
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no line from serve: %v (%s)", err, stderr.String())
	}
	go io.Copy(io.Discard, out)
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	if url == "" {
		t.Fatalf("serve printed %q, no loopback URL", line)
	}
	for _, path := range []string{"", "articles/1", "api/articles?q=veto"} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || len(body) == 0 {
			t.Errorf("GET /%s: status %d, %d bytes", path, resp.StatusCode, len(body))
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve stopped with %v, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop when interrupted")
	}
	if strings.Contains(stderr.String(), "beyond this machine") {
		t.Errorf("a loopback address was warned about: %s", stderr.String())
	}
}

func TestServeBadArguments(t *testing.T) {
	db := siteCorpus(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no port", []string{"serve", "--db", db, "--addr", "localhost"}, `--addr "localhost": want host:port`},
		{"argument", []string{"serve", "--db", db, "extra"}, `unexpected argument "extra"`},
		{"no gold folder", []string{"serve", "--db", db, "--gold", filepath.Join(t.TempDir(), "none")}, `want a folder of gold files`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCLI(t, "", tt.args...)
			var ue *usageError
			if !errors.As(err, &ue) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want a usage error saying %q", err, tt.want)
			}
		})
	}
	if _, _, err := runCLI(t, "", "serve", "--db", db+".missing", "--addr", "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing corpus: error %v", err)
	}
}

func TestServeGoldNotAFolder(t *testing.T) {
	db := siteCorpus(t)
	file := filepath.Join(t.TempDir(), "gold")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCLI(t, "", "serve", "--db", db, "--addr", "127.0.0.1:0", "--gold", file)
	if err == nil || !strings.Contains(err.Error(), "--gold") || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("--gold naming a file: %v, want an error saying it is not a folder", err)
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "127.1.2.3": true, "": false, "0.0.0.0": false, "192.168.1.4": false, "example.org": false} {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}
