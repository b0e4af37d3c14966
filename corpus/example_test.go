package corpus_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/tally-news/tally/corpus"
	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/clean"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "corpus-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	db, err := corpus.Open(ctx, filepath.Join(dir, "tally.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	text := "The General Assembly adopted the resolution by 93 votes to 18, with 65 abstentions."
	yes, no, abstain := 93, 18, 65
	doc := func(url string) corpus.Doc {
		return corpus.Doc{
			Page: crawl.Page{URL: url, Status: 200, Body: []byte("<p>" + text + "</p>"),
				Fetched: time.Date(2025, 2, 24, 18, 0, 0, 0, time.UTC)},
			Article: &clean.Article{URL: url, Title: "Assembly adopts resolution", Text: text},
			Record: &extract.Record{Extractor: "example/1", Votes: []extract.Vote{{
				Body: "UNGA", Outcome: extract.Adopted,
				Tally: extract.Tally{Yes: &yes, No: &no, Abstain: &abstain},
			}}},
		}
	}
	first, err := db.Save(ctx, doc("https://one.example/un-vote"))
	if err != nil {
		log.Fatal(err)
	}
	wire, err := db.Save(ctx, doc("https://two.example/wire/un-vote"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first copy: article", first.ArticleID)
	fmt.Println("wire copy: duplicate of article", wire.DuplicateOf)

	hits, err := db.Search(ctx, corpus.SearchQuery{Text: "abstentions"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hits[0].URL, hits[0].Snippet)

	if err := db.Export(ctx, os.Stdout, corpus.ExportOptions{What: "votes", Format: "csv"}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// first copy: article 1
	// wire copy: duplicate of article 1
	// https://one.example/un-vote The General Assembly adopted the resolution by 93 votes to 18, with 65 [abstentions].
	// article_id,url,site,date,vote_id,vote_date,body,motion,outcome,yes,no,abstain,sponsors,actor,position,duplicate_of,story_id,version
	// 1,https://one.example/un-vote,one.example,2025-02-24T18:00:00Z,1,,UNGA,,adopted,93,18,65,,,,,1,1
}

func ExampleDB_Stats() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "corpus-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db, err := corpus.Open(ctx, filepath.Join(dir, "tally.db"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	db.Enqueue(ctx, "news", []crawl.Queued{{URL: "https://example.org/"}})
	db.Done(ctx, "news", crawl.Fetch{URL: "https://example.org/", Error: "timeout"})
	s, err := db.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("pages:", s.Pages, "queued:", s.Queued, "failures:", s.Failures)
	// Output:
	// pages: 0 queued: 0 failures: map[timeout:1]
}
