package corpus

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

func TestArticleLookups(t *testing.T) { forEachBackend(t, testArticleLookups) }

func testArticleLookups(t *testing.T, be backend) {
	ctx := context.Background()
	db := exportCorpus(t, be) // article 1, article 2, a copy of 1 on c.example, a front page
	tests := []struct {
		name    string
		get     func() (StoredArticle, error)
		wantID  int64
		wantErr error
	}{
		{"by id", func() (StoredArticle, error) { return db.Article(ctx, 2) }, 2, nil},
		{"by article URL", func() (StoredArticle, error) { return db.ArticleByURL(ctx, "https://a.example/news/1") }, 1, nil},
		{"a duplicate's URL gives the first copy", func() (StoredArticle, error) { return db.ArticleByURL(ctx, "https://c.example/news/3") }, 1, nil},
		{"unknown id", func() (StoredArticle, error) { return db.Article(ctx, 99) }, 0, ErrNotFound},
		{"unknown URL", func() (StoredArticle, error) { return db.ArticleByURL(ctx, "https://x.example/") }, 0, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.get()
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if got.ID != tt.wantID {
				t.Errorf("article %d, want %d", got.ID, tt.wantID)
			}
		})
	}
	a, err := db.Article(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := testDoc(1, "a.example")
	// The stored votes carry the day they took place: the article's,
	// since its text names no other.
	for i := range want.Record.Votes {
		want.Record.Votes[i].Date = "2024-02-23"
	}
	if a.Site != "a.example" || a.Article.Title != want.Article.Title || a.Date.IsZero() || a.Record == nil ||
		!reflect.DeepEqual(a.Record.Votes, want.Record.Votes) {
		t.Errorf("Article(1) = %+v", a)
	}
	if front, err := db.ArticleByURL(ctx, "https://a.example/"); err != nil || front.Record != nil || front.Article.Reason == "" {
		t.Errorf("front page: %+v, %v", front, err)
	}
}
