//go:build !cgo

package needcgo

// The name is the whole of the error a build without cgo reports.
var _ = tally_needs_cgo_for_SQLite__build_with_CGO_ENABLED_1_and_a_C_compiler_such_as_gcc
