package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the tests' own connection
)

// postgresCorpus returns the URL of a new, empty PostgreSQL corpus: a
// schema of its own in the database TALLY_TEST_POSTGRES names, dropped
// when the test ends. The test is skipped when no server is available.
func postgresCorpus(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("TALLY_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("PostgreSQL cases skipped: TALLY_TEST_POSTGRES is not set")
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		t.Skipf("PostgreSQL cases skipped: the server does not answer: %v", err)
	}
	schema := fmt.Sprintf("tally_cmd_test_%d_%d", os.Getpid(), pgSchemaSeq.Add(1))
	if _, err := admin.Exec("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public; DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	v := u.Query()
	v.Set("search_path", schema+",public")
	u.RawQuery = v.Encode()
	return u.String()
}

var pgSchemaSeq atomic.Int64

// TestPostgresCommands runs the bundled site into a PostgreSQL corpus and
// a SQLite one: export, search, stats and crawl --stats work on the first
// and say what they say on the second; backup points to pg_dump.
func TestPostgresCommands(t *testing.T) {
	pg := postgresCorpus(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(repoPath("testdata", "site"))))
	defer srv.Close()
	if out, stderr, err := runCLI(t, "", "run", "--db", pg, "--allow-private", "--delay", "1ms", "--job", "main", srv.URL+"/"); err != nil {
		t.Fatalf("run: %v\n%s\n%s", err, out, stderr)
	}
	lite := siteCorpus(t)

	// The same pages give the same facts: the votes, as sorted rows of
	// what was found, without the ids and URLs (another server's port).
	votes := func(db string) string {
		out, _, err := runCLI(t, "", "export", "--db", db, "--what", "votes", "--format", "csv")
		if err != nil {
			t.Fatalf("export from %s: %v", db, err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("votes CSV (%v):\n%s", err, out)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		var rows []string
		for _, r := range recs[1:] {
			var keep []string
			for _, h := range []string{"date", "body", "motion", "outcome", "yes", "no", "abstain", "sponsors", "actor", "position", "version"} {
				keep = append(keep, r[col[h]])
			}
			rows = append(rows, strings.Join(keep, ","))
		}
		sort.Strings(rows)
		return strings.Join(rows, "\n")
	}
	if got, want := votes(pg), votes(lite); got != want {
		t.Errorf("PostgreSQL votes:\n%s\nSQLite votes:\n%s", got, want)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "--db", pg, "veto"}, "Russia vetoes Security Council call for Sudan truce"},
		{[]string{"stats", "--db", pg}, "articles"},
		{[]string{"crawl", "--stats", "--db", pg, "--job", "main"}, "fetched"},
		{[]string{"export", "--db", pg, "--what", "articles", "--format", "jsonl"}, `"url":`},
	} {
		out, stderr, err := runCLI(t, "", c.args...)
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("tally %s: %v, output does not contain %q:\n%s\n%s", c.args[0], err, c.want, out, stderr)
		}
		if strings.Contains(out+stderr, ":tally@") || strings.Contains(out+stderr, "password") {
			t.Errorf("tally %s shows the password:\n%s\n%s", c.args[0], out, stderr)
		}
	}
	_, _, err := runCLI(t, "", "backup", "--db", pg, t.TempDir()+"/copy.db")
	if err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("backup of a PostgreSQL corpus: %v, want it to point to pg_dump", err)
	}
}
