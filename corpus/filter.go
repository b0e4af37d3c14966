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

// facts is the condition on what the latest record found. The latest
// record of each article is read from the records' index of articles, in
// one pass, once for both filters: looking up the article of each record
// with a vote of the body or the country instead reads the records' rows,
// which hold their JSON, and took twice as long.
func (f articleFilter) facts(id string) (string, []any) {
	var conds []string
	var args []any
	if f.body != "" {
		conds = append(conds, `l.rid IN (SELECT v.record_id FROM votes v WHERE v.body = @body)`)
		args = append(args, sql.Named("body", f.body))
	}
	if f.country != "" {
		conds = append(conds, `l.rid IN (SELECT c.record_id FROM record_countries c WHERE c.code = @country)`)
		args = append(args, sql.Named("country", f.country))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return ` AND ` + id + ` IN (SELECT l.article_id FROM (SELECT article_id, max(id) AS rid FROM records GROUP BY article_id) l WHERE ` +
		strings.Join(conds, " AND ") + `)`, args
}
