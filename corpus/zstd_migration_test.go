package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"

	"github.com/tally-news/tally/crawl"
)

// TestMigratePagesToZstd stores, in a corpus of schema 13, page bodies as
// tally stored them before (gzip), one already in zstd and one empty body
// of neither kind, opens it, and checks that migration 14 leaves every
// gzip body in zstd, the others as they were, and that the pages read
// back (re-extraction's Pages, export) as the bytes fetched.
func TestMigratePagesToZstd(t *testing.T) {
	forEachBackend(t, testMigratePagesToZstd)
}

func testMigratePagesToZstd(t *testing.T, be backend) {
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
		if _, err := old.write.Exec(`INSERT INTO pages (id, job, url, site, status, content_type, hash, body, fetched)
			VALUES (?, 'old', ?, 'old.example', 200, 'text/html', ?, ?, '2025-02-25T10:00:00.000000000Z')`,
			id, "https://old.example/"+itoa(id), "h"+itoa(id), stored[id]); err != nil {
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
