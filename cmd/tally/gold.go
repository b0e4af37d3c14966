package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tally-news/tally/cmd/tally/internal/nofollow"
	"github.com/tally-news/tally/extract/eval"
)

func runGold(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	out := fs.String("out", "", "folder to write into (default: beside each article)")
	html := fs.Bool("html", false, "the articles are HTML pages: write their cleaned text")
	force := fs.Bool("force", false, "overwrite gold files that exist (a symbolic link is replaced, never followed)")
	stdinName := fs.String("name", "", "name of the files (NAME.txt, NAME.json) for an article read from standard input (-)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.Arg(0) != "init" {
		return e.usageErrorf("gold: the only subcommand is init: tally gold init [flags] ARTICLE...")
	}
	if fs.NArg() == 1 {
		return e.usageErrorf("gold init: no article given")
	}
	for _, name := range fs.Args() {
		if name != "-" {
			continue
		}
		if *stdinName == "" {
			return errors.New("gold init: an article read from standard input (-) needs --name NAME to name its files")
		}
		if *stdinName != filepath.Base(*stdinName) || strings.HasPrefix(*stdinName, ".") {
			return fmt.Errorf("gold init: --name %q: want a plain file name, without folder", *stdinName)
		}
	}
	p := newPipeline()
	for _, name := range fs.Args()[1:] {
		data, err := readInput(e, name)
		if err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		text, err := articleText(p, name, data, *html)
		if err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		dir := *out
		if dir == "" && name != "-" {
			dir = filepath.Dir(name)
		}
		if dir == "" {
			dir = "."
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		doc := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		if name == "-" {
			doc = *stdinName
		}
		textPath := filepath.Join(dir, doc+".txt")
		goldPath := filepath.Join(dir, doc+".json")
		// Lstat, not Stat: a symbolic link, even one to nothing, is there.
		if _, err := os.Lstat(goldPath); err == nil && !*force {
			return fmt.Errorf("gold init: %s exists; pass --force to overwrite it", goldPath)
		}
		same := false
		if name != "-" {
			same, _ = sameFile(name, textPath)
		}
		if !same {
			if _, err := os.Lstat(textPath); err == nil && !*force {
				return fmt.Errorf("gold init: %s exists; pass --force to overwrite it", textPath)
			}
			if err := nofollow.WriteFile(textPath, []byte(text), *force); err != nil {
				return fmt.Errorf("gold init: %w", forceHint(err))
			}
		}
		rec := p.extractor.Extract(ctx, doc, text)
		b, err := json.MarshalIndent(eval.GoldOf(rec, doc+".txt"), "", "  ")
		if err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		if err := nofollow.WriteFile(goldPath, append(b, '\n'), *force); err != nil {
			return fmt.Errorf("gold init: %w", forceHint(err))
		}
		fmt.Fprintf(e.stdout, "wrote %s (%d countries, %d counts, %d votes, %d stances) beside %s\n",
			goldPath, len(rec.Countries), len(rec.Counts), len(rec.Votes), len(rec.Stances), textPath)
	}
	return nil
}

// forceHint adds to a refusal to write over a file how to overwrite it.
func forceHint(err error) error {
	if errors.Is(err, nofollow.ErrExist) {
		return fmt.Errorf("%w; pass --force to overwrite it", err)
	}
	return err
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}
