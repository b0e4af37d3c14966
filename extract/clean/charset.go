package clean

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// metaScanBytes is how far into a page decode looks for a <meta> charset
// declaration. The HTML standard says 1024 bytes, but many pages put long
// scripts or styles before the declaration.
const metaScanBytes = 16 << 10

// decode converts a page to valid UTF-8. The encoding is taken, in order,
// from a byte order mark, the charset parameter of contentType, a <meta>
// declaration near the start of the page, and finally from the bytes
// themselves: valid UTF-8 stays UTF-8, anything else is read as
// windows-1252 (the web's name for ISO-8859-1). It returns the text and the
// name of the encoding used.
func decode(data []byte, contentType string) (string, string) {
	enc, name := detectEncoding(data, contentType)
	if enc != nil && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(bytes.ToValidUTF8(out, []byte("\uFFFD"))), name
		}
	}
	// UTF-8, with any BOM removed and invalid bytes replaced.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(data) {
		return string(data), "utf-8"
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "utf-8"
}

// detectEncoding picks the encoding of data as described at decode.
func detectEncoding(data []byte, contentType string) (encoding.Encoding, string) {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	// A byte order mark or a charset in the header settle it.
	if e, name, certain := charset.DetermineEncoding(head, contentType); certain {
		return e, normaliseCharsetName(name)
	}
	if label := metaCharset(data); label != "" {
		if e, name := charset.Lookup(label); e != nil {
			name = normaliseCharsetName(name)
			// A page declaring UTF-16 in its markup is ASCII-compatible,
			// so the declaration is wrong (HTML standard).
			if strings.HasPrefix(name, "utf-16") {
				return nil, "utf-8"
			}
			return e, name
		}
	}
	if utf8.Valid(data) {
		return nil, "utf-8"
	}
	e, _ := charset.Lookup("windows-1252")
	return e, "windows-1252"
}

func normaliseCharsetName(name string) string {
	name = strings.ToLower(name)
	if name == "utf8" {
		return "utf-8"
	}
	return name
}

// metaCharset returns the charset label declared by a <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> tag within
// the first metaScanBytes of data, or "".
func metaCharset(data []byte) string {
	if len(data) > metaScanBytes {
		data = data[:metaScanBytes]
	}
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if i+4 > len(data) || !asciiEqualFold(data[i:i+4], "meta") {
			continue
		}
		end := bytes.IndexByte(data[i:], '>')
		if end < 0 {
			break
		}
		tag := data[i : i+end]
		i += end
		k := indexFold(tag, "charset")
		if k < 0 {
			continue
		}
		rest := tag[k+len("charset"):]
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 || rest[0] != '=' {
			continue
		}
		rest = bytes.TrimLeft(rest[1:], " \t\r\n\"'")
		n := 0
		for n < len(rest) && (isAlnum(rest[n]) || rest[n] == '-' || rest[n] == '_' || rest[n] == ':' || rest[n] == '.') {
			n++
		}
		if n > 0 {
			return string(rest[:n])
		}
	}
	return ""
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func asciiEqualFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// indexFold is bytes.Index for a lowercase ASCII needle, ignoring case.
func indexFold(b []byte, needle string) int {
	for i := 0; i+len(needle) <= len(b); i++ {
		if asciiEqualFold(b[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

// containsFold reports whether s contains the lowercase ASCII needle,
// ignoring ASCII case.
func containsFold(s, needle string) bool {
	for i := 0; i+len(needle) <= len(s); i++ {
		j := 0
		for ; j < len(needle); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != needle[j] {
				break
			}
		}
		if j == len(needle) {
			return true
		}
	}
	return false
}
