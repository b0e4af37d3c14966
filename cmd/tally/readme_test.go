package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestREADMEExamples runs the examples of README.md and wants the output
// the README shows. An example is a code block whose first line starts
// with "$ bin/tally"; in it, each "$ " line is a command and the lines up
// to the next one are its standard output. The blocks run in README order
// in one folder, which holds testdata and extract (the repository's) and, beside it,
// ../shared when the shared data is there, so that later examples read
// what earlier ones wrote (site.db, news.db, ex.txt). The site the README
// serves on 127.0.0.1:8000 is testdata/site on an httptest server.
//
// Commands are "bin/tally ARGS" (run in process, ARGS split as a shell
// does with quotes, and no other shell syntax), optionally piped into
// "head -N", and "cat FILE",
// whose output the README shows: the test writes it to FILE. Any other
// command fails the test, so that no example goes unchecked. An example
// that needs the shared data is skipped with a message when it is absent.
//
// Output is compared line by line after normaliseExample; a line ending
// in "[cut]" matches a line that starts with what precedes the mark and
// any lines after it, up to the line that matches the next one shown.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile(repoPath("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := exampleBlocks(string(readme))
	if len(blocks) < 10 {
		t.Fatalf("found %d example blocks in README.md, want the examples of every subcommand", len(blocks))
	}
	root, err := filepath.Abs(repoPath())
	if err != nil {
		t.Fatal(err)
	}
	base := t.TempDir()
	work := filepath.Join(base, "tally")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"testdata", "extract"} { // extract holds the events fixture
		if err := os.Symlink(filepath.Join(root, dir), filepath.Join(work, dir)); err != nil {
			t.Fatal(err)
		}
	}
	shared := filepath.Join(root, "..", "shared")
	if _, err := os.Stat(shared); err == nil {
		if err := os.Symlink(shared, filepath.Join(base, "shared")); err != nil {
			t.Fatal(err)
		}
	}
	tmp := t.TempDir() // the demo's corpus goes here
	t.Setenv("TMPDIR", tmp)
	t.Chdir(work)
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join(root, "testdata", "site"))))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	for _, b := range blocks {
		for _, ex := range b {
			name := fmt.Sprintf("README.md:%d %s", ex.line, ex.command)
			if ex.cat != "" {
				if err := os.WriteFile(ex.cat, []byte(strings.Join(ex.want, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if needsShared(ex.args) && !exists(filepath.Join(base, "shared", "data")) {
				t.Logf("%s: skipped: ../shared/data is absent", name)
				continue
			}
			args := make([]string, len(ex.args))
			for i, a := range ex.args {
				args[i] = strings.ReplaceAll(a, "127.0.0.1:8000", addr)
			}
			var out, errOut bytes.Buffer
			if err := run(context.Background(), args, strings.NewReader(""), &out, &errOut); err != nil {
				t.Errorf("%s: %v\n%s", name, err, errOut.String())
				continue
			}
			got := out.String()
			if ex.head >= 0 {
				got = headLines(got, ex.head)
			}
			gotLines := normaliseExample(got, tmp)
			wantLines := normaliseExample(strings.Join(ex.want, "\n"), tmp)
			if !matchExample(wantLines, gotLines) {
				t.Errorf("%s: output differs from the README's\n--- README (normalised)\n%s\n--- got (normalised)\n%s",
					name, strings.Join(wantLines, "\n"), strings.Join(gotLines, "\n"))
			}
		}
	}
}

// example is one command of a README example block and its output.
type example struct {
	line    int      // README line of the command
	command string   // as the README shows it
	args    []string // tally's arguments
	head    int      // N of "| head -N", or -1
	cat     string   // the file of "cat FILE", whose content want is
	want    []string // output lines
}

// exampleBlocks returns the README's example blocks: the fenced code
// blocks whose first line starts with "$ bin/tally", or with "$ cat" and
// whose commands then include tally.
func exampleBlocks(readme string) [][]example {
	var blocks [][]example
	lines := strings.Split(readme, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		start := i + 1
		end := start
		for end < len(lines) && !strings.HasPrefix(lines[end], "```") {
			end++
		}
		i = end
		if start >= end || !strings.HasPrefix(lines[start], "$ ") || !strings.Contains(strings.Join(lines[start:end], "\n"), "$ bin/tally ") {
			continue
		}
		var b []example
		for j := start; j < end; j++ {
			if strings.HasPrefix(lines[j], "$ ") {
				b = append(b, parseCommand(j+1, strings.TrimPrefix(lines[j], "$ ")))
				continue
			}
			b[len(b)-1].want = append(b[len(b)-1].want, lines[j])
		}
		blocks = append(blocks, b)
	}
	return blocks
}

var headPipe = regexp.MustCompile(`\s*\|\s*head -(\d+)$`)

// parseCommand reads one "$ " line of an example. A command the test
// cannot run gives an example whose args say so, which run refuses.
func parseCommand(line int, cmd string) example {
	ex := example{line: line, command: cmd, head: -1}
	rest := cmd
	if m := headPipe.FindStringSubmatch(rest); m != nil {
		ex.head, _ = strconv.Atoi(m[1])
		rest = rest[:len(rest)-len(m[0])]
	}
	words := shellWords(rest)
	switch {
	case strings.ContainsAny(rest, "|<>;&`$"):
		// Another pipe, a redirection or more shell: not run.
		ex.args = []string{"README-example-the-test-cannot-run:", cmd}
	case len(words) == 2 && words[0] == "cat" && ex.head < 0:
		ex.cat = words[1]
	case len(words) >= 1 && words[0] == "bin/tally":
		ex.args = words[1:]
	default:
		// Not a command the test runs: tally refuses it as unknown.
		ex.args = []string{"README-example-the-test-cannot-run:", cmd}
	}
	return ex
}

// shellWords splits a command line as a shell does, with single and
// double quotes and nothing else.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}

func needsShared(args []string) bool {
	for _, a := range args {
		if strings.Contains(a, "../shared/") {
			return true
		}
	}
	return false
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// headLines keeps the first n lines of s, as head -n does.
func headLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "")
}

// What normaliseExample replaces, on both sides, since it changes from run
// to run: the ports of loopback servers (the README's 8000 and the demo's
// random one), the clock times of the crawl history and the names of its
// workers (host:pid:random), and durations ("in 25ms", "0s" in a table
// column with the spaces after it, "2.02 ms/page").
var (
	loopbackPort = regexp.MustCompile(`127\.0\.0\.1:\d+`)
	clockTime    = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`)
	duration     = regexp.MustCompile(`\b(\d+(\.\d+)?(h|m|s|ms|µs|ns))+( +|\b)|\b\d+(\.\d+)? (ms|µs|ns)\b`)
	demoFolder   = regexp.MustCompile(`tally-demo-\d+`)
	workerName   = regexp.MustCompile(`\S+:\d+:[0-9a-f]{8}$`)
)

// normaliseExample splits output into lines and makes what differs from
// run to run the same: the temporary folder (tmp, the README's /tmp),
// the demo's folder in it, ports, clock times and durations (see above),
// and spaces at the ends of lines. Nothing else is changed: a README
// example that shows other output is wrong and is corrected there.
func normaliseExample(s, tmp string) []string {
	s = strings.ReplaceAll(s, tmp, "/tmp")
	s = demoFolder.ReplaceAllString(s, "tally-demo-N")
	s = loopbackPort.ReplaceAllString(s, "127.0.0.1:PORT")
	s = clockTime.ReplaceAllString(s, "TIME")
	s = duration.ReplaceAllStringFunc(s, func(d string) string {
		if strings.HasSuffix(d, " ") {
			return "DURATION "
		}
		return "DURATION"
	})
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = workerName.ReplaceAllString(strings.TrimRight(l, " \t"), "WORKER")
	}
	return lines
}

// matchExample reports whether got is the output want shows, with its
// "[cut]" marks: a line ending in "[cut]" matches a line starting with
// the text before the mark and then any number of lines.
func matchExample(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if len(got) == 0 {
		return false
	}
	w := want[0]
	if prefix, ok := strings.CutSuffix(w, "[cut]"); ok {
		if !strings.HasPrefix(got[0], strings.TrimRight(prefix, " ")) {
			return false
		}
		for k := 1; k <= len(got); k++ {
			if matchExample(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	return w == got[0] && matchExample(want[1:], got[1:])
}

// TestMatchExample: the comparison of the README examples fails on a
// changed line, a missing or extra line, and text before a [cut] mark
// that the output does not start with; it forgives only ports, the
// temporary folder, clock times, durations and trailing spaces.
func TestMatchExample(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		match     bool
	}{
		{"same", "job x: 9 fetched\nok", "job x: 9 fetched\nok\n", true},
		{"changed line", "job x: 9 fetched", "job x: 8 fetched", false},
		{"missing line", "a\nb", "a", false},
		{"extra line", "a", "a\nb", false},
		{"ports", "http://127.0.0.1:8000/a", "http://127.0.0.1:39127/a", true},
		{"other hosts keep their ports", "http://example.org:8000/", "http://example.org:8001/", false},
		{"durations", "imported 8 pages in 25ms", "imported 8 pages in 1.204s", true},
		{"duration columns", "2      TIME  0s          2", "2      TIME  1m3s        2", true},
		{"numbers are not durations", "45 abstain", "46 abstain", false},
		{"clock times", "1      2026-11-27 12:54:27  1s", "1      2026-12-02 07:01:09  0s", true},
		{"dates in data are kept", "2025-11-20T21:05:00Z", "2025-11-21T21:05:00Z", false},
		{"temporary folder", "Corpus: /tmp/tally-demo-2437656677/demo.db", "Corpus: TMP/tally-demo-81/demo.db", true},
		{"trailing spaces", "a  b", "a  b   ", true},
		{"cut line", "On the third anniversary. [cut]", "On the third anniversary. More text\nand more", true},
		{"cut line needs its start", "On the third anniversary. [cut]", "On the fourth anniversary. More", false},
		{"cut lines", "[\n  [cut]\n]", "[\n  1,\n  2\n]", true},
		{"cut lines then a changed one", "[\n  [cut]\n]\nend", "[\n  1\n]\nend!", false},
		{"cut needs a line", "a\n[cut]\nb", "a\nb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchExample(normaliseExample(tt.want, "TMP"), normaliseExample(tt.got, "TMP"))
			if got != tt.match {
				t.Errorf("match(%q, %q) = %v, want %v", tt.want, tt.got, got, tt.match)
			}
		})
	}
}

// TestExampleCommands: the commands of the README examples are read as a
// shell reads them, and one the test cannot run is refused, not passed.
func TestExampleCommands(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
		head int
		cat  string
	}{
		{"bin/tally search --db news.db veto", []string{"search", "--db", "news.db", "veto"}, -1, ""},
		{`bin/tally search '"security council" veto'`, []string{"search", `"security council" veto`}, -1, ""},
		{"bin/tally export --format csv | head -3", []string{"export", "--format", "csv"}, 3, ""},
		{"cat ex.txt", nil, -1, "ex.txt"},
		{"python3 -m http.server", []string{"README-example-the-test-cannot-run:", "python3 -m http.server"}, -1, ""},
		{"bin/tally stats | grep x", []string{"README-example-the-test-cannot-run:", "bin/tally stats | grep x"}, -1, ""},
	}
	for _, tt := range tests {
		ex := parseCommand(1, tt.cmd)
		if !slices.Equal(ex.args, tt.args) || ex.head != tt.head || ex.cat != tt.cat {
			t.Errorf("%s: args %q head %d cat %q, want %q %d %q", tt.cmd, ex.args, ex.head, ex.cat, tt.args, tt.head, tt.cat)
		}
	}
	if err := run(context.Background(), parseCommand(1, "python3 -m http.server").args, strings.NewReader(""), io.Discard, io.Discard); err == nil {
		t.Error("a command the test cannot run was run without an error")
	}
}
