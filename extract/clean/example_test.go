package clean_test

import (
	"fmt"
	"strings"

	"github.com/tally-news/tally/extract/clean"
)

func ExampleClean() {
	page := `<html lang="en"><head><title>Council backs new library | Town Post</title>
<meta property="article:published_time" content="2024-05-02T18:00:00+02:00"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council backs new library</h1><p class="byline">By Sam Reed</p>
<p>The town council voted on Thursday to build a new library next to the station, ending two years of debate.</p>
<p>Nineteen councillors backed the plan and four opposed it. Building work is due to begin in the autumn.</p>
<div class="share">Share: <a href="#">Facebook</a> <a href="#">Email</a></div></article>
<footer>© Town Post</footer></body></html>`
	art, err := clean.Clean(strings.NewReader(page), "https://townpost.example/news/library")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(art.Title)
	fmt.Println(art.Published, art.Language)
	fmt.Println(art.Text)
	// Output:
	// Council backs new library
	// 2024-05-02T18:00:00+02:00 en
	// The town council voted on Thursday to build a new library next to the station, ending two years of debate.
	// Nineteen councillors backed the plan and four opposed it. Building work is due to begin in the autumn.
}
