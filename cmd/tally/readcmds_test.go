package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/corpus"
)

// TestReadCommandsLeaveNonCorporaAlone runs every command that only reads
// a corpus (and reextract, which needs one) on files that are not yet a
// corpus: each fails with a clear message and leaves the file as it was.
func TestReadCommandsLeaveNonCorporaAlone(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	emptySQL := filepath.Join(dir, "emptysql.db")
	raw, err := sql.Open("sqlite3", emptySQL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("VACUUM"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for _, path := range []string{empty, emptySQL} {
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"stats"}, {"export"}, {"export", "--what", "votes", "--format", "csv"}, {"search", "veto"},
			{"backup", filepath.Join(dir, "copy.db")}, {"reextract"},
		} {
			_, _, err := runCLI(t, "", append([]string{args[0], "--db", path}, args[1:]...)...)
			if err == nil || !strings.Contains(err.Error(), "not a tally corpus yet") {
				t.Errorf("%s on %s: %v, want a refusal", args[0], filepath.Base(path), err)
			}
			after, rerr := os.ReadFile(path)
			if rerr != nil || !bytes.Equal(before, after) {
				t.Errorf("%s changed %s", args[0], filepath.Base(path))
			}
		}
	}
	if got, _ := filepath.Glob(filepath.Join(dir, "*")); len(got) != 2 {
		t.Errorf("files in the folder: %v, want only the two given", got)
	}
}

// TestBackupInterruptedAfterCopy interrupts a backup as soon as its copy
// has its name: the copy is complete, so the backup succeeds.
func TestBackupInterruptedAfterCopy(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	writeStory(t, filepath.Join(dir, "site"), "story.html")
	if _, stderr, err := runCLI(t, "", "import", "--db", db, "--base-url", "http://news.example/", filepath.Join(dir, "site")); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	for attempt := 0; attempt < 20; attempt++ {
		dst := filepath.Join(dir, "backup.db")
		os.Remove(dst)
		ctx, cancel := context.WithCancel(context.Background())
		go func() {
			for ctx.Err() == nil {
				if _, err := os.Stat(dst); err == nil {
					cancel()
					return
				}
				time.Sleep(50 * time.Microsecond)
			}
		}()
		var out, errOut bytes.Buffer
		err := run(ctx, []string{"backup", "--db", db, dst}, strings.NewReader(""), &out, &errOut)
		interrupted := ctx.Err() != nil
		cancel()
		if err != nil {
			t.Fatalf("backup interrupted after its copy was complete: %v", err)
		}
		if interrupted {
			c, err := corpus.OpenReadOnly(context.Background(), dst)
			if err != nil {
				t.Fatal(err)
			}
			c.Close()
			return
		}
	}
	t.Skip("no interrupt landed after the copy")
}
