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
package crawl
