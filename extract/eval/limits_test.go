package eval

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// nested returns a gold file whose field "x" holds lists nested depth
// levels deep.
func nested(depth int) []byte {
	return []byte(`{"doc":"a","text_file":"a.txt","countries":[],"counts":[],"votes":[],"stances":[],"x":` +
		strings.Repeat("[", depth) + strings.Repeat("]", depth) + "}")
}

func TestGoldNestingIsBounded(t *testing.T) {
	tests := []struct {
		depth int
		want  string
	}{
		{MaxDepth - 1, "x: unknown field"}, // the lists and the object: MaxDepth levels
		{MaxDepth, "nested deeper than 64 levels, at x" + strings.Repeat("[0]", MaxDepth-2)},
		{200000, "line 1, column 150: lists and objects nested deeper than 64 levels"},
	}
	for _, tt := range tests {
		data := nested(tt.depth)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := parseGold(filepath.Join(t.TempDir(), "deep.json"), data)
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("depth %d: error %v, want one containing %q", tt.depth, err, tt.want)
		}
		// Memory in proportion to the input, not to the square of its
		// depth (which took gigabytes at a depth of 40000).
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64*uint64(len(data))+1<<20 {
			t.Errorf("depth %d: %d bytes allocated to parse %d bytes", tt.depth, alloc, len(data))
		}
	}
}

func TestGoldSourceStaysInFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "gold")
	if err := os.MkdirAll(filepath.Join(dir, "texts"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(root, "secret.txt")
	for _, f := range []string{outside, filepath.Join(dir, "texts", "a.txt")} {
		if err := os.WriteFile(f, []byte("The Assembly adopted the text by 120 votes to 8."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(dir, "up")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		field, name, want string
	}{
		{"text_file", "texts/a.txt", ""},
		{"text_file", outside, "is an absolute path"},
		{"html_file", "../secret.txt", "leaves the gold file's folder"},
		{"text_file", "texts/../../secret.txt", "leaves the gold file's folder"},
		{"text_file", "link.txt", "through a symbolic link"},
		{"text_file", "up/secret.txt", "through a symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := `{"doc":"a","` + tt.field + `":"` + tt.name + `","countries":[],"counts":[],"votes":[],"stances":[]}`
			path := filepath.Join(dir, "a.json")
			if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadGoldFile(path)
			if tt.want == "" {
				if err != nil {
					t.Errorf("%s inside the folder: %v", tt.name, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("error %v, want one about %s containing %q", err, tt.field, tt.want)
			}
		})
	}
}

// BenchmarkDeepGold parses a gold file nested 40000 levels deep, which
// took 14.5 s and 3.7 GB before nesting was bounded.
func BenchmarkDeepGold(b *testing.B) {
	data := nested(40000)
	path := filepath.Join(b.TempDir(), "deep.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseGold(path, data); err == nil {
			b.Fatal("no error")
		}
	}
}
