package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tally-news/tally/extract/clean"
)

// cleanOutput is one page's article as clean prints it in JSON.
type cleanOutput struct {
	File string `json:"file"`
	clean.Article
}

// cleanFailure is the JSON entry of a file that could not be cleaned.
type cleanFailure struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

func runClean(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	format := fs.format("text", "json", "jsonl")
	pageURL := fs.String("url", "", "the URL the pages came from (resolves links, gives dates found in URLs)")
	contentType := fs.String("content-type", "", "the HTTP Content-Type of the pages, for their charset (default: from the page)")
	blank := fs.Bool("blank-lines", false, "separate paragraphs by an empty line")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("clean: no input file given")
	}
	cfg := clean.DefaultConfig()
	cfg.BlankLines = *blank
	c := clean.New(cfg)
	out := newDocWriter(e.stdout, format.value)
	// Standard input is read up front; files are read by the workers.
	names := fs.Args()
	var stdinData []byte
	if slices.Contains(names, "-") {
		b, err := readInput(e, "-")
		if err != nil {
			return fmt.Errorf("clean: %w", err)
		}
		stdinData = b
	}
	type result struct {
		art clean.Article
		err error
	}
	// Pages are cleaned in parallel on all cores with one shared cleaner;
	// articles come out in the order of the arguments.
	failed, firstErr := 0, error(nil)
	err := inOrder(len(names), func(i int) result {
		if ctx.Err() != nil {
			return result{}
		}
		art, err := cleanFile(c, stdinData, names[i], *pageURL, *contentType)
		return result{art, err}
	}, func(i int, r result) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("clean: %w", err)
		}
		name, art, err := names[i], r.art, r.err
		if err != nil {
			err = fmt.Errorf("clean: %s: %w", name, err)
			if format.value == "text" {
				return err
			}
			// In a long JSON run one unreadable file does not stop the
			// rest; it gets an error entry and the exit status says so.
			failed++
			if firstErr == nil {
				firstErr = err
			}
			if err := out.write(cleanFailure{File: name, Error: err.Error()}); err != nil {
				return fmt.Errorf("clean: %w", err)
			}
			return nil
		}
		switch format.value {
		case "text":
			if len(names) > 1 {
				if i > 0 {
					fmt.Fprintln(e.stdout)
				}
				fmt.Fprintf(e.stdout, "==> %s <==\n", name)
			}
			writeArticleText(e.stdout, art)
		default:
			err = out.write(cleanOutput{File: name, Article: art})
		}
		if err != nil {
			return fmt.Errorf("clean: %w", err)
		}
		return nil
	})
	// Closed after an error too, so that the output stays one document.
	if cerr := out.close(); cerr != nil && err == nil {
		err = fmt.Errorf("clean: %w", cerr)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		if failed == 1 {
			return firstErr
		}
		return fmt.Errorf("%w (and %d more files failed)", firstErr, failed-1)
	}
	return nil
}

// cleanFile reads one page (name "-" is stdin, read before) and cleans it.
func cleanFile(c *clean.Cleaner, stdin []byte, name, pageURL, contentType string) (clean.Article, error) {
	var r io.Reader
	if name == "-" {
		r = bytes.NewReader(stdin)
	} else {
		f, err := os.Open(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return clean.Article{}, errors.New("no such file")
			}
			return clean.Article{}, err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return clean.Article{}, errors.New("is a directory, not a page")
		}
		r = f
	}
	return c.Clean(r, pageURL, contentType)
}

// writeArticleText prints an article as a short header and its text.
func writeArticleText(w io.Writer, art clean.Article) {
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-10s %s\n", name+":", v)
		}
	}
	field("URL", art.URL)
	field("Title", art.Title)
	field("Published", art.Published)
	field("Byline", art.Byline)
	fmt.Fprintln(w)
	if strings.TrimSpace(art.Text) == "" {
		fmt.Fprintf(w, "(no article: %s)\n", art.Reason)
		return
	}
	fmt.Fprintln(w, art.Text)
}
