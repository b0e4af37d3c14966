package crawl

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// discovered is what the golden files record of a document.
type discovered struct {
	Type      string `json:"type"`
	Links     []link `json:"links"`
	Canonical string `json:"canonical,omitempty"`
	NoFollow  bool   `json:"nofollow,omitempty"`
}

func TestDiscover(t *testing.T) {
	tests := []struct {
		file, contentType, kind, docURL string
	}{
		{"page.html", "text/html; charset=utf-8", KindPage, "https://news.example.org/world/index.html"},
		{"nofollow.html", "text/html", KindPage, "https://news.example.org/"},
		{"feed.rss", "application/rss+xml", KindPage, "https://news.example.org/feeds/world.rss"},
		{"feed.atom", "application/atom+xml", KindFeed, "https://news.example.org/feeds/world.atom"},
		{"feed.rdf", "text/xml", KindPage, "https://news.example.org/feeds/world.rdf"},
		{"sitemap.xml", "application/xml", KindSitemap, "https://news.example.org/sitemap.xml"},
		{"sitemapindex.xml", "", KindPage, "https://news.example.org/sitemap-index.xml"},
		{"sitemap.txt", "text/plain", KindSitemap, "https://news.example.org/sitemap.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "discover", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			docURL, _ := url.Parse(tt.docURL)
			var got discovered
			switch classify(mediaType(tt.contentType), body, tt.kind) {
			case docHTML:
				got.Type = "html"
				text, err := decodeHTML(body, tt.contentType)
				if err != nil {
					t.Fatal(err)
				}
				h := parseHTML(text, docURL)
				got.Links, got.Canonical, got.NoFollow = h.Links, h.Canonical, h.NoFollow
			case docFeed, docSitemap:
				got.Type = "discovery"
				if xmlRoot(body) == "" {
					got.Links = parseTextSitemap(body, docURL)
				} else if got.Links, err = parseXMLLinks(body, docURL); err != nil {
					t.Fatal(err)
				}
			default:
				got.Type = "other"
			}
			gotJSON, _ := json.MarshalIndent(got, "", "  ")
			gotJSON = append(gotJSON, '\n')
			golden := filepath.Join("testdata", "discover", tt.file+".golden.json")
			if *update {
				if err := os.WriteFile(golden, gotJSON, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(gotJSON, want) {
				t.Errorf("%s: got\n%s\nwant\n%s", tt.file, gotJSON, want)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name, mt, body, kind string
		want                 docType
	}{
		{"html", "text/html", "<p>x", KindPage, docHTML},
		{"xhtml", "application/xhtml+xml", "<html/>", KindPage, docHTML},
		{"unlabelled html", "", "<!DOCTYPE html><p>x", KindPage, docHTML},
		{"rss as text/xml", "text/xml", "<?xml version='1.0'?><rss/>", KindPage, docFeed},
		{"atom", "application/atom+xml", "<feed xmlns='http://www.w3.org/2005/Atom'/>", KindPage, docFeed},
		{"sitemap as octet-stream", "application/octet-stream", "<?xml version='1.0'?><urlset/>", KindPage, docSitemap},
		{"other xml", "application/xml", "<svg/>", KindPage, docOther},
		{"text sitemap", "text/plain", "https://a.example/\n", KindSitemap, docSitemap},
		{"text page", "text/plain", "hello", KindPage, docOther},
		{"pdf", "application/pdf", "%PDF-1.4", KindPage, docOther},
		{"json", "application/json", "{}", KindPage, docOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify(tt.mt, []byte(tt.body), tt.kind); got != tt.want {
				t.Errorf("classify(%q, %q) = %v, want %v", tt.mt, tt.body, got, tt.want)
			}
		})
	}
}

func FuzzParseXMLLinks(f *testing.F) {
	for _, name := range []string{"feed.rss", "feed.atom", "feed.rdf", "sitemap.xml", "sitemapindex.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", "discover", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	base, _ := url.Parse("https://news.example.org/feed")
	f.Fuzz(func(t *testing.T, body []byte) {
		links, err := parseXMLLinks(body, base)
		if err != nil && len(links) > 0 {
			t.Fatalf("links returned with an error: %v", err)
		}
		for _, l := range links {
			if c, err := Canonicalize(l.URL); err != nil || c != l.URL {
				t.Fatalf("link %q is not canonical (%q, %v)", l.URL, c, err)
			}
		}
	})
}

func FuzzParseHTML(f *testing.F) {
	for _, name := range []string{"page.html", "nofollow.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", "discover", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	base, _ := url.Parse("https://news.example.org/world/")
	f.Fuzz(func(t *testing.T, body []byte) {
		h := parseHTML(body, base)
		for _, l := range h.Links {
			if c, err := Canonicalize(l.URL); err != nil || c != l.URL {
				t.Fatalf("link %q is not canonical (%q, %v)", l.URL, c, err)
			}
		}
	})
}
