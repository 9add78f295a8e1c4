"""The JSON of a municipality holds every item its pages show.

The pages are found by following the links from the municipality's page (not from the
JSON), every item anchor on them (a commitment, an initiative, a quote, a goal …) must be
the page address of an item in the JSON, and every text of the JSON's commitments and
initiatives stands on the page it names.
"""

import html
import json
import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

ITEM_ANCHOR = re.compile(
    r'id="((?:vi-vil|tiltag|budskab|afsnit|citat|delelement|tema|maalspor|delmaal|byraadet-vil|budgetmaal)-[\w-]+?)"'
)
LINK = re.compile(r'href="(/[^"#?]*)')
HEADING_SUFFIXES = ("-titel", "-grundlag")
MAX_PAGES = 150


def crawl(client, start):
    """Every page under the municipality's address reachable from its page: {path: html}."""
    seen, queue, pages = {start}, [start], {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        pages[path] = response.content.decode()
        for link in LINK.findall(pages[path]):
            if link.startswith(start) and link not in seen and not link.endswith(".csv"):
                seen.add(link)
                queue.append(link)
    return pages


def anchors_in(everything):
    """The anchor of every item in the JSON, as the pages write it."""
    found = set()
    for key, items in everything.items():
        if not isinstance(items, list):
            continue
        for item in items:
            page = urlsplit(item.get("page") or "")
            if page.fragment:
                found.add(page.fragment)
            elif key in ("goal_track", "sub_goal", "council_commitment", "budget_goal"):
                found.add(page.path.rstrip("/").rsplit("/", 1)[-1])
            if key == "theme":
                found.add(f"tema-{item['slug']}")
    return found


@pytest.mark.parametrize("slug", ["herning", "lyngby-taarbaek"])
def test_the_json_holds_every_item_its_pages_show(client, slug):
    everything = json.loads(client.get(f"/api/v1/download/{slug}.json").content)
    pages = crawl(client, f"/{slug}/")
    assert len(pages) > 5
    in_json = anchors_in(everything)
    shown = {
        anchor: path
        for path, body in pages.items()
        for anchor in ITEM_ANCHOR.findall(body)
        if not anchor.endswith(HEADING_SUFFIXES)  # a theme's heading and basis, not items
    }
    assert len(shown) > 20
    missing = {anchor: path for anchor, path in shown.items() if anchor not in in_json}
    assert missing == {}
    for key in ("commitment", "initiative", "key_message", "council_commitment", "sub_goal"):
        for item in everything[key]:
            path = urlsplit(item["page"]).path
            body = pages.get(path) or client.get(path).content.decode()
            assert html.escape(item["text"]) in body or item["text"] in html.unescape(body), (key, item["id"])
