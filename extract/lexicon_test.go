package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestVerbForms(t *testing.T) {
	tests := []struct {
		lemma string
		fs    form
		want  []string
	}{
		{"vote", base | third | past | gerund, []string{"vote", "votes", "voted", "voting"}},
		{"pass", third | past | gerund, []string{"passes", "passed", "passing"}},
		{"veto", third | past | gerund, []string{"vetoes", "vetoed", "vetoing"}},
		{"rally", past | gerund, []string{"rallied", "rallying"}},
		{"enjoy", third | past, []string{"enjoys", "enjoyed"}},
		{"criticise", third | past | gerund, []string{"criticises", "criticised", "criticising"}},
		{"stand/stood", base | past, []string{"stand", "stood"}},
		{"withdraw/withdrew/withdrawn", past | participle, []string{"withdrew", "withdrawn"}},
		{"win/won/won/winning", past | participle | gerund, []string{"won", "winning"}},
		{"ally", noun | plural, []string{"ally", "allies"}},
	}
	for _, tt := range tests {
		if got := verbForms(tt.lemma, tt.fs); !slices.Equal(got, tt.want) {
			t.Errorf("verbForms(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}

// TestLongerCuesFirst checks that a cue is tried before any shorter cue
// it begins with, which the tables' order guarantees.
func TestLongerCuesFirst(t *testing.T) {
	for i, a := range stanceCues {
		for _, b := range stanceCues[i+1:] {
			if len(b.words) > len(a.words) && slices.Equal(b.words[:len(a.words)], a.words) {
				t.Errorf("stance cue %q comes before %q, which it begins", a.words, b.words)
			}
		}
	}
}

// readerFiles are the files of the vote and stance readers, whose words
// belong in the lexicon (lexicon.go, lexicon_rules.go).
func readerFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pat := range []string{"vote*.go", "stance*.go", "grammar*.go", "discourse.go"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, "_test.go") {
				out = append(out, f)
			}
		}
	}
	return out
}

// wordLiterals returns the string literals among exprs that are words or
// punctuation, not codes ("CHN") or empty strings.
func wordLiterals(exprs []ast.Expr) []string {
	var out []string
	for _, e := range exprs {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			e = kv.Key
		}
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			continue
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil || s == "" || strings.ToUpper(s) == s && strings.ToLower(s) != s {
			continue
		}
		out = append(out, s)
	}
	return out
}

// TestNoWordListsOutsideLexicon fails when a reader file holds a literal
// list of words (two or more): in a call of anyWord, words, containsWord
// or wordSet, in a slice or map literal, or in a case of a switch. Such a
// list is a word class: name it in lexicon_rules.go (or lexicon.go) and
// use the name.
func TestNoWordListsOutsideLexicon(t *testing.T) {
	fset := token.NewFileSet()
	for _, file := range readerFiles(t) {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			var lits []string
			switch n := n.(type) {
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok && slices.Contains([]string{"anyWord", "words", "containsWord", "wordSet"}, id.Name) {
					lits = wordLiterals(n.Args)
				}
			case *ast.CompositeLit:
				lits = wordLiterals(n.Elts)
			case *ast.CaseClause:
				lits = wordLiterals(n.List)
			}
			if len(lits) >= 2 {
				t.Errorf("%s: literal word list %q; name it in the lexicon", fset.Position(n.Pos()), lits)
			}
			return true
		})
	}
}

// TestWordListCheckFindsLists checks the check above on a file that has
// each kind of literal list.
func TestWordListCheckFindsLists(t *testing.T) {
	src := `package p
var a = anyWord(its, i, "the", "a")
var b = map[string]bool{"x": true, "y": true}
var c = []string{"CHN", "RUS"}
func f(w string) { switch w { case "p", "q": } }`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	ast.Inspect(f, func(n ast.Node) bool {
		var exprs []ast.Expr
		switch n := n.(type) {
		case *ast.CallExpr:
			exprs = n.Args
		case *ast.CompositeLit:
			exprs = n.Elts
		case *ast.CaseClause:
			exprs = n.List
		}
		if len(wordLiterals(exprs)) >= 2 {
			found++
		}
		return true
	})
	if found != 3 {
		t.Errorf("found %d literal lists, want 3 (codes are not words)", found)
	}
}

// TestTitlesFromHonorifics checks the title classes made from the one
// list of honorifics.
func TestTitlesFromHonorifics(t *testing.T) {
	for _, w := range []string{"dame", "mr", "mr.", "dr.", "sen.", "president", "emir"} {
		if !titles[w] {
			t.Errorf("titles lacks %q", w)
		}
	}
	for _, w := range []string{"Dame", "Sir", "Mr", "Mr.", "Ms.", "Lady"} {
		if !nameHonorifics[w] {
			t.Errorf("nameHonorifics lacks %q", w)
		}
	}
	if titles["sir."] || nameHonorifics["President"] {
		t.Error(`"sir." is no title, and an office stays in a person's name`)
	}
}
