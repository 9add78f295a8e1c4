"""The height at 390 px of every policy and theme page, for comparing layouts.

Usage: .venv/bin/python scripts/page_heights.py http://127.0.0.1:8000 [--json out.json]

The pages are found by following links from the front page (front page → municipality
pages → policy pages → theme pages), so the script needs nothing but a running site.
Chromium is Debian's /usr/bin/chromium, as in the browser tests.
"""

import argparse
import json
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

MUNICIPALITY = re.compile(r"^/[a-z0-9-]+/$")
POLICY = re.compile(r"^/[a-z0-9-]+/politikker/[a-z0-9-]+/$")
THEME = re.compile(r"^/[a-z0-9-]+/politikker/[a-z0-9-]+/[a-z0-9-]+/$")
NOT_MUNICIPALITY = {"/soeg/", "/retsgrundlag/", "/daekning/", "/om-siden/", "/tilgaengelighed/"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links(base, path):
    with urlopen(urljoin(base, path)) as response:
        parser = Links()
        parser.feed(response.read().decode())
    return {urlsplit(urljoin(base + path, h)).path for h in parser.hrefs}


def pages(base):
    municipalities = sorted(
        p for p in links(base, "/") if MUNICIPALITY.match(p) and p not in NOT_MUNICIPALITY
    )
    policies = sorted({p for m in municipalities for p in links(base, m) if POLICY.match(p)})
    themes = sorted({p for pol in policies for p in links(base, pol) if THEME.match(p) and p.startswith(pol)})
    return policies, themes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--json")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    policies, themes = pages(base)
    heights = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in policies + themes:
            page.goto(base + path)
            heights[path] = page.evaluate("document.documentElement.scrollHeight")
            print(f"{heights[path]:>7} px  {path}")
        browser.close()
    if args.json:
        with open(args.json, "w") as out:
            json.dump(heights, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
