package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Limits on the shape of the package's code: a rule that needs more
// branches than maxComplexity is several rules, and a file longer than
// maxFileLines holds more than one family of them.
const (
	maxComplexity = 30
	maxFileLines  = 700
)

// complexityExempt lists functions allowed over maxComplexity for now,
// with the reason. An entry that is no longer needed fails the test, so
// the list only shrinks.
var complexityExempt = map[string]string{}

// cyclomatic returns the cyclomatic complexity of a function as gocyclo
// counts it: one, plus one for each if, for, range, case of a switch or
// select other than the default, && and ||, function literals included.
func cyclomatic(fn *ast.FuncDecl) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}

// funcName names a function as gocyclo does: "(*T).m" for methods.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	switch t := fn.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		return "(*" + t.X.(*ast.Ident).Name + ")." + fn.Name.Name
	case *ast.Ident:
		return "(" + t.Name + ")." + fn.Name.Name
	}
	return fn.Name.Name
}

// packageFiles parses the package's non-test Go files.
func packageFiles(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = f
	}
	return fset, files
}

// TestComplexity fails on a function of package extract over
// maxComplexity, and on an exemption no longer needed.
func TestComplexity(t *testing.T) {
	fset, files := packageFiles(t)
	seen := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			name, c := funcName(fn), cyclomatic(fn)
			if _, exempt := complexityExempt[name]; exempt {
				seen[name] = true
				if c <= maxComplexity {
					t.Errorf("%s: complexity %d is within %d now; delete its entry in complexityExempt", name, c, maxComplexity)
				}
				continue
			}
			if c > maxComplexity {
				t.Errorf("%s (%s): cyclomatic complexity %d, over %d; split it into named steps", name, fset.Position(fn.Pos()), c, maxComplexity)
			}
		}
	}
	for name := range complexityExempt {
		if !seen[name] {
			t.Errorf("%s is in complexityExempt but no longer in the package; delete its entry", name)
		}
	}
}

// TestFileLength fails on a non-test Go file of package extract over
// maxFileLines.
func TestFileLength(t *testing.T) {
	_, files := packageFiles(t)
	for p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), "\n"); n > maxFileLines {
			t.Errorf("%s: %d lines, over %d; split it by rule family", p, n, maxFileLines)
		}
	}
}

// TestCyclomaticCounts checks the measure on a function of known shape,
// so that the limit above cannot pass by counting nothing.
func TestCyclomaticCounts(t *testing.T) {
	src := `package p
func f(a, b bool, xs []int) int {
	if a && b || !a { return 1 }
	for range xs {}
	for i := 0; i < 2; i++ {}
	switch { case a: ; case b: ; default: }
	g := func() { if b {} }
	g()
	return 0
}`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	// 1 + if + && + || + range + for + 2 cases + if in the literal.
	if got := cyclomatic(f.Decls[0].(*ast.FuncDecl)); got != 9 {
		t.Errorf("cyclomatic = %d, want 9", got)
	}
}
