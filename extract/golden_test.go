package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata/records")

// TestGoldenRecords extracts the project's own article texts and compares
// each record, evidence included, with its golden file, so that any change
// in what the extractors find shows up in review. Run with -update to
// accept a change.
func TestGoldenRecords(t *testing.T) {
	var files []string
	for _, dir := range []string{"gold", "extract", "extract2", "extract3", "extract4", "extract5", "extract6", "extract7", "extract8", "extract9", "extract10"} {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no article texts in ../testdata")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			rec := extractor.Extract(context.Background(), name, string(text))
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "records", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("record of %s differs from %s; run go test -update and review the diff", name, golden)
			}
		})
	}
}
