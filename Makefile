# tally: build, test, demo and evaluation.
#
# FTS5 full-text search is compiled into SQLite with the sqlite_fts5 tag;
# every go command here passes it.

GO       ?= go
TAGS     := sqlite_fts5
GOFLAGS  := -tags=$(TAGS)
BIN      := bin/tally
DEV      := ../shared/data/extract-dev
CLEANDEV := ../shared/data/clean-dev

export GOFLAGS

.PHONY: all build test race demo eval bench fuzz vet lint clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/tally

# The tests: vet, then every package.
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

race:
	$(GO) test -race -count=1 ./...

# The main job on the bundled site, served on 127.0.0.1.
demo: build
	./$(BIN) demo

# Regenerates the evaluation table in README.md.
eval: build
	./$(BIN) eval --markdown --gold testdata/gold --gold testdata/extract --gold testdata/extract2 --gold testdata/extract3 --gold testdata/extract4 --gold testdata/extract5 --gold testdata/extract6 --gold testdata/extract7 --gold testdata/extract8 --gold testdata/extract9 --gold testdata/extract10 --gold $(DEV) > eval.md.tmp
	awk 'BEGIN { while ((getline l < "eval.md.tmp") > 0) t = t l "\n" } \
	     /<!-- eval:begin -->/ { print; printf "%s", t; skip = 1; next } \
	     /<!-- eval:end -->/ { skip = 0 } !skip' README.md > README.md.tmp
	mv README.md.tmp README.md
	rm -f eval.md.tmp
	@sed -n '/<!-- eval:begin -->/,/<!-- eval:end -->/p' README.md

bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=6 ./extract/ ./extract/clean/ ./corpus/ | tee bench.out

fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzExtract -fuzztime=30s ./extract/

vet:
	$(GO) vet ./...

# staticcheck and gocyclo from the Go module proxy, installed on first use.
# No function of package extract over cyclomatic complexity 30 (the
# extract tests check it too); bodies.go is left out until it becomes the
# chamber table.
lint:
	$(GO) install honnef.co/go/tools/cmd/staticcheck@latest
	$$($(GO) env GOPATH)/bin/staticcheck ./...
	$(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@latest
	$$($(GO) env GOPATH)/bin/gocyclo -over 30 -ignore '_test\.go$$|/bodies\.go$$' extract/*.go

clean:
	rm -rf bin bench.out
