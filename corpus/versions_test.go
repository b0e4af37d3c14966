package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
)

// storyDoc is a page of about 20 KB at url whose article is text, with a
// record of one Security Council vote of yes votes in favour and China's
// position china.
func storyDoc(url, text string, yes int, china string, fetched time.Time) Doc {
	d := testDoc(1, "news.example")
	d.Page.URL, d.Page.FinalURL, d.Article.URL = url, url, url
	d.Page.Fetched = fetched
	d.Page.Body = []byte("<html><head><title>Council vote</title></head><body><nav>" +
		strings.Repeat("<a href=/section>Section</a> ", 200) + "</nav><article><p>" +
		strings.ReplaceAll(text, "\n", "</p><p>") + "</p></article></body></html>")
	d.Article.Title = "Council vote"
	d.Article.Published = "2025-11-20T21:05:00Z"
	d.Article.Text = text
	d.Record = &extract.Record{
		Doc:       "story",
		Countries: []string{"CHN", "GBR", "RUS", "SDN"},
		Votes: []extract.Vote{{
			Body: "UNSC", Motion: "a draft resolution", Outcome: extract.Vetoed,
			Tally:     extract.Tally{Yes: intp(yes), No: intp(15 - yes - 1)},
			Positions: map[string]string{"RUS": extract.No, "CHN": china},
		}},
		Extractor: "test-1",
	}
	return d
}

func TestUpdatedStoryIsNewVersion(t *testing.T) { forEachBackend(t, testUpdatedStoryIsNewVersion) }

func testUpdatedStoryIsNewVersion(t *testing.T, be backend) {
	base := paragraphs(words(31, 1500))
	// One sentence changed, as a wire service's update does.
	updated := strings.Replace(base, ".", ". Twelve members voted in favour, with Russia and China voting against.", 1)
	if len(storyDoc("u", base, 13, "", time.Time{}).Page.Body) < 10<<10 {
		t.Fatal("the test page is smaller than 10 KB")
	}
	for _, tt := range []struct{ name, firstURL, updateURL string }{
		{"same URL", "https://news.example/sudan", "https://news.example/sudan"},
		{"new URL", "https://news.example/sudan", "https://news.example/sudan-updated"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := be.open(t)
			first, err := db.Save(ctx, storyDoc(tt.firstURL, base, 13, extract.Abstain, testTime))
			if err != nil {
				t.Fatal(err)
			}
			// Another site's copy with the same facts stays a duplicate.
			copyDoc := storyDoc("https://other.example/sudan", strings.Replace(base, " ", " wire ", 1), 13, extract.Abstain, testTime.Add(time.Minute))
			if s, err := db.Save(ctx, copyDoc); err != nil || s.DuplicateOf != first.ArticleID {
				t.Fatalf("copy with the same facts: %+v, %v; want a duplicate of %d", s, err, first.ArticleID)
			}
			upd, err := db.Save(ctx, storyDoc(tt.updateURL, updated, 12, extract.No, testTime.Add(time.Hour)))
			if err != nil {
				t.Fatal(err)
			}
			if upd.DuplicateOf != 0 || upd.ArticleID == 0 || upd.RecordID == 0 || upd.VersionOf != first.ArticleID {
				t.Fatalf("updated story: Save = %+v, want a new article and record, version of %d", upd, first.ArticleID)
			}
			votes := func(o ExportOptions) []VoteRow {
				t.Helper()
				o.What, o.Format = "votes", "jsonl"
				var buf bytes.Buffer
				if err := db.Export(ctx, &buf, o); err != nil {
					t.Fatal(err)
				}
				var out []VoteRow
				for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
					var v VoteRow
					if err := json.Unmarshal([]byte(line), &v); err != nil {
						t.Fatal(err)
					}
					out = append(out, v)
				}
				return out
			}
			describe := func(vs []VoteRow) string {
				var parts []string
				for _, v := range vs {
					parts = append(parts, fmt.Sprintf("%s yes=%d china=%s story=%d v%d dup=%d",
						v.URL, *v.Yes, v.Positions["CHN"], v.StoryID, v.Version, v.DuplicateOf))
				}
				return strings.Join(parts, "; ")
			}
			newest := fmt.Sprintf("%s yes=12 china=no story=%d v2 dup=0", tt.updateURL, first.ArticleID)
			if got := describe(votes(ExportOptions{})); got != newest {
				t.Errorf("default export:\n got %s\nwant %s", got, newest)
			}
			if got, want := describe(votes(ExportOptions{Duplicates: true})), newest; got != want {
				t.Errorf("export with duplicates (the copy of the old version is left out):\n got %s\nwant %s", got, want)
			}
			all := fmt.Sprintf("%s yes=13 china=abstain story=%d v1 dup=0; %s; https://other.example/sudan yes=13 china=abstain story=%[2]d v1 dup=%[2]d",
				tt.firstURL, first.ArticleID, newest)
			if got := describe(votes(ExportOptions{Versions: true, Duplicates: true})); got != all {
				t.Errorf("export of every version:\n got %s\nwant %s", got, all)
			}
		})
	}
}

// TestOlderVersionStoredLater stores an update before the story it
// updates, as importing archives out of order does: the newest version is
// still the one revised last.
func TestOlderVersionStoredLater(t *testing.T) { forEachBackend(t, testOlderVersionStoredLater) }

func testOlderVersionStoredLater(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	base := paragraphs(words(32, 1500))
	newer := storyDoc("https://news.example/a", strings.Replace(base, " ", " corrected ", 1), 12, extract.No, testTime.Add(time.Hour))
	newer.Article.Modified = "2025-11-21T08:00:00Z"
	if _, err := db.Save(ctx, newer); err != nil {
		t.Fatal(err)
	}
	older, err := db.Save(ctx, storyDoc("https://news.example/a", base, 13, extract.Abstain, testTime))
	if err != nil || older.VersionOf == 0 {
		t.Fatalf("older version: %+v, %v", older, err)
	}
	var buf bytes.Buffer
	if err := db.Export(ctx, &buf, ExportOptions{What: "votes", Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); !strings.Contains(got, "vetoed,12,2,,,CHN,no,,1,2\n") || strings.Contains(got, "vetoed,13") {
		t.Errorf("default export should hold the version revised last (12 yes), numbered 2:\n%s", got)
	}
}

// TestMigrateToVersions builds a corpus at schema version 3, with a story,
// its near duplicate stored before facts were compared and an exact copy,
// then opens it with this tally.
func TestMigrateToVersions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3.db")
	old, err := open(ctx, path, 3)
	if err != nil {
		t.Fatal(err)
	}
	text := paragraphs(words(33, 300))
	fp := fingerprintOf(text)
	body := compress([]byte("<html><body><article><p>" + text + "</p></article></body></html>"))
	tx, err := old.write.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i, url := range []string{"https://a.example/1", "https://b.example/1", "https://c.example/1"} {
		if _, err := tx.Exec(`INSERT INTO pages (id, job, url, site, hash, body, fetched) VALUES (?, 'old', ?, 'x', ?, ?, ?)`,
			i+1, url, fmt.Sprint("h", i), body, formatTime(testTime)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Exec(`INSERT INTO articles (id, page_id, url, title, text, date, text_hash, minhash)
		VALUES (1, 1, 'https://a.example/1', 'Council vote', ?, ?, ?, ?)`, text, formatTime(testTime), fp.hash, encodeSig(fp.sig)); err != nil {
		t.Fatal(err)
	}
	for _, k := range bandKeys(fp.sig) { // the band index of schema version 3
		if _, err := tx.Exec("INSERT INTO minhash_bands (key, article_id) VALUES (?, 1)", k); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Exec(`INSERT INTO records (id, article_id, extractor, json) VALUES (1, 1, 'test-1', '{"doc":"a","countries":["CHN"],"counts":[],"votes":[],"stances":[]}')`); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`INSERT INTO duplicates (page_id, article_id, kind, similarity, url, extractor) VALUES (2, 1, 'near', 0.8, 'https://b.example/1', 'test-1')`,
		`INSERT INTO duplicates (page_id, article_id, kind, similarity, url, extractor) VALUES (3, 1, 'exact', 1, 'https://c.example/1', 'test-1')`,
	} {
		if _, err := tx.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	old.Close()

	db := mustOpenPath(t, path)
	var story int64
	var revised string
	if err := db.read.QueryRow("SELECT story_id, revised FROM articles WHERE id = 1").Scan(&story, &revised); err != nil {
		t.Fatal(err)
	}
	if story != 1 || revised != formatTime(testTime) {
		t.Errorf("migrated article: story_id %d, revised %q; want 1, its date", story, revised)
	}
	var facts string
	if err := db.read.QueryRow("SELECT facts_key FROM articles WHERE id = 1").Scan(&facts); err != nil {
		t.Fatal(err)
	}
	if want := factsKey(&extract.Record{Countries: []string{"CHN"}}); facts != want {
		t.Errorf("migrated article: facts_key %q, want %q (its record's)", facts, want)
	}
	for table, want := range map[string]int{"pages": 3, "articles": 1, "records": 1, "duplicates": 2, "minhash_bands": lshBands, "story_bands": lshBands} {
		if got := count(t, db, table); got != want {
			t.Errorf("%s: %d rows, want %d", table, got, want)
		}
	}
	// The near duplicate, linked for its words alone, is due for
	// re-extraction; the exact copy is not.
	var due []string
	if err := db.Pages(ctx, PageFilter{NotExtractor: "test-1"}, func(p crawl.Page, id int64) error {
		due = append(due, p.URL)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(due, " ") != "https://b.example/1" {
		t.Errorf("pages due for re-extraction: %v, want the near duplicate only", due)
	}
	// Re-extracted with other facts, it becomes a version of the story.
	a := storyDoc("https://b.example/1", strings.Replace(text, " ", " again ", 1), 12, extract.No, testTime).Article
	r := &extract.Record{Doc: "b", Countries: []string{"CHN", "RUS"}, Extractor: "test-1"}
	if err := db.Replace(ctx, 2, a, r); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.read.QueryRow("SELECT count(*) FROM articles WHERE story_id = 1 AND page_id = 2").Scan(&n); err != nil || n != 1 {
		t.Errorf("re-extracted near duplicate: %d versions of story 1 on page 2, %v; want 1", n, err)
	}
}
