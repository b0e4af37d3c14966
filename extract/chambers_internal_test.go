package extract

import (
	"maps"
	"os"
	"strings"
	"testing"
)

// TestChamberTableAgreesWithReaders holds the readers' own lists of veto
// holders and member nouns to the chamber table until they read them
// from it.
func TestChamberTableAgreesWithReaders(t *testing.T) {
	p5 := map[string]bool{"CHN": true, "FRA": true, "RUS": true, "GBR": true, "USA": true}
	if got := vetoHolders(BodyUNSC); !maps.Equal(got, p5) {
		t.Errorf("vetoHolders(UNSC) = %v, want %v", got, p5)
	}
	if got := vetoHolders(BodyUNGA); got != nil {
		t.Errorf("vetoHolders(UNGA) = %v, want none", got)
	}
	if got := chamberMemberNouns(); !maps.Equal(got, memberNouns) {
		t.Errorf("chamberMemberNouns() = %v, want %v", got, memberNouns)
	}
}

// TestChamberTableIsConsistent checks what the derivations assume: one
// code a row, one body a phrase, a country for every national chamber,
// at most one legislature and one upper chamber a country.
func TestChamberTableIsConsistent(t *testing.T) {
	codes := map[string]bool{}
	legislature, upperOf := map[string]string{}, map[string]string{}
	for _, c := range chamberTable {
		if codes[c.Code] {
			t.Errorf("%s: two rows", c.Code)
		}
		codes[c.Code] = true
		if c.Kind.national() != (c.Country != "") {
			t.Errorf("%s: kind %d with country %q", c.Code, c.Kind, c.Country)
		}
		if c.Legislature {
			if prev := legislature[c.Country]; prev != "" {
				t.Errorf("%s and %s are both %s's legislature", prev, c.Code, c.Country)
			}
			legislature[c.Country] = c.Code
		}
		if c.Kind == kindUpper {
			if prev := upperOf[c.Country]; prev != "" {
				t.Errorf("%s and %s are both %s's upper chamber", prev, c.Code, c.Country)
			}
			upperOf[c.Country] = c.Code
		}
		if len(c.Names)+len(c.Members) == 0 && len(c.Forms) == 0 {
			t.Errorf("%s: no name", c.Code)
		}
	}
	phrases := map[string]string{}
	for _, b := range bodyPhrases {
		if prev, ok := phrases[b.phrase]; ok && prev != b.code {
			t.Errorf("%q names both %s and %s", b.phrase, prev, b.code)
		}
		phrases[b.phrase] = b.code
	}
}

// TestChamberTableInReadme holds the README's list of body codes to the
// table: a line "- `CODE`: ..." for every row.
func TestChamberTableInReadme(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range chamberTable {
		if !strings.Contains(string(readme), "\n- `"+c.Code+"`: ") {
			t.Errorf("README.md lists no body code %s (add a line \"- `%s`: what it is\")", c.Code, c.Code)
		}
	}
}
