package main

import (
	"strings"
	"testing"
)

// TestExtractExplainNamesRules checks that --explain names the rule
// behind each vote field and each stance, and that the JSON output
// carries no rule names.
func TestExtractExplainNamesRules(t *testing.T) {
	text := "The Security Council adopted the resolution by 13 votes in favour, with Russia and China abstaining. " +
		"France condemned Russia."
	out, _, err := runCLI(t, text, "extract", "--explain", "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"outcome by rule outcome/outcome-verb",
		"tally by rule tally",
		"positions by rule position",
		"body by rule body",
		"stance FRA oppose RUS by rule cue",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runCLI(t, text, "extract", "-")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, `"rules"`) || strings.Contains(out, `"rule"`) {
		t.Errorf("JSON output names rules:\n%s", out)
	}
}
