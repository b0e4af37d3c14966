package corpus

import (
	"context"
	"errors"
	"testing"
)

// TestStorage stores pages whose bodies do not compress much and checks
// that Storage finds the corpus at least as big as they are, with the
// pages table first and the parts adding up to the whole; on SQLite
// built without dbstat, that it says so and gives the whole.
func TestStorage(t *testing.T) { forEachBackend(t, testStorage) }

func testStorage(t *testing.T, be backend) {
	ctx := context.Background()
	db := be.open(t)
	docs := benchDocs(0, 20, nil)
	var bodies int64
	for i := range docs {
		docs[i].Page.Body = []byte("<html><body><p>" + paragraphs(words(uint64(i+1), 8000)) + "</p></body></html>")
		bodies += int64(len(compress(docs[i].Page.Body)))
	}
	if _, err := db.SaveAll(ctx, docs); err != nil {
		t.Fatal(err)
	}
	s, err := db.Storage(ctx)
	if errors.Is(err, ErrNoSizes) && be == sqliteBackend {
		if s.Bytes < bodies || len(s.Parts) != 0 {
			t.Errorf("without dbstat: %d bytes in %d parts, want at least the %d bytes of the bodies and no parts", s.Bytes, len(s.Parts), bodies)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if s.Bytes < bodies {
		t.Errorf("corpus of %d bytes, want at least the %d bytes of the compressed bodies", s.Bytes, bodies)
	}
	if len(s.Parts) == 0 || s.Parts[0].Table != "pages" || s.Parts[0].Bytes < bodies {
		t.Fatalf("biggest part %+v, want the pages table of at least %d bytes", s.Parts[:min(1, len(s.Parts))], bodies)
	}
	var sum int64
	indexes := 0
	for _, p := range s.Parts {
		sum += p.Bytes
		if p.Table == "articles" && p.Name != "articles" {
			indexes++
		}
	}
	if sum != s.Bytes {
		t.Errorf("parts add up to %d bytes, the whole is %d", sum, s.Bytes)
	}
	if indexes == 0 {
		t.Errorf("no index of the articles table among the parts: %+v", s.Parts)
	}
}
