package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormatsAreOneDocument runs every subcommand that writes JSON, on
// several inputs, and checks that --format json writes one JSON document
// and --format jsonl one JSON object a line, the same objects both ways.
func TestFormatsAreOneDocument(t *testing.T) {
	db := siteCorpus(t)
	pageA := repoPath("testdata", "site", "world", "unsc-sudan-aid-veto.html")
	pageB := repoPath("testdata", "site", "index.html")
	textA := repoPath("testdata", "gold", "unsc-sudan-aid-veto.txt")
	textB := repoPath("testdata", "gold", "un-ukraine-anniversary.txt")
	gold := repoPath("testdata", "gold")
	tests := []struct {
		name  string
		args  []string
		items int    // objects expected, -1 for one object rather than a list
		key   string // a key each object has
	}{
		{"clean", []string{"clean", pageA, pageB}, 2, "file"},
		{"extract", []string{"extract", textA, textB}, 2, "file"},
		{"extract html", []string{"extract", "--html", pageA}, 1, "votes"},
		{"eval", []string{"eval", "--gold", gold, "--gold", gold}, 2, "gold"},
		{"search", []string{"search", "--db", db, "veto"}, 0, "snippet"},
		{"search nothing", []string{"search", "--db", db, "zzzzqqq"}, 0, ""},
		{"export", []string{"export", "--db", db, "--what", "articles"}, 0, "url"},
		{"stats", []string{"stats", "--db", db}, -1, "pages"},
	}
	for _, tt := range tests {
		for _, format := range []string{"json", "jsonl"} {
			if tt.items < 0 && format == "jsonl" {
				continue
			}
			t.Run(tt.name+" "+format, func(t *testing.T) {
				out, stderr, err := runCLI(t, "", append(tt.args, "--format", format)...)
				if err != nil {
					t.Fatalf("%v\n%s", err, stderr)
				}
				var objects []map[string]any
				switch {
				case tt.items < 0:
					var obj map[string]any
					if err := json.Unmarshal([]byte(out), &obj); err != nil {
						t.Fatalf("not one JSON object: %v\n%s", err, out)
					}
					objects = append(objects, obj)
				case format == "json":
					if err := json.Unmarshal([]byte(out), &objects); err != nil {
						t.Fatalf("not one JSON array: %v\n%s", err, out)
					}
				default:
					for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
						if line == "" && out == "" {
							break
						}
						var obj map[string]any
						if err := json.Unmarshal([]byte(line), &obj); err != nil {
							t.Fatalf("line %q is not a JSON object: %v", line, err)
						}
						objects = append(objects, obj)
					}
				}
				if tt.items > 0 && len(objects) != tt.items {
					t.Errorf("%d objects, want %d", len(objects), tt.items)
				}
				if tt.key == "" && len(objects) != 0 {
					t.Errorf("%d objects, want none", len(objects))
				}
				if tt.key != "" && len(objects) == 0 {
					t.Errorf("no objects")
				}
				for _, obj := range objects {
					if _, ok := obj[tt.key]; !ok && tt.key != "" {
						t.Errorf("object without %q: %v", tt.key, obj)
					}
				}
			})
		}
	}
}

// TestOldFormatFlags checks that the flags --format replaced still work.
func TestOldFormatFlags(t *testing.T) {
	gold := repoPath("testdata", "gold")
	text := repoPath("testdata", "gold", "unsc-sudan-aid-veto.txt")
	for _, pair := range [][2][]string{
		{{"eval", "--json", "--gold", gold}, {"eval", "--format", "json", "--gold", gold}},
		{{"eval", "--markdown", "--gold", gold}, {"eval", "--format", "markdown", "--gold", gold}},
		{{"extract", "--explain", text}, {"extract", "--format", "text", text}},
	} {
		old, _, err := runCLI(t, "", pair[0]...)
		if err != nil {
			t.Fatal(err)
		}
		now, _, err := runCLI(t, "", pair[1]...)
		if err != nil {
			t.Fatal(err)
		}
		if old != now || old == "" {
			t.Errorf("%q and %q differ:\n%s\n---\n%s", pair[0], pair[1], old, now)
		}
	}
}

func TestBadFormat(t *testing.T) {
	_, _, err := runCLI(t, "", "clean", "--format", "xml", "a.html")
	var stderr bytes.Buffer
	if code := exitCode(t.Context(), err, &stderr); code != exitUsage || !strings.Contains(err.Error(), "want text, json, jsonl") {
		t.Errorf("exit %d, error %v", code, err)
	}
}

// TestCleanJSONWithAMissingFile checks that a file that cannot be read
// leaves the JSON output one document, with an entry saying why.
func TestCleanJSONWithAMissingFile(t *testing.T) {
	page := repoPath("testdata", "site", "world", "unsc-sudan-aid-veto.html")
	missing := filepath.Join(t.TempDir(), "gone.html")
	out, _, err := runCLI(t, "", "clean", "--format", "json", page, missing)
	if err == nil || !strings.Contains(err.Error(), "gone.html") {
		t.Errorf("error %v, want one naming gone.html", err)
	}
	var entries []struct {
		File  string `json:"file"`
		Error string `json:"error"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil || len(entries) != 2 {
		t.Fatalf("%v, %d entries:\n%s", err, len(entries), out)
	}
	if entries[0].Title == "" || entries[1].File != missing || entries[1].Error == "" {
		t.Errorf("entries %+v", entries)
	}
}
