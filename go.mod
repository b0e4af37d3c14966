module github.com/tally-news/tally

go 1.26.8
