// Package crawl fetches news pages politely, incrementally and resumably.
//
// A Crawler is built on Colly and keeps all of its state in a Store: the
// frontier of queued URLs, what was fetched (status, validators, content
// hash, failure reason) and each job's run history. A run can be killed at
// any moment and started again: it resumes from the stored frontier, and a
// URL leaves the frontier only after its page was handed to the Handler.
// A later run of the same job sends conditional requests and hands over
// only pages that are new or changed.
//
// Seeds may be article pages, section pages, RSS or Atom feeds, or
// sitemaps (sitemap index files and gzipped sitemaps included). Feeds and
// sitemaps, and sitemaps listed in robots.txt, are discovery documents:
// their links are queued and they are read again on every run, but they
// are not handed to the Handler.
//
// By default the crawler obeys robots.txt and its Crawl-delay, limits
// requests per host, refuses to connect to loopback, private and link-local
// addresses, retries transient failures with exponential backoff, and
// records every failure against its URL with a short reason.
//
// # Failure reasons
//
// Store.Done records why a URL was not handed over in Fetch.Error, and
// RunStats.Failures counts the failures by the same names:
//
//	http-NNN            the server answered with status NNN (retried for 429 and 5xx)
//	timeout             no response or body within RequestTimeout / TotalTimeout (retried)
//	connection          refused, reset or cut short (retried)
//	dns                 the name did not resolve (retried unless it does not exist)
//	too-large           the body exceeded MaxBodySize
//	redirect-loop       a redirect chain came back on itself
//	too-many-redirects  more than MaxRedirects redirects
//	redirect-offsite    a redirect left the site while SameHost is set
//	private-address     a loopback, private or link-local address, refused
//	bad-url             the URL could not be requested
//	gzip, parse, charset  the body could not be decompressed, parsed or decoded
//	handler             the Handler returned an error
//	fetch               any other error
//
// and these, counted in RunStats.Skipped rather than as failures:
//
//	robots              disallowed by robots.txt
//	content-type        neither HTML, a feed nor a sitemap
//	duplicate           already fetched in this run under another URL (that
//	                    record is kept; not recorded as an error)
package crawl
