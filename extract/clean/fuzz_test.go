package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// pageText returns all the text of a page as the parser sees it, scripts
// included, without the invisible characters the cleaner deletes.
func pageText(t testing.TB, text string) string {
	root, err := parseHTML(text)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var b strings.Builder
	for n := root; n != nil; {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil && n.NextSibling == nil {
			n = n.Parent
		}
		if n != nil {
			n = n.NextSibling
		}
	}
	return strings.NewReplacer("\u200b", "", "\ufeff", "").Replace(b.String())
}

func FuzzClean(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "")
	}
	f.Add([]byte("<p>one<p>two <b>three</div>"), "text/html; charset=iso-8859-1")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "")
	c := New(DefaultConfig())
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		art, err := c.CleanBytes(data, "https://example.org/a", contentType)
		if err != nil {
			return
		}
		for name, s := range map[string]string{"text": art.Text, "title": art.Title, "byline": art.Byline, "reason": art.Reason, "description": art.Description} {
			if !utf8.ValidString(s) {
				t.Fatalf("%s is not valid UTF-8: %q", name, s)
			}
		}
		if art.Text == "" {
			if art.Reason == "" {
				t.Fatal("empty text without a reason")
			}
			return
		}
		decoded, _ := decode(data, contentType)
		own := pageText(t, decoded)
		// Text taken from JSON-LD is checked against that text.
		m := readMeta(docOf(t, decoded), &Article{})
		if m.articleBody != "" {
			own += " " + strings.Join(ldBodyParagraphs(m.articleBody), " ") + " " + html.UnescapeString(m.articleBody)
		}
		for _, w := range strings.Fields(art.Text) {
			if !strings.Contains(own, w) {
				t.Fatalf("word %q of the text is not in the page", w)
			}
		}
	})
}

func docOf(t testing.TB, text string) *goquery.Document {
	root, err := parseHTML(text)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return goquery.NewDocumentFromNode(root)
}
