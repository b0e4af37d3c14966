package extract_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

// versionManifest records the extractor version and a hash of the golden
// records that version produces.
const versionManifest = "testdata/VERSION"

// recordsHash is the SHA-256 of the golden records the extractors produce
// now, in the order of their names; it does not depend on where the
// records are kept.
func recordsHash(t *testing.T) string {
	t.Helper()
	texts := goldenTexts(t)
	sort.Slice(texts, func(i, j int) bool { return texts[i].name < texts[j].name })
	h := sha256.New()
	for _, g := range texts {
		fmt.Fprintf(h, "%s\n", g.name)
		h.Write(goldenRecord(t, g.name, g.text))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// readVersionManifest returns the version and hash testdata/VERSION
// records.
func readVersionManifest(path string) (version, hash string, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", "", err
	}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 || !strings.HasPrefix(f[1], "sha256:") {
			return "", "", fmt.Errorf("%s: %q is not \"VERSION sha256:HASH\"", path, line)
		}
		return f[0], strings.TrimPrefix(f[1], "sha256:"), nil
	}
	return "", "", fmt.Errorf("%s: no version line", path)
}

// versionNumber returns N of "tally-extract/N".
func versionNumber(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimPrefix(v, "tally-extract/"))
	if err != nil || !strings.HasPrefix(v, "tally-extract/") || n < 1 {
		return 0, fmt.Errorf("version %q is not tally-extract/N", v)
	}
	return n, nil
}

// checkVersion says what is wrong when the records' hash and the version
// do not agree with the manifest; "" when they do. update reports whether
// the manifest may be rewritten: only for a version one above the
// manifest's.
func checkVersion(version, hash, manifestVersion, manifestHash string) (problem string, update bool) {
	if version == manifestVersion {
		if hash == manifestHash {
			return "", false
		}
		n, err := versionNumber(version)
		if err != nil {
			return err.Error(), false
		}
		return fmt.Sprintf("golden records changed: bump extract.Version to tally-extract/%d and run with -update", n+1), false
	}
	n, err := versionNumber(version)
	if err != nil {
		return err.Error(), false
	}
	m, err := versionNumber(manifestVersion)
	if err != nil {
		return err.Error(), false
	}
	if n != m+1 {
		return fmt.Sprintf("extract.Version is %s but %s records %s: the next version is tally-extract/%d", version, versionManifest, manifestVersion, m+1), false
	}
	return fmt.Sprintf("extract.Version is %s but %s records %s: run with -update to record its golden records", version, versionManifest, manifestVersion), true
}

// TestVersion fails when the golden records change while extract.Version
// stays the same, so that a corpus always knows which of its records the
// current rules would make differently (tally reextract redoes records
// of other versions). -update records a new version's hash, and only for
// a version one above the recorded one.
func TestVersion(t *testing.T) {
	mv, mh, err := readVersionManifest(versionManifest)
	if err != nil {
		t.Fatal(err)
	}
	hash := recordsHash(t)
	problem, canUpdate := checkVersion(extract.Version, hash, mv, mh)
	if problem == "" {
		return
	}
	if *update && canUpdate {
		body := "# The extractor version and the SHA-256 of the golden records it produces\n" +
			"# (TestVersion). Records that change need a new version.\n" +
			extract.Version + " sha256:" + hash + "\n"
		if err := os.WriteFile(versionManifest, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error(problem)
}

// TestCheckVersion shows that the version check fails when it should.
func TestCheckVersion(t *testing.T) {
	for _, c := range []struct {
		name                  string
		version, hash, mv, mh string
		wantProblem           string
		wantUpdate            bool
	}{
		{"same", "tally-extract/3", "aa", "tally-extract/3", "aa", "", false},
		{"records changed", "tally-extract/3", "bb", "tally-extract/3", "aa",
			"golden records changed: bump extract.Version to tally-extract/4 and run with -update", false},
		{"bumped", "tally-extract/4", "bb", "tally-extract/3", "aa", "run with -update", true},
		{"bumped too far", "tally-extract/5", "bb", "tally-extract/3", "aa", "the next version is tally-extract/4", false},
		{"went back", "tally-extract/2", "bb", "tally-extract/3", "aa", "the next version is tally-extract/4", false},
		{"bad version", "tally-extract/x", "bb", "tally-extract/x", "aa", "is not tally-extract/N", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			problem, update := checkVersion(c.version, c.hash, c.mv, c.mh)
			if c.wantProblem == "" && problem != "" || !strings.Contains(problem, c.wantProblem) || update != c.wantUpdate {
				t.Errorf("checkVersion = %q, %v; want %q, %v", problem, update, c.wantProblem, c.wantUpdate)
			}
		})
	}
}
