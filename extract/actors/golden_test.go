package actors

import (
	flagpkg "flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flagpkg.Bool("update", false, "rewrite the golden files in testdata/")

// render lists mentions and leaders one a line, for golden files.
func render(text string) string {
	var b strings.Builder
	for _, m := range Find(text) {
		fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%q\n", m.Start, m.End, m.Code, m.Kind, m.Text)
	}
	for _, m := range Leaders(text) {
		fmt.Fprintf(&b, "%d-%d\t%s\t%s\t%q\n", m.Start, m.End, m.Code, m.Kind, m.Text)
	}
	return b.String()
}

// TestGolden runs Find and Leaders over each testdata/*.txt article and
// compares the result with testdata/*.golden; -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata articles: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := render(string(text))
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n got:\n%s\nwant:\n%s", f, golden, got, want)
			}
		})
	}
}
