package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/tally-news/tally/corpus"
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dbPath := fs.db()
	site := fs.String("site", "", "only this site (host name)")
	from := fs.String("from", "", "only articles dated on or after this date (2024-03-01 or RFC 3339)")
	to := fs.String("to", "", "only articles dated up to this date, inclusive (or before this RFC 3339 time)")
	limit := fs.Int("limit", 20, "the most hits to print")
	format := fs.format("text", "json", "jsonl")
	format.alias(fs, "json", "json")
	raw := fs.Bool("raw", false, "the query is in SQLite's full-text syntax (OR, NOT, prefix*, title:word, parentheses)")
	fs.dashArgs = true // "veto -russia": -russia is a word left out, not a flag
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return e.usageErrorf("search: no query given")
	}
	if *limit <= 0 {
		return e.usageErrorf("search: --limit %d: want a positive number", *limit)
	}
	q := corpus.SearchQuery{Text: strings.Join(fs.Args(), " "), Raw: *raw, Site: *site, Limit: *limit}
	var err error
	if q.From, err = parseDateFlag("from", *from, false); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if q.To, err = parseDateFlag("to", *to, true); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	db, err := openCorpusFile(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer db.Close()
	hits, err := db.Search(ctx, q)
	if errors.Is(err, corpus.ErrBadQuery) {
		return e.usageErrorf("search: %w", err)
	}
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if format.value != "text" {
		out := newDocWriter(e.stdout, format.value)
		for _, h := range hits {
			if err := out.write(h); err != nil {
				return fmt.Errorf("search: %w", err)
			}
		}
		return out.close()
	}
	if len(hits) == 0 {
		fmt.Fprintf(e.stdout, "no article matches %q\n", q.Text)
		return nil
	}
	for i, h := range hits {
		fmt.Fprintf(e.stdout, "%d. %s\n   %s  (%s, %s)\n   %s\n", i+1, h.Title, h.URL, h.Site,
			h.Date.Format("2006-01-02"), strings.Join(strings.Fields(h.Snippet), " "))
	}
	return nil
}
