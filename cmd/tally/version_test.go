package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

func TestVersion(t *testing.T) {
	var b strings.Builder
	writeVersion(&b, &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/tally-news/tally", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		},
	})
	for _, want := range []string{"tally v1.2.3\n", "revision 0123abcd (with uncommitted changes), committed 2026-12-01T10:00:00Z\n", "extractor " + extract.Version + "\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("version output lacks %q:\n%s", want, b.String())
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, _, err := runCLI(t, "", args...)
		if err != nil || !strings.HasPrefix(out, "tally ") || !strings.Contains(out, "extractor "+extract.Version) {
			t.Errorf("%q: %v\n%s", args, err, out)
		}
	}
}

// TestCompletion generates each shell's script; the bash one is checked
// by bash -n and then completes words in bash; zsh and fish check their
// scripts when installed, and fish completes words too.
func TestCompletion(t *testing.T) {
	dir := t.TempDir()
	scripts := map[string]string{}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		out, _, err := runCLI(t, "", "completion", shell)
		if err != nil {
			t.Fatalf("completion %s: %v", shell, err)
		}
		for _, c := range commands {
			if !strings.Contains(out, c.name) {
				t.Errorf("%s completion lacks subcommand %s", shell, c.name)
			}
		}
		if !strings.Contains(out, "limit") || !strings.Contains(out, "max-body") {
			t.Errorf("%s completion lacks the flags of search and crawl", shell)
		}
		path := filepath.Join(dir, "tally."+shell)
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		scripts[shell] = path
	}
	if _, _, err := runCLI(t, "", "completion", "tcsh"); err == nil {
		t.Error("completion tcsh: no error")
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		if _, err := exec.LookPath(shell); err != nil {
			t.Logf("%s not installed: its script is not checked", shell)
			continue
		}
		if out, err := exec.Command(shell, "-n", scripts[shell]).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", shell, err, out)
		}
	}
	if _, err := exec.LookPath("fish"); err == nil {
		out, err := exec.Command("fish", "-c", "source "+scripts["fish"]+`; complete -C"tally sea"; complete -C"tally search --li"`).CombinedOutput()
		if err != nil || !strings.HasPrefix(string(out), "search\t") || !strings.Contains(string(out), "\n--limit\t") {
			t.Errorf("fish completes %q, %v", out, err)
		}
	}
	if _, err := exec.LookPath("bash"); err != nil {
		return
	}
	tests := []struct {
		words string
		want  string
	}{
		{"tally sea", "search"},
		{"tally ev", "events eval eval-events eval-clean"},
		{"tally events --min", "--min-articles"},
		{"tally search --li", "--limit"},
		{"tally crawl --max-b", "--max-body"},
		{"tally completion z", "zsh"},
		{"tally help expo", "export"},
	}
	for _, tt := range tests {
		script := "source " + scripts["bash"] + "\nCOMP_WORDS=(" + tt.words + ")\nCOMP_CWORD=$((${#COMP_WORDS[@]}-1))\n_tally\necho \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command("bash", "-c", script).CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != tt.want {
			t.Errorf("completing %q: %q, %v; want %q", tt.words, out, err, tt.want)
		}
	}
}
