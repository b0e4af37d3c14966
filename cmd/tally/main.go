// Command tally crawls news sites, cleans pages down to their articles,
// extracts votes, counts, countries and stances, stores them in a SQLite
// corpus and evaluates the extractors against gold files.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// Exit codes.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report it
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	go onSignals(signals, cancel, os.Stderr, os.Exit)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	os.Exit(exitCode(ctx, err, os.Stderr))
}

// onSignals cancels the work at the first signal, so that it stops
// cleanly, and exits at once at the second.
func onSignals(signals <-chan os.Signal, cancel context.CancelFunc, stderr io.Writer, exit func(int)) {
	<-signals
	cancel()
	<-signals
	fmt.Fprintln(stderr, "tally: interrupted twice: stopping at once")
	exit(exitInterrupted)
}

// exitCode reports err on stderr and returns the exit code for it: 0 for
// none (or help asked for), 2 for a usage error, 130 when a signal
// interrupted the work, 1 for any other failure.
func exitCode(ctx context.Context, err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintln(stderr, "tally:", err)
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		if ue.hint != "" {
			fmt.Fprintln(stderr, ue.hint)
		}
		return exitUsage
	case ctx.Err() != nil && errors.Is(err, context.Canceled):
		return exitInterrupted
	}
	return exitFailure
}

// usageError is a command line tally cannot make sense of.
type usageError struct {
	err  error
	hint string // where to read how the command is used
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf returns a usage error of the subcommand e runs.
func (e *env) usageErrorf(format string, args ...any) error {
	return e.usageError(fmt.Errorf(format, args...))
}

func (e *env) usageError(err error) error {
	hint := "Run 'tally -h' for the subcommands."
	if e.cmd != nil {
		hint = fmt.Sprintf("usage: tally %s [flags] %s\nRun 'tally %s -h' for help.", e.cmd.name, e.cmd.args, e.cmd.name)
	}
	return &usageError{err: err, hint: hint}
}

// env is what every subcommand gets from main: its streams, a logger,
// and the subcommand itself.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	logger *slog.Logger
	// logLevel is the logger's level, set by --log-level and --quiet.
	logLevel *slog.LevelVar
	// quiet is --quiet: only errors, no progress line.
	quiet bool
	// status is stderr on a terminal, on which the crawl's progress line
	// and the log share the screen; nil when stderr is not a terminal.
	status *statusLine
	cmd    *command
	// commands is the list of subcommands, for those that list them.
	commands []*command
	// collectFlags, when set, is given the subcommand's flags by Parse,
	// which then stops the subcommand with errFlagsCollected.
	collectFlags func(*flag.FlagSet)
	// usageShown is set when the subcommand called its flag set's Usage,
	// which it does before returning a usage error.
	usageShown bool
}

// command is one subcommand of tally.
type command struct {
	name  string
	args  string // what follows the flags in the usage line
	short string // one line for the list of subcommands
	long  string // what -h prints above the flags
	run   func(ctx context.Context, e *env, args []string) error
}

// commands lists the subcommands, in the order 'tally -h' prints them:
// the main job first.
var commands = []*command{
	{
		name: "run", args: "URL...", run: runRun,
		short: "the main job: crawl, clean, extract and store pages, articles and records",
		long: `The main job: crawls from the seed URLs, cleans each page to its article, extracts
countries, counts, votes and stances, and stores pages, articles and records.`,
	},
	{
		name: "crawl", args: "URL...", run: runCrawl,
		short: "crawl sites from seed URLs into the corpus (pages only)",
		long: `Crawls from the seed URLs (articles, section pages, RSS/Atom feeds or sitemaps) and
stores the pages in the corpus. robots.txt is obeyed; same-host links up to --depth.`,
	},
	{
		name: "import", args: "FILE|DIR|WARC...", run: runImport,
		short: "import HTML files, folders of them or WARC files into the corpus",
		long: `Reads HTML pages (files, or every .html/.htm file under a folder) and WARC files (.warc,
.warc.gz, as tally crawl --warc or other archivers write them) into the corpus, cleaning
and extracting each page as the main job does, without fetching anything.`,
	},
	{
		name: "reextract", args: "", run: runReextract,
		short: "clean and extract stored pages again, without fetching",
		long: `Recomputes the articles and records of stored pages after the cleaner or the extractors
changed, on all cores, without fetching anything. By default only pages whose record was
not made by this version of the extractors are redone, so an interrupted run resumes.`,
	},
	{
		name: "search", args: "QUERY...", run: runSearch,
		short: "full-text search of the articles' titles and texts, with snippets",
		long: `Searches the articles' titles and texts and prints the best matches first, with a
snippet, matched words in [brackets]. The query is plain words, all of which must
occur: "quoted words" must occur together (quote them for the shell too), and a
word or phrase after a minus sign must not occur (veto -russia). Case and accents
do not matter; other characters are not syntax. --raw takes SQLite's full-text
syntax instead (OR, NOT, prefix*, title:word). A query has at most 64 words.
A query that starts with a minus sign goes after --: tally search -- -russia veto.`,
	},
	{
		name: "stats", args: "", run: runStats,
		short: "count what the corpus holds: pages, articles, duplicates, records, failures",
		long: `Prints the counts of pages, articles, duplicates and records (by type and by
extractor version), failed fetches by reason, and the most frequent countries
and voting bodies.`,
	},
	{
		name: "export", args: "", run: runExport,
		short: "write the corpus out: pages, articles, records, votes or events as JSONL or CSV",
		long: `Writes the corpus out row by row, in constant memory. Articles and records as
JSONL; votes as CSV have one row per vote and actor position, with the article's
URL and date. Pages whose article duplicates an earlier one are left out unless
--duplicates is given. Of a story re-published with its facts updated, only the newest
version is written unless --versions is given; each row names its story_id and version.
Events are written as 'tally events' last left them (--from and --to filter their date).`,
	},
	{
		name: "events", args: "", run: runEvents,
		short: "one record per real-world vote, fused across every article that reports it",
		long: `Brings the corpus's events up to date (only those that new, re-extracted or updated
articles touch; --rebuild builds all again) and prints them. An event is one vote of one
body on one day, fused from every article that reports it: the tally, outcome, positions
and sponsors most articles state, each fact with the articles that state it and those
that disagree. Only the newest version of an updated story counts. tally run, import and
reextract refresh the events themselves; tally export --what events writes them too.`,
	},
	{
		name: "serve", args: "", run: runServe,
		short: "review the corpus in a browser: articles, search, each fact marked in its text",
		long: `Serves a read-only web view of the corpus, on this machine only unless --addr names
another host: the articles with search and filters, and each article's text with every
fact found marked in place beside its record. The same data is JSON under /api/.
Ctrl-C stops it, letting requests under way finish.`,
	},
	{
		name: "backup", args: "FILE", run: runBackup,
		short: "copy the corpus to a new file, consistently, even while a crawl writes to it",
		long: `Writes a consistent, compacted copy of the corpus to FILE, which must not exist.
A crawl may go on writing to the corpus meanwhile. The copy is written to a hidden
temporary file beside FILE and renamed once complete and on disk, so an interrupted
backup never leaves a file named FILE.`,
	},
	{
		name: "clean", args: "FILE... (- for stdin)", run: runClean,
		short: "print the article of HTML pages: url, title, date, byline, text",
		long: `Reads HTML pages and prints the article of each: url, title, published date,
byline and main text (paragraphs one a line). A page without an article prints
the reason instead of a text.`,
	},
	{
		name: "extract", args: "FILE... (- for stdin)", run: runExtract,
		short: "print the countries, counts, votes and stances of articles",
		long: `Reads article text (or HTML pages with --html) and prints one record per file in the
gold format, each fact with the sentence and character offsets it came from.`,
	},
	{
		name: "eval", args: "--gold DIR | --sets MANIFEST", run: runEval,
		short: "score the extractors against a folder of gold files",
		long: `Runs the extractors on each gold file's source (cleaning HTML sources first) and prints
precision, recall and F1 per type and overall, as the gold format defines them.`,
	},
	{
		name: "eval-events", args: "DIR", run: runEvalEvents,
		short: "score the fusion of votes into events on a folder in the events gold format",
		long: `Extracts the votes of every article of DIR (NAME.txt, articles.json and events.json, as
package extract/events/eval documents), builds the events and scores them against
events.json: B-cubed precision, recall and F1 of the grouping, and precision, recall and
F1 of the fused facts, overall and per kind.`,
	},
	{
		name: "eval-clean", args: "DIR", run: runEvalClean,
		short: "score the HTML cleaner on a snippet dataset (F1, precision, recall, ms/page)",
		long: `Cleans every page of a snippet dataset (DIR/pages/NNN.html.gz and DIR/truth.json),
one at a time, and scores the main texts: a "with" snippet found is a true positive,
a "without" snippet found a false positive (case-sensitive, soft hyphens ignored).
Prints F1, precision, recall and the median time per page (parse plus extraction).
A DIR that does not exist is skipped with a message.`,
	},
	{
		name: "gold", args: "init ARTICLE...", run: runGold,
		short: "start gold files for annotation from the current extraction",
		long: `Writes, for each article, a gold file pre-filled from the current extraction for a
person to correct, with the article's text beside it (NAME.txt and NAME.json in --out).
'tally eval --gold DIR' then scores the extractors against the corrected files.`,
	},
	{
		name: "demo", args: "", run: runDemo,
		short: "crawl the bundled site on 127.0.0.1, show what was found and score it",
		long: `Serves the bundled news site (testdata/site) on 127.0.0.1 at a random port, runs the
main job on it into a corpus file, prints what it found and evaluates the extractors
against testdata/gold. Nothing leaves this machine.`,
	},
	{
		name: "version", args: "", run: runVersion,
		short: "print the version of tally, the revision it was built from and the extractors' version",
		long: `Prints the module version (as go install records it), the VCS revision and time of the
build when it was made from a clone, the extractors' version that records carry, and Go's.`,
	},
	{
		name: "completion", args: "bash|zsh|fish", run: runCompletion,
		short: "print a shell completion script for the subcommands and their flags",
		long: `Prints a completion script for bash, zsh or fish, generated from the subcommands and
their flags. For example:

  tally completion bash > ~/.local/share/bash-completion/completions/tally
  tally completion zsh > "${fpath[1]}/_tally"
  tally completion fish > ~/.config/fish/completions/tally.fish`,
	},
}

// lookup returns the subcommand called name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run parses the subcommand name and hands the rest of args to it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, logLevel: new(slog.LevelVar), commands: commands}
	e.logger = slog.New(slog.NewTextHandler(e.logWriter(), &slog.HandlerOptions{Level: e.logLevel}))
	if len(args) == 0 {
		usage(stderr)
		return e.usageErrorf("no subcommand given")
	}
	switch name := args[0]; name {
	case "-version", "--version":
		e.cmd = lookup("version")
		return runVersion(ctx, e, args[1:])
	case "-h", "-help", "--help", "help":
		if len(args) > 1 && name == "help" {
			c := lookup(args[1])
			if c == nil {
				return unknownCommand(e, args[1])
			}
			e.cmd = c
			return c.run(ctx, e, []string{"-h"})
		}
		usage(stdout)
		return nil
	}
	c := lookup(args[0])
	if c == nil {
		return unknownCommand(e, args[0])
	}
	e.cmd = c
	err := c.run(ctx, e, args[1:])
	var ue *usageError
	if err != nil && e.usageShown && !errors.As(err, &ue) {
		err = e.usageError(err)
	}
	return err
}

// logWriter is where log messages go: stderr, or on a terminal stderr
// shared with the progress line.
func (e *env) logWriter() io.Writer {
	if e.status == nil && isTerminal(e.stderr) {
		e.status = &statusLine{w: e.stderr}
	}
	if e.status != nil {
		return e.status
	}
	return e.stderr
}

// unknownCommand is the usage error for a subcommand name that is not one.
func unknownCommand(e *env, name string) error {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	if strings.HasPrefix(name, "-") {
		return e.usageErrorf("unknown flag %s before the subcommand%s", name, didYouMean(strings.TrimLeft(name, "-"), names, ""))
	}
	return e.usageErrorf("unknown subcommand %q%s", name, didYouMean(name, names, ""))
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: tally SUBCOMMAND [flags] [args]")
	fmt.Fprintln(w, "\nSubcommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'tally SUBCOMMAND -h' (or 'tally help SUBCOMMAND') for the flags of one subcommand.")
}
