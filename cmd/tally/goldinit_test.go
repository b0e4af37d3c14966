package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldInitDoesNotFollowLinks puts symbolic links where gold init
// writes, one to a file outside the folder and one to nothing: without
// --force both are refused, with --force the links themselves are
// replaced; the files they point to are never written.
func TestGoldInitDoesNotFollowLinks(t *testing.T) {
	root := t.TempDir()
	article := filepath.Join(root, "ex.txt")
	if err := os.WriteFile(article, []byte("The UN General Assembly adopted a resolution by 120 votes to 8."), 0o644); err != nil {
		t.Fatal(err)
	}
	precious := filepath.Join(root, "precious.txt")
	if err := os.WriteFile(precious, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(root, "gold")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	nowhere := filepath.Join(root, "created-through-link.json")
	if err := os.Symlink(precious, filepath.Join(out, "ex.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(nowhere, filepath.Join(out, "ex.json")); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if b, err := os.ReadFile(precious); err != nil || string(b) != "keep me" {
			t.Errorf("%s: the file a link points to was written: %q, %v", when, b, err)
		}
		if _, err := os.Lstat(nowhere); err == nil {
			t.Errorf("%s: a file was created through a dangling link", when)
		}
	}
	_, _, err := runCLI(t, "", "gold", "init", "--out", out, article)
	if err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("gold init over links: %v, want a refusal", err)
	}
	check("without --force")
	if _, stderr, err := runCLI(t, "", "gold", "init", "--force", "--out", out, article); err != nil {
		t.Fatalf("gold init --force: %v\n%s", err, stderr)
	}
	check("with --force")
	for _, name := range []string{"ex.txt", "ex.json"} {
		fi, err := os.Lstat(filepath.Join(out, name))
		if err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s after --force: %v, %v; want a regular file in place of the link", name, fi, err)
		}
	}
}

func TestGoldInitFromStdin(t *testing.T) {
	out := t.TempDir()
	text := "The Security Council adopted the resolution by 13 votes to none, with 2 abstentions."
	_, _, err := runCLI(t, text, "gold", "init", "--out", out, "-")
	if err == nil || !strings.Contains(err.Error(), "--name") {
		t.Errorf("gold init - without --name: %v, want an error asking for --name", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("files written without a name: %v", entries)
	}
	if _, _, err := runCLI(t, text, "gold", "init", "--out", out, "--name", "../x", "-"); err == nil {
		t.Error("--name with a folder was accepted")
	}
	if _, stderr, err := runCLI(t, text, "gold", "init", "--out", out, "--name", "council", "-"); err != nil {
		t.Fatalf("gold init --name council -: %v\n%s", err, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "council.txt"))
	if err != nil || string(b) != text {
		t.Errorf("council.txt: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(out, "council.json")); err != nil {
		t.Error(err)
	}
}
