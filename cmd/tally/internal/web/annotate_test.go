package web

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

const vetoURL = "http://news.example/world/unsc-sudan-aid-veto.html"

// newGoldServer is a test server that writes gold files into a new
// folder, which it returns.
func newGoldServer(t *testing.T) (*Server, *corpus.DB, string) {
	t.Helper()
	srv, db, _ := newTestServer(t)
	dir := filepath.Join(t.TempDir(), "gold")
	if err := srv.EnableAnnotation(dir); err != nil {
		t.Fatal(err)
	}
	return srv, db, dir
}

// goldSession is a browser on a gold page: its session cookie and the
// page's form.
type goldSession struct {
	t      *testing.T
	h      http.Handler
	action string
	cookie *http.Cookie
	body   string
	form   url.Values
}

// openGold gets the gold page of article id as a browser does.
func openGold(t *testing.T, h http.Handler, id int64) *goldSession {
	t.Helper()
	g := &goldSession{t: t, h: h, action: fmt.Sprintf("/articles/%d/gold", id)}
	g.reload()
	return g
}

func (g *goldSession) reload() {
	g.t.Helper()
	req := httptest.NewRequest(http.MethodGet, g.action, nil)
	if g.cookie != nil {
		req.AddCookie(g.cookie)
	}
	rec := httptest.NewRecorder()
	g.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		g.t.Fatalf("GET %s: status %d: %s", g.action, rec.Code, rec.Body)
	}
	for _, c := range rec.Result().Cookies() {
		if c.Name == sessionCookie {
			g.cookie = c
		}
	}
	g.body = rec.Body.String()
	g.form = formValues(g.t, g.body)
}

// post posts form to the page's action as a same-origin page does.
func (g *goldSession) post(form url.Values) *httptest.ResponseRecorder {
	g.t.Helper()
	req := httptest.NewRequest(http.MethodPost, g.action, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if g.cookie != nil {
		req.AddCookie(g.cookie)
	}
	rec := httptest.NewRecorder()
	g.h.ServeHTTP(rec, req)
	return rec
}

var (
	templateRE = regexp.MustCompile(`(?s)<template.*?</template>`)
	fieldRE    = regexp.MustCompile(`(?s)<input[^>]*? name="([^"]+)"[^>]*? value="([^"]*)"|<select name="([^"]+)"[^>]*>(.*?)</select>`)
	optionRE   = regexp.MustCompile(`<option(?: value="([^"]*)")?( selected)?>([^<]*)</option>`)
)

// formValues reads the fields of the gold form in a page as a browser
// would post them, leaving out the rows' templates.
func formValues(t *testing.T, page string) url.Values {
	t.Helper()
	form := regexp.MustCompile(`(?s)<form class="record gold".*?</form>`).FindString(page)
	if form == "" {
		t.Fatal("no gold form in the page")
	}
	v := url.Values{}
	for _, m := range fieldRE.FindAllStringSubmatch(templateRE.ReplaceAllString(form, ""), -1) {
		if m[1] != "" {
			v.Add(m[1], html.UnescapeString(m[2]))
			continue
		}
		chosen := ""
		for i, o := range optionRE.FindAllStringSubmatch(m[4], -1) {
			val := o[3]
			if strings.Contains(o[0], "value=") {
				val = o[1]
			}
			if i == 0 || o[2] != "" {
				chosen = html.UnescapeString(val)
			}
		}
		v.Add(m[3], chosen)
	}
	return v
}

// storedArticle reads the article at url from db.
func storedArticle(t *testing.T, db *corpus.DB, url string) corpus.StoredArticle {
	t.Helper()
	a, err := db.Article(context.Background(), articleIDByURL(t, db, url))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestAnnotationIsOffWithoutGold(t *testing.T) {
	srv, db, _ := newTestServer(t)
	id := articleIDByURL(t, db, vetoURL)
	gold := fmt.Sprintf("/articles/%d/gold", id)
	for _, tt := range []struct {
		method, target string
		want           int
	}{
		{http.MethodGet, gold, http.StatusForbidden},
		{http.MethodPost, gold, http.StatusForbidden},
		{http.MethodPost, "/", http.StatusMethodNotAllowed},
		{http.MethodPost, fmt.Sprintf("/articles/%d", id), http.StatusMethodNotAllowed},
		{http.MethodPut, gold, http.StatusMethodNotAllowed},
	} {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(tt.method, tt.target, strings.NewReader("csrf=x"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			srv.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("status %d, want %d", rec.Code, tt.want)
			}
			if tt.want == http.StatusForbidden && !strings.Contains(rec.Body.String(), "--gold DIR") {
				t.Errorf("the refusal does not say how to annotate: %s", rec.Body)
			}
		})
	}
	if _, body, _ := get(t, srv, fmt.Sprintf("/articles/%d", id)); strings.Contains(body, "/gold") {
		t.Error("a read-only server's article page leads to annotation")
	}
}

func TestGoldPageStartsFromTheExtraction(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	a := storedArticle(t, db, vetoURL)
	if _, body, _ := get(t, srv, fmt.Sprintf("/articles/%d", a.ID)); !strings.Contains(body, fmt.Sprintf(`href="/articles/%d/gold"`, a.ID)) {
		t.Error("the article page does not lead to its gold file")
	}
	g := openGold(t, srv, a.ID)
	if g.cookie == nil || !g.cookie.HttpOnly || g.cookie.SameSite != http.SameSiteStrictMode {
		t.Errorf("session cookie %+v: want one, HttpOnly and SameSite=Strict", g.cookie)
	}
	gold := eval.GoldOf(*a.Record, "")
	for kind, n := range map[string]int{"country": len(gold.Countries), "count": len(gold.Counts), "vote": len(gold.Votes), "stance": len(gold.Stances)} {
		if got := len(g.form[kind+".state"]); got != n {
			t.Errorf("%d %s rows, want %d", got, kind, n)
		}
		for _, st := range g.form[kind+".state"] {
			if st != stateNew {
				t.Errorf("a %s row from the extraction is %q, want new", kind, st)
			}
		}
	}
	if len(gold.Votes) == 0 || g.form.Get("vote.body") != gold.Votes[0].Body || g.form.Get("vote.fact") != "v0" {
		t.Errorf("first vote row: body %q fact %q, want %q and v0", g.form.Get("vote.body"), g.form.Get("vote.fact"), gold.Votes[0].Body)
	}
	for _, s := range []string{"Not saved yet", "unsc-sudan-aid-veto.json", `<script src="/static/annotate.js" defer></script>`, `id="new-stance"`, `<option value="FRA">France</option>`} {
		if !strings.Contains(g.body, s) {
			t.Errorf("the gold page lacks %q", s)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("opening the page wrote %v", entries)
	}
}

// TestSaveGoldAsStarted saves the form as the page gives it: the gold
// file is the one tally gold init writes, beside the article's text, and
// it comes back as the page's form.
func TestSaveGoldAsStarted(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	a := storedArticle(t, db, vetoURL)
	g := openGold(t, srv, a.ID)
	rec := g.post(g.form)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != g.action+"?saved=1" {
		t.Fatalf("save: status %d, Location %q: %s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	text, err := os.ReadFile(filepath.Join(dir, "unsc-sudan-aid-veto.txt"))
	if err != nil || string(text) != a.Article.Text {
		t.Fatalf("NAME.txt: %v, or not the article's text", err)
	}
	saved, err := eval.LoadGoldFile(filepath.Join(dir, "unsc-sudan-aid-veto.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := eval.GoldOf(*a.Record, "unsc-sudan-aid-veto.txt")
	want.Doc = "unsc-sudan-aid-veto"
	if !reflect.DeepEqual(saved.Record, want) {
		t.Errorf("saved %+v\nwant  %+v", saved.Record, want)
	}
	first := g.form
	g.action += "?saved=1"
	g.reload()
	if !strings.Contains(g.body, "Saved unsc-sudan-aid-veto.json") || !strings.Contains(g.body, "Editing <code>unsc-sudan-aid-veto.json</code>") {
		t.Error("the page after saving does not say it was saved")
	}
	for _, st := range g.form["count.state"] {
		if st != stateAccepted {
			t.Errorf("a saved count row is %q, want accepted", st)
		}
	}
	for _, k := range []string{"count.value", "count.unit", "vote.body", "vote.fact", "stance.holder", "country.code", "country.fact"} {
		if !reflect.DeepEqual(g.form[k], first[k]) {
			t.Errorf("%s read back %q, was %q", k, g.form[k], first[k])
		}
	}
}

// TestSaveGoldEdited accepts, rejects, edits and adds facts.
func TestSaveGoldEdited(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	a := storedArticle(t, db, vetoURL)
	g := openGold(t, srv, a.ID)
	f := url.Values{csrfField: {g.form.Get(csrfField)}}
	addRow(f, "country", stateAccepted, "code", "fra")
	addRow(f, "country", stateRejected, "code", "GBR")
	addRow(f, "country", stateAdded, "code", "") // blank: left out
	addRow(f, "count", stateAdded, "value", "1,500", "unit", "tonne")
	addRow(f, "vote", stateNew, "body", "unsc", "outcome", "vetoed", "yes", "13", "no", "1", "abstain", "1",
		"positions", "RUS: no, usa=yes; GBR yes", "sponsors", "GBR, SLE", "motion", "aid to Sudan")
	addRow(f, "stance", stateAdded, "holder", "GBR", "polarity", "oppose", "target", "RUS")
	if rec := g.post(f); rec.Code != http.StatusSeeOther {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	saved, err := eval.LoadGoldFile(filepath.Join(dir, "unsc-sudan-aid-veto.json"))
	if err != nil {
		t.Fatal(err)
	}
	yes, no, abstain := 13, 1, 1
	want := extract.Record{Doc: "unsc-sudan-aid-veto", TextFile: "unsc-sudan-aid-veto.txt", Countries: []string{"FRA"},
		Counts: []extract.Count{{Value: 1500, Unit: "tonne"}},
		Votes: []extract.Vote{{Body: "UNSC", Outcome: "vetoed", Motion: "aid to Sudan", Sponsors: []string{"GBR", "SLE"},
			Tally: extract.Tally{Yes: &yes, No: &no, Abstain: &abstain}, Positions: map[string]string{"RUS": "no", "USA": "yes", "GBR": "yes"}}},
		Stances: []extract.Stance{{Holder: "GBR", Target: "RUS", Polarity: "oppose"}}}
	if !reflect.DeepEqual(saved.Record, want) {
		t.Errorf("saved %+v\nwant  %+v", saved.Record, want)
	}
}

// addRow adds a row of kind to a posted form: field names and values in
// pairs, the other fields of the kind blank.
func addRow(f url.Values, kind, state string, pairs ...string) {
	f.Add(kind+".state", state)
	f.Add(kind+".fact", "")
	set := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		set[pairs[i]] = pairs[i+1]
	}
	for _, k := range goldKinds {
		if k.kind == kind {
			for _, field := range k.fields {
				f.Add(kind+"."+field, set[field])
			}
		}
	}
}

// TestSaveGoldRefused posts faulty gold: the page says what is wrong,
// marks the row, keeps what was typed, and the gold file saved before is
// untouched.
func TestSaveGoldRefused(t *testing.T) {
	tests := []struct {
		name    string
		row     []string // kind, state, then field pairs
		status  int
		wantMsg string
		badRow  bool
	}{
		{"count not a number", []string{"count", stateAdded, "value", "many", "unit", "vote"}, 422, `].value: got string &#34;many&#34;, want a number`, true},
		{"negative count", []string{"count", stateAdded, "value", "-3"}, 422, "].value: -3 is negative", true},
		{"country name", []string{"country", stateAdded, "code", "France"}, 422, "is not an ISO 3166-1 alpha-3 country code", true},
		{"bloc as country", []string{"country", stateAdded, "code", "EU"}, 422, "is a bloc", true},
		{"stance toward itself", []string{"stance", stateAdded, "holder", "FRA", "polarity", "oppose", "target", "fra"}, 422, "is also the holder", true},
		{"position word", []string{"vote", stateAdded, "body", "UNGA", "positions", "FRA maybe"}, 422, `positions[&#34;FRA&#34;]: &#34;maybe&#34; is not yes, no or abstain`, true},
		{"position twice", []string{"vote", stateAdded, "body", "UNGA", "positions", "FRA yes, FRA no"}, 422, "twice", true},
		{"tally not whole", []string{"vote", stateAdded, "body", "UNGA", "yes", "2.5"}, 422, "2.5 is not a whole number of votes", true},
		{"bad state", []string{"count", "maybe", "value", "3"}, 400, "state &#34;maybe&#34; is not new, accepted, added or rejected", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, db, dir := newGoldServer(t)
			a := storedArticle(t, db, vetoURL)
			g := openGold(t, srv, a.ID)
			if rec := g.post(g.form); rec.Code != http.StatusSeeOther {
				t.Fatalf("first save: status %d", rec.Code)
			}
			path := filepath.Join(dir, "unsc-sudan-aid-veto.json")
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			g.reload()
			f := g.form
			addRow(f, tt.row[0], tt.row[1], tt.row[2:]...)
			rec := g.post(f)
			body := rec.Body.String()
			if rec.Code != tt.status || !strings.Contains(body, tt.wantMsg) {
				t.Errorf("status %d, want %d saying %q:\n%s", rec.Code, tt.status, tt.wantMsg, regexp.MustCompile(`(?s)<p class="(?:problem|error)".*?</p>`).FindString(body))
			}
			if tt.badRow {
				bad := regexp.MustCompile(`<div class="fact row k-` + tt.row[0] + ` state-\w+ bad"[^>]*>(?s:.*?)</div>`).FindString(body)
				if bad == "" {
					t.Errorf("no %s row marked bad", tt.row[0])
				}
				if typed := tt.row[3]; !strings.Contains(bad, html.EscapeString(typed)) && !strings.Contains(bad, typed) {
					t.Errorf("the bad row does not keep %q as typed: %s", typed, bad)
				}
				problem := regexp.MustCompile(`<p class="rowproblem" role="alert">([^<]*)</p>`).FindAllStringSubmatch(body, -1)
				if len(problem) != 1 || !strings.Contains(problem[0][1], tt.wantMsg) {
					t.Errorf("the fault at its row: %q, want one saying %q", problem, tt.wantMsg)
				}
			}
			after, err := os.ReadFile(path)
			if err != nil || string(after) != string(before) {
				t.Errorf("the saved gold file changed: %v", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("the folder holds %d files, want NAME.json and NAME.txt only", len(entries))
			}
		})
	}
}

func TestSaveGoldMalformedForm(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	g := openGold(t, srv, articleIDByURL(t, db, vetoURL))
	f := url.Values{csrfField: {g.form.Get(csrfField)}}
	addRow(f, "count", stateAdded, "value", "3")
	f.Add("count.unit", "extra")
	if rec := g.post(f); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "2 count.unit fields for 1 count rows") {
		t.Errorf("status %d: %s", rec.Code, rec.Body)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused save wrote %v", entries)
	}
}

// TestSaveGoldCSRF posts as other sites and stale pages would: each is
// refused and nothing is written.
func TestSaveGoldCSRF(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	veto := articleIDByURL(t, db, vetoURL)
	other := articleIDByURL(t, db, "http://news.example/world/un-votes-ukraine-anniversary.html")
	g := openGold(t, srv, veto)
	token := g.form.Get(csrfField)
	otherToken := openGold(t, srv, other).form.Get(csrfField)
	tests := []struct {
		name    string
		token   string
		cookie  bool
		headers map[string]string
		want    int
		wantMsg string
	}{
		{"cross-site fetch", token, true, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, "another site"},
		{"same-site fetch", token, true, map[string]string{"Sec-Fetch-Site": "same-site"}, 403, "another site"},
		{"foreign origin", token, true, map[string]string{"Sec-Fetch-Site": "", "Origin": "http://evil.example"}, 403, "another site"},
		{"no cookie", token, false, nil, 403, "no session cookie"},
		{"no token", "", true, nil, 403, "token"},
		{"forged token", "AAAA" + token[4:], true, nil, 403, "token"},
		{"another form's token", otherToken, true, nil, 403, "token"},
		{"own origin", token, true, map[string]string{"Sec-Fetch-Site": "", "Origin": "http://example.com"}, 303, ""},
		{"same origin", token, true, nil, 303, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.RemoveAll(dir)
			os.Mkdir(dir, 0o755)
			f := url.Values{csrfField: {tt.token}}
			addRow(f, "country", stateAdded, "code", "FRA")
			req := httptest.NewRequest(http.MethodPost, g.action, strings.NewReader(f.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			for k, v := range tt.headers {
				if v == "" {
					req.Header.Del(k)
				} else {
					req.Header.Set(k, v)
				}
			}
			if tt.cookie {
				req.AddCookie(g.cookie)
			}
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != tt.want || !strings.Contains(rec.Body.String(), tt.wantMsg) {
				t.Errorf("status %d, want %d saying %q: %s", rec.Code, tt.want, tt.wantMsg, rec.Body)
			}
			entries, _ := os.ReadDir(dir)
			if wrote := len(entries) > 0; wrote != (tt.want == 303) {
				t.Errorf("files written: %v", entries)
			}
		})
	}
}

func TestGoldNames(t *testing.T) {
	for url, want := range map[string]string{
		"http://news.example/world/unsc-sudan-aid-veto.html": "unsc-sudan-aid-veto",
		"https://x.example/2024/03/Votes_On_Gaza/":           "votes-on-gaza",
		"https://x.example/":                                 "article",
		"https://x.example/a/%C3%A9t%C3%A9.php?id=3":         "t",
		"not a url %%": "article",
	} {
		if got := slug(url); got != want {
			t.Errorf("slug(%q) = %q, want %q", url, got, want)
		}
	}
	srv, db, dir := newGoldServer(t)
	a := storedArticle(t, db, vetoURL)
	// Another article's text under the name: the name takes the id.
	if err := os.WriteFile(filepath.Join(dir, "unsc-sudan-aid-veto.txt"), []byte("another text"), 0o644); err != nil {
		t.Fatal(err)
	}
	g := openGold(t, srv, a.ID)
	want := fmt.Sprintf("unsc-sudan-aid-veto-%d", a.ID)
	if !strings.Contains(g.body, want+".json") {
		t.Errorf("the page does not name the gold file %s.json", want)
	}
	if rec := g.post(g.form); rec.Code != http.StatusSeeOther {
		t.Fatalf("save: status %d", rec.Code)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "unsc-sudan-aid-veto.txt")); string(b) != "another text" {
		t.Error("another article's text was overwritten")
	}
	if _, err := eval.LoadGold(dir); err == nil {
		t.Log("folder loads") // unsc-sudan-aid-veto.txt alone is no gold file
	} else {
		t.Errorf("the folder does not load as a gold set: %v", err)
	}
	// Both names taken by other texts: refused.
	if err := os.WriteFile(filepath.Join(dir, want+".txt"), []byte("a third text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, body, _ := get(t, srv, g.action); code != http.StatusConflict || !strings.Contains(body, "hold other texts") {
		t.Errorf("both names taken: status %d", code)
	}
}

// TestSaveGoldDocTaken saves a gold file whose doc another file of the
// folder has already: tally eval could not load the folder, so it is
// refused.
func TestSaveGoldDocTaken(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	os.WriteFile(filepath.Join(dir, "x.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "x.json"), []byte(`{"doc": "unsc-sudan-aid-veto", "text_file": "x.txt", "countries": [], "counts": [], "votes": [], "stances": []}`), 0o644)
	g := openGold(t, srv, articleIDByURL(t, db, vetoURL))
	rec := g.post(g.form)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "is also the doc of") {
		t.Errorf("status %d: %s", rec.Code, rec.Body)
	}
	if _, err := os.Stat(filepath.Join(dir, "unsc-sudan-aid-veto.txt")); err == nil {
		t.Error("the refused save left the article's text in the folder")
	}
}

// TestGoldPageBrokenFile opens the page of an article whose gold file no
// longer loads: the page says so rather than offering to overwrite it,
// and starts over only when asked.
func TestGoldPageBrokenFile(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	a := storedArticle(t, db, vetoURL)
	os.WriteFile(filepath.Join(dir, "unsc-sudan-aid-veto.txt"), []byte(a.Article.Text), 0o644)
	os.WriteFile(filepath.Join(dir, "unsc-sudan-aid-veto.json"), []byte(`{"text_file": "unsc-sudan-aid-veto.txt", "countries": ["France"]}`), 0o644)
	action := fmt.Sprintf("/articles/%d/gold", a.ID)
	code, body, _ := get(t, srv, action)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "countries[0]") || !strings.Contains(body, "?from=extraction") {
		t.Errorf("status %d: %s", code, body)
	}
	code, body, _ = get(t, srv, action+"?from=extraction")
	if code != http.StatusOK || !strings.Contains(body, "cannot be read") || !strings.Contains(body, `name="vote.state" value="new"`) {
		t.Errorf("?from=extraction: status %d", code)
	}
}

func TestGoldPageEscapes(t *testing.T) {
	srv, _, hostile := newTestServer(t)
	if err := srv.EnableAnnotation(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, srv, fmt.Sprintf("/articles/%d/gold", hostile))
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>bold</b>") || !strings.Contains(body, "&lt;script&gt;alert") {
		t.Error("the gold page does not escape the article")
	}
}

func TestActorsAPI(t *testing.T) {
	srv, _, _ := newTestServer(t)
	var got struct{ Actors []actorJSON }
	getJSON(t, srv, "/api/actors?text="+url.QueryEscape("French envoys met Russia's minister and the EU"), &got)
	var codes []string
	for _, a := range got.Actors {
		codes = append(codes, a.Code)
	}
	if strings.Join(codes, " ") != "FRA RUS EU" || got.Actors[1].Name != "Russia" {
		t.Errorf("actors %+v, want FRA RUS EU", got.Actors)
	}
	if code, _, _ := get(t, srv, "/api/actors?text="+strings.Repeat("x", maxActorText+1)); code != http.StatusBadRequest {
		t.Errorf("a long text: status %d, want 400", code)
	}
}

func TestEnableAnnotationNotAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	srv := New(nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := srv.EnableAnnotation(file); err == nil {
		t.Error("a file was taken as the gold folder")
	}
}

// TestGoldPageKeepsToItsPolicy: the gold page has no inline script, no
// inline style and no event handler attribute, which the
// Content-Security-Policy would block.
func TestGoldPageKeepsToItsPolicy(t *testing.T) {
	srv, db, _ := newGoldServer(t)
	g := openGold(t, srv, articleIDByURL(t, db, vetoURL))
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(g.body, -1) {
		if !strings.Contains(tag, ` src="/static/`) {
			t.Errorf("inline script %s", tag)
		}
	}
	for _, bad := range regexp.MustCompile(`<[^>]+\s(?:style|on[a-z]+)=[^>]*>`).FindAllString(g.body, -1) {
		t.Errorf("inline style or handler: %s", bad)
	}
	for _, asset := range []string{"/static/annotate.js", "/static/annotate.css", "/static/favicon.svg"} {
		if code, _, _ := get(t, srv, asset); code != http.StatusOK {
			t.Errorf("%s: status %d", asset, code)
		}
	}
}

func TestSaveGoldTooLarge(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	g := openGold(t, srv, articleIDByURL(t, db, vetoURL))
	f := url.Values{csrfField: {g.form.Get(csrfField)}}
	addRow(f, "vote", stateAdded, "body", "UNGA", "motion", strings.Repeat("x", maxGoldForm))
	if rec := g.post(f); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "the form cannot be read") {
		t.Errorf("status %d: %.300s", rec.Code, rec.Body)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused save wrote %v", entries)
	}
}

// TestSaveGoldConcurrent saves from several pages at once: each save
// succeeds, and the file left is whole, one of them.
func TestSaveGoldConcurrent(t *testing.T) {
	srv, db, dir := newGoldServer(t)
	g := openGold(t, srv, articleIDByURL(t, db, vetoURL))
	const n = 8
	codes := make(chan int, n)
	for i := range n {
		f := url.Values{csrfField: {g.form.Get(csrfField)}}
		addRow(f, "count", stateAdded, "value", fmt.Sprint(i+1))
		go func() { codes <- g.post(f).Code }()
	}
	for range n {
		if code := <-codes; code != http.StatusSeeOther {
			t.Errorf("a save answered %d", code)
		}
	}
	saved, err := eval.LoadGoldFile(filepath.Join(dir, "unsc-sudan-aid-veto.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Record.Counts) != 1 || saved.Record.Counts[0].Value < 1 || saved.Record.Counts[0].Value > n {
		t.Errorf("saved counts %+v, want one of the saves", saved.Record.Counts)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d files, want NAME.json and NAME.txt", len(entries))
	}
}
