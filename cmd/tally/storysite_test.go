package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// storyPage is a news article page of about size bytes whose prose differs
// from every other seed's, so that no two pages are near-duplicates.
func storyPage(seed uint64, size int) string {
	r := rand.New(rand.NewPCG(seed, seed*7919+1))
	subjects := []string{"The council", "Delegates from the coast", "The finance committee", "Observers at the border",
		"The foreign minister", "A coalition of farmers", "The regional court", "Health officials", "The port authority"}
	verbs := []string{"debated", "rejected", "postponed", "welcomed", "questioned", "approved", "amended", "criticised"}
	objects := []string{"the water-sharing plan", "a fresh budget for rural clinics", "the grain corridor", "new fishing quotas",
		"the ceasefire monitors' report", "a tariff on imported steel", "the refugee resettlement scheme", "the mining licences"}
	tails := []string{"after a long night of talks", "despite protests outside", "before the recess", "with little warning",
		"in a closed session", "at the request of the neighbours", "for the third time this year"}
	pick := func(s []string) string { return s[r.IntN(len(s))] }
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Report %d</title></head><body>\n", seed)
	fmt.Fprintf(&b, "<header><nav><a href=\"/\">Home</a></nav></header>\n<main><article><h1>Report %d</h1>\n", seed)
	for b.Len() < size {
		b.WriteString("<p>")
		for range 4 {
			fmt.Fprintf(&b, "%s %s %s %s, %d people said on day %d. ", pick(subjects), pick(verbs), pick(objects), pick(tails), 10+r.IntN(990), 1+r.IntN(28))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</article></main><footer><p>Copyright the Test Gazette</p></footer></body></html>\n")
	return b.String()
}

// newStorySite serves a news site of story pages of the given sizes at
// /news/story-N.html (their prose seeded from seed+N), each with an ETag
// that a conditional request gets a 304 for, linked from the front page.
func newStorySite(t *testing.T, seed uint64, sizes ...int) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var index strings.Builder
	index.WriteString("<html><body><ul>")
	for i, size := range sizes {
		path := fmt.Sprintf("/news/story-%d.html", i)
		body, etag := storyPage(seed+uint64(i), size), fmt.Sprintf(`"v%d"`, i)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(body))
		})
		fmt.Fprintf(&index, `<li><a href="%s">story %d</a></li>`, path, i)
	}
	index.WriteString("</ul></body></html>")
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(index.String()))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}
