package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// defaultDB is the corpus file of the subcommands that read or write one.
const defaultDB = "tally.db"

// flagSet is the flag set of a subcommand. Its Parse lets flags come
// before or after the arguments (up to "--"), prints -h to stdout,
// and turns a bad flag into a usage error that names the nearest flag.
type flagSet struct {
	*flag.FlagSet
	e *env
	// dashArgs makes words like "-russia" after the first argument
	// arguments rather than unknown flags (search's excluded words).
	dashArgs bool
}

// newFlagSet returns the flag set of the subcommand e runs.
func newFlagSet(e *env) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(e.cmd.name, flag.ContinueOnError), e: e}
	fs.SetOutput(io.Discard) // Parse reports errors itself
	fs.Usage = func() { e.usageShown = true }
	fs.addLogFlags()
	return fs
}

// db adds the --db flag of the subcommands that use a corpus.
func (fs *flagSet) db() *string {
	p := new(string)
	fs.dbVar(p)
	return p
}

func (fs *flagSet) dbVar(p *string) {
	fs.StringVar(p, "db", defaultDB, "corpus file, or PostgreSQL `URL` (postgres://user:password@host/db)")
}

// errFlagsCollected stops a subcommand whose flags were only wanted.
var errFlagsCollected = errors.New("flags collected")

// Parse parses args; flags may come anywhere before a "--", after which
// everything is an argument.
func (fs *flagSet) Parse(args []string) error {
	if fs.e.collectFlags != nil {
		fs.e.collectFlags(fs.FlagSet)
		return errFlagsCollected
	}
	var positional []string
	for {
		var dashed []string
		if fs.dashArgs && len(positional) > 0 {
			args, dashed = fs.cutAtDashWord(args)
		}
		err := fs.FlagSet.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.printHelp(fs.e.stdout)
			return flag.ErrHelp
		}
		if err != nil {
			return fs.e.usageError(fmt.Errorf("%s: %s", fs.Name(), fs.explain(err)))
		}
		rest := fs.FlagSet.Args()
		if len(rest) == 0 && len(dashed) > 0 {
			positional = append(positional, dashed[0])
			args = dashed[1:]
			continue
		}
		rest = append(rest, dashed...)
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	return fs.FlagSet.Parse(append([]string{"--"}, positional...))
}

// cutAtDashWord splits args before its first "-word" that is neither a
// flag nor the value of one.
func (fs *flagSet) cutAtDashWord(args []string) (flags, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if fs.isDashWord(a) {
			return args[:i], args[i:]
		}
		if strings.HasPrefix(a, "-") && !strings.Contains(a, "=") {
			if f := fs.Lookup(strings.TrimLeft(a, "-")); f != nil && !isBoolFlag(f) {
				i++ // its value
			}
		}
	}
	return args, nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// isDashWord reports whether arg is "-word" where word is no flag.
func (fs *flagSet) isDashWord(arg string) bool {
	if len(arg) < 2 || arg[0] != '-' || arg[1] == '-' {
		return false
	}
	name, _, _ := strings.Cut(arg[1:], "=")
	return fs.Lookup(name) == nil && name != "h" && name != "help"
}

// explain adds the nearest flag to an unknown flag error.
func (fs *flagSet) explain(err error) string {
	msg := err.Error()
	name, ok := strings.CutPrefix(msg, "flag provided but not defined: -")
	if !ok {
		return msg
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return fmt.Sprintf("unknown flag --%s%s", name, didYouMean(name, names, "--"))
}

// printHelp writes the subcommand's usage line, description and flags.
func (fs *flagSet) printHelp(w io.Writer) {
	c := fs.e.cmd
	fmt.Fprintf(w, "usage: tally %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.args, c.long)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// didYouMean returns ` (did you mean PREFIX+name?)` for the candidate
// nearest to s, or "" when none is near: at most a third of its letters
// different, or s a prefix of it.
func didYouMean(s string, candidates []string, prefix string) string {
	best, bestDist := "", len(s)/3+1
	for _, c := range candidates {
		d := editDistance(s, c)
		if len(s) >= 3 && strings.HasPrefix(c, s) {
			d = min(d, 1)
		}
		if d < bestDist && d > 0 {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s%s?)", prefix, best)
}

// editDistance is the Levenshtein distance of a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
