package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
	"github.com/tally-news/tally/extract/events"
)

// exportCorpus fills a corpus with two articles, an exact copy of the
// first on another site and a page that holds no article.
func exportCorpus(t *testing.T, be backend) *DB {
	t.Helper()
	ctx := context.Background()
	db := be.open(t)
	d1 := testDoc(1, "a.example")
	d1.Article.Text = "The General Assembly adopted the resolution by 93 votes to 18.\nFrance voted in favour; Russia voted against."
	d1.Page.Body = []byte("<html><body><article>The General Assembly adopted the resolution by 93 votes to 18.</article></body></html>")
	d2 := testDoc(2, "b.example")
	d2.Article.Text = "The Commons rejected the bill, 250 to 300.\nA second vote, on the amendment, passed."
	d2.Article.Published = "" // filed under its fetch time
	d2.Page.Body = []byte("<html><body><p>The Commons rejected the bill, 250 to 300.</p></body></html>")
	d2.Record.Votes = append(d2.Record.Votes, extract.Vote{Body: "UK_COMMONS", Outcome: extract.Adopted, Motion: "an amendment, \"quoted\""})
	d2.Record.Stances = nil
	copy1 := testDoc(3, "c.example")
	copy1.Article.Text = strings.ToLower(d1.Article.Text)
	copy1.Article.Title = "Assembly vote (wire copy)"
	copy1.Page.Body = []byte("<html><body><div>the general assembly adopted the resolution by 93 votes to 18.</div></body></html>")
	index := testDoc(4, "a.example")
	index.Page.URL = "https://a.example/"
	index.Page.Body = []byte("<html><body><a href=/news/1>Story 1</a></body></html>")
	index.Article = &clean.Article{URL: "https://a.example/", Title: "Front page", Reason: "no article text"}
	index.Record = nil
	if _, err := db.SaveAll(ctx, []Doc{d1, d2, copy1, index}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportGolden(t *testing.T) { forEachBackend(t, testExportGolden) }

func testExportGolden(t *testing.T, be backend) {
	db := exportCorpus(t, be)
	for _, what := range ExportKinds {
		for _, format := range ExportFormats {
			for _, dups := range []bool{false, true} {
				name := what
				if dups {
					name += "-duplicates"
				}
				name += "." + format
				t.Run(name, func(t *testing.T) {
					var buf bytes.Buffer
					if err := db.Export(context.Background(), &buf, ExportOptions{What: what, Format: format, Duplicates: dups}); err != nil {
						t.Fatal(err)
					}
					checkWellFormed(t, format, buf.Bytes())
					golden := filepath.Join("testdata", "export", name)
					if *update {
						os.MkdirAll(filepath.Dir(golden), 0o755)
						if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
							t.Fatal(err)
						}
					}
					want, err := os.ReadFile(golden)
					if err != nil {
						t.Fatalf("%v (run go test -update to create it)", err)
					}
					if !bytes.Equal(buf.Bytes(), want) {
						t.Errorf("export differs from %s (go test -update rewrites it):\n%s", golden, buf.String())
					}
				})
			}
		}
	}
}

func checkWellFormed(t *testing.T, format string, b []byte) {
	t.Helper()
	switch format {
	case "jsonl":
		for i, line := range bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) {
			if !json.Valid(line) {
				t.Errorf("line %d is not JSON: %s", i+1, line)
			}
		}
	case "csv":
		r := csv.NewReader(bytes.NewReader(b))
		if _, err := r.ReadAll(); err != nil {
			t.Errorf("not CSV: %v", err)
		}
	}
}

func TestExportCounts(t *testing.T) { forEachBackend(t, testExportCounts) }

func testExportCounts(t *testing.T, be backend) {
	db := exportCorpus(t, be)
	lines := func(o ExportOptions) int {
		var buf bytes.Buffer
		if err := db.Export(context.Background(), &buf, o); err != nil {
			t.Fatal(err)
		}
		return bytes.Count(buf.Bytes(), []byte("\n"))
	}
	tests := []struct {
		o    ExportOptions
		want int
	}{
		{ExportOptions{What: "pages", Format: "jsonl"}, 3},
		{ExportOptions{What: "pages", Format: "jsonl", Duplicates: true}, 4},
		{ExportOptions{What: "articles", Format: "jsonl"}, 3},
		{ExportOptions{What: "articles", Format: "jsonl", Duplicates: true}, 4},
		{ExportOptions{What: "records", Format: "jsonl"}, 2},
		{ExportOptions{What: "records", Format: "jsonl", Duplicates: true}, 3},
		// Votes as JSONL: one line per vote; as CSV: a header, then a row
		// per position (2 + 2 for the two votes with positions, 1 for the
		// vote without).
		{ExportOptions{What: "votes", Format: "jsonl"}, 3},
		{ExportOptions{What: "votes", Format: "csv"}, 1 + 5},
		{ExportOptions{What: "votes", Format: "csv", Duplicates: true}, 1 + 5 + 2},
		{ExportOptions{What: "articles", Format: "jsonl", Site: "www.a.example"}, 2},
		{ExportOptions{What: "articles", Format: "jsonl", From: testTime.Add(-90 * time.Minute)}, 3},
		{ExportOptions{What: "articles", Format: "jsonl", From: testTime.Add(-50 * time.Minute), Duplicates: true}, 2},
		{ExportOptions{What: "votes", Format: "jsonl", To: testTime.Add(-30 * time.Minute)}, 1},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.o), func(t *testing.T) {
			if got := lines(tt.o); got != tt.want {
				t.Errorf("%d lines, want %d", got, tt.want)
			}
		})
	}
}

func TestExportBadOptions(t *testing.T) { forEachBackend(t, testExportBadOptions) }

func testExportBadOptions(t *testing.T, be backend) {
	db := be.open(t)
	tests := []struct {
		o    ExportOptions
		want string
	}{
		{ExportOptions{What: "people", Format: "jsonl"}, `unknown kind "people"`},
		{ExportOptions{What: "votes", Format: "xml"}, `unknown format "xml"`},
	}
	for _, tt := range tests {
		err := db.Export(context.Background(), &bytes.Buffer{}, tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Export(%+v) = %v, want %q", tt.o, err, tt.want)
		}
	}
}
