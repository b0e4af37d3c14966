package web

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/eval"
)

// The end-to-end tests drive a real headless Chromium through the pages
// as a person would. They skip when no Chromium is found, unless
// TALLY_E2E=1 (as .ci/run sets it), which makes a missing browser a
// failure. TALLY_CHROMIUM names the browser when it is not on PATH.
var screenshots = flag.String("screenshots", "", "folder to write the end-to-end tests' screenshots into (default: the test's temporary folder)")

// chromium returns the path of the browser, or skips (or fails, with
// TALLY_E2E=1) the test when there is none.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TALLY_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("TALLY_E2E") == "1" {
		t.Fatal("end-to-end: no Chromium found (TALLY_E2E=1 wants one): apt-get install chromium, or set TALLY_CHROMIUM")
	}
	t.Skip("end-to-end: no Chromium found (apt-get install chromium, or set TALLY_CHROMIUM); skipping")
	return ""
}

// browser starts a headless Chromium for t and returns its context, in
// which every script error, console error and refused resource (a
// Content-Security-Policy violation) is recorded; check fails t on any.
func browser(t *testing.T) (ctx context.Context, check func()) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium(t)),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.Flag("lang", "en-GB"))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancelTime := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTime)
	// The first run starts the browser; the console is read from then on.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1360, 900)); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	// Asking for reduced motion makes the pages scroll at once, so a
	// click never lands on a page still moving under the pointer.
	reduced := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, reduced); err != nil {
		t.Fatalf("emulate reduced motion: %v", err)
	}
	var mu sync.Mutex
	var problems []string
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()
	return ctx, func() {
		t.Helper()
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			// A refused save answers 422, which the console reports.
			if !strings.Contains(p, "422") {
				t.Error(p)
			}
		}
		problems = nil
	}
}

// stepTime bounds each step of an end-to-end test.
const stepTime = 20 * time.Second

// shooter writes screenshots of the page, numbered in order.
func shooter(t *testing.T, ctx context.Context) func(name string) {
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	n := 0
	return func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		n++
		path := filepath.Join(dir, fmt.Sprintf("%02d-%s.png", n, name))
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s", path)
	}
}

// selectText is a script that selects the first stretch of the article
// text that reads phrase, across marks, as a mouse drag would.
const selectText = `(function (phrase) {
  var text = document.getElementById("text"), nodes = [], all = "";
  var w = document.createTreeWalker(text, NodeFilter.SHOW_TEXT), n;
  while ((n = w.nextNode())) { nodes.push([n, all.length]); all += n.data; }
  var start = all.indexOf(phrase), end = start + phrase.length;
  if (start < 0) return false;
  function at(off) {
    for (var i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= off) return [nodes[i][0], off - nodes[i][1]];
  }
  var r = document.createRange(), a = at(start), b = at(end);
  r.setStart(a[0], a[1]); r.setEnd(b[0], b[1]);
  var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
  return true;
})(%q)`

// value runs the action and returns its value, failing t on an error.
func value[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// TestBrowserReviewAndAnnotate opens the front page, follows an article,
// checks its marks, clicks a fact, then annotates the article's gold
// file: rejects, accepts, edits and adds facts (one from selected text),
// is told of a fault, mends it and saves; the saved file is read back as
// tally eval reads it, and the page shows it when opened again.
func TestBrowserReviewAndAnnotate(t *testing.T) {
	ctx, check := browser(t)
	defer check()
	shot := shooter(t, ctx)
	srv, db, _ := newTestServer(t)
	// The gold folder as a person names it, relative: the page shows it.
	root := t.TempDir()
	t.Chdir(root)
	if err := srv.EnableAnnotation("gold"); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "gold")
	ts := httptest.NewServer(srv)
	defer ts.Close()
	a := storedArticle(t, db, vetoURL)
	// Each step has its own time limit; a step that fails leaves a
	// screenshot of the page as it was.
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, stepTime)
		defer cancel()
		if err := chromedp.Do(sctx, steps...); err != nil {
			shot("failed")
			t.Fatalf("%s: %v", what, err)
		}
	}
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	// loaded waits until a page a click led to has run its scripts.
	loaded := chromedp.Poll[chromedp.Void](`document.readyState === "complete"`, chromedp.WithPollingInterval(20*time.Millisecond))

	// The front page lists the articles; follow the veto's.
	do("front page", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(css("table.articles")), loaded)
	if rows := value(t, ctx, "count rows", chromedp.Evaluate[int](`document.querySelectorAll("table.articles tbody tr").length`)); rows != 4 {
		t.Errorf("the front page lists %d articles, want 4", rows)
	}
	shot("articles")
	do("follow the article", chromedp.Click(css(fmt.Sprintf(`table.articles a[href="/articles/%d"]`, a.ID))), chromedp.WaitVisible(css("#text")), loaded)

	// Every fact with evidence in the text has its marks, of its kind.
	marked := value(t, ctx, "read the marks", chromedp.Evaluate[map[string]string](
		`Object.fromEntries(Array.from(document.querySelectorAll("#text mark[data-fact]"), m => [m.dataset.fact, m.className]))`))
	spans, _ := factSpans(a.Record, len([]rune(a.Article.Text)))
	want := map[string]string{}
	for _, s := range spans {
		want[s.fact.ID] = "k-" + s.fact.Kind
	}
	if len(want) < 20 {
		t.Fatalf("only %d facts to mark in the veto article", len(want))
	}
	for id, kind := range want {
		if marked[id] != kind {
			t.Errorf("fact %s: mark %q, want %q", id, marked[id], kind)
		}
	}
	if len(marked) != len(want) {
		t.Errorf("%d facts marked, want %d", len(marked), len(want))
	}

	// Clicking the first vote in the record lights its evidence and
	// nothing else.
	do("click a fact", chromedp.Click(css(`.record .fact[data-fact="v0"]`)))
	lit := value(t, ctx, "read what is lit", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".lit"), e => e.dataset.fact)`))
	if len(lit) < 2 || slices.ContainsFunc(lit, func(id string) bool { return id != "v0" }) {
		t.Errorf("lit after clicking v0: %q; want v0's entry and its marks only", lit)
	}
	shot("article")

	// Annotate: the gold page starts from the extraction.
	do("open the gold page", chromedp.Click(css(`a[href$="/gold"]`)), chromedp.WaitVisible(css("#gold")), loaded)
	toReview := len(eval.GoldOf(*a.Record, "").Counts) + len(a.Record.Countries) + len(a.Record.Votes) + len(a.Record.Stances)
	if review := value(t, ctx, "review count", chromedp.Text(css("#review"))); review != fmt.Sprintf("%d to review", toReview) {
		t.Errorf("review count %q, want %d to review", review, toReview)
	}
	sponsors := css(`section[data-kind=vote] .row:nth-child(3) input[name="vote.sponsors"]`)
	do("reject Chad, accept the first count, name the Assembly vote's sponsor",
		chromedp.Click(css(`.row:has(input[value="TCD"]) [data-act=reject]`)),
		chromedp.Click(css(`section[data-kind=count] .row:first-child [data-act=accept]`)),
		chromedp.Clear(sponsors), chromedp.SendKeys(sponsors, "nor"))
	if review := value(t, ctx, "review count", chromedp.Text(css("#review"))); review != fmt.Sprintf("%d to review", toReview-2) {
		t.Errorf("after a reject and an accept: %q, want %d to review", review, toReview-2)
	}
	pressed := value(t, ctx, "pressed", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("[aria-pressed=true]"), b => b.closest(".row").querySelector("input:not([type=hidden])").value + " " + b.dataset.act)`))
	first := fmt.Sprint(eval.GoldOf(*a.Record, "").Counts[0].Value)
	if !slices.Equal(pressed, []string{first + " accept", "TCD reject"}) {
		t.Errorf("buttons pressed: %q, want Chad's reject and the first count's accept", pressed)
	}

	// A stance added from selected text: the actors are filled in.
	if !value(t, ctx, "select text", chromedp.Evaluate[bool](fmt.Sprintf(selectText, "Britain’s ambassador, Sir Mark Hollis, said Moscow"))) {
		t.Fatal("the phrase to select is not in the text")
	}
	do("see the picker", chromedp.WaitVisible(css("#picker")))
	if picked := value(t, ctx, "picked", chromedp.Text(css("#picked"))); !strings.HasPrefix(picked, "Britain’s ambassador") {
		t.Errorf("the picker shows %q", picked)
	}
	shot("select")
	filled := `section[data-kind=stance] .row.filled `
	do("add a stance from the selection", chromedp.Click(css(`#picker [data-add=stance]`)), chromedp.WaitVisible(css(filled+"select")))
	holder := value(t, ctx, "holder", chromedp.Value(css(filled+`input[name="stance.holder"]`)))
	target := value(t, ctx, "target", chromedp.Value(css(filled+`input[name="stance.target"]`)))
	if holder != "GBR" || target != "RUS" {
		t.Errorf("stance from the selection: %s -> %s, want GBR -> RUS", holder, target)
	}
	do("choose oppose", chromedp.SetValue(css(filled+"select"), "oppose"))

	// The extraction has the same stance: the loader refuses the file,
	// the page says why at the row, and nothing is written.
	do("save with a fault", chromedp.Click(css("#save")), chromedp.WaitVisible(css("#gold-error")), loaded)
	if problem := value(t, ctx, "fault", chromedp.Text(css("#gold-error"))); !strings.Contains(problem, "the same stance as stances[0]") {
		t.Errorf("the page says %q, want the repeated stance", problem)
	}
	if n := value(t, ctx, "bad rows", chromedp.Evaluate[int](`document.querySelectorAll("section[data-kind=stance] .row.bad").length`)); n != 1 {
		t.Errorf("%d stance rows marked bad, want 1", n)
	}
	if p := value(t, ctx, "the fault at its row", chromedp.Text(css(".row.bad .rowproblem"))); !strings.Contains(p, "the same stance as stances[0]") {
		t.Errorf("the bad row says %q", p)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused save wrote %v", entries)
	}
	shot("fault")

	// Reject the extraction's copy and save.
	do("mend and save", chromedp.Click(css(`section[data-kind=stance] .row[data-fact="s0"] [data-act=reject]`)),
		chromedp.Click(css("#save")), chromedp.WaitVisible(css("#gold-notice")), loaded)
	if notice := value(t, ctx, "notice", chromedp.Text(css("#gold-notice"))); !strings.HasPrefix(notice, "Saved unsc-sudan-aid-veto.json") {
		t.Errorf("notice %q", notice)
	}
	shot("saved")

	g, err := eval.LoadGoldFile(filepath.Join(dir, "unsc-sudan-aid-veto.json"))
	if err != nil {
		t.Fatalf("the saved gold file does not load: %v", err)
	}
	start := eval.GoldOf(*a.Record, "")
	wantStances := []extract.Stance{start.Stances[1], {Holder: "GBR", Target: "RUS", Polarity: "oppose"}}
	if !slices.Equal(g.Record.Stances, wantStances) {
		t.Errorf("saved stances %+v, want %+v", g.Record.Stances, wantStances)
	}
	if slices.Contains(g.Record.Countries, "TCD") || len(g.Record.Countries) != len(start.Countries)-1 {
		t.Errorf("saved countries %v: want the extraction's without TCD", g.Record.Countries)
	}
	if g.Record.Votes[2].Body != "UNGA" || !slices.Equal(g.Record.Votes[2].Sponsors, []string{"NOR"}) || len(g.Record.Counts) != len(start.Counts) {
		t.Errorf("saved Assembly vote %+v and %d counts; want NOR its sponsor, and the extraction's counts", g.Record.Votes[2], len(g.Record.Counts))
	}

	// Opened again, the page shows the saved file.
	do("reload", chromedp.Navigate(ts.URL+fmt.Sprintf("/articles/%d/gold", a.ID)), chromedp.WaitVisible(css("#gold")), loaded)
	states := value(t, ctx, "stance states", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("section[data-kind=stance] .rows input[name='stance.state']"), i => i.value)`))
	if !slices.Equal(states, []string{stateAccepted, stateAccepted}) {
		t.Errorf("stance rows after reload: %q, want two accepted", states)
	}
	if n := value(t, ctx, "faults shown", chromedp.Evaluate[int](`document.querySelectorAll("#gold-error").length`)); n != 0 {
		t.Error("the reloaded page shows a fault")
	}
}
