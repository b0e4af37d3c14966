package corpus

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tally-news/tally/crawl"
	"github.com/tally-news/tally/extract"
)

func TestOpenCreatesAndMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db := mustOpenPath(t, path)
	ctx := context.Background()

	var versions []int
	rows, err := db.read.QueryContext(ctx, "SELECT version FROM schema_migrations ORDER BY applied, version")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v int
		rows.Scan(&v)
		versions = append(versions, v)
	}
	rows.Close()
	var want []int
	for v := 1; v <= SchemaVersion(); v++ {
		want = append(want, v)
	}
	if !reflect.DeepEqual(versions, want) {
		t.Errorf("schema_migrations = %v, want %v", versions, want)
	}
	if SchemaVersion() < 3 {
		t.Errorf("SchemaVersion() = %d, want at least 3", SchemaVersion())
	}
	pragmas := []struct {
		name string
		want int64
	}{
		{"user_version", int64(SchemaVersion())},
		{"application_id", ApplicationID},
		{"foreign_keys", 1},
	}
	for _, p := range pragmas {
		for _, pool := range []*sql.DB{db.read.DB, db.write.DB} {
			var got int64
			if err := pool.QueryRowContext(ctx, "PRAGMA "+p.name).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != p.want {
				t.Errorf("PRAGMA %s = %d, want %d", p.name, got, p.want)
			}
		}
	}
	var mode string
	if err := db.read.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}

	// Reopening applies nothing twice.
	db.Close()
	db2 := mustOpenPath(t, path)
	if n := count(t, db2, "schema_migrations"); n != SchemaVersion() {
		t.Errorf("after reopening, %d migrations recorded, want %d", n, SchemaVersion())
	}
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 || m.sql == "" {
			t.Errorf("migration %d: version %d, %d bytes of SQL", i, m.version, len(m.sql))
		}
	}
}

// rawSQLite creates a SQLite file with statements, outside the corpus code.
func rawSQLite(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestOpenRefusesAndLeavesUntouched(t *testing.T) {
	tests := []struct {
		name    string
		make    func(t *testing.T, path string)
		wantErr error
		wantMsg string
	}{
		{
			name: "newer schema",
			make: func(t *testing.T, path string) {
				db := mustOpenPath(t, path)
				if _, err := db.write.Exec("PRAGMA user_version = 999"); err != nil {
					t.Fatal(err)
				}
				db.Close()
			},
			wantErr: ErrNewerSchema,
			wantMsg: "schema version 999",
		},
		{
			name: "other application's database",
			make: func(t *testing.T, path string) {
				rawSQLite(t, path, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('x')")
			},
			wantErr: ErrNotCorpus,
			wantMsg: "another application",
		},
		{
			name: "other application id",
			make: func(t *testing.T, path string) {
				rawSQLite(t, path, "PRAGMA application_id = 1234", "CREATE TABLE t (x)")
			},
			wantErr: ErrNotCorpus,
			wantMsg: "application_id 0x4d2",
		},
		{
			name: "garbage",
			make: func(t *testing.T, path string) {
				b := bytes.Repeat([]byte("this is not a database\n"), 400)
				os.WriteFile(path, b, 0o644)
			},
			wantErr: ErrNotCorpus,
			wantMsg: "not a SQLite database",
		},
		{
			name:    "short file",
			make:    func(t *testing.T, path string) { os.WriteFile(path, []byte("hello"), 0o644) },
			wantErr: ErrNotCorpus,
			wantMsg: "too short",
		},
		{
			name: "corrupt corpus",
			make: func(t *testing.T, path string) {
				db := mustOpenPath(t, path)
				for i := range 50 {
					if _, err := db.Save(context.Background(), testDoc(i, "example.org")); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := db.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
					t.Fatal(err)
				}
				db.Close()
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				// Overwrite everything after the first page (the schema
				// root stays, the tables' pages are lost).
				for i := 4096; i < len(b); i++ {
					b[i] = 0xA5
				}
				os.WriteFile(path, b, 0o644)
			},
			wantErr: ErrNotCorpus,
			wantMsg: "damaged",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.db")
			tt.make(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			db, err := Open(context.Background(), path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded, want an error")
			}
			t.Log(err)
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error %q is not %v", err, tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q should name the file and say %q", err, tt.wantMsg)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Error("the file was changed")
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Error("a write-ahead log was created")
			}
		})
	}
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path, want string
	}{
		{"missing folder", filepath.Join(dir, "no", "such", "folder", "tally.db"), "no such file or directory"},
		{"a folder", dir, "is a directory"},
		{"empty name", "", "no file name"},
		{"memory", ":memory:", "must be a file name"},
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o555)
		tests = append(tests, struct{ name, path, want string }{"read-only folder", filepath.Join(ro, "tally.db"), "permission denied"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(context.Background(), tt.path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestOpenEmptyFileBecomesCorpus(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	db := mustOpenPath(t, path)
	if _, err := db.Save(context.Background(), testDoc(1, "example.org")); err != nil {
		t.Fatal(err)
	}
}

// TestMigrateFromFirstSchema builds a corpus at schema version 1 with data
// in it, as the first tally wrote them, then opens it with this one.
func TestMigrateFromFirstSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	old, err := open(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	text := paragraphs(words(77, 150))
	stmts := []string{
		`INSERT INTO pages (id, job, url, site, status, content_type, hash, body, fetched)
		 VALUES (1, 'old', 'https://old.example/a', 'old.example', 200, 'text/html', 'h1', x'1f8b08000000000000ff010000ffff0000000000000000', '2023-05-01T10:00:00.000000000Z')`,
		`INSERT INTO articles (id, page_id, url, title, published, text, date)
		 VALUES (1, 1, 'https://old.example/a', 'Assembly backs ceasefire call', '2023-05-01', '` + text + `', '2023-05-01T00:00:00.000000000Z')`,
		`INSERT INTO records (id, article_id, extractor, json) VALUES (1, 1, 'v0', '{"doc":"a","countries":["FRA"],"counts":[],"votes":[],"stances":[]}')`,
		`INSERT INTO record_countries VALUES (1, 'FRA')`,
		`INSERT INTO votes (id, record_id, body, outcome, yes) VALUES (1, 1, 'UNGA', 'adopted', 120)`,
		`INSERT INTO vote_positions VALUES (1, 'FRA', 'yes')`,
		`INSERT INTO frontier (job, url) VALUES ('old', 'https://old.example/b')`,
		`INSERT INTO fetches (job, url, status, etag, fetched) VALUES ('old', 'https://old.example/a', 200, '"e1"', '2023-05-01T10:00:00.000000000Z')`,
	}
	for _, s := range stmts {
		if _, err := old.write.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	var v int
	old.read.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Fatalf("user_version = %d, want 1", v)
	}
	old.Close()

	db := mustOpenPath(t, path)
	if n := count(t, db, "schema_migrations"); n != SchemaVersion() {
		t.Errorf("%d migrations recorded, want %d", n, SchemaVersion())
	}
	// The old data is all there.
	for table, want := range map[string]int{"pages": 1, "articles": 1, "records": 1, "record_countries": 1,
		"votes": 1, "vote_positions": 1, "frontier": 1, "fetches": 1} {
		if got := count(t, db, table); got != want {
			t.Errorf("%s: %d rows, want %d", table, got, want)
		}
	}
	f, ok, err := db.LastFetch(ctx, "old", "https://old.example/a")
	if err != nil || !ok || f.ETag != `"e1"` {
		t.Errorf("LastFetch = %+v, %v, %v", f, ok, err)
	}
	// The migrated article is searchable and known to duplicate detection.
	hits, err := db.Search(ctx, SearchQuery{Text: "ceasefire"})
	if err != nil || len(hits) != 1 || hits[0].ArticleID != 1 {
		t.Errorf("Search after migration = %+v, %v", hits, err)
	}
	d := testDoc(5, "new.example")
	d.Article.Text = strings.ToUpper(text)
	s, err := db.Save(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if s.DuplicateOf != 1 {
		t.Errorf("a copy of the migrated article: DuplicateOf = %d, want 1", s.DuplicateOf)
	}
	d = testDoc(6, "new.example")
	d.Article.Text = strings.Replace(text, " ", " extra ", 1)
	d.Record = &extract.Record{Doc: "copy", Countries: []string{"FRA"}}
	if s, err := db.Save(ctx, d); err != nil || s.DuplicateOf != 1 {
		t.Errorf("a near copy of the migrated article: %+v, %v; want DuplicateOf 1", s, err)
	}
	// Nearly the same text with other facts is a new version of its story.
	d = testDoc(7, "new.example")
	d.Article.Text = strings.Replace(text, " ", " other ", 1)
	if s, err := db.Save(ctx, d); err != nil || s.VersionOf != 1 || s.RecordID == 0 {
		t.Errorf("an updated copy of the migrated article: %+v, %v; want VersionOf 1", s, err)
	}
}

func TestOpenOddFileNames(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"with space.db", "q?mark.db", "hash#tag.db", "per%25cent.db", "ünïcode.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			db := mustOpenPath(t, path)
			if _, err := db.Save(context.Background(), testDoc(1, "example.org")); err != nil {
				t.Fatal(err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Errorf("corpus not at %q: %v", path, err)
			}
			db2 := mustOpenPath(t, path)
			if n := count(t, db2, "pages"); n != 1 {
				t.Errorf("reopened corpus has %d pages", n)
			}
		})
	}
}

// TestPostgresMigrationsMirrorSQLite checks that every SQLite migration
// has its PostgreSQL twin, with the same number and name.
func TestPostgresMigrationsMirrorSQLite(t *testing.T) {
	lite, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	pg, err := postgresMigrations()
	if err != nil {
		t.Fatal(err)
	}
	name := func(ms []migration) []string {
		var out []string
		for _, m := range ms {
			out = append(out, fmt.Sprintf("%04d_%s", m.version, m.name))
		}
		return out
	}
	if got, want := name(pg), name(lite); !reflect.DeepEqual(got, want) {
		t.Errorf("PostgreSQL migrations %v, want those of SQLite %v", got, want)
	}
}

func TestOpenPostgres(t *testing.T) {
	forEachBackend(t, func(t *testing.T, be backend) {
		if be != postgresBackend {
			t.Skip("SQLite: see TestOpenRefusesAndLeavesUntouched")
		}
		ctx := context.Background()
		loc := be.location(t)
		if _, err := OpenExisting(ctx, loc); !errors.Is(err, ErrNotYetCorpus) {
			t.Errorf("OpenExisting of an empty schema: %v, want ErrNotYetCorpus", err)
		}
		if _, err := OpenReadOnly(ctx, loc); !errors.Is(err, ErrNotYetCorpus) {
			t.Errorf("OpenReadOnly of an empty schema: %v, want ErrNotYetCorpus", err)
		}
		db := mustOpenPath(t, loc)
		if strings.Contains(db.Path(), "tally:tally@") || !db.Postgres() {
			t.Errorf("Path() = %q, Postgres() = %v: want the URL without its password", db.Path(), db.Postgres())
		}
		if err := db.Backup(ctx, filepath.Join(t.TempDir(), "copy.db")); err == nil || !strings.Contains(err.Error(), "pg_dump") {
			t.Errorf("Backup of a PostgreSQL corpus: %v, want a pointer to pg_dump", err)
		}
		if _, err := db.Save(ctx, testDoc(1, "a.example")); err != nil {
			t.Fatal(err)
		}
		db.Close()
		// Opened again, nothing is migrated twice and nothing is lost.
		ro, err := OpenReadOnly(ctx, loc)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if n := count(t, ro, "articles"); n != 1 {
			t.Errorf("%d articles after reopening, want 1", n)
		}
		if _, err := ro.Save(ctx, testDoc(2, "a.example")); !errors.Is(err, ErrReadOnly) {
			t.Errorf("Save on a read-only corpus: %v, want ErrReadOnly", err)
		}
		if err := ro.Enqueue(ctx, "job", []crawl.Queued{{URL: "https://a.example/"}}); err == nil {
			t.Error("Enqueue on a read-only corpus succeeded")
		}

		other := be.location(t)
		admin, err := sql.Open("pgx", other)
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		if _, err := admin.Exec("CREATE TABLE customers (id int)"); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, other); !errors.Is(err, ErrNotCorpus) {
			t.Errorf("Open of a schema of another application: %v, want ErrNotCorpus", err)
		}
	})
}
