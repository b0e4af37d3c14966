package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"math/bits"
	"strconv"
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

// empty reports whether the filter keeps every article.
func (f articleFilter) empty() bool {
	return f.site == "" && f.from == "" && f.to == "" && f.body == "" && f.country == ""
}

// idSet is a set of article ids, one bit each.
type idSet struct {
	bits []uint64
	n    int // the ids in the set
}

func (s *idSet) add(id int64) {
	i := int(id >> 6)
	if i >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, i+1-len(s.bits))...)
	}
	if s.bits[i]&(1<<(id&63)) == 0 {
		s.bits[i] |= 1 << (id & 63)
		s.n++
	}
}

func (s *idSet) has(id int64) bool {
	i := int(id >> 6)
	return id >= 0 && i < len(s.bits) && s.bits[i]&(1<<(id&63)) != 0
}

// intersect keeps the ids of s that are in t.
func (s *idSet) intersect(t *idSet) {
	s.n = 0
	for i := range s.bits {
		if i < len(t.bits) {
			s.bits[i] &= t.bits[i]
		} else {
			s.bits[i] = 0
		}
		s.n += bits.OnesCount64(s.bits[i])
	}
}

// appendIDs appends to b the ids from 1 to last that are in s (or, with
// in false, that are not), as a JSON array.
func (s *idSet) appendIDs(b []byte, last int64, in bool) []byte {
	b = append(b, '[')
	first := true
	for id := int64(1); id <= last; id++ {
		if s.has(id) != in {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = strconv.AppendInt(b, id, 10)
	}
	return append(b, ']')
}

// ids returns the set of the articles the filter keeps, each filter's ids
// read from an index alone and intersected here, or nil when the filter
// keeps every article. Each filter's ids come in one value, a list SQLite
// joins, since a row per id costs more than the index read does: the
// filters of a search are often broad (a body in a third of the articles,
// the years since 2020), and their intersection as SQLite makes it (a
// temporary index of each list, or a seek of each id in the other
// indexes) took most of the time of a filtered search.
func (f articleFilter) ids(ctx context.Context, tx *txn) (*idSet, error) {
	type idList struct {
		query string
		args  []any
	}
	var lists []idList
	add := func(query string, args ...any) { lists = append(lists, idList{query, args}) }
	if f.site != "" {
		add(`SELECT group_concat(fa.id) FROM pages fp JOIN articles fa ON fa.page_id = fp.id WHERE fp.site = @site`, sql.Named("site", f.site))
	}
	if f.from != "" || f.to != "" {
		add(`SELECT group_concat(fd.id) FROM articles fd `+tx.d.indexedBy("articles_date")+` WHERE `+f.dates("fd.date"),
			sql.Named("from", f.from), sql.Named("to", f.to))
	}
	if f.body != "" {
		add(`SELECT group_concat(v.article_id) FROM votes v WHERE v.body = @body AND v.latest = 1`, sql.Named("body", f.body))
	}
	if f.country != "" {
		add(`SELECT group_concat(c.article_id) FROM record_countries c WHERE c.code = @country AND c.latest = 1`, sql.Named("country", f.country))
	}
	var set *idSet
	for _, l := range lists {
		var list sql.RawBytes
		rows, err := tx.QueryContext(ctx, l.query, l.args...)
		if err != nil {
			return nil, err
		}
		next := &idSet{}
		if rows.Next() {
			if err := rows.Scan(&list); err != nil {
				rows.Close()
				return nil, err
			}
			if err := next.parse(list); err != nil {
				rows.Close()
				return nil, err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if set == nil {
			set = next
		} else {
			set.intersect(next)
		}
		if set.n == 0 {
			break
		}
	}
	return set, nil
}

// parse adds the ids of a list of them separated by commas.
func (s *idSet) parse(list []byte) error {
	var id int64
	digits := false
	for _, c := range list {
		switch {
		case c >= '0' && c <= '9':
			id = id*10 + int64(c-'0')
			digits = true
		case c == ',' && digits:
			s.add(id)
			id, digits = 0, false
		default:
			return fmt.Errorf("list of article ids: unexpected %q", c)
		}
	}
	if digits {
		s.add(id)
	}
	return nil
}
