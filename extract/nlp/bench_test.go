package nlp_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/nlp"
)

// benchTexts reads the articles the extraction benchmarks run over: the
// project's gold texts and, when present, the shared development set.
func benchTexts(b *testing.B) []string {
	var files []string
	for _, pattern := range []string{
		filepath.Join("..", "..", "testdata", "gold", "*.txt"),
		filepath.Join("..", "..", "..", "shared", "data", "extract-dev", "*.txt"),
		filepath.Join("..", "..", "..", "shared", "seed", "*.txt"),
	} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) == 0 {
		b.Skip("no article texts found")
	}
	return texts
}

func totalBytes(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// BenchmarkNaiveProse is the baseline: a fresh prose document with default
// options (models reloaded, tagging and entity extraction) per article.
func BenchmarkNaiveProse(b *testing.B) {
	texts := benchTexts(b)
	b.SetBytes(totalBytes(texts))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			if _, err := prose.NewDocument(t); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkExtract runs the whole extraction (sentences, tagging, actors,
// counts, votes, stances) over every article, one after another, on one
// goroutine.
func BenchmarkExtract(b *testing.B) {
	texts := benchTexts(b)
	x := extract.New()
	ctx := context.Background()
	b.SetBytes(totalBytes(texts))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			x.Extract(ctx, "bench", t)
		}
	}
}

// BenchmarkExtractParallel runs the extraction of independent articles on
// all cores with one shared extractor.
func BenchmarkExtractParallel(b *testing.B) {
	texts := benchTexts(b)
	x := extract.New()
	ctx := context.Background()
	b.SetBytes(totalBytes(texts))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, t := range texts {
				x.Extract(ctx, "bench", t)
			}
		}
	})
}

// BenchmarkSentences splits every article into sentences.
func BenchmarkSentences(b *testing.B) {
	texts := benchTexts(b)
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			nlp.Sentences(t)
		}
	}
}

// BenchmarkTag tags every sentence of every article with the shared model
// (loaded before the timing starts).
func BenchmarkTag(b *testing.B) {
	texts := benchTexts(b)
	m := nlp.Load()
	var sents []nlp.Sentence
	for _, t := range texts {
		sents = append(sents, nlp.Sentences(t)...)
	}
	m.Tag(sents[0])
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Tag(s)
		}
	}
}
