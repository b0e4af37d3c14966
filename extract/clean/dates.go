package clean

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the machine-readable date forms found in metadata.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	"20060102T150405Z0700",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006",
	"02.01.2006 15:04",
	"02.01.2006",
	"2.1.2006",
	"January 2, 2006",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseDate reads a date in one of the forms of metadata or of text
// (numeric or with month names in several languages). A date without a
// zone is taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, plausibleYear(t.Year())
		}
	}
	if d, ok := textDate(s); ok {
		return d, true
	}
	// Unix seconds or milliseconds.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 {
		if len(s) >= 13 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		return t, plausibleYear(t.Year())
	}
	return time.Time{}, false
}

func plausibleYear(y int) bool {
	return y >= 1990 && y <= time.Now().Year()+1
}

// firstDate returns the first of cands that parses, as RFC 3339.
func firstDate(cands ...string) string {
	for _, c := range cands {
		if t, ok := parseDate(c); ok {
			return t.Format(time.RFC3339)
		}
	}
	return ""
}

var (
	urlDateRE    = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)`)
	urlDateRE8   = regexp.MustCompile(`[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)`)
	numericDate  = regexp.MustCompile(`\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b`)
	isoDate      = regexp.MustCompile(`\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b`)
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(?:de\s+)?([\p{L}]{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b`)
	monthDayYear = regexp.MustCompile(`(?i)\b([\p{L}]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b`)
)

// monthNames maps month names and abbreviations in the languages of the
// web's news to month numbers.
var monthNames = map[string]int{}

func init() {
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"jänner", "feber", "maerz", "", "", "", "", "", "", "", "", ""},
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
		{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"},
		{"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik", "listopad", "grudzień"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"", "", "mär", "", "", "", "", "", "sept", "okt", "", "dez"},
	}
	for _, l := range lists {
		for i, name := range l {
			if name != "" {
				if _, ok := monthNames[name]; !ok {
					monthNames[name] = i + 1
				}
			}
		}
	}
}

// textDate finds the first date written out in s: 21.09.2019,
// 2019-09-21, 21 September 2019, September 21, 2019 and their forms in
// other languages.
func textDate(s string) (time.Time, bool) {
	type hit struct {
		at      int
		y, m, d int
	}
	var best *hit
	consider := func(at, y, m, d int) {
		if m < 1 || m > 12 || d < 1 || d > 31 || !plausibleYear(y) {
			return
		}
		if best == nil || at < best.at {
			best = &hit{at, y, m, d}
		}
	}
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	if m := numericDate.FindStringSubmatchIndex(s); m != nil {
		consider(m[0], atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	for _, m := range dayMonthYear.FindAllStringSubmatchIndex(s, 4) {
		if mon, ok := monthNames[strings.ToLower(s[m[4]:m[5]])]; ok {
			consider(m[0], atoi(s[m[6]:m[7]]), mon, atoi(s[m[2]:m[3]]))
			break
		}
	}
	for _, m := range monthDayYear.FindAllStringSubmatchIndex(s, 4) {
		if mon, ok := monthNames[strings.ToLower(s[m[2]:m[3]])]; ok {
			consider(m[0], atoi(s[m[6]:m[7]]), mon, atoi(s[m[4]:m[5]]))
			break
		}
	}
	if best == nil {
		return time.Time{}, false
	}
	t := time.Date(best.y, time.Month(best.m), best.d, 0, 0, 0, 0, time.UTC)
	if t.Day() != best.d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dateFromURL reads a date from a URL path like /2019/09/21/ or
// /20190921-, or returns "".
func dateFromURL(u string) string {
	for _, re := range []*regexp.Regexp{urlDateRE, urlDateRE8} {
		if m := re.FindStringSubmatch(u); m != nil {
			t := time.Date(atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3]), 0, 0, 0, 0, time.UTC)
			if t.Day() == atoi(m[3]) && int(t.Month()) == atoi(m[2]) && plausibleYear(t.Year()) {
				return t.Format("2006-01-02")
			}
		}
	}
	return ""
}

// dateFromText looks for a written date near the start of the article:
// in the container's parent, which usually holds the dateline, and then
// at the start of the page.
func dateFromText(p *page, best int32) string {
	var scopes []int32
	if best >= 0 && int(best) < len(p.elems) {
		if par := p.elems[best].parent; par >= 0 {
			scopes = append(scopes, par)
		}
		scopes = append(scopes, best)
	}
	scopes = append(scopes, 0)
	for _, i := range scopes {
		text := nodeText(p.elems[i].n)
		if t, ok := textDate(text); ok {
			return t.Format(time.RFC3339)
		}
	}
	return ""
}
