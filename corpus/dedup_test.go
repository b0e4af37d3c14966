package corpus

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract"
)

// nearCopy is the page of site number i whose article is the story text
// of words ws with the word at position i%100+5 changed (about 0.95 alike
// the story), and whose record states the story's vote on a motion of its
// own, "draft resolution <motion>".
func nearCopy(ws []string, i, motion int) Doc {
	changed := append([]string(nil), ws...)
	changed[5+i%100] = fmt.Sprintf("upd%d", i)
	d := storyDoc(fmt.Sprintf("https://site%d.example/story", i), paragraphs(changed), 13, extract.Abstain, testTime.Add(time.Duration(i)*time.Minute))
	d.Record.Votes[0].Motion = fmt.Sprintf("draft resolution %d", motion)
	return d
}

// TestManyNearCopies stores a story and many more versions of it, each a
// near copy with facts of its own, than story_bands names under a band,
// then checks that new copies are still told apart as a user relies on:
// the same facts as one version far down the list make a duplicate of
// that version, its exact text one of it whatever the facts, new facts a
// new version of the story, and another text a new story.
func TestManyNearCopies(t *testing.T) { forEachBackend(t, testManyNearCopies) }

func testManyNearCopies(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	ws := words(41, 120)
	first, err := db.Save(ctx, storyDoc("https://news.example/story", paragraphs(ws), 13, extract.Abstain, testTime))
	if err != nil {
		t.Fatal(err)
	}
	const versions = 5 * storyBandCap * 4
	docs := make([]Doc, versions)
	for i := range docs {
		docs[i] = nearCopy(ws, i+1, i+1)
	}
	saved, err := db.SaveAll(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range saved {
		if s.ArticleID == 0 || s.DuplicateOf != 0 || s.VersionOf != first.ArticleID {
			t.Fatalf("near copy %d with facts of its own: %+v, want a new version of story %d", i+1, s, first.ArticleID)
		}
	}
	var most int
	if err := db.read.QueryRow("SELECT max(n) FROM (SELECT count(*) AS n FROM story_bands GROUP BY key, story_id) AS t").Scan(&most); err != nil {
		t.Fatal(err)
	}
	if most > storyBandCap {
		t.Errorf("story_bands names %d articles of one story under a band, want at most %d", most, storyBandCap)
	}

	late := versions - 3 // a version stored long after the story's bands were full
	exact := nearCopy(ws, late, 9999)
	exact.Page.URL = "https://mirror.example/story"
	exact.Page.FinalURL, exact.Article.URL = exact.Page.URL, exact.Page.URL
	same := nearCopy(ws, late, late)
	same.Article.Text = strings.Replace(same.Article.Text, ws[60], "changed", 1)
	same.Page.URL = "https://copy.example/story"
	other := storyDoc("https://other.example/story", paragraphs(words(42, 120)), 13, extract.Abstain, testTime)
	for _, tt := range []struct {
		name string
		doc  Doc
		want Saved
	}{
		{"near copy with the facts of a late version", same, Saved{DuplicateOf: saved[late-1].ArticleID}},
		{"exact copy of a late version, other facts", exact, Saved{DuplicateOf: saved[late-1].ArticleID}},
		{"near copy with new facts", nearCopy(ws, versions+1, versions+1), Saved{VersionOf: first.ArticleID}},
		{"another story", other, Saved{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := db.Save(ctx, tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			if s.DuplicateOf != tt.want.DuplicateOf || s.VersionOf != tt.want.VersionOf || (s.DuplicateOf == 0) != (s.ArticleID != 0) {
				t.Errorf("Save = %+v, want duplicate of %d, version of %d", s, tt.want.DuplicateOf, tt.want.VersionOf)
			}
		})
	}
}

// TestManyStoriesShareBands stores many stories made from one template (a
// common part and a part of their own as long, about 0.5 alike each other:
// not versions of each other, but sharing bands), as a site of generated
// reports does. A new article is compared with at most
// lshBands*storyBandScan of them, though story_bands names more under its
// bands, and a near copy of the story stored last with new facts is still
// a version of it.
func TestManyStoriesShareBands(t *testing.T) { forEachBackend(t, testManyStoriesShareBands) }

func testManyStoriesShareBands(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	common := words(7, 80)
	text := func(i int) []string { return append(append([]string(nil), common...), words(uint64(1000+i), 40)...) }
	const stories = 500
	docs := make([]Doc, stories)
	for i := range docs {
		docs[i] = storyDoc(fmt.Sprintf("https://reports.example/%d", i), paragraphs(text(i)), i%14, extract.Abstain, testTime)
		docs[i].Record.Votes[0].Motion = fmt.Sprintf("report %d", i)
	}
	saved, err := db.SaveAll(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}

	probe := text(stories)
	keys := bandKeys(fingerprintOf(paragraphs(probe)).sig)
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	var named, compared int
	if err := db.read.QueryRow("SELECT count(DISTINCT article_id) FROM story_bands WHERE key IN "+bandList, args...).Scan(&named); err != nil {
		t.Fatal(err)
	}
	if err := db.read.QueryRow("SELECT count(*) FROM ("+storyQuery+") AS c", args...).Scan(&compared); err != nil {
		t.Fatal(err)
	}
	if named <= lshBands*storyBandScan {
		t.Fatalf("story_bands names %d articles under the bands, want more than %d for the test to mean anything", named, lshBands*storyBandScan)
	}
	if compared > lshBands*storyBandScan {
		t.Errorf("a look-up compares %d articles, want at most %d", compared, lshBands*storyBandScan)
	}

	last := saved[stories-1]
	update := text(stories - 1)
	update[90] = "corrected"
	s, err := db.Save(ctx, storyDoc("https://reports.example/update", paragraphs(update), 13, extract.Yes, testTime))
	if err != nil {
		t.Fatal(err)
	}
	story := last.ArticleID
	if last.VersionOf != 0 {
		story = last.VersionOf
	}
	if s.ArticleID == 0 || s.VersionOf != story {
		t.Errorf("near copy of the last story with new facts: %+v, want a new version of story %d", s, story)
	}
}
