package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/tally-news/tally/extract/clean"
)

func runEvalClean(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	verbose := fs.Bool("verbose", false, "list each missed and leaked snippet by page")
	format := fs.format("text", "json")
	format.alias(fs, "json", "json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("eval-clean: want one dataset folder")
	}
	dir := fs.Arg(0)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(e.stdout, "eval-clean: %s does not exist; skipped\n", dir)
		return nil
	}
	rep, err := clean.ScoreSnippets(ctx, dir, clean.New(clean.DefaultConfig()))
	if err != nil {
		return fmt.Errorf("eval-clean: %s: %w", dir, err)
	}
	if format.value == "json" {
		if !*verbose {
			rep.PerPage = nil
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("eval-clean: write: %w", err)
		}
		return nil
	}
	if *verbose {
		writeSnippetDetails(e.stdout, rep)
	}
	writeSnippetSummary(e.stdout, dir, rep)
	return nil
}

// writeSnippetSummary prints the scores of a snippet dataset.
func writeSnippetSummary(w io.Writer, dir string, rep clean.SnippetReport) {
	fmt.Fprintf(w, "%s: %d pages\n", dir, rep.Pages)
	fmt.Fprintf(w, "F1 %.4f  precision %.4f  recall %.4f  (TP %d, FP %d, FN %d, TN %d)\n",
		rep.F1, rep.Precision, rep.Recall, rep.TP, rep.FP, rep.FN, rep.TN)
	fmt.Fprintf(w, "median %.2f ms/page, total %.0f ms (parse plus extraction, one page at a time)\n",
		rep.MedianMS, rep.TotalMS)
}

// writeSnippetDetails lists the missed and leaked snippets of each page.
func writeSnippetDetails(w io.Writer, rep clean.SnippetReport) {
	for _, p := range rep.PerPage {
		if len(p.Missed) == 0 && len(p.Leaked) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %s\n", p.ID, p.URL)
		if p.Reason != "" {
			fmt.Fprintf(w, "  no article: %s\n", p.Reason)
		}
		for _, s := range p.Missed {
			fmt.Fprintf(w, "  missed: %q\n", s)
		}
		for _, s := range p.Leaked {
			fmt.Fprintf(w, "  leaked: %q\n", s)
		}
	}
	fmt.Fprintln(w)
}
