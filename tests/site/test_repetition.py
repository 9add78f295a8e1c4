"""Say each thing once: no public page lists the same legal source more than twice.

A policy's basis is shown once, on the policy; what a theme, commitment or initiative inherits
is a short link, not the list again (issue 8). A legal source counts once per link to it or to
one of its provisions, wherever on the page the link stands. Every content page reachable from
the front page is read (the crawl in test_crawl.py checks that they all are reachable).
"""

import re
from collections import Counter, deque
from urllib.parse import urldefrag

import pytest

from tests.site.test_crawl import Page, internal

LEGAL_LINK = re.compile(r"^/retsgrundlag/(?P<instrument>[a-z0-9-]+)/")
# Not followed: the legal register's own pages are about the sources and list their provisions
# by design; the politicians' goal overview lists each goal with its basis for filtering and
# print (it is being rebuilt under its own issue); search results, the API and the admin.
SKIP = re.compile(r"^/(retsgrundlag/|daekning/|soeg/|api/|admin/|static/|[a-z0-9-]+/maal/)")
MOST = 2


def legal_sources(page):
    counts = Counter()
    for kind, href in page.links:
        target = internal(href, page.url) if kind == "page" else None
        match = LEGAL_LINK.match(target) if target else None
        if match:
            counts[match["instrument"]] += 1
    return counts


def content_pages(client):
    """Every page reachable from the front page without passing through SKIP."""
    queue, seen, pages = deque(["/"]), {"/"}, {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        page = pages[path] = Page(f"http://testserver{path}", response.content.decode())
        for kind, href in page.links:
            target = internal(href, page.url) if kind == "page" else None
            if target is None:
                continue
            target = urldefrag(target)[0]
            if target not in seen and "?" not in target and not SKIP.match(target):
                seen.add(target)
                queue.append(target)
    return pages


@pytest.mark.django_db
def test_no_page_lists_a_legal_source_more_than_twice(client):
    pages = content_pages(client)
    failures = [
        f"{path} links to {instrument} {count} times"
        for path, page in pages.items()
        for instrument, count in legal_sources(page).items()
        if count > MOST
    ]
    assert len(pages) > 20, f"only {len(pages)} pages were read"
    assert any(legal_sources(page) for page in pages.values()), "no page links to a legal source"
    assert not failures, "\n".join(failures)
