package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/tally-news/tally/cmd/tally/internal/web"
	"github.com/tally-news/tally/extract/eval"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	var golds listFlag
	fs.Var(&golds, "gold", "folder of gold files (NAME.json with text_file or html_file); repeatable")
	format := fs.format("text", "json", "jsonl", "markdown")
	format.alias(fs, "json", "json")
	format.alias(fs, "markdown", "markdown")
	verbose := fs.Bool("verbose", false, "list every missing and spurious tuple per document")
	manifest := fs.String("sets", "", "set manifest (testdata/sets/sets.json): score every set it lists, external sets only when present; with --format markdown each score is followed by the set's first-contact score")
	if err := fs.Parse(args); err != nil {
		return err
	}
	golds = append(golds, fs.Args()...)
	var sets []eval.Set
	if *manifest != "" {
		var err error
		if sets, err = eval.LoadSets(*manifest); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		for _, s := range sets {
			if s.Present() {
				golds = append(golds, s.Dir)
			} else {
				fmt.Fprintf(e.stderr, "eval: skipping set %s: %s is absent\n", s.Name, s.Dir)
			}
		}
	}
	if len(golds) == 0 {
		fs.Usage()
		return errors.New("eval: --gold DIR or --sets MANIFEST is required")
	}
	p := newPipeline()
	switch format.value {
	case "markdown":
		return markdownScores(ctx, e, p, golds, sets)
	case "json", "jsonl":
		return jsonScores(ctx, e, p, golds, format.value, *verbose)
	}
	for i, dir := range golds {
		rep, err := evaluate(ctx, p, dir)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if len(golds) > 1 {
			if i > 0 {
				fmt.Fprintln(e.stdout)
			}
			fmt.Fprintf(e.stdout, "%s:\n", dir)
		}
		if err := rep.WriteText(e.stdout, *verbose); err != nil {
			return err
		}
	}
	return nil
}

// jsonScores writes the report of each gold folder as a JSON object with
// the folder in "gold": all in one array (json) or one a line (jsonl).
func jsonScores(ctx context.Context, e *env, p *pipeline, dirs []string, format string, verbose bool) error {
	out := newDocWriter(e.stdout, format)
	for _, dir := range dirs {
		rep, err := evaluate(ctx, p, dir)
		if err != nil {
			out.close()
			return fmt.Errorf("eval: %w", err)
		}
		var buf bytes.Buffer
		if err := rep.WriteJSON(&buf, verbose); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		gold, err := json.Marshal(dir)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		obj := append([]byte(`{"gold":`+string(gold)+`,`), bytes.TrimPrefix(bytes.TrimSpace(buf.Bytes()), []byte("{"))...)
		if err := out.write(json.RawMessage(obj)); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	if err := out.close(); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	return nil
}

// markdownScores prints a Markdown table of F1 per type, a row per gold
// folder. A folder of one of sets is named by its set, and its scores are
// followed by its first-contact scores in brackets.
func markdownScores(ctx context.Context, e *env, p *pipeline, dirs []string, sets []eval.Set) error {
	bySet := map[string]eval.Set{}
	for _, s := range sets {
		bySet[s.Dir] = s
	}
	fmt.Fprintf(e.stdout, "| gold set | docs |")
	for _, t := range eval.TypeOrder() {
		fmt.Fprintf(e.stdout, " %s F1 |", t)
	}
	fmt.Fprintf(e.stdout, "\n| --- | --- |%s\n", strings.Repeat(" --- |", len(eval.TypeOrder())))
	for _, dir := range dirs {
		if _, err := os.Stat(dir); err != nil {
			continue
		}
		rep, err := evaluate(ctx, p, dir)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		set, inSet := bySet[dir]
		name := dir
		if inSet {
			name = set.Name
		}
		fmt.Fprintf(e.stdout, "| `%s` | %d |", name, len(rep.Docs))
		for _, t := range eval.TypeOrder() {
			if s := rep.Types[t]; s.Scored {
				fmt.Fprintf(e.stdout, " %.3f", s.F1)
			} else {
				fmt.Fprintf(e.stdout, " not scored")
			}
			if first, ok := set.FirstContact[t]; ok {
				fmt.Fprintf(e.stdout, " (%.3f)", first)
			}
			fmt.Fprintf(e.stdout, " |")
		}
		fmt.Fprintln(e.stdout)
	}
	return nil
}

// evaluate extracts from every gold file's source in dir and scores the
// records against the gold.
func evaluate(ctx context.Context, p *pipeline, dir string) (eval.Report, error) {
	_, rep, err := evaluateDocs(ctx, p, dir)
	return rep, err
}

// evaluateDocs is evaluate, also giving each document's text and the
// record extracted from it, in the order of the report's documents.
func evaluateDocs(ctx context.Context, p *pipeline, dir string) ([]web.EvalDoc, eval.Report, error) {
	golds, err := eval.LoadGold(dir)
	if err != nil {
		return nil, eval.Report{}, err
	}
	type result struct {
		doc web.EvalDoc
		err error
	}
	docs := make([]web.EvalDoc, 0, len(golds))
	err = inOrder(len(golds), func(i int) result {
		g := golds[i]
		data, err := os.ReadFile(g.Source)
		if err != nil {
			return result{err: fmt.Errorf("%s: read source: %w", g.Path, err)}
		}
		text := string(data)
		if g.HTML {
			art, err := p.cleaner.CleanBytes(data, "", "")
			if err != nil {
				return result{err: fmt.Errorf("%s: clean %s: %w", g.Path, g.Source, err)}
			}
			text = art.Text
		}
		return result{doc: web.EvalDoc{Gold: g, Text: text, Pred: p.extractor.Extract(ctx, g.Record.Doc, text)}}
	}, func(i int, r result) error {
		if r.err != nil {
			return r.err
		}
		docs = append(docs, r.doc)
		return nil
	})
	if err != nil {
		return nil, eval.Report{}, err
	}
	pairs := make([]eval.Pair, len(docs))
	for i, d := range docs {
		pairs[i] = eval.Pair{Gold: d.Gold.Record, Pred: d.Pred}
	}
	return docs, eval.Evaluate(pairs), nil
}
