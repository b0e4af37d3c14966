package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/events"
)

// TestVoteDates checks that each stored vote carries the day it took
// place, read from its text against the article's date, in the stored
// record and in the votes export: a day the text names, and a year for a
// vote the story recalls.
func TestVoteDates(t *testing.T) { forEachBackend(t, testVoteDates) }

func testVoteDates(t *testing.T, be backend) {
	db := be.open(t)
	ctx := context.Background()
	d := testDoc(1, "a.example")
	d.Article.Published = "2024-03-01T09:00:00Z"
	d.Article.Text = "On 27 February the Security Council adopted the resolution by 13 votes to 2.\n\n" +
		"Last year the General Assembly adopted a similar text by 120 votes to 14."
	rec := extract.New().Extract(ctx, "doc-1", d.Article.Text)
	d.Record = &rec
	if len(rec.Votes) != 2 {
		t.Fatalf("extracted %d votes, want 2: %+v", len(rec.Votes), rec.Votes)
	}
	if _, err := db.Save(ctx, d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"UNSC": "2024-02-27", "UNGA": "2023"}
	a, err := db.ArticleByURL(ctx, d.Page.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range a.Record.Votes {
		if v.Date != want[v.Body] {
			t.Errorf("stored %s vote dated %q, want %q", v.Body, v.Date, want[v.Body])
		}
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), false); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := db.Export(ctx, &buf, ExportOptions{What: "votes", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for dec := json.NewDecoder(&buf); dec.More(); n++ {
		var v VoteRow
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		if v.VoteDate != want[v.Body] {
			t.Errorf("exported %s vote dated %q, want %q", v.Body, v.VoteDate, want[v.Body])
		}
	}
	if n != 2 {
		t.Errorf("exported %d votes, want 2", n)
	}
}
