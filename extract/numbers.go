package extract

import (
	"strconv"
	"strings"
)

var smallNumbers = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// scaleSuffixes are the letters written after digits for a scale:
// "10.5m", "3bn".
var scaleSuffixes = map[string]float64{"m": 1e6, "bn": 1e9}

// multiplicatives are adverbs that state a count of times.
var multiplicatives = map[string]int{"once": 1, "twice": 2, "thrice": 3}

// wordNumber parses a number written in words, as one token ("ten",
// "ninety-three", "twenty-one") and reports whether it is one.
func wordNumber(tok string) (int, bool) {
	w := strings.ToLower(tok)
	if n, ok := smallNumbers[w]; ok {
		return n, true
	}
	if n, ok := tens[w]; ok {
		return n, true
	}
	if i := strings.IndexAny(w, "-\u2010\u2011"); i > 0 {
		t, ok1 := tens[w[:i]]
		rest := strings.TrimLeft(w[i:], "-\u2010\u2011")
		u, ok2 := smallNumbers[rest]
		if ok1 && ok2 && u > 0 && u < 10 {
			return t + u, true
		}
	}
	return 0, false
}

// digitNumber parses a number written in digits with optional thousands
// separators and decimals ("1,500", "2.5", "93"). Tokens with letters,
// slashes or other marks are not numbers.
func digitNumber(tok string) (float64, bool) {
	if tok == "" || tok[0] < '0' || tok[0] > '9' {
		return 0, false
	}
	clean := tok
	if strings.Contains(tok, ",") {
		// Separators must group by three: "1,500", "12,000,000"; or, as
		// in South Asia, by two before the last three: "1,00,000".
		parts := strings.Split(tok, ",")
		if southAsianGrouping(parts) {
			v, err := strconv.ParseFloat(strings.Join(parts, ""), 64)
			return v, err == nil
		}
		if len(parts[0]) > 3 {
			return 0, false
		}
		for _, p := range parts[1:] {
			if len(p) != 3 && !(strings.Contains(p, ".") && strings.Index(p, ".") == 3) {
				return 0, false
			}
		}
		clean = strings.ReplaceAll(tok, ",", "")
	}
	for _, r := range clean {
		if (r < '0' || r > '9') && r != '.' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// southAsianGrouping reports whether comma-separated digit groups are
// written the South Asian way: one or two digits, groups of two, and a
// last group of three ("1,00,000", "12,34,56,789").
func southAsianGrouping(parts []string) bool {
	if len(parts) < 3 || len(parts[0]) > 2 || len(parts[len(parts)-1]) != 3 {
		return false
	}
	for k, p := range parts {
		if k > 0 && k < len(parts)-1 && len(p) != 2 {
			return false
		}
		for _, r := range p {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

// formatValue writes a count's value as the gold files do: integers
// without a decimal point.
func formatValue(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
