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

	"github.com/tally-news/tally/extract/eval"
)

var update = flag.Bool("update", false, "rewrite the golden records (records/NAME.json beside each set's texts) and the version manifest testdata/VERSION")

// setManifest lists the gold sets: their folders, what they cover, their
// first-contact scores and their floors.
var setManifest = filepath.Join("..", "testdata", "sets", "sets.json")

// loadSets reads the set manifest.
func loadSets(t *testing.T) []eval.Set {
	t.Helper()
	sets, err := eval.LoadSets(setManifest)
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

// goldenText is an article text whose record is pinned in a golden file
// in the records folder beside it.
type goldenText struct {
	path, name, text string
}

// golden is the path of the text's golden record.
func (g goldenText) golden() string {
	return filepath.Join(filepath.Dir(g.path), "records", g.name+".json")
}

// goldenTexts returns the article texts of every set of the repository.
func goldenTexts(t *testing.T) []goldenText {
	t.Helper()
	var texts []goldenText
	for _, s := range loadSets(t) {
		if s.External {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(s.Dir, "*.txt"))
		if len(files) == 0 {
			t.Fatalf("set %s: no article texts in %s", s.Name, s.Dir)
		}
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, goldenText{f, strings.TrimSuffix(filepath.Base(f), ".txt"), string(text)})
		}
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

// TestGoldenRecords extracts the project's own article texts and compares
// each record, evidence included, with its golden file, so that any change
// in what the extractors find shows up in review. Run with -update to
// accept a change.
func TestGoldenRecords(t *testing.T) {
	for _, g := range goldenTexts(t) {
		t.Run(g.name, func(t *testing.T) {
			got := goldenRecord(t, g.name, g.text)
			golden := g.golden()
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
				t.Errorf("record of %s differs from %s; run go test -update and review the diff", g.name, golden)
			}
		})
	}
}

// TestNoStrayGoldenRecords fails on a golden record whose text is gone.
func TestNoStrayGoldenRecords(t *testing.T) {
	want := map[string]bool{}
	for _, g := range goldenTexts(t) {
		want[g.golden()] = true
	}
	for _, s := range loadSets(t) {
		if s.External {
			continue
		}
		recs, _ := filepath.Glob(filepath.Join(s.Dir, "records", "*.json"))
		for _, r := range recs {
			if !want[r] {
				t.Errorf("%s has no article text beside it; remove it", r)
			}
		}
	}
}
