package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCrawlBadFlagsLeaveNoCorpus: crawl and run refuse bad flags before
// the corpus is opened, so that no new corpus file is left behind.
func TestCrawlBadFlagsLeaveNoCorpus(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		flags []string
	}{
		{"warc is a folder", []string{"--warc", dir}},
		{"warc in a missing folder", []string{"--warc", filepath.Join(dir, "missing", "x.warc")}},
		{"negative delay", []string{"--delay", "-1s"}},
		{"no requests per host", []string{"--parallel", "0"}},
		{"per-host zero", []string{"--per-host", "0"}},
		{"bad deny pattern", []string{"--deny", "("}},
		{"bad allow pattern", []string{"--allow", "[a-"}},
		{"max-body zero", []string{"--max-body", "0"}},
	}
	for _, cmd := range []string{"crawl", "run"} {
		for _, tt := range tests {
			t.Run(cmd+"/"+tt.name, func(t *testing.T) {
				db := filepath.Join(dir, cmd+"-"+tt.name+".db")
				args := append([]string{cmd, "--db", db, "--allow-private"}, tt.flags...)
				args = append(args, "http://127.0.0.1:1/")
				if _, _, err := runCLI(t, "", args...); err == nil {
					t.Fatalf("%v succeeded", args)
				}
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a failed %s left %s behind (%v)", cmd, filepath.Base(db), err)
				}
			})
		}
	}
}
