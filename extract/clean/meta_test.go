package clean

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for no date
	}{
		{"2024-03-05T10:30:00+01:00", "2024-03-05T10:30:00+01:00"},
		{"2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z"},
		{"2024-03-05T10:30:00.123+0100", "2024-03-05T10:30:00+01:00"},
		{"2024-03-05T10:30:00", "2024-03-05T10:30:00Z"},
		{"2024-03-05 10:30", "2024-03-05T10:30:00Z"},
		{"2024-03-05", "2024-03-05T00:00:00Z"},
		{"Tue, 05 Mar 2024 10:30:00 +0100", "2024-03-05T10:30:00+01:00"},
		{"05.03.2024", "2024-03-05T00:00:00Z"},
		{"March 5, 2024", "2024-03-05T00:00:00Z"},
		{"5 March 2024", "2024-03-05T00:00:00Z"},
		{"5. März 2024", "2024-03-05T00:00:00Z"},
		{"3 mars 2021", "2021-03-03T00:00:00Z"},
		{"5 de marzo de 2024", "2024-03-05T00:00:00Z"},
		{"5 marca 2024", "2024-03-05T00:00:00Z"},
		{"1709631000", "2024-03-05T09:30:00Z"},
		{"yesterday", ""},
		{"1850-01-01", ""},
		{"2024-02-30", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := firstDate(tc.in)
			if got != tc.want {
				t.Errorf("firstDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://ex.org/2019/09/21/story/", "2019-09-21"},
		{"https://ex.org/news/2019-09-21-story", "2019-09-21"},
		{"https://ex.org/a/20190921-story.html", "2019-09-21"},
		{"https://ex.org/2019/13/40/story", ""},
		{"https://ex.org/story-123456789", ""},
	}
	for _, tc := range tests {
		if got := dateFromURL(tc.url); got != tc.want {
			t.Errorf("dateFromURL(%q) = %q, want %q", tc.url, got, tc.want)
		}
	}
}

func TestTextDate(t *testing.T) {
	got, ok := textDate("Posted by the editors on September 21st, 2019 at noon; updated 22.09.2019")
	if !ok || got.Format(time.DateOnly) != "2019-09-21" {
		t.Errorf("got %v %v, want the first date, 2019-09-21", got, ok)
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"de-DE", "de"}, {"en_US", "en"}, {"EN", "en"}, {"fr", "fr"}, {"x", ""}, {"en-", "en"}, {"12", ""},
	}
	for _, tc := range tests {
		if got := normaliseLang(tc.in); got != tc.want {
			t.Errorf("normaliseLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	texts := []struct{ text, want string }{
		{"The committee said that it was ready to vote on the report and that the members are in favour of it.", "en"},
		{"Der Ausschuss sagte, dass er bereit sei, über den Bericht abzustimmen, und die Mitglieder sind auch dafür.", "de"},
		{"Le comité a dit qu'il est prêt à voter sur le rapport et que les membres sont pour la proposition.", "fr"},
		{"El comité dijo que está listo para votar el informe y que los miembros están a favor de la propuesta.", "es"},
		{"Komisja powiedziała, że jest gotowa do głosowania nad raportem i że to nie jest problem dla niej.", "pl"},
		{"short text", ""},
	}
	for _, tc := range texts {
		if got := detectLanguage(tc.text); got != tc.want {
			t.Errorf("detectLanguage(%.30q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestTitleAndByline(t *testing.T) {
	titles := []struct{ in, site, want string }{
		{"Harbour vote passes | The Ledger", "The Ledger", "Harbour vote passes"},
		{"Harbour vote passes - Ledger", "", "Harbour vote passes"},
		{"The Ledger | Harbour vote passes after a long debate", "The Ledger", "Harbour vote passes after a long debate"},
		{"Harbour vote - a long night", "", "Harbour vote - a long night"},
	}
	for _, tc := range titles {
		if got := stripSiteName(tc.in, tc.site); got != tc.want {
			t.Errorf("stripSiteName(%q, %q) = %q, want %q", tc.in, tc.site, got, tc.want)
		}
	}
	bylines := []struct{ in, want string }{
		{"By Mara Lindqvist", "Mara Lindqvist"},
		{"  von   Jana Petersen ", "Jana Petersen"},
		{"Written by: Tom Okafor", "Tom Okafor"},
		{"Ilse Brandt", "Ilse Brandt"},
	}
	for _, tc := range bylines {
		if got := cleanByline(tc.in); got != tc.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMetaSources(t *testing.T) {
	tests := []struct {
		name string
		page string
		url  string
		want Article
	}{
		{
			name: "opengraph",
			page: `<html lang="it"><head><meta property="og:title" content="Il consiglio approva"><meta property="og:site_name" content="La Gazzetta di Prova">
<meta property="article:published_time" content="2021-04-02T08:00:00+02:00"><meta property="article:modified_time" content="2021-04-03T09:00:00+02:00">
<meta property="og:url" content="https://gazzetta.example/consiglio"><meta property="og:description" content="Il voto del consiglio."><meta name="author" content="Lucia Bianchi"></head><body><p>x</p></body></html>`,
			want: Article{Title: "Il consiglio approva", SiteName: "La Gazzetta di Prova", Published: "2021-04-02T08:00:00+02:00", Modified: "2021-04-03T09:00:00+02:00",
				Canonical: "https://gazzetta.example/consiglio", Description: "Il voto del consiglio.", Byline: "Lucia Bianchi", Language: "it"},
		},
		{
			name: "json-ld graph",
			page: `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example News"},
{"@type":["NewsArticle"],"headline":"Graph headline","datePublished":"2020-01-02T03:04:05Z","inLanguage":"nl-NL","author":{"@type":"Person","name":"Sanne de Vries"},"description":"Graph description."}]}</script></head><body></body></html>`,
			want: Article{Title: "Graph headline", SiteName: "Example News", Published: "2020-01-02T03:04:05Z", Language: "nl", Byline: "Sanne de Vries", Description: "Graph description."},
		},
		{
			name: "time element and title tag",
			page: `<html><head><title>Budget passes – City Paper</title></head><body><article><h1>Budget passes</h1><time datetime="2018-11-30">30 November</time><p class="byline">By Ana Ruiz</p></article></body></html>`,
			want: Article{Title: "Budget passes", Published: "2018-11-30T00:00:00Z", Byline: "Ana Ruiz"},
		},
		{
			name: "date from the URL, canonical link resolved",
			page: `<html><head><title>Notes</title><link rel="canonical" href="/2017/05/06/notes"></head><body><p>text</p></body></html>`,
			url:  "https://blog.example/2017/05/06/notes?utm=x",
			want: Article{Title: "Notes", Published: "2017-05-06T00:00:00Z", Canonical: "https://blog.example/2017/05/06/notes"},
		},
		{
			name: "date from the visible text",
			page: `<html><head><title>Club news</title></head><body><div class="post"><p>Posted on 14 February 2016</p><p>The club met.</p></div></body></html>`,
			want: Article{Title: "Club news", Published: "2016-02-14T00:00:00Z"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := New(DefaultConfig()).CleanBytes([]byte(tc.page), tc.url, "")
			if err != nil {
				t.Fatal(err)
			}
			got.URL, got.Text, got.Reason = "", "", ""
			if got.Language != "" && tc.want.Language == "" {
				got.Language = "" // detected from too little text to matter here
			}
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	latin := func(s string) []byte {
		b, err := charmap.ISO8859_1.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	utf16 := func(s string) []byte {
		b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	long := strings.Repeat(" ", 2000)
	tests := []struct {
		name        string
		data        []byte
		contentType string
		want        string // substring of the decoded page
		enc         string
	}{
		{"utf-8 sniffed", []byte("<p>Grüße</p>"), "", "Grüße", "utf-8"},
		{"latin-1 sniffed", latin("<p>Grüße</p>"), "", "Grüße", "windows-1252"},
		{"header", latin("<p>Grüße</p>"), "text/html; charset=ISO-8859-1", "Grüße", "windows-1252"},
		{"header beats meta", latin(`<meta charset="utf-8"><p>Grüße</p>`), "text/html; charset=latin1", "Grüße", "windows-1252"},
		{"meta", latin(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Grüße</p>`), "", "Grüße", "windows-1252"},
		{"meta after 1024 bytes", latin("<head>" + long + `<meta charset="windows-1252"></head><p>Grüße</p>`), "", "Grüße", "windows-1252"},
		{"utf-16 with BOM", utf16("<p>Grüße</p>"), "", "Grüße", "utf-16le"},
		{"invalid utf-8 declared", []byte("<meta charset=utf-8><p>a\xffb</p>"), "", "a\uFFFDb", "utf-8"},
		{"unknown header charset", []byte("<p>Grüße</p>"), "text/html; charset=x-nonsense", "Grüße", "utf-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc := decode(tc.data, tc.contentType)
			if !strings.Contains(got, tc.want) || enc != tc.enc {
				t.Errorf("decode = %q (%s), want it to hold %q (%s)", got, enc, tc.want, tc.enc)
			}
		})
	}
}
