package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tally-news/tally"
	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	site := fs.String("site", "", "folder of the site to serve (default: the site bundled in tally, testdata/site)")
	gold := fs.String("gold", "", "folder of gold files to evaluate against (default: the bundled testdata/gold)")
	dbPath := fs.String("db", "", "corpus file to create (default: a new file in the temporary folder)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	siteFS, siteName := tally.DemoSite(), "the bundled site"
	if *site != "" {
		if st, err := os.Stat(*site); err != nil || !st.IsDir() {
			return fmt.Errorf("demo: site folder %s not found", *site)
		}
		siteFS, siteName = os.DirFS(*site), *site
	}
	if *dbPath != "" {
		if _, err := os.Stat(*dbPath); err == nil {
			return fmt.Errorf("demo: %s already exists; the demo only writes a new corpus", *dbPath)
		}
	}
	dir, err := os.MkdirTemp("", "tally-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if *dbPath == "" {
		*dbPath = filepath.Join(dir, "demo.db")
	} else {
		defer os.Remove(dir) // once empty: the corpus is elsewhere
	}
	goldDir := *gold
	if goldDir == "" {
		// The gold files name their texts by path: write them out.
		goldDir = filepath.Join(dir, "gold")
		defer os.RemoveAll(goldDir)
		if err := os.CopyFS(goldDir, tally.DemoGold()); err != nil {
			return fmt.Errorf("demo: write the bundled gold files: %w", err)
		}
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("demo: listen on 127.0.0.1: %w", err)
	}
	srv := &http.Server{Handler: http.FileServerFS(siteFS), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "Serving %s at %s\nCorpus: %s\n\n", siteName, base, corpus.DisplayName(*dbPath))

	db, err := corpus.Open(ctx, *dbPath)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer db.Close()
	cfg := crawl.DefaultConfig()
	cfg.AllowPrivate = true
	cfg.Delay = 20 * time.Millisecond
	cfg.PerHost = 2
	cfg.MaxDepth = 3
	cfg.RetryBase = 100 * time.Millisecond
	c, err := crawl.New(cfg, db, e.logger)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	p := newPipeline()
	stats, err := c.Run(ctx, "demo", []string{base}, storeHandler(p, db, e.logger))
	printSummary(e.stdout, "demo", stats)
	if err != nil {
		return fmt.Errorf("demo: crawl: %w", err)
	}
	if err := printFindings(ctx, e.stdout, db); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintln(e.stdout, "\nEvents (one per real-world vote, fused across the articles; tally events):")
	if err := writeEvents(ctx, e.stdout, db, corpus.EventFilter{}, "table"); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	rep, err := evaluate(ctx, p, goldDir)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	goldName := *gold
	if goldName == "" {
		goldName = "the bundled gold files"
	}
	fmt.Fprintf(e.stdout, "\nEvaluation against %s:\n\n", goldName)
	return rep.WriteText(e.stdout, false)
}

// printFindings reads the articles and records back from the corpus and
// prints them as tables, by URL: the order in which pages were stored
// changes from run to run with the order their responses came in.
func printFindings(ctx context.Context, w io.Writer, db *corpus.DB) error {
	var arts []corpus.ArticleRow
	if err := exportRows(ctx, db, "articles", &arts); err != nil {
		return err
	}
	var recs []corpus.RecordRow
	if err := exportRows(ctx, db, "records", &recs); err != nil {
		return err
	}
	slices.SortStableFunc(arts, func(a, b corpus.ArticleRow) int { return strings.Compare(a.URL, b.URL) })
	slices.SortStableFunc(recs, func(a, b corpus.RecordRow) int { return strings.Compare(a.URL, b.URL) })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "\nArticles:")
	fmt.Fprintln(tw, "  TITLE\tPUBLISHED\tBYLINE\tCHARS\tURL")
	for _, a := range arts {
		if strings.TrimSpace(a.Text) == "" {
			fmt.Fprintf(tw, "  %s\t-\t-\t0\t%s (no article: %s)\n", clip(a.Title, 50), a.URL, a.Reason)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%s\n", clip(a.Title, 50), orDash(a.Published), orDash(a.Byline), len([]rune(a.Text)), a.URL)
	}
	tw.Flush()

	type named struct {
		url string
		rec extract.Record
	}
	var records []named
	for _, r := range recs {
		var rec extract.Record
		if err := json.Unmarshal(r.Record, &rec); err != nil {
			return fmt.Errorf("record %d: %w", r.ID, err)
		}
		records = append(records, named{r.URL, rec})
	}
	fmt.Fprintln(w, "\nVotes:")
	fmt.Fprintln(tw, "  ARTICLE\tBODY\tOUTCOME\tTALLY\tSPONSORS\tPOSITIONS")
	for _, r := range records {
		for _, v := range r.rec.Votes {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", r.rec.Doc, orDash(v.Body), orDash(v.Outcome), orDash(tallyText(v.Tally)),
				orDash(strings.Join(v.Sponsors, " ")), orDash(positionsText(v.Positions)))
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "\nCountries:")
	for _, r := range records {
		fmt.Fprintf(tw, "  %s\t%s\n", r.rec.Doc, orDash(strings.Join(r.rec.Countries, " ")))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nStances:")
	fmt.Fprintln(tw, "  ARTICLE\tHOLDER\tPOLARITY\tTARGET")
	for _, r := range records {
		for _, s := range r.rec.Stances {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r.rec.Doc, s.Holder, s.Polarity, s.Target)
		}
	}
	return tw.Flush()
}

// exportRows reads one kind of export into rows.
func exportRows[T any](ctx context.Context, db *corpus.DB, what string, rows *[]T) error {
	var buf bytes.Buffer
	if err := db.Export(ctx, &buf, corpus.ExportOptions{What: what, Format: "jsonl"}); err != nil {
		return err
	}
	dec := json.NewDecoder(&buf)
	for {
		var row T
		err := dec.Decode(&row)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read %s export: %w", what, err)
		}
		*rows = append(*rows, row)
	}
	return nil
}

// clip shortens s to n characters.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
