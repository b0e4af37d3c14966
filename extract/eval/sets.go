package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// Set is one gold set of a set manifest: a folder of gold files, what it
// covers, the scores it had the first time the extractor met it, and the
// floor its scores must keep.
type Set struct {
	// Name names the set; a set kept beside the manifest lives in the
	// folder of that name.
	Name string `json:"name"`
	// Dir is the set's folder. The manifest gives it absolute or relative
	// to its own folder; LoadSets returns a relative one joined to that
	// folder.
	Dir string `json:"dir"`
	// Covers says what the set holds.
	Covers string `json:"covers"`
	// External marks a set kept outside the repository, which is
	// skipped when its folder is absent.
	External bool `json:"external,omitempty"`
	// FirstContact holds the F1 per type ("overall" included) the first
	// time the extractor met the set, before any rule was made from it;
	// empty for sets built together with the rules.
	FirstContact map[string]float64 `json:"first_contact,omitempty"`
	// Floor holds the F1 each type must keep; "*" stands for every
	// scored type that is not Overall and has no floor of its own.
	Floor map[string]float64 `json:"floor"`
}

// Present reports whether the set's folder exists.
func (s Set) Present() bool {
	st, err := os.Stat(s.Dir)
	return err == nil && st.IsDir()
}

// Below lists the floors of the set a report falls below, one message
// each: "vote F1 0.741 is below the floor 0.772".
func (s Set) Below(rep Report) []string {
	var out []string
	for _, t := range TypeOrder() {
		floor, ok := s.Floor[t]
		if !ok && t != Overall {
			floor, ok = s.Floor["*"]
			if ok && !rep.Types[t].Scored {
				continue
			}
		}
		if !ok {
			continue
		}
		sc := rep.Types[t]
		switch {
		case !sc.Scored:
			out = append(out, fmt.Sprintf("%s is not scored but has the floor %.3f", t, floor))
		case sc.F1 < floor:
			out = append(out, fmt.Sprintf("%s F1 %.3f is below the floor %.3f", t, sc.F1, floor))
		}
	}
	return out
}

// LoadSets reads a set manifest: a JSON array of Set. It checks each
// entry, and that every folder beside the manifest is a set of it, so a
// set added as a folder and not to the manifest (or the other way round)
// is an error rather than a set nobody scores. A fault names the manifest
// and the set.
func LoadSets(path string) ([]Set, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read set manifest: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var sets []Set
	if err := dec.Decode(&sets); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	base := filepath.Dir(path)
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{path}, args...)...))
	}
	seen := map[string]bool{}
	listed := map[string]bool{}
	for i := range sets {
		s := &sets[i]
		if s.Name == "" || s.Dir == "" {
			fail("set %d: needs a name and a dir", i)
			continue
		}
		if seen[s.Name] {
			fail("set %q: listed twice", s.Name)
		}
		seen[s.Name] = true
		if !filepath.IsAbs(s.Dir) {
			s.Dir = filepath.Join(base, s.Dir)
		}
		listed[filepath.Clean(s.Dir)] = true
		if !s.External && !s.Present() {
			fail("set %q: folder %s does not exist", s.Name, s.Dir)
		}
		if len(s.Floor) == 0 {
			fail("set %q: no floor", s.Name)
		}
		for _, field := range []struct {
			name   string
			scores map[string]float64
			star   bool
		}{{"floor", s.Floor, true}, {"first_contact", s.FirstContact, false}} {
			for _, t := range sortedKeys(field.scores) {
				if !slices.Contains(TypeOrder(), t) && !(field.star && t == "*") {
					fail("set %q: %s: %q is not a score type (%v)", s.Name, field.name, t, TypeOrder())
				}
				if v := field.scores[t]; v < 0 || v > 1 {
					fail("set %q: %s: %s %v is not between 0 and 1", s.Name, field.name, t, v)
				}
			}
		}
	}
	folders, err := os.ReadDir(base)
	if err != nil {
		return nil, fmt.Errorf("read set folder: %w", err)
	}
	for _, f := range folders {
		if dir := filepath.Join(base, f.Name()); f.IsDir() && !listed[dir] {
			fail("folder %s is not listed: add it to the manifest", dir)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return sets, nil
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
