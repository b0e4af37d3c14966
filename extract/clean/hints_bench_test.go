package clean

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// devTrees parses every page of clean-dev.
func devTrees(b *testing.B) []*html.Node {
	dir := devDir(b)
	if dir == "" {
		b.Skip("clean-dev dataset not found")
	}
	truth, err := LoadSnippetTruth(dir)
	if err != nil {
		b.Fatal(err)
	}
	var trees []*html.Node
	for id := range truth {
		data, err := ReadSnippetPage(dir, id)
		if err != nil {
			b.Fatal(err)
		}
		root, err := parseHTML(string(data))
		if err != nil {
			b.Fatal(err)
		}
		trees = append(trees, root)
	}
	return trees
}

// BenchmarkClassifyNames reads the class names and ids of every element
// of clean-dev once per page, as buildPage does with its per-page cache.
func BenchmarkClassifyNames(b *testing.B) {
	var pages [][]string
	for _, root := range devTrees(b) {
		seen := map[string]bool{}
		var names []string
		for n := range root.Descendants() {
			for _, a := range n.Attr {
				if (a.Key == "class" || a.Key == "id") && !seen[a.Val] {
					seen[a.Val] = true
					names = append(names, a.Val)
				}
			}
		}
		pages = append(pages, names)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, names := range pages {
			for _, v := range names {
				classifyNames(v)
			}
		}
	}
}

// BenchmarkTextDate looks for a written date in the text at the start of
// every page of clean-dev and of its <body>, as dateFromText does when
// metadata gives none.
func BenchmarkTextDate(b *testing.B) {
	var nodes []*html.Node
	for _, root := range devTrees(b) {
		nodes = append(nodes, root)
		for n := range root.Descendants() {
			if n.Type == html.ElementNode && strings.EqualFold(n.Data, "body") {
				nodes = append(nodes, n)
				break
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, n := range nodes {
			textDate(nodeText(n))
		}
	}
}
