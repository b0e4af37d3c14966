package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes checks the exit code and message of each kind of outcome.
func TestExitCodes(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		err     error
		code    int
		message string
	}{
		{"success", context.Background(), nil, 0, ""},
		{"help", context.Background(), flag.ErrHelp, 0, ""},
		{"failure", context.Background(), errors.New("crawl: disk full"), 1, "tally: crawl: disk full\n"},
		{"usage", context.Background(), &usageError{err: errors.New("search: no query given"), hint: "usage: tally search"}, 2,
			"tally: search: no query given\nusage: tally search\n"},
		{"interrupted", canceled, fmt.Errorf("crawl: %w", context.Canceled), 130, "tally: crawl: context canceled\n"},
		{"canceled without a signal", context.Background(), context.Canceled, 1, "tally: context canceled\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := exitCode(tt.ctx, tt.err, &stderr); got != tt.code {
				t.Errorf("exit code %d, want %d", got, tt.code)
			}
			if stderr.String() != tt.message {
				t.Errorf("stderr %q, want %q", stderr.String(), tt.message)
			}
		})
	}
}

// TestUsageErrors runs command lines that are wrong and checks that each
// is a usage error (exit 2) saying what was wrong, with a suggestion where
// one is near.
func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		args []string
		want string
	}{
		{nil, "no subcommand given"},
		{[]string{"serch", "veto"}, `unknown subcommand "serch" (did you mean search?)`},
		{[]string{"expor"}, "(did you mean export?)"},
		{[]string{"frobnicate"}, `unknown subcommand "frobnicate"`},
		{[]string{"--verbose"}, "unknown flag --verbose before the subcommand"},
		{[]string{"search", "--limt", "3", "veto"}, "search: unknown flag --limt (did you mean --limit?)"},
		{[]string{"search", "veto", "--sit", "a.example"}, "(did you mean --site?)"},
		{[]string{"crawl", "--dept", "2", "http://127.0.0.1:1/"}, "(did you mean --depth?)"},
		{[]string{"search", "--db", db}, "search: no query given"},
		{[]string{"search", "--limit", "x", "veto"}, `invalid value "x" for flag -limit`},
		{[]string{"stats", "--db", db, "extra"}, `stats: unexpected argument "extra"`},
		{[]string{"gold", "nit", "a.txt"}, "the only subcommand is init"},
		{[]string{"help", "serch"}, "(did you mean search?)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, _, err := runCLI(t, "", tt.args...)
			var stderr bytes.Buffer
			if code := exitCode(context.Background(), err, &stderr); code != exitUsage {
				t.Errorf("exit code %d (error %v), want %d", code, err, exitUsage)
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
			if !strings.Contains(stderr.String(), "Run 'tally") {
				t.Errorf("no hint on what to run: %q", stderr.String())
			}
		})
	}
}

// TestHelpGoesToStdout checks that every form of asking for help prints
// to stdout and succeeds.
func TestHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{
		{"-h"}, {"--help"}, {"help"}, {"help", "search"}, {"search", "-h"}, {"search", "--help"},
		{"search", "veto", "-h"}, {"crawl", "-h"}, {"gold", "init", "-h"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			stdout, stderr, err := runCLI(t, "", args...)
			if err != nil && !errors.Is(err, flag.ErrHelp) {
				t.Fatalf("error %v", err)
			}
			if !strings.Contains(stdout, "usage: tally") || stderr != "" {
				t.Errorf("stdout %q, stderr %q", stdout, stderr)
			}
		})
	}
	stdout, _, _ := runCLI(t, "", "-h")
	if i, j := strings.Index(stdout, "  run "), strings.Index(stdout, "  crawl "); i < 0 || j < i {
		t.Errorf("the main job is not listed first:\n%s", stdout)
	}
}

// TestFlagsAnywhere parses the same command line with the flags before,
// between and after the arguments, and with "--".
func TestFlagsAnywhere(t *testing.T) {
	e := &env{cmd: &command{name: "test"}}
	tests := []struct {
		args     []string
		dashArgs bool
		db       string
		limit    int
		list     []string
		rest     []string
	}{
		{[]string{"--db", "a.db", "x", "y"}, false, "a.db", 20, nil, []string{"x", "y"}},
		{[]string{"x", "--db", "a.db", "y"}, false, "a.db", 20, nil, []string{"x", "y"}},
		{[]string{"x", "y", "--db=a.db", "-limit", "3"}, false, "a.db", 3, nil, []string{"x", "y"}},
		{[]string{"--list", "1", "x", "--list", "2"}, false, defaultDB, 20, []string{"1", "2"}, []string{"x"}},
		{[]string{"x", "--", "--db", "-y"}, false, defaultDB, 20, nil, []string{"x", "--db", "-y"}},
		{[]string{"--", "-veto"}, false, defaultDB, 20, nil, []string{"-veto"}},
		{[]string{"-", "--limit", "2"}, false, defaultDB, 2, nil, []string{"-"}},
		{[]string{"veto", "-russia", "--db", "a.db", "-china"}, true, "a.db", 20, nil, []string{"veto", "-russia", "-china"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			fs := newFlagSet(e)
			fs.dashArgs = tt.dashArgs
			db := fs.db()
			limit := fs.Int("limit", 20, "")
			var list listFlag
			fs.Var(&list, "list", "")
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if *db != tt.db || *limit != tt.limit || fmt.Sprint([]string(list)) != fmt.Sprint(tt.list) ||
				fmt.Sprint(fs.Args()) != fmt.Sprint(tt.rest) {
				t.Errorf("db %q limit %d list %q args %q; want %q %d %q %q", *db, *limit, list, fs.Args(), tt.db, tt.limit, tt.list, tt.rest)
			}
		})
	}
}

func TestDidYouMean(t *testing.T) {
	names := []string{"db", "depth", "delay", "limit", "site", "format", "search", "stats"}
	tests := map[string]string{
		"dept": " (did you mean depth?)", "lmit": " (did you mean limit?)", "formt": " (did you mean format?)",
		"serach": " (did you mean search?)", "stat": " (did you mean stats?)", "d": "", "xyzzy": "", "quiet": "",
	}
	for in, want := range tests {
		if got := didYouMean(in, names, ""); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSecondSignalExits checks that the first signal cancels the work and
// the second exits at once with 130.
func TestSecondSignalExits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	signals := make(chan os.Signal)
	exited := make(chan int, 1)
	var stderr bytes.Buffer
	go onSignals(signals, cancel, &stderr, func(code int) { exited <- code })
	signals <- os.Interrupt
	<-ctx.Done()
	select {
	case code := <-exited:
		t.Fatalf("exited with %d after one signal", code)
	default:
	}
	signals <- os.Interrupt
	if code := <-exited; code != exitInterrupted {
		t.Errorf("exit code %d after two signals, want %d", code, exitInterrupted)
	}
	if !strings.Contains(stderr.String(), "interrupted twice") {
		t.Errorf("stderr %q", stderr.String())
	}
}
