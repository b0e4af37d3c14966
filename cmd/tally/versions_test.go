package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
)

// writeStory writes the bundled Sudan veto story, with the replacements
// of edits made, to dir/world/NAME.
func writeStory(t *testing.T, dir, name string, edits ...string) {
	t.Helper()
	b, err := os.ReadFile(repoPath("testdata", "site", "world", "unsc-sudan-aid-veto.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(page, edits[i]) {
			t.Fatalf("the story does not contain %q", edits[i])
		}
		page = strings.Replace(page, edits[i], edits[i+1], 1)
	}
	if len(page) < 10<<10 {
		t.Fatalf("the story is %d bytes, want a page of realistic size", len(page))
	}
	if err := os.MkdirAll(filepath.Join(dir, "world"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "world", name), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sudanVote returns the yes count and China's position in the Sudan truce
// vote of each exported vote row of out, by URL and version.
func sudanVote(t *testing.T, out string) []string {
	t.Helper()
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v corpus.VoteRow
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if !strings.Contains(v.Motion, "humanitarian truce") || v.Yes == nil {
			continue
		}
		got = append(got, strings.TrimPrefix(v.URL, "http://news.example/world/")+
			fmt.Sprintf(" v%d yes=%d CHN=%s", v.Version, *v.Yes, v.Positions["CHN"]))
	}
	return got
}

// TestUpdatedStoryKeepsNewFacts imports the Sudan veto story, then the
// same story updated in one sentence (13 yes becomes 12, China's
// abstention a vote against), at the same URL and at a new one: the update
// is a new version with its own record, which exports give by default.
func TestUpdatedStoryKeepsNewFacts(t *testing.T) {
	const before = "received 13 votes in favour, with Russia voting against and China abstaining"
	const after = "received 12 votes in favour, with Russia and China voting against"
	const chinaBefore = "China’s representative said Beijing had abstained because"
	const chinaAfter = "China’s representative said Beijing had voted against because"
	for _, tt := range []struct{ name, updateName string }{
		{"same URL", "unsc-sudan-aid-veto.html"},
		{"new URL", "unsc-sudan-aid-veto-updated.html"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "v.db")
			writeStory(t, filepath.Join(dir, "v1"), "unsc-sudan-aid-veto.html")
			// Another site's copy, reworded where no fact is stated.
			writeStory(t, filepath.Join(dir, "copy"), "sudan-copy.html",
				"leaving the 15-member Council deadlocked", "leaving the 15-member Council at an impasse")
			writeStory(t, filepath.Join(dir, "v2"), tt.updateName, before, after, chinaBefore, chinaAfter)
			for _, d := range []string{"v1", "copy", "v2"} {
				out, stderr, err := runCLI(t, "", "import", "--db", db, "--base-url", "http://news.example/", filepath.Join(dir, d))
				if err != nil {
					t.Fatalf("import %s: %v\n%s%s", d, err, out, stderr)
				}
				if d == "copy" && !strings.Contains(out, "1 duplicates") {
					t.Errorf("a copy with the same facts should be a duplicate: %s", out)
				}
				if d == "v2" && !strings.Contains(out, "1 of them updated versions") {
					t.Errorf("the update should be stored as a new version: %s", out)
				}
			}
			out, _, err := runCLI(t, "", "export", "--db", db, "--what", "votes", "--duplicates")
			if err != nil {
				t.Fatal(err)
			}
			want := tt.updateName + " v2 yes=12 CHN=no"
			if got := strings.Join(sudanVote(t, out), "; "); got != want {
				t.Errorf("export --duplicates gives\n%s\nwant the newest version only:\n%s", got, want)
			}
			out, _, err = runCLI(t, "", "export", "--db", db, "--what", "votes", "--versions")
			if err != nil {
				t.Fatal(err)
			}
			want = "unsc-sudan-aid-veto.html v1 yes=13 CHN=abstain; " + want
			if got := strings.Join(sudanVote(t, out), "; "); got != want {
				t.Errorf("export --versions gives\n%s\nwant\n%s", got, want)
			}
		})
	}
}
