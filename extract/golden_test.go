package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden records in testdata/records and the version manifest testdata/VERSION")

// goldenText is an article text whose record is pinned.
type goldenText struct {
	path, name, text string
}

// goldenTexts returns the article texts whose records are pinned.
func goldenTexts(t *testing.T) []goldenText {
	t.Helper()
	var files []string
	for _, dir := range []string{"gold", "extract", "extract2", "extract3", "extract4", "extract5", "extract6", "extract7", "extract8", "extract9", "extract10"} {
		m, _ := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no article texts in ../testdata")
	}
	var texts []goldenText
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, goldenText{f, strings.TrimSuffix(filepath.Base(f), ".txt"), string(text)})
	}
	return texts
}

// goldenRecords caches the records goldenRecord made, by name and text,
// for the tests that read the same texts.
var goldenRecords sync.Map

// goldenRecord is the record of a text as its golden file holds it.
func goldenRecord(t *testing.T, name, text string) []byte {
	t.Helper()
	key := name + "\x00" + text
	if b, ok := goldenRecords.Load(key); ok {
		return b.([]byte)
	}
	rec := extractor.Extract(context.Background(), name, text)
	got, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	goldenRecords.Store(key, got)
	return got
}

// goldenPath is where the golden record of a text lives.
func goldenPath(g goldenText) string {
	return filepath.Join("testdata", "records", g.name+".json")
}

// TestGoldenRecords extracts the project's own article texts and compares
// each record, evidence included, with its golden file, so that any change
// in what the extractors find shows up in review. Run with -update to
// accept a change.
func TestGoldenRecords(t *testing.T) {
	for _, g := range goldenTexts(t) {
		name := g.name
		t.Run(name, func(t *testing.T) {
			got := goldenRecord(t, name, g.text)
			golden := goldenPath(g)
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
