// Package nofollow writes files where a symbolic link may stand, never
// through the link: what a link points to is never written.
package nofollow

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExist is returned, wrapped with the path, by WriteFile without
// replace when something (a file, a folder, a link, even a link to
// nothing) is at the path.
var ErrExist = errors.New("exists")

// WriteFile writes data to path as a new file, never through a symbolic
// link. Without replace it fails when anything is at path; with replace, a
// temporary file written beside path is renamed over it, which replaces a
// file or a link itself and never the file a link points to, and leaves
// what was at path whole when the write fails.
func WriteFile(path string, data []byte, replace bool) error {
	if !replace {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s %w", path, ErrExist)
		}
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
		}
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".new-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
