package web

import (
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

// TestEveryPageEscapes follows every link of the server's pages from the
// front page, the events and the evaluation, and checks each page: its
// only script is the server's own, the hostile article's markup shows as
// text, and nothing is loaded from another host.
func TestEveryPageEscapes(t *testing.T) {
	db, hostile := testCorpus(t)
	calls := 0
	srv := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), WithExplainer(extract.New()), WithEval(goldCopy(t), evaluateText(&calls)))
	hrefRE := regexp.MustCompile(`href="(/[^"#]*)`)
	loadRE := regexp.MustCompile(`<(?:script|link|img|iframe|object|embed)[^>]*(?:src|href)="(?:https?:)?//`)
	seen := map[string]bool{}
	queue := []string{"/", "/events", "/eval", "/articles/" + itoa64(hostile)}
	for len(queue) > 0 && len(seen) < 300 {
		target := queue[0]
		queue = queue[1:]
		if seen[target] {
			continue
		}
		seen[target] = true
		code, body, header := get(t, srv, target)
		if strings.HasPrefix(target, "/api/") || strings.HasPrefix(target, "/static/") {
			if code != http.StatusOK {
				t.Errorf("%s: status %d", target, code)
			}
			continue
		}
		if code != http.StatusOK && !strings.HasPrefix(target, "/countries/") {
			t.Errorf("%s: status %d", target, code)
		}
		if !strings.Contains(header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: no content security policy", target)
		}
		if n := strings.Count(body, "<script"); n != 1 {
			t.Errorf("%s: %d script elements, want only the server's", target, n)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>", " style="} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: holds %q", target, bad)
			}
		}
		if m := loadRE.FindString(body); m != "" {
			t.Errorf("%s: loads from another host: %s", target, m)
		}
		for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
			link := htmlUnescape(m[1])
			if !seen[link] && !strings.Contains(link, "page=") {
				queue = append(queue, link)
			}
		}
	}
	for _, want := range []string{"/events", "/eval", "/api/events"} {
		if !seen[want] {
			t.Errorf("%s was not reached", want)
		}
	}
	kinds := map[string]int{}
	for p := range seen {
		kinds[strings.SplitN(strings.TrimPrefix(p, "/"), "/", 2)[0]]++
	}
	for _, k := range []string{"articles", "events", "countries", "eval"} {
		if kinds[k] < 2 {
			t.Errorf("only %d pages under /%s reached", kinds[k], k)
		}
	}
	t.Logf("%d pages checked: %v", len(seen), kinds)
}
