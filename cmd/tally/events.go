package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract/events"
	"github.com/tally-news/tally/extract/events/eval"
)

func runEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	dbPath := fs.db()
	format := fs.format("table", "json", "jsonl", "csv")
	body := fs.String("body", "", "only events of this body (UNGA, UNSC, UK_COMMONS...)")
	from := fs.String("from", "", "only events on or after this day (YYYY-MM-DD)")
	to := fs.String("to", "", "only events up to this day, inclusive (YYYY-MM-DD)")
	country := fs.String("country", "", "only events where this country (ISO alpha-3 code, e.g. FRA) has a position or is a sponsor")
	minArticles := fs.Int("min-articles", 1, "only events that at least this many articles report")
	rebuild := fs.Bool("rebuild", false, "build every event again instead of refreshing those that changed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.usageErrorf("events: unexpected argument %q", fs.Arg(0))
	}
	if *minArticles < 1 {
		return e.usageErrorf("events: --min-articles %d: want 1 or more", *minArticles)
	}
	f := corpus.EventFilter{Body: *body, Country: *country, MinArticles: *minArticles}
	var err error
	if f.From, err = parseDateFlag("from", *from, false); err != nil {
		return e.usageErrorf("events: %w", err)
	}
	if f.To, err = parseDateFlag("to", *to, true); err != nil {
		return e.usageErrorf("events: %w", err)
	}
	db, err := openExisting(ctx, *dbPath, corpus.OpenExisting)
	readOnly := errors.Is(err, corpus.ErrReadOnly) && !*rebuild
	if readOnly {
		// A corpus this user may only read: its events as last refreshed.
		db, err = openCorpusFile(ctx, *dbPath)
	}
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer db.Close()
	// What was refreshed goes to stderr, as a note beside the events, and
	// not at all with --quiet.
	note := e.stderr
	if e.quiet {
		note = io.Discard
	}
	if readOnly {
		fmt.Fprintln(note, "events: the corpus is read-only: these are its events as last refreshed")
	} else {
		u, err := db.RefreshEvents(ctx, events.DefaultConfig(), *rebuild)
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		fmt.Fprintln(note, eventsSummary(u))
	}
	if err := writeEvents(ctx, e.stdout, db, f, format.value); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}

// eventsSummary says in one line what a refresh of the events did.
func eventsSummary(u corpus.EventsUpdate) string {
	how := "refreshed"
	if u.Rebuilt {
		how = "rebuilt"
	}
	if !u.Rebuilt && u.Changed == 0 {
		return fmt.Sprintf("events: up to date, %d in all", u.Total)
	}
	s := fmt.Sprintf("events: %s from %d changed %s: %d written, %d removed, %d in all", how, u.Changed,
		plural(u.Changed, "article", "articles"), u.Stored, u.Removed, u.Total)
	if u.Skipped > 0 {
		s += fmt.Sprintf(" (%d votes without a body or date left out)", u.Skipped)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// refreshEventsAfter brings the events up to date at the end of a command
// that stored or replaced articles, and says so in one line on w. The
// refresh costs one indexed pass over the articles and work in proportion
// to what changed, so the commands that change articles keep events
// current themselves.
func refreshEventsAfter(ctx context.Context, w io.Writer, db *corpus.DB) error {
	u, err := db.RefreshEvents(ctx, events.DefaultConfig(), false)
	if err != nil {
		return fmt.Errorf("the articles are stored, but %w (run 'tally events' to try again)", err)
	}
	fmt.Fprintln(w, eventsSummary(u))
	return nil
}

// eventsNotRefreshed is what an interrupted command says of the events.
const eventsNotRefreshed = "events not refreshed: interrupted (run 'tally events' to refresh them)"

// writeEvents writes the events f chooses in format: a table, or as
// tally export --what events writes them, one JSON array, JSON Lines or
// CSV.
func writeEvents(ctx context.Context, w io.Writer, db *corpus.DB, f corpus.EventFilter, format string) error {
	if format != "table" {
		return export(ctx, db, w, corpus.ExportOptions{What: "events", Format: format, From: f.From, To: f.To, Events: f})
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tBODY\tOUTCOME\tTALLY\tARTICLES\tCONFLICTS\tMOTION")
	n := 0
	err := db.Events(ctx, f, func(ev corpus.StoredEvent) error {
		n++
		_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", ev.Date, ev.Body, orDash(ev.Outcome), orDash(shortTally(ev.Tally.Yes, ev.Tally.No, ev.Tally.Abstain)),
			len(ev.Articles), conflicts(&ev.Event), orDash(clip(ev.Motion, 60)))
		return err
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%d %s\n", n, plural(n, "event", "events"))
	return err
}

// shortTally writes a tally as yes-no-abstain, "_" for a side no article
// states.
func shortTally(sides ...*int) string {
	var parts []string
	stated := false
	for _, p := range sides {
		if p == nil {
			parts = append(parts, "_")
			continue
		}
		stated = true
		parts = append(parts, strconv.Itoa(*p))
	}
	if !stated {
		return ""
	}
	return strings.Join(parts, "-")
}

// conflicts counts the facts of an event its articles disagree on.
func conflicts(ev *events.Event) int {
	n := 0
	for _, s := range ev.Support {
		if len(s.Conflicts) > 0 {
			n++
		}
	}
	return n
}

func runEvalEvents(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	format := fs.format("text", "json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return e.usageErrorf("eval-events: give one folder in the events gold format")
	}
	dir := fs.Arg(0)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("eval-events: %s is not a folder", dir)
	}
	g, err := eval.LoadGold(os.DirFS(dir))
	if err != nil {
		return fmt.Errorf("eval-events: %s: %w", dir, err)
	}
	x := newPipeline().extractor
	var reports []events.Report
	for _, a := range g.Articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec := x.Extract(ctx, a.Name, a.Text)
		reports = append(reports, events.Reports(a.Article, rec)...)
	}
	evs, _ := events.Build(events.DefaultConfig(), reports)
	rep := eval.Score(g, reports, evs)
	if format.value == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(e.stdout, "%s: %d articles\n", dir, len(g.Articles))
	return rep.WriteText(e.stdout)
}
