package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tally-news/tally/extract"
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
			if err := writeNoFollow(textPath, []byte(text), *force); err != nil {
				return fmt.Errorf("gold init: %w", err)
			}
		}
		rec := p.extractor.Extract(ctx, doc, text)
		b, err := json.MarshalIndent(goldOf(rec, doc+".txt"), "", "  ")
		if err != nil {
			return fmt.Errorf("gold init: %w", err)
		}
		if err := writeNoFollow(goldPath, append(b, '\n'), *force); err != nil {
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

// writeNoFollow writes data to path as a new file, never through a
// symbolic link: without replace it fails when anything is at path (a
// link to nothing too); with replace, a temporary file written beside
// path is renamed over it, which replaces a file or a link itself and
// never the file a link points to.
func writeNoFollow(path string, data []byte, replace bool) error {
	if !replace {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s exists; pass --force to overwrite it", path)
		}
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
		}
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
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
