package clean

import "github.com/PuerkitoBio/goquery"

// readMeta fills the article's metadata from the page's markup.
func readMeta(doc *goquery.Document, art *Article) {
	art.Title = doc.Find("title").First().Text()
}

// completeMeta fills metadata that needs the article's text.
func completeMeta(doc *goquery.Document, p *page, art *Article) {}
