package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tally-news/tally/extract"
)

func runGold(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	out := fs.String("out", "", "folder to write into (default: beside each article)")
	html := fs.Bool("html", false, "the articles are HTML pages: write their cleaned text")
	force := fs.Bool("force", false, "overwrite gold files that exist")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.Arg(0) != "init" {
		return e.usageErrorf("gold: the only subcommand is init: tally gold init [flags] ARTICLE...")
	}
	if fs.NArg() == 1 {
		return e.usageErrorf("gold init: no article given")
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
		if dir == "" {
			dir = filepath.Dir(name)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		doc := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		textPath := filepath.Join(dir, doc+".txt")
		goldPath := filepath.Join(dir, doc+".json")
		if _, err := os.Stat(goldPath); err == nil && !*force {
			return fmt.Errorf("gold init: %s exists; pass --force to overwrite it", goldPath)
		}
		same, _ := sameFile(name, textPath)
		if !same {
			if _, err := os.Stat(textPath); err == nil && !*force {
				return fmt.Errorf("gold init: %s exists; pass --force to overwrite it", textPath)
			}
			if err := os.WriteFile(textPath, []byte(text), 0o644); err != nil {
				return fmt.Errorf("gold init: %w", err)
			}
		}
		rec := p.extractor.Extract(ctx, doc, text)
		b, err := json.MarshalIndent(goldOf(rec, doc+".txt"), "", "  ")
		if err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		if err := os.WriteFile(goldPath, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		fmt.Fprintf(e.stdout, "wrote %s (%d countries, %d counts, %d votes, %d stances) beside %s\n",
			goldPath, len(rec.Countries), len(rec.Counts), len(rec.Votes), len(rec.Stances), textPath)
	}
	return nil
}

// goldOf keeps the fields of a record that a gold file holds: the scored
// ones and the motion, without evidence.
func goldOf(r extract.Record, textFile string) extract.Record {
	g := extract.Record{Doc: r.Doc, TextFile: textFile, Countries: r.Countries, Stances: []extract.Stance{}, Votes: []extract.Vote{}}
	g.Counts = make([]extract.Count, 0, len(r.Counts))
	for _, c := range r.Counts {
		g.Counts = append(g.Counts, extract.Count{Value: c.Value, Unit: c.Unit})
	}
	for _, v := range r.Votes {
		v.Evidence = nil
		g.Votes = append(g.Votes, v)
	}
	for _, s := range r.Stances {
		s.Evidence = nil
		g.Stances = append(g.Stances, s)
	}
	return g
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
