package corpus

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
)

func TestCopies(t *testing.T) { forEachBackend(t, testCopies) }

func testCopies(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	base := paragraphs(words(31, 1500))
	updated := strings.Replace(base, ".", ". Twelve members voted in favour, with Russia and China voting against.", 1)
	first, err := db.Save(ctx, storyDoc("https://news.example/sudan", base, 13, extract.Abstain, testTime))
	if err != nil {
		t.Fatal(err)
	}
	dup, err := db.Save(ctx, storyDoc("https://other.example/sudan", strings.Replace(base, " ", " wire ", 1), 13, extract.Abstain, testTime.Add(time.Minute)))
	if err != nil || dup.DuplicateOf != first.ArticleID {
		t.Fatalf("copy: %+v, %v; want a duplicate of %d", dup, err, first.ArticleID)
	}
	upd, err := db.Save(ctx, storyDoc("https://news.example/sudan-updated", updated, 12, extract.No, testTime.Add(time.Hour)))
	if err != nil || upd.VersionOf != first.ArticleID {
		t.Fatalf("update: %+v, %v; want a version of %d", upd, err, first.ArticleID)
	}
	c, err := db.Copies(ctx, first.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Duplicates) != 1 || c.DuplicateCount != 1 {
		t.Fatalf("duplicates %+v (count %d), want the other site's copy", c.Duplicates, c.DuplicateCount)
	}
	if d := c.Duplicates[0]; d.URL != "https://other.example/sudan" || d.Site != "other.example" || d.Kind != "near" || d.Similarity <= 0.5 || d.Date.IsZero() {
		t.Errorf("duplicate %+v: want the near copy on other.example", d)
	}
	if len(c.Versions) != 1 || c.VersionCount != 1 || c.Versions[0].ID != upd.ArticleID || !c.Versions[0].Latest {
		t.Errorf("versions %+v (count %d), want the update, latest", c.Versions, c.VersionCount)
	}
	// From the update, the first version is the other one, not the latest;
	// the duplicate belongs to the first.
	c, err = db.Copies(ctx, upd.ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Duplicates) != 0 || len(c.Versions) != 1 || c.Versions[0].ID != first.ArticleID || c.Versions[0].Latest {
		t.Errorf("copies of the update: %+v, want the first version only", c)
	}
	if c, err := db.Copies(ctx, 9999); err != nil || len(c.Duplicates)+len(c.Versions) != 0 {
		t.Errorf("copies of no article: %+v, %v", c, err)
	}
}
