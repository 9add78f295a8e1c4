"""Crawl the public site from the sitemap and the front page, as a search engine or a visitor would.

Every internal link answers 200, every HTML page is valid HTML (html5lib, strict),
ids are unique and in-page anchors exist, and every theme, commitment, quote,
initiative, goal and unit of the bundled content can be read on some page that
is reachable from the front page by following links.
"""

import html
import re
import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import html5lib
import pytest
from django.core.management import call_command
from django.test import Client

from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from organisation.models import CoreTask, Municipality, OrganisationUnit, Person, PoliticalBody
from policies.models import (
    Actor,
    Commitment,
    Initiative,
    KeyMessage,
    Policy,
    PolicyValue,
    Quote,
    Theme,
    ThemeSection,
)
from strategies.models import Strategy, StrategyComponent, StrategyTheme

HOST = "testserver"
MAX_PAGES = 3000  # a crawl that grows beyond this is following generated links without end
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul",
}  # fmt: skip
INVISIBLE = {"script", "style", "template", "head", "noscript"}


def normalise(text):
    text = html.unescape(text).replace("\xa0", " ").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


class Page:
    """What the crawler reads from one HTML page."""

    def __init__(self, url, content):
        self.url = url
        self.errors = []
        try:
            html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(content)
        except html5lib.html5parser.ParseError:
            parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
            parser.parse(content)
            self.errors = [
                f"line {line}, col {col}: {code} {data or ''}" for (line, col), code, data in parser.errors
            ]
            self.errors = self.errors or ["html5lib (strict) raised a parse error"]
        tree = html5lib.parse(content, namespaceHTMLElements=False)
        self.ids = [element.get("id") for element in tree.iter() if element.get("id") is not None]
        self.links = []  # (kind, href)
        for element in tree.iter():
            tag = element.tag
            if tag == "a" and element.get("href") is not None:
                self.links.append(("page", element.get("href")))
            elif tag == "link" and element.get("href") and "alternate" not in (element.get("rel") or ""):
                self.links.append(("static", element.get("href")))
            elif tag in {"script", "img", "source", "iframe"} and element.get("src"):
                self.links.append(("static", element.get("src")))
            elif tag == "form":
                if element.get("action") == "":
                    # html5lib accepts it, but the Nu Html Checker rejects an empty action.
                    self.errors.append('<form action="">: an empty action is not valid HTML')
                if (element.get("method") or "get").lower() == "get":
                    self.links.append(("page", element.get("action") or url))
        self.text = normalise(" ".join(self._text(tree.find("body"))))

    def _text(self, element):
        if element is None or not isinstance(element.tag, str) or element.tag in INVISIBLE:
            return
        if element.get("hidden") is not None:
            return
        gap = " " if element.tag in BLOCK else ""
        yield gap + (element.text or "")
        for child in element:
            yield from self._text(child)
            if isinstance(child.tag, str) or child.tail:
                yield child.tail or ""
        yield gap


def internal(href, base):
    """The internal path (with query and fragment) of a link, or None for other sites and schemes."""
    href = href.strip()
    if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in {"http", "https"} or parts.netloc != HOST:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.fixture
def client(settings, tmp_path):
    # WhiteNoise serves what collectstatic gathered into STATIC_ROOT when the first request comes.
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)
    return Client()


class Crawl:
    def __init__(self, client):
        self.client = client
        self.pages = {}  # path -> Page
        self.statuses = {}  # path -> status
        self.broken = []  # (from, to, status)
        self.anchors = []  # (from, path, fragment)
        self.order = []

    def fetch(self, path, referrer, kind="page"):
        if path in self.statuses:
            if self.statuses[path] != 200:
                self.broken.append((referrer, path, self.statuses[path]))
            return None
        response = self.client.get(path, secure=False)
        self.statuses[path] = response.status_code
        if response.status_code != 200:
            self.broken.append((referrer, path, response.status_code))
            return None
        content_type = response.get("Content-Type", "")
        if kind == "static" or not content_type.startswith("text/html"):
            return None
        page = Page(f"http://{HOST}{path}", response.content.decode(response.charset or "utf-8"))
        self.pages[path] = page
        self.order.append(path)
        return page

    def run(self, seeds):
        queue = deque((seed, "(seed)") for seed in seeds)
        reached = set()
        while queue:
            path, referrer = queue.popleft()
            if path in reached:
                continue
            reached.add(path)
            assert len(self.pages) < MAX_PAGES, (
                f"the crawl passed {MAX_PAGES} pages; links are generated without end"
            )
            page = self.fetch(path, referrer)
            if page is None:
                continue
            for kind, href in page.links:
                target = internal(href, page.url)
                if target is None:
                    continue
                target, fragment = urldefrag(target)
                if target.startswith("/admin/"):
                    continue
                if fragment:
                    self.anchors.append((path, target, unquote(fragment)))
                if kind == "static" or target.startswith("/static/"):
                    if target not in self.statuses:
                        self.fetch(target, path, kind="static")
                    elif self.statuses[target] != 200:
                        self.broken.append((path, target, self.statuses[target]))
                elif target not in reached:
                    queue.append((target, path))
        return reached


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200, f"/sitemap.xml answers {response.status_code}"
    locs = [loc.text.strip() for loc in ET.fromstring(response.content).iter(f"{SITEMAP_NS}loc")]
    assert locs, "the sitemap lists no pages"
    paths = []
    for loc in locs:
        parts = urlsplit(loc)
        assert parts.netloc == HOST, f"sitemap <loc> {loc} is not on the site's own host ({HOST})"
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def expected_texts():
    """(what, text) for every item that must be readable on a page reachable from the front page."""
    published = Policy.objects.published()
    items = [
        *((f"theme {t.pk}", t.title) for t in Theme.objects.filter(policy__in=published)),
        *((f"commitment {c.pk}", c.text) for c in Commitment.objects.filter(theme__policy__in=published)),
        *((f"initiative {i.pk}", i.text) for i in Initiative.objects.filter(theme__policy__in=published)),
        *((f"quote {q.pk}", q.text) for q in Quote.objects.filter(policy__in=published)),
        *((f"goal track {g.pk}", g.title) for g in GoalTrack.objects.all()),
        *((f"sub-goal {s.pk}", s.text) for s in SubGoal.objects.all()),
        *((f"council commitment {c.pk}", c.text) for c in CouncilCommitment.objects.all()),
        *((f"budget goal {b.pk}", b.title) for b in BudgetGoal.objects.all()),
        *((f"unit {u.pk}", u.name) for u in OrganisationUnit.objects.all()),
        *(
            (f"unit description {u.pk}", u.description)
            for u in OrganisationUnit.objects.exclude(description="")
        ),
        *((f"core task {t.pk}", t.text) for t in CoreTask.objects.all()),
        *((f"person {p.pk}", p.name) for p in Person.objects.all()),
        *((f"body {b.pk}", b.name) for b in PoliticalBody.objects.all()),
        *((f"body description {b.pk}", b.description) for b in PoliticalBody.objects.exclude(description="")),
        *((f"section {s.pk}", s.text) for s in ThemeSection.objects.filter(theme__policy__in=published)),
        *((f"key message {k.pk}", k.text) for k in KeyMessage.objects.filter(theme__policy__in=published)),
        *((f"value {v.pk}", v.text) for v in PolicyValue.objects.filter(policy__in=published)),
        *((f"actor {a.pk}", a.responsibility) for a in Actor.objects.filter(policy__in=published)),
        *((f"strategy theme {t.pk}", t.title) for t in StrategyTheme.objects.all()),
        *((f"component {c.pk}", c.title) for c in StrategyComponent.objects.all()),
    ]
    return [(what, normalise(text)) for what, text in items]


@pytest.mark.slow  # 80 s: every page of the site, each parsed as strict HTML
@pytest.mark.django_db
def test_crawl_the_whole_site(client):
    sitemap = sitemap_paths(client)
    crawl = Crawl(client)
    from_home = crawl.run(["/"])
    home_pages = [crawl.pages[path] for path in crawl.order]
    crawl.run(sitemap)

    failures = []
    broken = {}
    for referrer, target, status in crawl.broken:
        broken.setdefault((target, status), []).append(referrer)
    for (target, status), referrers in broken.items():
        failures.append(
            f"broken link: {target} answers {status}, linked from {len(referrers)} page(s): {referrers[:3]}"
        )
    for path in sitemap:
        if path not in from_home:
            failures.append(f"sitemap page {path} cannot be reached from the front page by following links")
    for path, page in crawl.pages.items():
        failures.extend(f"invalid HTML on {path}: {error}" for error in page.errors[:5])
        duplicates = sorted({i for i in page.ids if page.ids.count(i) > 1})
        if duplicates:
            failures.append(f"duplicate ids on {path}: {duplicates}")
    for path, target, fragment in crawl.anchors:
        page = crawl.pages.get(target)
        if page is not None and fragment not in page.ids:
            failures.append(f"anchor {target}#{fragment} (linked from {path}) does not exist")

    # Every theme, policy, strategy and municipality page must be among the pages reached from home.
    must_reach = ["/", "/retsgrundlag/", "/daekning/"]
    for municipality in Municipality.objects.all():
        must_reach += [municipality.get_absolute_url(), f"/{municipality.slug}/organisation/"]
    for policy in Policy.objects.published().select_related("municipality"):
        must_reach.append(policy.get_absolute_url())
        must_reach += [theme.get_absolute_url() for theme in policy.themes.all()]
    must_reach += [s.get_absolute_url() for s in Strategy.objects.select_related("municipality")]
    for path in must_reach:
        if path not in from_home or path not in crawl.pages:
            failures.append(f"{path} is not reachable from the front page")
    assert len(from_home) >= len(set(must_reach)), f"the crawl from home reached only {len(from_home)} pages"

    texts = [page.text for page in home_pages]
    for what, text in expected_texts():
        if not any(text in page_text for page_text in texts):
            failures.append(f"{what} is on no page reachable from the front page: {text[:80]!r}")

    assert not failures, f"{len(failures)} problem(s) in {len(crawl.pages)} pages:\n" + "\n".join(failures)
