package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestLanguages imports an English and a German article: by default only
// the English one gets a record, stats counts the German one as not
// extracted, and --lang all (or reextract --lang all) extracts both.
func TestLanguages(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	os.Mkdir(pages, 0o755)
	english, err := os.ReadFile(repoPath("testdata", "site", "world", "unsc-sudan-aid-veto.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(pages, "en.html"), english, 0o644)
	// Another English page marked as German: the language is what decides.
	other, err := os.ReadFile(repoPath("testdata", "site", "world", "un-votes-ukraine-anniversary.html"))
	if err != nil {
		t.Fatal(err)
	}
	german := regexp.MustCompile(`<html lang="[^"]*">`).ReplaceAll(other, []byte(`<html lang="de-DE">`))
	os.WriteFile(filepath.Join(pages, "de.html"), german, 0o644)

	records := func(db string) int {
		t.Helper()
		out, _, err := runCLI(t, "", "stats", "--db", db, "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Records      int            `json:"records"`
			NotExtracted map[string]int `json:"not_extracted"`
		}
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		return s.Records
	}
	db := filepath.Join(dir, "a.db")
	if _, _, err := runCLI(t, "", "import", "--db", db, pages); err != nil {
		t.Fatal(err)
	}
	if n := records(db); n != 1 {
		t.Errorf("%d records with the default --lang, want 1 (the English page)", n)
	}
	out, _, err := runCLI(t, "", "stats", "--db", db)
	if err != nil || !regexp.MustCompile(`not extracted\s+1\s+\(articles by language: de 1\)`).MatchString(out) {
		t.Errorf("stats does not report the German article: %v\n%s", err, out)
	}
	if _, _, err := runCLI(t, "", "reextract", "--db", db, "--lang", "all"); err != nil {
		t.Fatal(err)
	}
	if n := records(db); n != 2 {
		t.Errorf("%d records after reextract --lang all, want 2", n)
	}
	if _, _, err := runCLI(t, "", "reextract", "--db", db, "--all", "--lang", "en"); err != nil {
		t.Fatal(err)
	}
	if n := records(db); n != 1 {
		t.Errorf("%d records after reextract --lang en, want 1", n)
	}

	db2 := filepath.Join(dir, "b.db")
	if _, _, err := runCLI(t, "", "import", "--db", db2, "--lang", "de,fr", pages); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runCLI(t, "", "stats", "--db", db2)
	if records(db2) != 1 || !strings.Contains(out, "(articles by language: en 1)") {
		t.Errorf("--lang de,fr: stats\n%s", out)
	}
}

func TestPipelineReads(t *testing.T) {
	p := newPipeline()
	p.setLanguages("en, FR")
	for lang, want := range map[string]bool{"en": true, "en-GB": true, "EN_us": true, "fr-CA": true, "de": false, "": true, "eng": false} {
		if got := p.reads(lang); got != want {
			t.Errorf("reads(%q) = %v, want %v", lang, got, want)
		}
	}
	p.setLanguages("all")
	if !p.reads("de") {
		t.Error("--lang all does not read German")
	}
}
