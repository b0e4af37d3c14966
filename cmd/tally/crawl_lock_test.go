package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/corpus"
)

// TestRerunAfterKill: a run killed with its lock held (its process gone)
// does not hold the next run back, and --stats shows it as interrupted.
func TestRerunAfterKill(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "k.db")

	// What a kill -9 leaves: the lock and an unfinished run of a process
	// that no longer exists.
	child := exec.Command(os.Args[0], "-test.run=^$")
	if err := child.Run(); err != nil {
		t.Fatal(err)
	}
	host, _ := os.Hostname()
	dead := fmt.Sprintf("%s:%d:killed", host, child.Process.Pid)
	ctx := context.Background()
	db, err := corpus.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Lock(ctx, "site", dead, time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := db.StartRun(ctx, "site", dead); err != nil {
		t.Fatal(err)
	}
	db.Close()

	out, stderr, err := runCLI(t, "", "crawl", "--db", path, "--job", "site", "--allow-private", "--delay", "1ms", srv.URL+"/")
	if err != nil {
		t.Fatalf("rerun after a kill: %v\n%s%s", err, out, stderr)
	}
	out, _, err = runCLI(t, "", "crawl", "--db", path, "--job", "site", "--stats")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 || strings.Contains(lines[1], "interrupted") || !strings.Contains(lines[2], "interrupted") {
		t.Errorf("--stats: want the rerun finished and the killed run interrupted:\n%s", out)
	}
}
