package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
	"github.com/tally-news/tally/extract/events"
)

// siteArticles are the articles of the bundled site, by path.
var siteArticles = []string{
	"world/un-votes-ukraine-anniversary.html",
	"world/unsc-sudan-aid-veto.html",
	"politics/commons-critical-minerals-bill.html",
}

// hostileText is an article whose text tries to run a script and to
// break out of an attribute.
const hostileText = `Delegates from France said "><script>alert("pwned")</script> in a note. <img src=x onerror=alert(1)> The assembly adopted it.`

// testCorpus cleans and extracts the bundled site's articles and one
// hostile article into a new corpus, opened read-only as tally serve
// opens it, and returns it with the hostile article's id.
func testCorpus(t *testing.T) (*corpus.DB, int64) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "site.db")
	db, err := corpus.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	cleaner, extractor := clean.New(clean.DefaultConfig()), extract.New()
	fetched := time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
	for _, name := range siteArticles {
		body, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "site", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		url := "http://news.example/" + name
		art, err := cleaner.CleanBytes(body, url, "text/html")
		if err != nil {
			t.Fatal(err)
		}
		rec := extractor.Extract(ctx, name, art.Text)
		if _, err := db.Save(ctx, corpus.Doc{Page: crawl.Page{URL: url, Status: 200, Body: body, Fetched: fetched}, Article: &art, Record: &rec}); err != nil {
			t.Fatal(err)
		}
	}
	// A wire copy of the veto story on another site: a duplicate.
	veto, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "testdata", "site", "world", "unsc-sudan-aid-veto.html"))
	if err != nil {
		t.Fatal(err)
	}
	wire := "http://wire.example/sudan-copy"
	wireArt, err := cleaner.CleanBytes(veto, wire, "text/html")
	if err != nil {
		t.Fatal(err)
	}
	wireRec := extractor.Extract(ctx, "wire", wireArt.Text)
	if s, err := db.Save(ctx, corpus.Doc{Page: crawl.Page{URL: wire, Status: 200, Body: veto, Fetched: fetched.Add(time.Hour)}, Article: &wireArt, Record: &wireRec}); err != nil || s.DuplicateOf == 0 {
		t.Fatalf("the wire copy: %+v, %v; want a duplicate", s, err)
	}
	url := "http://evil.example/x"
	rec := extractor.Extract(ctx, "x", hostileText)
	saved, err := db.Save(ctx, corpus.Doc{Page: crawl.Page{URL: url, Status: 200, Body: []byte(hostileText), Fetched: fetched},
		Article: &clean.Article{URL: url, Title: `<b>bold</b> title`, Text: hostileText}, Record: &rec})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.RefreshEvents(ctx, events.DefaultConfig(), true); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := corpus.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro, saved.ArticleID
}

func get(t *testing.T, h http.Handler, target string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec.Code, rec.Body.String(), rec.Header()
}

func newTestServer(t *testing.T) (*Server, *corpus.DB, int64) {
	db, hostile := testCorpus(t)
	return New(db, slog.New(slog.NewTextHandler(io.Discard, nil))), db, hostile
}

// articleIDByURL finds a stored article's id.
func articleIDByURL(t *testing.T, db *corpus.DB, url string) int64 {
	t.Helper()
	a, err := db.ArticleByURL(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID
}

var markRE = regexp.MustCompile(`<mark class="k-(\w+)" data-fact="(\w+)" title="[^"]*"[^>]*>`)

func TestArticlePageMarksEveryFact(t *testing.T) {
	srv, db, _ := newTestServer(t)
	id := articleIDByURL(t, db, "http://news.example/world/unsc-sudan-aid-veto.html")
	a, err := db.Article(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	r := a.Record
	if r == nil || len(r.Votes) == 0 || len(r.Mentions) == 0 {
		t.Fatalf("the veto article has no votes or mentions to mark: %+v", r)
	}
	code, body, _ := get(t, srv, fmt.Sprintf("/articles/%d", id))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	// Every fact with evidence has a mark of its kind.
	marked := map[string]string{}
	for _, m := range markRE.FindAllStringSubmatch(body, -1) {
		marked[m[2]] = m[1]
	}
	want := map[string]string{}
	for i, v := range r.Votes {
		if len(v.Evidence) > 0 {
			want[fmt.Sprintf("v%d", i)] = kindVote
		}
	}
	for i, s := range r.Stances {
		if s.Evidence != nil {
			want[fmt.Sprintf("s%d", i)] = kindStance
		}
	}
	for i, c := range r.Counts {
		if c.Evidence != nil {
			want[fmt.Sprintf("c%d", i)] = kindCount
		}
	}
	for i := range r.Mentions {
		want[fmt.Sprintf("m%d", i)] = kindCountry
	}
	for id, kind := range want {
		if marked[id] != kind {
			t.Errorf("fact %s: marked as %q, want %q", id, marked[id], kind)
		}
	}
	// The first mention's mark holds exactly its evidence text.
	m := r.Mentions[0]
	inner := regexp.MustCompile(`data-fact="m0" title="[^"]*" id="f-m0">([^<]*)</mark>`).FindStringSubmatch(body)
	quoted := string([]rune(a.Article.Text)[m.Evidence.Start:m.Evidence.End])
	if inner == nil || inner[1] != htmlEscape(quoted) {
		t.Errorf("mark of m0 holds %q, want %q", inner, quoted)
	}
	// The text comes back whole once the tags are taken out.
	text := regexp.MustCompile(`(?s)<article class="text" id="text"[^>]*>(.*?)</article>`).FindStringSubmatch(body)
	if text == nil {
		t.Fatal("no article text in the page")
	}
	if got := htmlUnescape(regexp.MustCompile(`</?mark[^>]*>`).ReplaceAllString(text[1], "")); got != a.Article.Text {
		t.Errorf("the marked text differs from the article's text")
	}
	for _, s := range []string{"legend", "k-vote", "k-stance", "k-count", "k-country", a.Article.URL, r.Votes[0].Body} {
		if !strings.Contains(body, s) {
			t.Errorf("article page lacks %q", s)
		}
	}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}

func TestMarksFollowCodePoints(t *testing.T) {
	text := "Élysée: Côte d’Ivoire voted yes."
	start := strings.Index(text, "Côte")
	end := start + len("Côte d’Ivoire")
	runeStart, runeEnd := len([]rune(text[:start])), len([]rune(text[:end]))
	r := &extract.Record{Mentions: []extract.Mention{{Code: "CIV", Evidence: extract.Evidence{Start: runeStart, End: runeEnd}}},
		Counts: []extract.Count{{Value: 1, Evidence: &extract.Evidence{Start: 10, End: 500}}}}
	segs, skipped := markedText(text, r)
	var got string
	for _, s := range segs {
		if len(s.Facts) == 1 && s.Facts[0].ID == "m0" {
			got += s.Text
		}
	}
	if got != "Côte d’Ivoire" {
		t.Errorf("marked %q, want %q", got, "Côte d’Ivoire")
	}
	if skipped != 1 {
		t.Errorf("skipped %d pieces of evidence, want 1 (the count past the end)", skipped)
	}
}

func TestMarksNest(t *testing.T) {
	// A vote's sentence holds a count that overlaps a mention.
	text := "The council voted 13 to 2 with Russia against."
	r := &extract.Record{
		Votes:    []extract.Vote{{Evidence: []extract.Evidence{{Start: 0, End: 46}}}},
		Counts:   []extract.Count{{Value: 13, Evidence: &extract.Evidence{Start: 18, End: 20}}},
		Mentions: []extract.Mention{{Code: "RUS", Evidence: extract.Evidence{Start: 31, End: 37}}},
	}
	segs, _ := markedText(text, r)
	var got []string
	for _, s := range segs {
		var ids []string
		for _, f := range s.Facts {
			ids = append(ids, f.ID)
		}
		got = append(got, s.Text+"|"+strings.Join(ids, ","))
	}
	want := []string{"The council voted |v0", "13|v0,c0", " to 2 with |v0", "Russia|v0,m0", " against.|v0"}
	if strings.Join(got, "/") != strings.Join(want, "/") {
		t.Errorf("segments %q, want %q", got, want)
	}
}

func TestArticleTextIsEscaped(t *testing.T) {
	srv, _, hostile := newTestServer(t)
	code, body, header := get(t, srv, fmt.Sprintf("/articles/%d", hostile))
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>", `"><script`} {
		if strings.Contains(body, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, shown := range []string{"&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&lt;b&gt;bold&lt;/b&gt; title"} {
		if !strings.Contains(body, shown) {
			t.Errorf("the page does not show %q as text", shown)
		}
	}
	// The only scripts are the page's own.
	if n := strings.Count(body, "<script"); n != 1 || !strings.Contains(body, `<script src="/static/facts.js" defer></script>`) {
		t.Errorf("%d script elements; want only /static/facts.js", n)
	}
	if csp := header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q does not keep scripts to the server's own", csp)
	}
	// The list escapes titles too.
	_, list, _ := get(t, srv, "/")
	if strings.Contains(list, "<b>bold</b>") || !strings.Contains(list, "&lt;b&gt;bold&lt;/b&gt; title") {
		t.Errorf("the list does not escape the hostile title")
	}
}

func TestNotFound(t *testing.T) {
	srv, _, _ := newTestServer(t)
	for _, target := range []string{"/articles/9999", "/articles/abc", "/articles/-1", "/api/articles/9999", "/api/articles/x", "/nowhere", "/static/nothing.css"} {
		t.Run(target, func(t *testing.T) {
			if code, _, _ := get(t, srv, target); code != http.StatusNotFound {
				t.Errorf("status %d, want 404", code)
			}
		})
	}
	code, body, header := get(t, srv, "/api/articles/9999")
	var e map[string]string
	if code != http.StatusNotFound || !strings.HasPrefix(header.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(body), &e) != nil || e["error"] == "" {
		t.Errorf("API 404: status %d, %s, body %s; want a JSON error", code, header.Get("Content-Type"), body)
	}
}

func TestListPage(t *testing.T) {
	srv, _, _ := newTestServer(t)
	tests := []struct {
		target     string
		wantStatus int
		want       []string // in the body
		notWant    []string
	}{
		{"/", 200, []string{"Sudan", "Critical minerals", "evil.example", `href="/articles/`}, nil},
		{"/?q=veto", 200, []string{`<mark class="hit">veto</mark>`, "Sudan"}, []string{"minerals"}},
		{"/?site=evil.example", 200, []string{"bold"}, []string{"Sudan"}},
		{"/?q=zzzzqqq", 200, []string{"No article matches"}, nil},
		{"/?size=2", 200, []string{`rel="next" href="/?page=2&amp;size=2"`}, []string{`rel="prev"`}},
		{"/?size=2&page=2", 200, []string{`rel="prev" href="/?size=2"`}, []string{`rel="next"`}},
		{"/?page=99", 200, []string{"No article here"}, nil},
		{"/?body=uk_commons", 200, []string{"Critical minerals", `<a class="tag tag-body" href="/?body=UK_COMMONS">UK_COMMONS</a>`, `value="UK_COMMONS"`}, []string{"Sudan", "bold"}},
		{"/?country=fra", 200, []string{"third anniversary", "bold", `<a class="tag" href="/?country=FRA">FRA</a>`}, []string{"Sudan", "Critical minerals"}},
		{"/?country=CHL&body=UK_COMMONS&site=news.example", 200, []string{"Critical minerals"}, []string{"Sudan", "bold"}},
		{"/?q=veto&country=SDN", 200, []string{`<mark class="hit">veto</mark>`, "Sudan"}, []string{"anniversary"}},
		{"/?q=veto&body=UK_COMMONS", 200, []string{"No article matches"}, []string{"Sudan"}},
		{"/?country=SDN", 200, []string{"BDI", "SDN", `<span class="muted">+8</span>`}, nil},
		{"/?country=France", 400, []string{"country=&#34;France&#34;: want a country&#39;s ISO 3166 alpha-3 code"}, nil},
		{"/?body=UN%20GA", 400, []string{"want a body&#39;s code"}, nil},
		{"/?page=0", 400, []string{"page=&#34;0&#34;"}, nil},
		{"/?size=101", 400, []string{"size=&#34;101&#34;: want a whole number from 1 to 100"}, nil},
		{"/?from=yesterday", 400, []string{"want a date"}, nil},
		{`/?q="`, 400, []string{"no word to look for"}, nil},
		{"/?q=-veto", 400, []string{"no word to look for"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			code, body, _ := get(t, srv, tt.target)
			if code != tt.wantStatus {
				t.Errorf("status %d, want %d", code, tt.wantStatus)
			}
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(body, s) {
					t.Errorf("body has %q", s)
				}
			}
		})
	}
}

func TestSearchBoundedNote(t *testing.T) {
	srv, _, _ := newTestServer(t)
	defer func(n int) { maxRanked = n }(maxRanked)
	maxRanked = 1
	_, body, _ := get(t, srv, "/?q=vote")
	if !strings.Contains(body, "More than 1 articles match") {
		t.Errorf("a search matching more than maxRanked articles does not say it ranked only some")
	}
	var list listJSON
	getJSON(t, srv, "/api/articles?q=vote", &list)
	if !list.Bounded || list.MaxRanked != 1 || len(list.Articles) != 1 {
		t.Errorf("API: bounded %v, max_ranked %d, %d articles; want true, 1, 1", list.Bounded, list.MaxRanked, len(list.Articles))
	}
	maxRanked = 100
	if _, body, _ := get(t, srv, "/?q=vote"); strings.Contains(body, "More than") {
		t.Errorf("a search within the bound says it is bounded")
	}
}

func TestAPI(t *testing.T) {
	srv, db, _ := newTestServer(t)
	var list listJSON
	getJSON(t, srv, "/api/articles?size=3", &list)
	if list.Page != 1 || list.Size != 3 || !list.More || len(list.Articles) != 3 {
		t.Errorf("page %d size %d more %v with %d articles; want 1, 3, true, 3", list.Page, list.Size, list.More, len(list.Articles))
	}
	getJSON(t, srv, "/api/articles?size=3&page=2", &list)
	if list.More || len(list.Articles) != 1 {
		t.Errorf("second page: more %v with %d articles; want false, 1", list.More, len(list.Articles))
	}
	getJSON(t, srv, "/api/articles?country=GBR&body=UK_COMMONS", &list)
	if len(list.Articles) != 1 || !slices.Equal(list.Articles[0].Bodies, []string{"UK_COMMONS"}) || !slices.Contains(list.Articles[0].Codes, "CHL") {
		t.Errorf("filtered by country and body: %+v; want the Commons article with its body and countries", list.Articles)
	}
	getJSON(t, srv, "/api/articles?q=veto", &list)
	if len(list.Articles) != 1 {
		t.Fatalf("search for veto: %d articles, want 1", len(list.Articles))
	}
	hit := list.Articles[0]
	if !strings.Contains(hit.Snippet, "[veto]") || hit.Votes == 0 || hit.Countries == 0 || hit.Site != "news.example" {
		t.Errorf("search hit %+v: want a snippet with [veto], votes, countries and the site", hit)
	}
	var a articleJSON
	getJSON(t, srv, fmt.Sprintf("/api/articles/%d", hit.ID), &a)
	stored, err := db.Article(context.Background(), hit.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != hit.ID || a.Text != stored.Article.Text || a.Record == nil || len(a.Record.Votes) != len(stored.Record.Votes) || a.URL != stored.Article.URL {
		t.Errorf("article %d from the API differs from the stored one", hit.ID)
	}
	code, body, _ := get(t, srv, "/api/articles?page=x")
	if code != http.StatusBadRequest || !strings.Contains(body, `"error"`) {
		t.Errorf("bad page: status %d, body %s", code, body)
	}
}

func getJSON(t *testing.T, h http.Handler, target string, v any) {
	t.Helper()
	code, body, header := get(t, h, target)
	if code != http.StatusOK || !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		t.Fatalf("%s: status %d, %s", target, code, header.Get("Content-Type"))
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("%s: %v", target, err)
	}
}

func TestStaticAssets(t *testing.T) {
	srv, _, _ := newTestServer(t)
	for _, target := range []string{"/static/style.css", "/static/facts.js"} {
		if code, body, _ := get(t, srv, target); code != http.StatusOK || body == "" {
			t.Errorf("%s: status %d, %d bytes", target, code, len(body))
		}
	}
}
