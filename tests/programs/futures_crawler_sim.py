"""A simulated web crawler: a site map stands in for the network, each fetch sleeps (I/O that
releases the GIL), and a ThreadPoolExecutor crawls breadth-first with as_completed, a depth
limit and a failing page."""

import time
from concurrent.futures import ThreadPoolExecutor, as_completed

SITE = {
    "/": ["/docs", "/blog", "/about"],
    "/docs": ["/docs/threads", "/docs/processes", "/"],
    "/docs/threads": ["/docs/gil", "/docs"],
    "/docs/processes": ["/docs/pools", "/missing"],
    "/docs/gil": [],
    "/docs/pools": ["/docs/threads"],
    "/blog": ["/blog/2024", "/blog/2025"],
    "/blog/2024": ["/"],
    "/blog/2025": ["/blog/2024", "/about"],
    "/about": [],
}


class NotFound(Exception):
    pass


def fetch(path):
    time.sleep(0.005 * (1 + len(path) % 4))
    if path not in SITE:
        raise NotFound(path)
    return path, SITE[path]


def crawl(start, max_depth, workers):
    seen = {start: 0}
    pages = {}
    errors = []
    frontier = [start]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        depth = 0
        while frontier and depth <= max_depth:
            futures = {pool.submit(fetch, p): p for p in frontier}
            frontier = []
            for future in as_completed(futures):
                try:
                    path, links = future.result()
                except NotFound as e:
                    errors.append(str(e))
                    continue
                pages[path] = links
                for link in links:
                    if link not in seen:
                        seen[link] = depth + 1
                        frontier.append(link)
            frontier.sort()
            depth += 1
    return pages, seen, errors


pages, seen, errors = crawl("/", max_depth=3, workers=4)
print("pages fetched:", len(pages))
for path in sorted(pages):
    print("%-18s depth %d, %d links" % (path, seen[path], len(pages[path])))
print("not found:", errors)
print("discovered but not fetched:", sorted(p for p in seen if p not in pages and p not in errors))
