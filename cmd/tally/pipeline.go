package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

// pipeline cleans fetched pages and extracts records from their articles.
// It is built once per process and shared by all workers.
type pipeline struct {
	cleaner   *clean.Cleaner
	extractor *extract.Extractor
	// languages, when not empty, are the only languages whose articles
	// get a record; see reads.
	languages []string
}

func newPipeline() *pipeline {
	return &pipeline{cleaner: clean.New(clean.DefaultConfig()), extractor: extract.New()}
}

// process turns a fetched page into the Doc the corpus stores: the page,
// its article and, when the page holds an article, its record.
func (p *pipeline) process(ctx context.Context, page crawl.Page) (corpus.Doc, error) {
	doc := corpus.Doc{Page: page}
	art, err := p.cleaner.Clean(bytes.NewReader(page.Body), page.FinalURL, "text/html; charset=utf-8")
	if err != nil {
		return doc, fmt.Errorf("clean %s: %w", page.URL, err)
	}
	doc.Article = &art
	if strings.TrimSpace(art.Text) == "" || !p.reads(art.Language) {
		return doc, nil
	}
	rec := p.extractor.Extract(ctx, docName(page.URL), art.Text)
	doc.Record = &rec
	return doc, nil
}

// docName names a record after its page: the last path segment without
// its extension, or the host for a site's front page.
func docName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	base := path.Base(strings.TrimSuffix(u.Path, "/"))
	if base == "." || base == "/" || base == "" {
		return u.Host
	}
	if ext := path.Ext(base); ext != "" {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
