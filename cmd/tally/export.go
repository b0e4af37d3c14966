package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"

	"github.com/tally-news/tally/corpus"
)

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dbPath := fs.db()
	what := fs.String("what", "articles", "what to write: pages, articles, records, votes or events")
	format := fs.format("jsonl", "json", "csv")
	dups := fs.Bool("duplicates", false, "also write duplicates, each naming its first copy in duplicate_of")
	versions := fs.Bool("versions", false, "write every version of an updated story (default: the newest only)")
	site := fs.String("site", "", "only this site (host name)")
	from := fs.String("from", "", "only articles dated on or after this date (2024-03-01 or RFC 3339)")
	to := fs.String("to", "", "only articles dated up to this date, inclusive (or before this RFC 3339 time)")
	out := fs.String("out", "", "write to this new file instead of standard output")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.usageErrorf("export: unexpected argument %q", fs.Arg(0))
	}
	o := corpus.ExportOptions{What: *what, Format: format.value, Duplicates: *dups, Versions: *versions, Site: *site}
	var err error
	if o.From, err = parseDateFlag("from", *from, false); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if o.To, err = parseDateFlag("to", *to, true); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	db, err := openCorpusFile(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer db.Close()

	if *out == "" {
		if err := export(ctx, db, e.stdout, o); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return nil
	}
	f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, iofs.ErrExist) {
		return fmt.Errorf("export: --out %s already exists; choose a new name", *out)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	err = export(ctx, db, bw, o)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(*out) // no partial file left behind
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// export writes the export o asks for; for Format "json", the rows as one
// JSON array.
func export(ctx context.Context, db *corpus.DB, w io.Writer, o corpus.ExportOptions) error {
	if o.Format != "json" {
		return db.Export(ctx, w, o)
	}
	o.Format = "jsonl"
	arr := &jsonArrayWriter{d: newDocWriter(w, "json")}
	if err := db.Export(ctx, arr, o); err != nil {
		return err
	}
	return arr.close()
}
