package corpus

import (
	"database/sql"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestBind(t *testing.T) {
	pg := &dialect{postgres: true}
	tests := []struct {
		name     string
		query    string
		args     []any
		want     string
		wantArgs []any
	}{
		{"positional", "SELECT a FROM t WHERE b = ? AND c = ?", []any{1, 2}, "SELECT a FROM t WHERE b = $1 AND c = $2", []any{1, 2}},
		{"numbered", "WHERE x = ?1 OR y = ?1 LIMIT ?2", []any{1, 2}, "WHERE x = $1 OR y = $1 LIMIT $2", []any{1, 2}},
		{"named, in order of use", "WHERE (@site = '' OR s = @site) AND d < @to",
			[]any{sql.Named("to", "z"), sql.Named("site", "a"), sql.Named("unused", 3)},
			"WHERE ($1 = '' OR s = $1) AND d < $2", []any{"a", "z"}},
		{"named after positional", "WHERE id = ? AND q = @q", []any{sql.Named("q", "w"), 7}, "WHERE id = $1 AND q = $2", []any{7, "w"}},
		{"quoted text is left alone", `SELECT '?', "@x", ? -- what? @y` + "\nFROM t", []any{1}, `SELECT '?', "@x", $1 -- what? @y` + "\nFROM t", []any{1}},
		{"group_concat", "SELECT group_concat(code, ';')", nil, "SELECT string_agg(code, ';')", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 2 { // the second time from the cache
				got, args := pg.bind(tt.query, tt.args)
				if got != tt.want || !reflect.DeepEqual(args, tt.wantArgs) {
					t.Errorf("bind(%q) = %q %v, want %q %v", tt.query, got, args, tt.want, tt.wantArgs)
				}
			}
			if got, args := sqliteDialect.bind(tt.query, tt.args); got != tt.query || !reflect.DeepEqual(args, tt.args) {
				t.Errorf("SQLite bind changed %q to %q %v", tt.query, got, args)
			}
		})
	}
}

// TestBindCacheBounded binds many statements that embed values: the
// cache of rewritten statements stays bounded.
func TestBindCacheBounded(t *testing.T) {
	pg := &dialect{postgres: true}
	for i := range 3 * maxCachedQueries {
		q := "SELECT id FROM articles WHERE id IN (" + strconv.Itoa(i) + ") AND x = ?"
		if got, _ := pg.bind(q, []any{1}); !strings.HasSuffix(got, "x = $1") {
			t.Fatalf("bind(%q) = %q", q, got)
		}
	}
	n := 0
	pg.cache.Range(func(any, any) bool { n++; return true })
	if n > maxCachedQueries {
		t.Errorf("%d statements cached, want at most %d", n, maxCachedQueries)
	}
}
