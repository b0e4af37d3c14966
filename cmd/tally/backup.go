package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/tally-news/tally/corpus"
)

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dbPath := fs.db()
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("backup: give exactly one backup file name")
	}
	db, err := openCorpusFile(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	if err := db.Backup(ctx, fs.Arg(0)); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	// The copy is complete and has its name: an interrupt arriving now
	// does not undo it, so the short check below is not cancelled.
	s, err := statsOf(context.WithoutCancel(ctx), fs.Arg(0))
	if err != nil {
		return fmt.Errorf("backup: check the copy: %w", err)
	}
	fmt.Fprintf(e.stdout, "backed up %s to %s: %d pages, %d articles, %d records\n",
		corpus.DisplayName(*dbPath), fs.Arg(0), s.Pages, s.Articles, s.Records)
	return nil
}

// statsOf opens the corpus at path read-only and counts what it holds.
func statsOf(ctx context.Context, path string) (corpus.Stats, error) {
	db, err := corpus.OpenReadOnly(ctx, path)
	if err != nil {
		return corpus.Stats{}, err
	}
	defer db.Close()
	return db.Stats(ctx)
}
