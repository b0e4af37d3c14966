package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestSearchCommand runs searches in plain words and raw syntax on the
// bundled site's corpus.
func TestSearchCommand(t *testing.T) {
	db := siteCorpus(t)
	const sudan = "Russia vetoes Security Council call for Sudan truce"
	many := strings.Fields(strings.Repeat("word ", 65))
	tests := []struct {
		name    string
		args    []string
		want    string // in the output
		notWant string
		usage   string // a usage error containing this
	}{
		{"flags after the query", []string{"veto", "--db", db}, sudan, "", ""},
		{"word left out", []string{"--db", db, "veto", "-russia"}, "no article matches", sudan, ""},
		{"word left out, flag after", []string{"veto", "-russia", "--db", db, "--limit", "3"}, "no article matches", sudan, ""},
		{"query starting with a minus after --", []string{"--db", db, "--", "-russia", "veto"}, "no article matches", sudan, ""},
		{"quoted phrase", []string{"--db", db, `"security council" veto`}, sudan, "", ""},
		{"syntax is words", []string{"--db", db, `veto AND ( " title:x *`}, "no article matches", "", ""},
		{"raw", []string{"--db", db, "--raw", "vetoe* OR zzzz"}, sudan, "", ""},
		{"too many words", append([]string{"--db", db}, many...), "", "", "65 words, at most 64"},
		{"only words left out", []string{"--db", db, "--", "-veto"}, "", "", "no word to look for"},
		{"raw syntax error", []string{"--db", db, "--raw", `"unclosed`}, "", "", "bad search query"},
		{"a dash word first is a flag", []string{"--db", db, "-veto"}, "", "", "unknown flag --veto"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCLI(t, "", append([]string{"search"}, tt.args...)...)
			if tt.usage != "" {
				var stderr bytes.Buffer
				if code := exitCode(context.Background(), err, &stderr); code != exitUsage || !strings.Contains(err.Error(), tt.usage) {
					t.Errorf("exit %d, error %v; want a usage error containing %q", code, err, tt.usage)
				}
				if strings.Contains(stderr.String(), "search: search") || strings.Contains(stderr.String(), "query: bad search query: bad") {
					t.Errorf("repeated prefix: %q", stderr.String())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, tt.want) || (tt.notWant != "" && strings.Contains(out, tt.notWant)) {
				t.Errorf("output does not contain %q or contains %q:\n%s", tt.want, tt.notWant, out)
			}
		})
	}
}
