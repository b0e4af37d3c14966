package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tally-news/tally/corpus"
)

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dbPath := fs.db()
	format := fs.format("text", "json")
	format.alias(fs, "json", "json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.usageErrorf("stats: unexpected argument %q", fs.Arg(0))
	}
	db, err := openCorpusFile(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	defer db.Close()
	s, err := db.Stats(ctx)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	if format.value == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return printStats(e.stdout, *dbPath, s)
}

// printStats writes s as readable tables.
func printStats(w io.Writer, path string, s corpus.Stats) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "corpus\t%s\n", corpus.DisplayName(path))
	fmt.Fprintf(tw, "pages\t%d\n", s.Pages)
	fmt.Fprintf(tw, "articles\t%d\t(%d updated versions of stories)\n", s.Articles, s.Versions)
	fmt.Fprintf(tw, "duplicates\t%d\t(%d exact, %d near)\n", s.Duplicates, s.ExactDuplicates, s.NearDuplicates)
	fmt.Fprintf(tw, "records\t%d\n", s.Records)
	if n, by := totalAndList(s.NotExtracted); n > 0 {
		fmt.Fprintf(tw, "not extracted\t%d\t(articles by language: %s)\n", n, by)
	}
	for _, k := range []string{"countries", "counts", "votes", "positions", "sponsors", "stances"} {
		fmt.Fprintf(tw, "  %s\t%d\n", k, s.Facts[k])
	}
	fmt.Fprintf(tw, "queued URLs\t%d\n", s.Queued)
	printCounts(tw, "records by extractor", s.Extractors)
	printCounts(tw, "failures by reason", s.Failures)
	printTop(tw, "top countries (records)", s.Countries)
	printTop(tw, "top bodies (votes)", s.Bodies)
	return tw.Flush()
}

func printCounts(w io.Writer, title string, m map[string]int) {
	fmt.Fprintf(w, "%s\t\n", title)
	if len(m) == 0 {
		fmt.Fprintf(w, "  (none)\t\n")
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	for _, k := range keys {
		name := k
		if name == "" {
			name = "(unnamed)"
		}
		fmt.Fprintf(w, "  %s\t%d\n", name, m[k])
	}
}

func printTop(w io.Writer, title string, fs []corpus.Frequency) {
	fmt.Fprintf(w, "%s\t\n", title)
	if len(fs) == 0 {
		fmt.Fprintf(w, "  (none)\t\n")
	}
	for _, f := range fs {
		fmt.Fprintf(w, "  %s\t%d\n", f.Value, f.Count)
	}
}

// openCorpusFile opens an existing corpus for reading only; unlike
// corpus.Open it neither creates one nor writes a schema into an empty
// file, since reading an empty new corpus is always a mistake.
func openCorpusFile(ctx context.Context, path string) (*corpus.DB, error) {
	return openExisting(ctx, path, corpus.OpenReadOnly)
}

// openExisting opens the corpus at path with open (corpus.OpenReadOnly or
// corpus.OpenExisting), saying what to do when there is none yet.
func openExisting(ctx context.Context, path string, open func(context.Context, string) (*corpus.DB, error)) (*corpus.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !corpus.IsURL(path) {
		return nil, fmt.Errorf("corpus %s does not exist (give another with --db)", path)
	}
	db, err := open(ctx, path)
	if errors.Is(err, corpus.ErrNotYetCorpus) {
		return nil, fmt.Errorf("%w; it was left as it is (tally run, crawl or import make a corpus)", err)
	}
	return db, err
}

// parseDateFlag reads a --from or --to value: a date (2006-01-02) or an
// RFC 3339 time. A date given to --to (end) means the end of that day.
func parseDateFlag(flagName, value string, end bool) (time.Time, error) {
	value = strings.TrimSpace(value)
	if value == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", value); err == nil {
		if end {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, value)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s %q: want a date (2024-03-01) or an RFC 3339 time", flagName, value)
	}
	return t, nil
}
