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
//
// # What tally takes from Colly
//
// Colly (v2) drives each request; the rest is the crawler's own. From Colly,
// through Collector.Request: the request built from the URL (Colly's URL
// parser, the User-Agent and the headers given), and the http.Client it
// owns, with its cookie jar (a cookie set on a redirect is sent on the
// next hop), the TotalTimeout (SetRequestTimeout) and the redirect check
// (SetRedirectHandler). Colly's bad-URL errors become the reason bad-url.
// The collector is synchronous, with revisits allowed, robots.txt ignored,
// no body limit and non-2xx responses returned as responses.
//
// The crawler's own, and why:
//
//   - The frontier, revisits, robots.txt and politeness: they live in the
//     Store, so that a killed run resumes and a later run sends conditional
//     requests. Colly keeps its visited set and robots.txt in memory, and a
//     LimitRule matches hosts by pattern with a delay set in advance: it
//     knows no Crawl-delay, and sleeps the delay after a response
//     whatever the run's context says.
//   - Reading the body, in a transport under Colly's client. Colly cuts a
//     body at MaxBodySize without an error (a cut page would be stored as
//     the page), gunzips it with no bound on the decompressed size, and
//     returns only the last response of a redirect chain, decompressed.
//     The transport fails an oversize body as too-large, and gives the
//     WARC writer every hop as received.
//   - Per-request state. A colly.Context reaches Colly's callbacks
//     (OnResponse, OnError) but not the *http.Request that Colly hands its
//     client: that request carries the collector's one context.Context
//     (StdlibContext) and the headers. The transport and the redirect
//     check, which need the exchange (its run's context, which cancels it
//     on Ctrl-C; its body limit; whether it is a seed's, whose redirects
//     may leave the site), find it by an id in the X-Tally-Exchange header,
//     which the transport removes before the request leaves the process.
//     Results stay in the exchange, read when Request returns: moving them
//     into a colly.Context through callbacks would keep the header and the
//     transport and add a second place where a response's state lives.
package crawl
