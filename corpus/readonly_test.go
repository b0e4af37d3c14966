package corpus

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// filesIn lists the names in dir.
func filesIn(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// TestReadersRefuseWhatIsNotYetCorpus gives the opening functions of
// commands that need a corpus files that could become one but are not:
// they are refused and left byte for byte as they were.
func TestReadersRefuseWhatIsNotYetCorpus(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	emptySQL := filepath.Join(dir, "emptysql.db")
	rawSQLite(t, emptySQL, "PRAGMA user_version = 0", "VACUUM")
	for _, path := range []string{empty, emptySQL} {
		before, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for name, open := range map[string]func(context.Context, string) (*DB, error){
			"OpenReadOnly": OpenReadOnly, "OpenExisting": OpenExisting,
		} {
			db, err := open(ctx, path)
			if err == nil {
				db.Close()
			}
			if !errors.Is(err, ErrNotYetCorpus) {
				t.Errorf("%s(%s) = %v, want ErrNotYetCorpus", name, filepath.Base(path), err)
			}
			after, rerr := os.ReadFile(path)
			if rerr != nil || !bytes.Equal(before, after) {
				t.Errorf("%s(%s) changed the file", name, filepath.Base(path))
			}
		}
	}
	if got := filesIn(t, dir); got != "empty.db emptysql.db" {
		t.Errorf("files left in the folder: %s", got)
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(dir, "none.db")); err == nil || filesIn(t, dir) != "empty.db emptysql.db" {
		t.Errorf("OpenReadOnly of a missing file: %v, files %s", err, filesIn(t, dir))
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	db := mustOpenPath(t, path)
	if _, err := db.Save(ctx, testDoc(1, "a.example")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Save(ctx, testDoc(2, "a.example")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Save on a read-only corpus: %v, want ErrReadOnly", err)
	}
	if s, err := ro.Stats(ctx); err != nil || s.Pages != 1 {
		t.Errorf("Stats = %+v, %v", s, err)
	}
}

// Read-only corpora are checked as an unprivileged user, since the
// superuser may write anywhere: run as root, the test runs itself again
// as nobody.
const (
	readOnlyHelperEnv = "TALLY_CORPUS_READONLY_HELPER"
	readOnlyDirEnv    = "TALLY_CORPUS_READONLY_DIR"
	nobody            = 65534
)

// TestReadOnlyCorpora reads a corpus whose file is read-only (0444) and
// one in a read-only folder: both open, count, export and back up, leave
// nothing beside them, and neither is called damaged.
func TestReadOnlyCorpora(t *testing.T) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "tally-readonly-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	src := filepath.Join(dir, "src.db")
	db := mustOpenPath(t, src)
	docs := make([]Doc, 20)
	for i := range docs {
		docs[i] = testDoc(i+1, "a.example")
	}
	if _, err := db.SaveAll(ctx, docs); err != nil {
		t.Fatal(err)
	}
	db.Close()
	body, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"rofile", "rofolder", "out"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o777); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "rofile", "c.db"), body, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "rofolder", "c.db"), body, 0o666); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, filepath.Join(dir, "out"), filepath.Join(dir, "rofile")} {
		if err := os.Chmod(p, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(filepath.Join(dir, "rofolder"), 0o555); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		checkReadOnlyCorpora(t, dir)
		return
	}
	// Run this test's check again as nobody, from a copy of the test
	// binary that nobody may run.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "corpus.test")
	if err := copyFile(exe, bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run=^TestReadOnlyHelper$", "-test.v")
	cmd.Env = append(os.Environ(), readOnlyHelperEnv+"=1", readOnlyDirEnv+"="+dir)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the check as an unprivileged user failed: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: TestReadOnlyHelper") {
		t.Fatalf("the check as an unprivileged user did not run:\n%s", out)
	}
}

// TestReadOnlyHelper is TestReadOnlyCorpora's check as an unprivileged
// user; run directly, it skips.
func TestReadOnlyHelper(t *testing.T) {
	if os.Getenv(readOnlyHelperEnv) == "" {
		t.Skip("runs only as the subprocess of TestReadOnlyCorpora")
	}
	checkReadOnlyCorpora(t, os.Getenv(readOnlyDirEnv))
}

func checkReadOnlyCorpora(t *testing.T, dir string) {
	ctx := context.Background()
	for _, sub := range []string{"rofile", "rofolder"} {
		t.Run(sub, func(t *testing.T) {
			folder := filepath.Join(dir, sub)
			path := filepath.Join(folder, "c.db")
			if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
				f.Close()
				if _, err := os.Create(filepath.Join(folder, "probe")); err == nil {
					t.Fatal("the corpus and its folder are writable: the test cannot check read-only corpora")
				}
			}
			db, err := OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatalf("OpenReadOnly: %v", err)
			}
			s, err := db.Stats(ctx)
			if err != nil || s.Pages != 20 || s.Records != 20 {
				t.Errorf("Stats = %+v, %v", s, err)
			}
			if err := db.Export(ctx, io.Discard, ExportOptions{What: "votes", Format: "csv"}); err != nil {
				t.Errorf("Export: %v", err)
			}
			copyPath := filepath.Join(dir, "out", sub+".db")
			if err := db.Backup(ctx, copyPath); err != nil {
				t.Errorf("Backup: %v", err)
			}
			db.Close()
			if got := filesIn(t, folder); got != "c.db" {
				t.Errorf("files beside the corpus after reading it: %s", got)
			}
			if b, err := OpenReadOnly(ctx, copyPath); err != nil {
				t.Errorf("the backup: %v", err)
			} else {
				if s, err := b.Stats(ctx); err != nil || s.Pages != 20 {
					t.Errorf("the backup's Stats = %+v, %v", s, err)
				}
				b.Close()
			}
			// Opening it for writing fails, without calling it damaged.
			if w, err := Open(ctx, path); err == nil {
				w.Close()
				t.Errorf("Open for writing succeeded on a read-only corpus")
			} else if errors.Is(err, ErrNotCorpus) || strings.Contains(err.Error(), "damaged") {
				t.Errorf("Open for writing: %v; a healthy read-only corpus is not damaged", err)
			}
		})
	}
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o755)
}

// Backup's atomicity is checked by killing a backup half-way.
const (
	backupHelperEnv = "TALLY_CORPUS_BACKUP_HELPER"
	backupSrcEnv    = "TALLY_CORPUS_BACKUP_SRC"
	backupDstEnv    = "TALLY_CORPUS_BACKUP_DST"
)

// TestBackupHelper backs up a corpus for TestBackupKilled, which kills it;
// run directly, it skips.
func TestBackupHelper(t *testing.T) {
	if os.Getenv(backupHelperEnv) == "" {
		t.Skip("runs only as the subprocess of TestBackupKilled")
	}
	db, err := OpenReadOnly(context.Background(), os.Getenv(backupSrcEnv))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Backup(context.Background(), os.Getenv(backupDstEnv)); err != nil {
		t.Fatal(err)
	}
}

// TestBackupKilled kills a backup while it writes: no file is left at the
// backup's name, so a later backup to that name is not refused and
// nothing mistakes a partial copy for an empty corpus.
func TestBackupKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a corpus of some megabytes")
	}
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	db := mustOpenPath(t, src)
	for batch := range 6 {
		docs := make([]Doc, 100)
		for i := range docs {
			docs[i] = testDoc(batch*100+i+1, "a.example")
			docs[i].Article.Text = paragraphs(words(uint64(batch*100+i+7), 3000))
		}
		if _, err := db.SaveAll(ctx, docs); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	dst := filepath.Join(dir, "backup.db")
	for attempt := 0; attempt < 5; attempt++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBackupHelper$")
		cmd.Env = append(os.Environ(), backupHelperEnv+"=1", backupSrcEnv+"="+src, backupDstEnv+"="+dst)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it as soon as the copy has begun to be written.
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			if writing(dir) {
				break
			}
			time.Sleep(200 * time.Microsecond)
		}
		cmd.Process.Kill()
		err := cmd.Wait()
		if err == nil {
			// The backup finished before the kill: try again.
			os.Remove(dst)
			continue
		}
		if _, err := os.Lstat(dst); err == nil {
			t.Fatalf("a killed backup left a file at the backup's name (files: %s)", filesIn(t, dir))
		}
		db := mustOpenPath(t, src)
		if err := db.Backup(ctx, dst); err != nil {
			t.Fatalf("a backup after the killed one: %v", err)
		}
		return
	}
	t.Skip("every backup finished before it could be killed")
}

// writing reports whether a backup in dir has begun to write its copy.
func writing(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() == "src.db" || strings.HasPrefix(e.Name(), "src.db-") {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.Size() > 0 {
			return true
		}
	}
	return false
}

// TestOpenReadOnlyMigratesOlderCorpus opens a corpus of the first schema
// read-only: being a corpus, it is migrated first, then read.
func TestOpenReadOnlyMigratesOlderCorpus(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	old, err := open(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	db, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.read.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
		t.Errorf("schema version %d, %v; want %d", v, err, SchemaVersion())
	}
	if _, err := db.Stats(ctx); err != nil {
		t.Error(err)
	}
}
