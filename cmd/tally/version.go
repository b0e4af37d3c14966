package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/tally-news/tally/extract"
)

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return e.usageErrorf("version: unexpected argument %q", fs.Arg(0))
	}
	info, _ := debug.ReadBuildInfo()
	writeVersion(e.stdout, info)
	return nil
}

// writeVersion prints the module version, the VCS revision the binary was
// built from (when the build recorded it) and the extractors' version.
func writeVersion(w io.Writer, info *debug.BuildInfo) {
	version, revision, modified, built := "unknown", "", false, ""
	if info != nil {
		version = info.Main.Version
		if version == "" {
			version = "(devel)"
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			case "vcs.time":
				built = s.Value
			}
		}
	}
	fmt.Fprintf(w, "tally %s\n", version)
	if revision != "" {
		dirty := ""
		if modified {
			dirty = " (with uncommitted changes)"
		}
		fmt.Fprintf(w, "revision %s%s", revision, dirty)
		if built != "" {
			fmt.Fprintf(w, ", committed %s", built)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "extractor %s\n", extract.Version)
	fmt.Fprintf(w, "go %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
