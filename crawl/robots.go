package crawl

import (
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// maxRobotsSize is the most of a robots.txt that is read, as RFC 9309
// allows crawlers to stop at 500 KiB.
const maxRobotsSize = 500 << 10

// robotsRules is what the crawler keeps of one host's robots.txt.
type robotsRules struct {
	data       *robotstxt.RobotsData // nil: everything allowed
	agent      string
	crawlDelay time.Duration
	sitemaps   []string
}

// parseRobots turns a robots.txt response into rules for userAgent. As
// RFC 9309 says, a 4xx means no rules and a 5xx means nothing may be
// fetched for now.
func parseRobots(status int, body []byte, userAgent string) robotsRules {
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		// An unreadable file is treated as no file.
		return robotsRules{}
	}
	r := robotsRules{data: data, agent: userAgent, sitemaps: data.Sitemaps}
	if g := data.FindGroup(userAgent); g != nil {
		r.crawlDelay = g.CrawlDelay
	}
	return r
}

// allowed reports whether u may be fetched.
func (r robotsRules) allowed(u *url.URL) bool {
	if r.data == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.data.TestAgent(p, r.agent)
}
