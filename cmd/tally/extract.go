package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tally-news/tally/extract"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	format := fs.format("json", "jsonl", "text")
	html := fs.Bool("html", false, "the files are HTML pages: clean each before extracting")
	format.alias(fs, "explain", "text")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("extract: no input file given")
	}
	p := newPipeline()
	out := newDocWriter(e.stdout, format.value)
	// Standard input is read up front; files are read by the workers.
	names := fs.Args()
	var stdinData []byte
	for _, name := range names {
		if name == "-" && stdinData == nil {
			b, err := readInput(e, "-")
			if err != nil {
				return fmt.Errorf("extract: %w", err)
			}
			stdinData = b
		}
	}
	type result struct {
		text string
		rec  extract.Record
		err  error
	}
	// Articles are extracted in parallel on all cores with one shared
	// extractor; records come out in the order of the arguments. A file
	// that fails is reported and the others go on.
	rep := newFailures(e.stderr, "extract", len(names) > 1)
	err := inOrder(len(names), func(i int) result {
		name := names[i]
		data := stdinData
		if name != "-" {
			b, err := readInput(e, name)
			if err != nil {
				return result{err: err}
			}
			data = b
		}
		text, err := articleText(p, name, data, *html)
		if err != nil {
			return result{err: err}
		}
		doc := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
		if name == "-" {
			doc = "stdin"
		}
		if format.value == "text" {
			// Explaining: the record also names the rule behind each fact.
			return result{text: text, rec: p.extractor.Explain(ctx, doc, text)}
		}
		return result{text: text, rec: p.extractor.Extract(ctx, doc, text)}
	}, func(i int, r result) error {
		if r.err != nil {
			rep.fail("", r.err) // the error names the file
			return nil
		}
		if format.value == "text" {
			explainRecord(e.stdout, names[i], r.text, r.rec)
			return nil
		}
		// Output for people quotes the text the evidence points into.
		r.rec.Quote(r.text)
		if err := out.write(struct {
			File string `json:"file"`
			extract.Record
		}{names[i], r.rec}); err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		return nil
	})
	if format.value != "text" {
		// Closed after an error too, so that the output stays one document.
		if cerr := out.close(); cerr != nil && err == nil {
			err = fmt.Errorf("extract: %w", cerr)
		}
	}
	if err != nil {
		return err
	}
	return rep.err()
}

// articleText returns the text to extract from: the file as it is, or
// with --html the article the cleaner finds in it.
func articleText(p *pipeline, name string, data []byte, html bool) (string, error) {
	if !html {
		if err := checkText(name, data); err != nil {
			return "", err
		}
		return string(data), nil
	}
	art, err := p.cleaner.CleanBytes(data, "", "")
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if strings.TrimSpace(art.Text) == "" {
		return "", fmt.Errorf("%s: no article found (%s)", name, art.Reason)
	}
	return art.Text, nil
}

// readInput reads a named file, or standard input for "-".
func readInput(e *env, name string) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return nil, fmt.Errorf("read stdin: %w", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(name)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file", name)
		}
		return nil, err
	}
	return b, nil
}

// checkText refuses input that is not article text: invalid UTF-8 or an
// HTML page given without --html.
func checkText(name string, data []byte) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("%s: not UTF-8 text", name)
	}
	head := strings.ToLower(strings.TrimSpace(string(data[:min(len(data), 512)])))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return fmt.Errorf("%s: looks like an HTML page; use --html to clean it first", name)
	}
	if strings.TrimSpace(string(data)) == "" {
		return fmt.Errorf("%s: empty article", name)
	}
	return nil
}

// explainRecord prints the text with every fact marked as [[surface|fact]]
// and a list of the votes, each with the rules that set its fields and
// the sentences it came from.
func explainRecord(w io.Writer, name, text string, rec extract.Record) {
	type mark struct {
		start, end int
		label      string
	}
	var marks []mark
	for _, m := range rec.Mentions {
		marks = append(marks, mark{m.Evidence.Start, m.Evidence.End, "actor " + m.Code})
	}
	for _, c := range rec.Counts {
		if c.Evidence != nil {
			l := "count " + trimFloat(c.Value)
			if c.Unit != "" {
				l += " " + c.Unit
			}
			marks = append(marks, mark{c.Evidence.Start, c.Evidence.End, l})
		}
	}
	for _, s := range rec.Stances {
		if s.Evidence != nil {
			marks = append(marks, mark{s.Evidence.Start, s.Evidence.End, fmt.Sprintf("stance %s %s %s by rule %s", s.Holder, s.Polarity, s.Target, s.Rule)})
		}
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	runes := []rune(text)
	fmt.Fprintf(w, "== %s\n", name)
	pos := 0
	var b strings.Builder
	for _, m := range marks {
		if m.start < pos || m.end > len(runes) {
			continue
		}
		b.WriteString(string(runes[pos:m.start]))
		fmt.Fprintf(&b, "[[%s|%s]]", string(runes[m.start:m.end]), m.label)
		pos = m.end
	}
	b.WriteString(string(runes[pos:]))
	// One blank line before the votes, whether or not the text ends a line.
	fmt.Fprintln(w, strings.TrimRight(b.String(), "\n"))
	for i, v := range rec.Votes {
		fmt.Fprintf(w, "\nvote %d: %s\n", i+1, voteSummary(v))
		fields := make([]string, 0, len(v.Rules))
		for f := range v.Rules {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			fmt.Fprintf(w, "  %s by rule %s\n", f, strings.Join(v.Rules[f], ", "))
		}
		for _, ev := range v.Evidence {
			fmt.Fprintf(w, "  from [%d:%d] %s\n", ev.SentenceStart, ev.SentenceEnd, ev.SentenceIn(text))
		}
	}
	fmt.Fprintln(w)
}
