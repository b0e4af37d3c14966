package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseGold feeds arbitrary bytes to the gold file parser: it must
// never panic, and what it accepts must score perfectly against itself.
func FuzzParseGold(f *testing.F) {
	for _, dir := range []string{"bad", "good", "dupdoc"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	dir := f.TempDir()
	for _, name := range []string{"article.txt", "a.txt", "assembly.txt", "council.html"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("text"), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	path := filepath.Join(dir, "fuzz.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := parseGold(path, data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		r := Evaluate([]Pair{{Gold: g.Record, Pred: g.Record}})
		for _, typ := range TypeOrder() {
			if s := r.Types[typ]; s.FP != 0 || s.FN != 0 || (s.Scored && s.F1 != 1) {
				t.Fatalf("%s: gold against itself gives %+v", typ, s)
			}
		}
	})
}
