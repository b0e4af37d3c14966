// Package needcgo stops a build without cgo with one clear line: the
// corpus uses SQLite through github.com/mattn/go-sqlite3, which is C
// code, so tally cannot be built with CGO_ENABLED=0.
package needcgo
