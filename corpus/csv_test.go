package corpus

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

// TestCSVNeutralisesFormulas stores a page whose title, byline and other
// fields begin like spreadsheet formulas: every CSV export writes them as
// text (a quote before them), while JSONL keeps them as they are.
func TestCSVNeutralisesFormulas(t *testing.T) { forEachBackend(t, testCSVNeutralisesFormulas) }

func testCSVNeutralisesFormulas(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	const title = `=HYPERLINK("http://evil.example","click")`
	d := testDoc(1, "news.example")
	d.Page.Body = append(d.Page.Body, []byte("<!-- "+strings.Repeat("x", 12<<10)+" -->")...)
	d.Article.Title = title
	d.Article.Byline = "+1 555 0100"
	d.Article.Description = "-2+3"
	d.Article.SiteName = "@SUM(A1:A9)"
	d.Article.Reason = "\tindented"
	d.Article.Canonical = "\rreturn"
	d.Record.Votes[0].Motion = "=1+1"
	d.Record.Votes[0].Body = "@UNGA"
	if _, err := db.Save(ctx, d); err != nil {
		t.Fatal(err)
	}
	for _, what := range ExportKinds {
		var buf bytes.Buffer
		if err := db.Export(ctx, &buf, ExportOptions{What: what, Format: "csv"}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, row := range rows[1:] {
			for i, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s column %s: %q would be read as a formula", what, rows[0][i], cell)
				}
			}
		}
		if what == "articles" && !strings.Contains(strings.Join(rows[1], ","), "'"+title) {
			t.Errorf("articles CSV does not hold the title as text: %q", rows[1])
		}
	}
	var buf bytes.Buffer
	if err := db.Export(ctx, &buf, ExportOptions{What: "articles", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	var a ArticleRow
	if err := json.Unmarshal(buf.Bytes(), &a); err != nil || a.Title != title {
		t.Errorf("JSONL title = %q, %v; want it unchanged", a.Title, err)
	}
}
