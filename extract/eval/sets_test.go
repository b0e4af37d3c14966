package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSetBelow(t *testing.T) {
	rep := Report{Types: map[string]Score{
		Country: {Scored: true, F1: 1}, Count: {Scored: true, F1: 0.95}, CountUnit: {Scored: true, F1: 0.9},
		Vote: {Scored: true, F1: 0.70}, Stance: {}, Overall: {Scored: true, F1: 0.85},
	}}
	for _, c := range []struct {
		name  string
		floor map[string]float64
		want  []string
	}{
		{"all above", map[string]float64{Overall: 0.8, "*": 0.5}, nil},
		{"overall below", map[string]float64{Overall: 0.9}, []string{"overall F1 0.850 is below the floor 0.900"}},
		{"every type below", map[string]float64{"*": 0.92},
			[]string{"count_unit F1 0.900 is below the floor 0.920", "vote F1 0.700 is below the floor 0.920"}},
		{"a type's own floor beats the star", map[string]float64{"*": 0.5, Vote: 0.75}, []string{"vote F1 0.700 is below the floor 0.750"}},
		{"the star skips types not scored", map[string]float64{"*": 0.1}, nil},
		{"a named type not scored", map[string]float64{Stance: 0.2}, []string{"stance is not scored but has the floor 0.200"}},
		{"at the floor is not below", map[string]float64{Vote: 0.70}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Set{Floor: c.floor}.Below(rep)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Below = %q, want %q", got, c.want)
			}
		})
	}
}

func TestLoadSets(t *testing.T) {
	write := func(t *testing.T, manifest string, folders ...string) string {
		t.Helper()
		dir := t.TempDir()
		for _, f := range folders {
			if err := os.Mkdir(filepath.Join(dir, f), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, "sets.json")
		if err := os.WriteFile(path, []byte(manifest), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	t.Run("good", func(t *testing.T) {
		path := write(t, `[{"name": "a", "dir": "a", "covers": "x", "first_contact": {"vote": 0.5}, "floor": {"overall": 0.9, "*": 0.8}},
			{"name": "far", "dir": "../nowhere", "external": true, "covers": "y", "floor": {"vote": 0.7}}]`, "a")
		sets, err := LoadSets(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(sets) != 2 || sets[0].Dir != filepath.Join(filepath.Dir(path), "a") || !sets[0].Present() || sets[1].Present() {
			t.Errorf("LoadSets = %+v", sets)
		}
	})
	for _, c := range []struct {
		name, manifest string
		folders        []string
		want           string
	}{
		{"unlisted folder", `[{"name": "a", "dir": "a", "floor": {"overall": 0.9}}]`, []string{"a", "b"}, "b is not listed: add it to the manifest"},
		{"missing folder", `[{"name": "a", "dir": "a", "floor": {"overall": 0.9}}]`, nil, `set "a": folder`},
		{"listed twice", `[{"name": "a", "dir": "a", "floor": {"overall": 0.9}}, {"name": "a", "dir": "a", "floor": {"overall": 0.9}}]`, []string{"a"}, `set "a": listed twice`},
		{"no floor", `[{"name": "a", "dir": "a"}]`, []string{"a"}, `set "a": no floor`},
		{"bad type", `[{"name": "a", "dir": "a", "floor": {"votes": 0.9}}]`, []string{"a"}, `floor: "votes" is not a score type`},
		{"star in first contact", `[{"name": "a", "dir": "a", "first_contact": {"*": 0.9}, "floor": {"overall": 0.9}}]`, []string{"a"}, `first_contact: "*" is not a score type`},
		{"out of range", `[{"name": "a", "dir": "a", "floor": {"overall": 90}}]`, []string{"a"}, "overall 90 is not between 0 and 1"},
		{"unknown field", `[{"name": "a", "dir": "a", "floors": {"overall": 0.9}}]`, []string{"a"}, `unknown field "floors"`},
		{"no name", `[{"dir": "a", "floor": {"overall": 0.9}}]`, []string{"a"}, "set 0: needs a name and a dir"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := write(t, c.manifest, c.folders...)
			_, err := LoadSets(path)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("LoadSets error = %v, want one naming %s and saying %q", err, path, c.want)
			}
		})
	}
}
