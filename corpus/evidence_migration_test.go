package corpus

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tally-news/tally/extract"
)

// TestMigrateEvidenceToOffsets stores, in a corpus of schema 6, a record
// as tally-extract/10 made it (testdata/record-tally-extract-10.json, the
// record of testdata/gold/un-ukraine-anniversary.txt, whose evidence
// copies its text and sentence), opens it, and checks that migration 7
// leaves offsets only, with each sentence's end, from which the text
// gives back what the copies said.
func TestMigrateEvidenceToOffsets(t *testing.T) {
	ctx := context.Background()
	oldJSON, err := os.ReadFile(filepath.Join("testdata", "record-tally-extract-10.json"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join("..", "testdata", "gold", "un-ukraine-anniversary.txt"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "v6.db")
	old, err := open(ctx, path, 6)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		q    string
		args []any
	}{
		{`INSERT INTO pages (id, job, url, site, status, content_type, hash, body, fetched)
		 VALUES (1, 'old', 'https://old.example/a', 'old.example', 200, 'text/html', 'h1', x'', '2025-02-25T10:00:00.000000000Z')`, nil},
		{`INSERT INTO articles (id, page_id, url, title, published, text, date)
		 VALUES (1, 1, 'https://old.example/a', 'A vote', '2025-02-25', ?, '2025-02-25T00:00:00.000000000Z')`, []any{string(text)}},
		{`INSERT INTO records (id, article_id, extractor, json) VALUES (1, 1, 'tally-extract/10', ?)`, []any{string(oldJSON)}},
		{`INSERT INTO records (id, article_id, extractor, json) VALUES (2, 1, 'tally-extract/10', '{"doc":"a","countries":[],"counts":[],"votes":[{"body":"UNGA"}],"stances":[]}')`, nil},
	} {
		if _, err := old.write.Exec(s.q, s.args...); err != nil {
			t.Fatalf("%s: %v", s.q, err)
		}
	}
	old.Close()

	db := mustOpenPath(t, path)
	var got, bare string
	if err := db.read.QueryRow("SELECT json FROM records WHERE id = 1").Scan(&got); err != nil {
		t.Fatal(err)
	}
	if err := db.read.QueryRow("SELECT json FROM records WHERE id = 2").Scan(&bare); err != nil {
		t.Fatal(err)
	}
	if bare != `{"doc":"a","countries":[],"counts":[],"votes":[{"body":"UNGA"}],"stances":[]}` {
		t.Errorf("a record without evidence changed: %s", bare)
	}
	if strings.Contains(got, `"sentence":`) || strings.Contains(got, `"text":`) {
		t.Errorf("migrated record still copies text: %.300s", got)
	}
	if len(got) >= len(oldJSON)/2 {
		t.Errorf("migrated record is %d bytes, from %d; want under half", len(got), len(oldJSON))
	}
	var before, after extract.Record
	if err := json.Unmarshal(oldJSON, &before); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(got), &after); err != nil {
		t.Fatalf("migrated record: %v", err)
	}
	want := evidenceOf(before)
	have := evidenceOf(after)
	if len(have) != len(want) || len(want) == 0 {
		t.Fatalf("%d pieces of evidence after migration, want %d", len(have), len(want))
	}
	for i, w := range want {
		h := have[i]
		if h.Start != w.Start || h.End != w.End || h.SentenceStart != w.SentenceStart ||
			h.SentenceEnd != w.SentenceStart+utf8.RuneCountInString(w.Sentence) {
			t.Errorf("evidence %d: %+v, want offsets of %+v", i, h, w)
		}
	}
	after.Quote(string(text))
	for i, h := range evidenceOf(after) {
		if h.Text != want[i].Text || h.SentenceIn(string(text)) != want[i].Sentence {
			t.Errorf("evidence %d quoted from the text: %q in %q, want %q in %q", i, h.Text, h.Sentence, want[i].Text, want[i].Sentence)
		}
	}
	// Everything else of the record is as it was.
	strip := func(r extract.Record) string {
		for _, ev := range evidenceOf(r) {
			*ev = extract.Evidence{}
		}
		b, _ := json.Marshal(r)
		return string(b)
	}
	if strip(before) != strip(after) {
		t.Errorf("migration changed more than evidence:\n got %s\nwant %s", strip(after), strip(before))
	}
}

// evidenceOf lists every piece of evidence of r, in a fixed order.
func evidenceOf(r extract.Record) []*extract.Evidence {
	var out []*extract.Evidence
	for i := range r.Counts {
		out = append(out, r.Counts[i].Evidence)
	}
	for i := range r.Votes {
		for j := range r.Votes[i].Evidence {
			out = append(out, &r.Votes[i].Evidence[j])
		}
	}
	for i := range r.Stances {
		out = append(out, r.Stances[i].Evidence)
	}
	for i := range r.Mentions {
		out = append(out, &r.Mentions[i].Evidence)
	}
	return out
}
