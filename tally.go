// Package tally holds what the tally command carries inside its binary:
// the bundled news site and its gold files, which `tally demo` serves and
// scores from any folder. The code is in cmd/tally, crawl, extract and
// corpus.
package tally

import (
	"embed"
	"io/fs"
)

//go:embed testdata/site testdata/gold
var bundled embed.FS

// DemoSite is the bundled news site (testdata/site).
func DemoSite() fs.FS { return sub("testdata/site") }

// DemoGold is the gold files of the bundled site's articles
// (testdata/gold).
func DemoGold() fs.FS { return sub("testdata/gold") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(bundled, dir)
	if err != nil {
		panic(err) // dir is one of the embedded folders
	}
	return f
}
