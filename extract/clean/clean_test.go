package clean

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// pageCases are the fixture pages of testdata/pages with what must hold of
// their articles; the whole Article is also compared with a golden file.
var pageCases = []struct {
	name        string
	file        string
	url         string
	contentType string
	want        []string // in Text
	wantNot     []string // not in Text
	reason      bool     // no article expected
}{
	{
		name: "news", file: "news.html", url: "https://ledger.example/news/2024/03/05/harbour-flood-barrier?ref=home",
		want: []string{
			"The harbour council has approved a new flood barrier",
			"Costs shared with the province",
			"“We have argued long enough while the water kept coming in,”",
			"a public hearing in each of the three harbour districts;",
			"Barrier motion",
			"The council will meet again on 19 March",
		},
		wantNot: []string{
			"cookies", "Sport", "Share on Facebook", "Related stories", "Storm surge",
			"my cellar", "Sign up for our newsletter", "All rights reserved", "Advertisement",
			"Tags:", "By Mara", "Photo: Ledger archive", "Harbour council approves flood barrier after third vote",
		},
	},
	{
		name: "blog", file: "blog.html", url: "https://gartenbrief.example/2023/06/regenfass/",
		want: []string{
			"Seit drei Wochen hat es in unserem Viertel",
			"Was wir dafür brauchen",
			"einen Regensammler für das Fallrohr",
			"für Kaffee und Kuchen ist gesorgt.",
		},
		wantNot: []string{"Über uns", "Veröffentlicht", "Tolle Idee", "Schreibe einen Kommentar", "vierzig Mitgliedern", "WordPress", "Tomaten im Mai"},
	},
	{
		name: "latin1", file: "latin1.html", url: "http://saint-aubin.example/fete.html",
		want:    []string{"Le comité des fêtes a choisi la date", "un bal populaire et un feu d'artifice clôtureront la journée."},
		wantNot: []string{"Accueil", "Mentions légales", "Publié le"},
	},
	{
		name: "win1252-sniffed", file: "win1252.html",
		want: []string{"signed what both sides called the “final” pay deal on Friday – a rise"},
	},
	{
		name: "win1252-header", file: "win1252.html", contentType: "text/html; charset=windows-1252",
		want: []string{"812 were in favour and 377 against."},
	},
	{
		name: "broken", file: "broken.html", url: "https://islands.example/2020/05/17/ferry-timetable",
		want:    []string{"The ferry company will run two extra crossings", "Weekend times stay the same.", "when the school term starts again."},
		wantNot: []string{"Islands Weekly", "Imprint"},
	},
	{
		name: "liveblog", file: "liveblog.html", url: "https://north.example/live/election-night",
		want: []string{
			"turnout stands at 71 percent",
			"Welcome to our live coverage of election night.",
		},
		wantNot: []string{"Harvest festival", "Most read", "Five things"},
	},
	{
		name: "standfirst", file: "standfirst.html", url: "https://midland.example/transport/rail-strike",
		want: []string{
			"The rail union called off Friday's strike after the operator raised its pay offer",
			"Trains will run normally on Friday",
			"The union said it would recommend a vote in favour.",
		},
		wantNot: []string{"Transport", "Midland Times staff", "Bus fares"},
	},
	{name: "index", file: "index.html", url: "https://valley.example/", reason: true},
	{name: "login", file: "login.html", url: "https://members.example/login", reason: true},
}

func TestCleanPages(t *testing.T) {
	c := New(DefaultConfig())
	for _, tc := range pageCases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "pages", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.Clean(bytes.NewReader(data), tc.url, tc.contentType)
			if err != nil {
				t.Fatalf("Clean: %v", err)
			}
			if tc.reason {
				if got.Text != "" || got.Reason == "" {
					t.Errorf("want no article and a reason, got text %q, reason %q", got.Text, got.Reason)
				}
			} else if got.Text == "" {
				t.Fatalf("no text; reason %q", got.Reason)
			}
			for _, w := range tc.want {
				if !strings.Contains(got.Text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, w := range tc.wantNot {
				if strings.Contains(got.Text, w) {
					t.Errorf("text has %q", w)
				}
			}
			checkGolden(t, tc.name, got)
		})
	}
}

// checkGolden compares an article with testdata/golden/NAME.json, or
// rewrites the file with -update.
func checkGolden(t *testing.T, name string, got Article) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".json")
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("article differs from %s (run go test -update after checking):\ngot:\n%s\nwant:\n%s", path, buf.Bytes(), want)
	}
}

// TestConcurrentUse cleans the fixture pages from several goroutines with
// one Cleaner; run with -race it checks the Cleaner shares no page state.
func TestConcurrentUse(t *testing.T) {
	c := New(DefaultConfig())
	want := map[string]Article{}
	pages := map[string][]byte{}
	for _, tc := range pageCases {
		data, err := os.ReadFile(filepath.Join("testdata", "pages", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		pages[tc.name] = data
		if want[tc.name], err = c.CleanBytes(data, tc.url, tc.contentType); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for _, tc := range pageCases {
				got, err := c.CleanBytes(pages[tc.name], tc.url, tc.contentType)
				if err == nil && got != want[tc.name] {
					err = fmt.Errorf("%s: result differs when cleaned concurrently", tc.name)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
