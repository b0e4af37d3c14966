package clean

import (
	"strings"

	"golang.org/x/net/html"
)

// maxNesting is how deep flattenNesting lets elements nest. The HTML
// parser refuses pages nested deeper than 512 elements; no real article
// needs more than a few dozen.
const maxNesting = 256

// parseHTML parses a page. A page nested too deep for the parser is
// flattened first: tags below maxNesting are dropped, their text kept.
func parseHTML(text string) (*html.Node, error) {
	root, err := html.Parse(strings.NewReader(text))
	if err == nil {
		return root, nil
	}
	if !strings.Contains(err.Error(), "open stack of elements") {
		return nil, err
	}
	return html.Parse(strings.NewReader(flattenNesting(text, maxNesting)))
}

// voidElements never have content or an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true,
	"source": true, "track": true, "wbr": true,
}

// flattenNesting rewrites a page so that no more than max start tags are
// open at once: deeper start tags and their end tags are left out, the
// text inside them is kept. The count is an estimate (optional end tags
// are not inferred), which errs towards flattening more.
func flattenNesting(text string, max int) string {
	var b strings.Builder
	b.Grow(len(text))
	z := html.NewTokenizer(strings.NewReader(text))
	depth := 0
	var dropped []string // names of start tags left out, innermost last
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF or a read error: either way the page ends here.
			return b.String()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				break
			}
			if depth >= max {
				dropped = append(dropped, string(name))
				continue
			}
			depth++
		case html.EndTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				break
			}
			if n := len(dropped); n > 0 && dropped[n-1] == string(name) {
				dropped = dropped[:n-1]
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		b.Write(z.Raw())
	}
}
