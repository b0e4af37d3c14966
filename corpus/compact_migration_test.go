package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
)

// TestMigrateCompactStorage stores, in a corpus of schema 13, page bodies
// as tally stored them before (gzip), one already in zstd and one empty
// body of neither kind, and an article with its bands as that schema
// indexed them, opens it, and checks that migration 15 leaves every gzip
// body in zstd, the others as they were, that the pages read back
// (re-extraction's Pages, export) as the bytes fetched, and that a near
// copy of the article is still told a duplicate when its facts are the
// same and a new version when they differ.
func TestMigrateCompactStorage(t *testing.T) {
	forEachBackend(t, testMigrateCompactStorage)
}

func testMigrateCompactStorage(t *testing.T, be backend) {
	ctx := context.Background()
	html := map[int64]string{
		1: "<html><body><article><p>The council adopted the text by 12 votes to 3. " + paragraphs(words(7, 20000)) + "</p></article></body></html>",
		2: "<html><body><p>Zstandard before the migration.</p></body></html>",
		3: "",
	}
	gz := func(s string) []byte {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed) // as tally stored bodies
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	stored := map[int64][]byte{1: gz(html[1]), 2: compress([]byte(html[2])), 3: {}}
	path := be.location(t)
	old, err := open(ctx, path, 13)
	if err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 3; id++ {
		// Ids are given by the database, 1 to 3, so that it gives the
		// next ones after them.
		if _, err := old.write.Exec(`INSERT INTO pages (job, url, site, status, content_type, hash, body, fetched)
			VALUES ('old', ?, 'old.example', 200, 'text/html', ?, ?, '2025-02-25T10:00:00.000000000Z')`,
			"https://old.example/"+itoa(id), "h"+itoa(id), stored[id]); err != nil {
			t.Fatal(err)
		}
	}
	ws := words(41, 120)
	story := storyDoc("https://old.example/1", paragraphs(ws), 13, extract.Abstain, testTime)
	fp, facts := fingerprintOf(story.Article.Text), factsKey(story.Record)
	if _, err := old.write.Exec(`INSERT INTO articles (page_id, url, title, text, date, text_hash, minhash, story_id, revised, facts_key)
		VALUES (1, 'https://old.example/1', 'Council vote', ?, ?, ?, ?, 1, ?, ?)`,
		story.Article.Text, formatTime(testTime), fp.hash, encodeSig(fp.sig), formatTime(testTime), facts); err != nil {
		t.Fatal(err)
	}
	for _, k := range bandKeys(fp.sig) { // the band indexes of schema version 13
		if _, err := old.write.Exec("INSERT INTO minhash_bands (key, facts_key, article_id) VALUES (?, ?, 1)", k, facts); err != nil {
			t.Fatal(err)
		}
		if _, err := old.write.Exec("INSERT INTO story_bands (key, story_id, article_id) VALUES (?, 1, 1)", k); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	db := mustOpenPath(t, path)
	for id := int64(1); id <= 3; id++ {
		var body []byte
		if err := db.read.QueryRow("SELECT body FROM pages WHERE id = ?", id).Scan(&body); err != nil {
			t.Fatal(err)
		}
		switch id {
		case 1:
			if !bytes.HasPrefix(body, zstdMagic) || len(body) >= len(stored[1]) {
				t.Errorf("page 1: %d bytes starting % x after the migration, want zstd smaller than the %d bytes of gzip", len(body), body[:min(4, len(body))], len(stored[1]))
			}
		default:
			if !bytes.Equal(body, stored[id]) {
				t.Errorf("page %d: body changed by the migration: % x, want % x", id, body, stored[id])
			}
		}
	}
	if _, err := db.write.Exec("DELETE FROM pages WHERE id = 3"); err != nil {
		t.Fatal(err)
	}
	got := map[int64]string{}
	err = db.Pages(ctx, PageFilter{}, func(p crawl.Page, id int64) error {
		got[id] = string(p.Body)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 2; id++ {
		if got[id] != html[id] {
			t.Errorf("page %d reads back as %.40q, want %.40q", id, got[id], html[id])
		}
	}
	var out bytes.Buffer
	if err := db.Export(ctx, &out, ExportOptions{What: "pages", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "The council adopted the text by 12 votes to 3.") || !strings.Contains(out.String(), "Zstandard before the migration.") {
		t.Errorf("export of the migrated pages lacks their bodies:\n%.300s", out.String())
	}
	if got := count(t, db, "minhash_bands"); got != lshBands {
		t.Errorf("minhash_bands: %d rows after the migration, want %d", got, lshBands)
	}
	changed := append([]string(nil), ws...)
	changed[7] = "amended"
	same := storyDoc("https://copy.example/1", paragraphs(changed), 13, extract.Abstain, testTime)
	if s, err := db.Save(ctx, same); err != nil || s.DuplicateOf != 1 {
		t.Errorf("near copy with the same facts: %+v, %v; want a duplicate of article 1", s, err)
	}
	other := storyDoc("https://update.example/1", paragraphs(changed), 12, extract.Abstain, testTime)
	if s, err := db.Save(ctx, other); err != nil || s.VersionOf != 1 {
		t.Errorf("near copy with other facts: %+v, %v; want a version of story 1", s, err)
	}
	if be == sqliteBackend {
		// The recompressed body freed pages of the file, which the
		// migration gave back.
		var free int
		if err := db.read.QueryRow("PRAGMA freelist_count").Scan(&free); err != nil {
			t.Fatal(err)
		}
		if free > 1 {
			t.Errorf("%d free pages in the file after the migration, want it compacted", free)
		}
	}
}
