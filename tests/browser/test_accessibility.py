"""WCAG 2.1 AA (axe-core) and the structure every page must have, on every page type."""

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE, ROOT
from .pages import PAGES, SEARCH_PAGE, SEARCH_TERM

pytestmark = pytest.mark.browser

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SCREENSHOTS = ARTIFACTS / "screenshots"
PHONE_HEIGHT = PHONE["viewport"]["height"]
DESKTOP_HEIGHT = DESKTOP["viewport"]["height"]

HEADINGS_JS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.getClientRects().length > 0)
    .map(h => [Number(h.tagName[1]), h.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60)])"""


def open_page(page, name, path, status):
    response = page.goto(path)
    assert response is not None, f"{path}: no response"
    if name == SEARCH_PAGE:
        field = page.locator("input[type=search], input[name=q]").first
        field.fill(SEARCH_TERM)
        with page.expect_navigation():
            field.press("Enter")
        assert SEARCH_TERM in page.url or "f%C3%A6llesskab" in page.url, f"search did not submit: {page.url}"
        return
    assert response.status == status, f"{path}: HTTP {response.status}, expected {status}"


FOCUSED_JS = """() => { const el = document.activeElement; const box = el.getBoundingClientRect();
    return {tag: el.tagName, href: el.getAttribute('href'), text: el.textContent.trim(),
            width: box.width, height: box.height, top: box.top, left: box.left,
            visibility: getComputedStyle(el).visibility}; }"""


def focused_element(page, settle_ms=1000):
    """The focused element once it has settled (a skip link may slide in with a transition)."""
    focused = page.evaluate(FOCUSED_JS)
    for _ in range(settle_ms // 50):
        page.wait_for_timeout(50)
        again = page.evaluate(FOCUSED_JS)
        if again == focused and focused["top"] >= 0:
            break
        focused = again
    return focused


def axe_violations(page):
    page.add_script_tag(content=AXE)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return result["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} element(s), e.g. {targets}]"
        )
    return "\n".join(lines)


@pytest.fixture(scope="module", params=["phone", "desktop"])
def axe_context(request, browser, site_url):
    # The site's CSP forbids inline scripts; axe-core is injected as one, so CSP is bypassed here only.
    device = PHONE if request.param == "phone" else DESKTOP
    context = browser.new_context(**device, locale="da-DK", base_url=site_url, bypass_csp=True)
    context.set_default_timeout(10_000)
    yield request.param, context
    context.close()


@pytest.mark.parametrize(("name", "path", "status"), PAGES, ids=[page[0] for page in PAGES])
def test_page_is_accessible(axe_context, name, path, status):
    """axe-core finds no WCAG 2.1 AA violation, and the page has the structure every page must have."""
    device, context = axe_context
    page = context.new_page()
    try:
        open_page(page, name, path, status)
        if device == "phone":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        problems = structure_problems(page, device)
        violations = axe_violations(page)
    finally:
        page.close()
    if violations:
        problems.append(f"axe-core WCAG 2.1 AA violations:\n{describe(violations)}")
    assert not problems, f"{path} ({device}):\n" + "\n".join(problems)


def structure_problems(page, device):
    problems = []
    if page.locator("html").get_attribute("lang") != "da":
        problems.append("<html lang> is not 'da'")
    if (h1s := page.locator("h1").count()) != 1:
        problems.append(f"expected exactly one <h1>, found {h1s}")

    # Heading levels never skip: the h1 comes first, and each heading is at most one level deeper
    # than the one before it (h2 after h1, no h4 directly after h2).
    previous = 0
    for level, text in page.evaluate(HEADINGS_JS):
        if level > previous + 1:
            problems.append(f"<h{level}> {text!r} follows <h{previous}>: heading levels skip")
        previous = level

    # Nothing scrolls sideways, on the narrowest phone (360 px) as on a desktop.
    wider = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if wider > 0:
        problems.append(f"the page scrolls sideways by {wider} px")

    # The first thing a keyboard user reaches is a skip link to the main content, shown on focus.
    page.locator("body").focus()
    page.keyboard.press("Tab")
    focused = focused_element(page)
    if focused["tag"] != "A" or not (focused["href"] or "").startswith("#"):
        problems.append(f"the first Tab stop is not a skip link but {focused}")
        return problems
    target = focused["href"][1:]
    is_main = page.evaluate(
        """id => { const el = document.getElementById(id);
            return !!el && (el.tagName === 'MAIN' || el.getAttribute('role') === 'main'
                            || !!el.closest('main')); }""",
        target,
    )
    if not is_main:
        problems.append(f"the skip link points to #{target}, which is not the main content")
    height = PHONE_HEIGHT if device == "phone" else DESKTOP_HEIGHT
    visible = focused["width"] > 1 and focused["height"] > 1 and focused["visibility"] == "visible"
    if not visible or not (0 <= focused["top"] < height and focused["left"] >= 0):
        problems.append(f"the skip link does not become visible in the viewport on focus: {focused}")
    return problems
