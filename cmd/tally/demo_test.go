package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoFromAnyFolder runs the demo from a folder with no testdata:
// the site and the gold files come from the binary.
func TestDemoFromAnyFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	out, stderr, err := runCLI(t, "", "demo", "--db", "demo.db")
	if err != nil {
		t.Fatalf("demo: %v\n%s\n%s", err, out, stderr)
	}
	for _, want := range []string{"Serving the bundled site at http://127.0.0.1:", "0 failed", "UNSC", "Events (one per real-world vote", "Evaluation against the bundled gold files", "overall"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "demo.db") {
			t.Errorf("the demo left %s in the folder it ran in", e.Name())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "demo.db")); err != nil {
		t.Errorf("no corpus: %v", err)
	}
}
