package nofollow

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	precious := filepath.Join(dir, "precious")
	if err := os.WriteFile(precious, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(precious, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		path    string
		replace bool
		wantErr error
	}{
		{"new file", filepath.Join(dir, "new"), false, nil},
		{"file exists", precious, false, ErrExist},
		{"link exists", link, false, ErrExist},
		{"link replaced", link, true, nil},
		{"no folder", filepath.Join(dir, "none", "x"), true, os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteFile(tt.path, []byte("new"), tt.replace)
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				if b, err := os.ReadFile(tt.path); err != nil || string(b) != "new" {
					t.Errorf("%s holds %q, %v", tt.path, b, err)
				}
			}
			if b, _ := os.ReadFile(precious); string(b) != "keep me" {
				t.Errorf("the file a link points to was written: %q", b)
			}
		})
	}
	if fi, err := os.Lstat(link); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("the replaced link is %v, %v; want a regular file", fi, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name()[0] == '.' {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
