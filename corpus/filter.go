package corpus

import (
	"database/sql"
	"strings"
	"time"
)

// articleFilter chooses articles by their site, their date and what their
// latest record found: a vote of a body, a country.
type articleFilter struct {
	site, from, to string
	body, country  string
}

func newArticleFilter(site string, from, to time.Time, body, country string) articleFilter {
	if site != "" {
		site = siteOf(site)
	}
	return articleFilter{site: site, from: formatTime(from), to: formatTime(to),
		body: strings.ToUpper(strings.TrimSpace(body)), country: strings.ToUpper(strings.TrimSpace(country))}
}

// where returns the conditions, each starting with AND, that an article
// whose id is the expression id passes the filter, and their arguments.
// Each condition is a set of article ids read from indexes alone (the
// dates, the pages' sites, the votes' bodies, the records' countries), so
// that filtering the matches of a search reads none of the article rows,
// which hold their texts.
func (f articleFilter) where(d *dialect, id string) (string, []any) {
	var b strings.Builder
	var args []any
	if f.site != "" {
		b.WriteString(` AND ` + id + ` IN (SELECT fa.id FROM pages fp JOIN articles fa ON fa.page_id = fp.id WHERE fp.site = @site)`)
		args = append(args, sql.Named("site", f.site))
	}
	if f.from != "" || f.to != "" {
		b.WriteString(` AND ` + id + ` IN (SELECT fd.id FROM articles fd ` + d.indexedBy("articles_date") + ` WHERE ` + f.dates("fd.date") + `)`)
		args = append(args, sql.Named("from", f.from), sql.Named("to", f.to))
	}
	facts, factArgs := f.facts(id)
	b.WriteString(facts)
	return b.String(), append(args, factArgs...)
}

// listWhere is where for articles a scanned in the order of their dates'
// index: the dates are a range of that index, and the site is read from
// the rows scanned, which the first page of a list reads few of.
func (f articleFilter) listWhere() (string, []any) {
	var b strings.Builder
	args := []any{sql.Named("from", f.from), sql.Named("to", f.to)}
	b.WriteString(` AND ` + f.dates("a.date"))
	if f.site != "" {
		b.WriteString(` AND a.page_id IN (SELECT fp.id FROM pages fp WHERE fp.site = @site)`)
		args = append(args, sql.Named("site", f.site))
	}
	facts, factArgs := f.facts("a.id")
	b.WriteString(facts)
	return b.String(), append(args, factArgs...)
}

func (f articleFilter) dates(col string) string {
	return `(@from = '' OR ` + col + ` >= @from) AND (@to = '' OR ` + col + ` < @to)`
}

// facts is the condition on what the latest record found: each filter is
// a range of a partial index of the latest records' votes or countries,
// which holds the articles' ids (kept by insertRecord), so that no
// article's latest record is looked for.
func (f articleFilter) facts(id string) (string, []any) {
	var b strings.Builder
	var args []any
	if f.body != "" {
		b.WriteString(` AND ` + id + ` IN (SELECT v.article_id FROM votes v WHERE v.body = @body AND v.latest = 1)`)
		args = append(args, sql.Named("body", f.body))
	}
	if f.country != "" {
		b.WriteString(` AND ` + id + ` IN (SELECT c.article_id FROM record_countries c WHERE c.code = @country AND c.latest = 1)`)
		args = append(args, sql.Named("country", f.country))
	}
	return b.String(), args
}
