# tally: build, test, demo and evaluation.
#
# No build tags are needed. Search uses SQLite FTS4, which go-sqlite3
# always has, or FTS5 where it is built with -tags sqlite_fts5; the tests
# run the corpus package both ways.

GO       ?= go
BIN      := bin/tally
SETS     := testdata/sets/sets.json
CLEANDEV := ../shared/data/clean-dev

.PHONY: all build test race demo eval bench bench-memory fuzz vet lint clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/tally

# The tests: vet, then every package, then the corpus with FTS5.
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) test -count=1 -tags sqlite_fts5 ./corpus/

race:
	$(GO) test -race -count=1 ./...

# The main job on the bundled site, served on 127.0.0.1.
demo: build
	./$(BIN) demo

# Regenerates the evaluation table in README.md from every set of the set
# manifest (each folder of testdata/sets, the site's gold, and the shared
# sets when they are present).
eval: build
	./$(BIN) eval --markdown --sets $(SETS) > eval.md.tmp
	awk 'BEGIN { while ((getline l < "eval.md.tmp") > 0) t = t l "\n" } \
	     /<!-- eval:begin -->/ { print; printf "%s", t; skip = 1; next } \
	     /<!-- eval:end -->/ { skip = 0 } !skip' README.md > README.md.tmp
	mv README.md.tmp README.md
	rm -f eval.md.tmp
	@sed -n '/<!-- eval:begin -->/,/<!-- eval:end -->/p' README.md

bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=6 ./extract/ ./extract/clean/ ./extract/events/ ./corpus/ | tee bench.out

# Peak resident memory extracting 1, 5 and 20 MB of text and one 200 KB
# sentence, each in a process of its own (minutes).
bench-memory:
	TALLY_BENCH_MEMORY=1 $(GO) test -run='^$$' -bench=PeakMemory -benchtime=1x ./extract/ | tee bench-memory.out

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzExtract -fuzztime=30s ./extract/

vet:
	$(GO) vet ./...

# staticcheck and gocyclo from the Go module proxy, installed on first use.
# No function of package extract over cyclomatic complexity 30 (the
# extract tests check it too).
lint:
	$(GO) install honnef.co/go/tools/cmd/staticcheck@latest
	$$($(GO) env GOPATH)/bin/staticcheck ./...
	$(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@latest
	$$($(GO) env GOPATH)/bin/gocyclo -over 30 -ignore '_test\.go$$' extract/*.go

clean:
	rm -rf bin bench.out bench-memory.out
