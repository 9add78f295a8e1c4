"""What parents, politicians and searchers do on the site, click by click, as a person would."""

import csv
import io
import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS
from .pages import HERNING_POLICY, LYNGBY_POLICY, PAGES, PROVISION_19_2, SEARCH_PAGE, SEARCH_TERM

pytestmark = pytest.mark.browser

OFFICIAL_TEXT = "retsinformation.dk", "ohchr.org", "unesdoc.unesco.org", "sdgs.un.org"
LEGAL_PAGE = re.compile(r"^/retsgrundlag/[\w-]+/([\w-]+/)?$")
BOM = b"\xef\xbb\xbf"


def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u00ad", "")).strip()


def path_of(page_or_href):
    url = page_or_href if isinstance(page_or_href, str) else page_or_href.url
    return unquote(urlsplit(url).path)


def follow(page, name, path_pattern):
    """Click the first visible link called `name` that leads to a path matching `path_pattern`."""
    links = page.get_by_role("link", name=name)
    seen = []
    for index in range(links.count()):
        link = links.nth(index)
        href = link.get_attribute("href") or ""
        seen.append(href)
        if re.search(path_pattern, path_of(href)) and link.is_visible():
            link.click()
            page.wait_for_load_state()
            assert re.search(path_pattern, path_of(page)), f"clicking {name!r} led to {page.url}"
            return
    pytest.fail(f"{page.url}: no visible link named {name.pattern!r} to {path_pattern!r} (found {seen})")


def go_to_item_and_its_law(page, *, item_selector, item_text):
    """On a theme page: the item by its anchor, then its legal-basis link, to the law's page."""
    item = page.locator(item_selector).filter(has_text=item_text)
    assert item.count() == 1, f"{page.url}: {item_selector} with {item_text!r} found {item.count()} times"
    anchor = item.get_attribute("id")
    theme_url = page.url.split("#")[0]
    page.goto(f"{theme_url}#{anchor}")
    assert page.evaluate("() => document.querySelector(':target')?.id") == anchor, (
        f"#{anchor} is not targeted"
    )
    expect(item).to_be_in_viewport()

    # The item's own basis, or else its short link to the basis it inherits (shown once, on the
    # theme or the policy) and from there the first source listed.
    basis = item.locator('a[href*="/retsgrundlag/"]')
    if basis.count() == 0:
        inherited = item.locator('a[href*="#retsgrundlag"], a[href$="-grundlag"]')
        assert inherited.count() == 1, f"{theme_url}#{anchor}: no link to the basis the item inherits"
        inherited.first.click()
        page.wait_for_load_state()
        fragment = urlsplit(page.url).fragment
        basis = page.locator(f'[id="{fragment}"] a[href*="/retsgrundlag/"]')
    assert basis.count() >= 1, f"{theme_url}#{anchor}: no link to the item's legal basis"
    basis.first.click()
    page.wait_for_load_state()
    assert LEGAL_PAGE.search(path_of(page)), f"the legal-basis link led to {page.url}"

    official = page.locator(", ".join(f'main a[href*="{host}"]' for host in OFFICIAL_TEXT))
    assert official.count() >= 1, f"{page.url}: no link to the official text ({', '.join(OFFICIAL_TEXT)})"
    expect(official.first).to_be_visible()


def test_parent_follows_a_herning_commitment_to_its_law(page):
    page.goto("/")
    follow(page, re.compile("Herning"), r"^/herning/$")
    follow(page, re.compile("Børne- og Ungepolitik", re.IGNORECASE), f"^{HERNING_POLICY}$")
    follow(page, re.compile("Dannelse"), f"^{HERNING_POLICY}dannelse/$")
    go_to_item_and_its_law(
        page,
        item_selector='[id^="vi-vil-"]',
        item_text="Børn og unge skal have respekt for forskellighed og medinddrages",
    )


def test_parent_follows_a_lyngby_initiative_to_its_law(page):
    page.goto("/")
    follow(page, re.compile("Lyngby"), r"^/lyngby-taarbaek/$")
    follow(page, re.compile("Sammenhængende børne- og ungepolitik", re.IGNORECASE), f"^{LYNGBY_POLICY}$")
    follow(page, re.compile("Inklusion og fællesskab"), f"^{LYNGBY_POLICY}inklusion-og-faellesskab/$")
    go_to_item_and_its_law(
        page,
        item_selector='[id^="tiltag-"]',
        item_text="Udvikling af et samlet beredskab på 0-18 års-området",
    )


def test_provision_lists_what_rests_on_it_and_its_replacement(desktop_page):
    page = desktop_page
    response = page.goto(PROVISION_19_2)
    assert response.status == 200
    main = page.locator("main")
    # Herning's parents' page cites § 19, stk. 2; Lyngby-Taarbæk's policy cites "§19 i
    # Serviceloven", the act as a whole, and so rests on the act, not on this provision.
    assert main.locator(f'a[href$="{HERNING_POLICY}"]').count() >= 1, f"{PROVISION_19_2}: no Herning"
    assert main.locator(f'a[href$="{LYNGBY_POLICY}"]').count() == 0, f"{PROVISION_19_2}: Lyngby"
    text = normalise(main.inner_text())
    assert "Barnets lov § 15" in text, f"{PROVISION_19_2}: the replacement Barnets lov § 15 is not shown"
    assert "1. januar 2024" in text, (
        f"{PROVISION_19_2}: the date of replacement (1. januar 2024) is not shown"
    )
    replacement = main.locator('a[href$="/retsgrundlag/barnets-lov/par-15-stk-1/"]')
    assert replacement.count() >= 1, f"{PROVISION_19_2}: no link to Barnets lov § 15, stk. 1"


def goal_rows(page):
    """One row per goal: a table row or list item carrying the goal's anchor."""
    return page.locator("main :is(tr, li)[id]")


ROW_CONTEXT_JS = """row => [row.innerText, row.closest('section')?.querySelector('h2, h3')?.innerText || '',
    row.closest('table')?.querySelector('caption')?.innerText || ''].join(' ')"""


def test_politician_filters_the_goal_overview_and_downloads_it(page):
    overview = "/herning/maal/"
    assert page.goto(overview).status == 200
    total = goal_rows(page).count()
    assert total > 1, f"{overview}: the goal overview shows {total} rows"
    form = page.locator("main form").filter(has=page.locator("select"))
    assert form.count() >= 1, f"{overview}: no filter form with a <select>"
    selects = form.first.locator("select")
    options = [
        (index, value, label)
        for index in range(selects.count())
        for value, label in selects.nth(index).evaluate(
            "s => [...s.options].map(o => [o.value, o.textContent.trim()])"
        )
        if value
    ]
    assert options, f"{overview}: the filter <select>s offer no values"

    tried = []
    for index, value, label in options:
        page.goto(overview)
        select = (
            page.locator("main form").filter(has=page.locator("select")).first.locator("select").nth(index)
        )
        select.select_option(value)
        submit = (
            page.locator("main form")
            .filter(has=page.locator("select"))
            .first.locator("button[type=submit], input[type=submit], button:not([type])")
        )
        assert submit.count() >= 1, (
            f"{overview}: the filter form has no submit button (it must work without JS)"
        )
        submit.first.click()
        page.wait_for_load_state()
        count = goal_rows(page).count()
        tried.append((label, count))
        if 0 < count < total:
            break
    else:
        pytest.fail(f"{overview}: no filter value narrows the {total} rows: {tried}")

    chosen = page.locator("main form").filter(has=page.locator("select")).first.locator("select").nth(index)
    assert chosen.input_value() == value, f"{page.url}: the filter does not keep the chosen value {label!r}"
    # A theme is offered as "Dannelse (Børne- og Ungepolitik)"; the row says "… › Dannelse".
    wanted = normalise(re.sub(r"\s*\(.*\)$", "", label)).casefold()
    for row in goal_rows(page).all():
        row_text = normalise(row.evaluate(ROW_CONTEXT_JS))
        assert wanted in row_text.casefold(), (
            f"{page.url}: filtered on {label!r}, but a row does not match: {row_text[:120]!r}"
        )

    link = page.get_by_role("link", name=re.compile("CSV", re.IGNORECASE))
    assert link.count() >= 1, f"{page.url}: no CSV download link"
    with page.expect_download() as download_info:
        link.first.click()
    data = download_info.value.path().read_bytes()
    assert data.startswith(BOM), "the CSV does not start with a UTF-8 BOM (Excel shows Danish letters wrong)"
    text = data[len(BOM) :].decode("utf-8")
    dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=";,\t")
    rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]
    header, body = rows[0], rows[1:]
    assert all(cell.strip() for cell in header), f"the CSV header has empty columns: {header}"
    assert not [cell for cell in header if re.fullmatch(r"[a-z_]+", cell)], (
        f"the CSV header is not Danish: {header}"
    )
    assert any(re.search(r"[æøåÆØÅ]|Titel|Tekst|Kommune|Politik|Ansvarlig|Type", cell) for cell in header), (
        f"the CSV header is not Danish: {header}"
    )
    assert len(body) == count, f"the CSV has {len(body)} rows, the filtered page {count} ({page.url})"


def test_search_finds_an_inflected_form_and_lands_on_the_anchor(page):
    page.goto("/")
    field = page.locator("input[type=search]").filter(visible=True)
    if field.count() == 0:
        page.goto("/soeg/")
        field = page.locator("input[type=search]").filter(visible=True)
    assert field.count() >= 1, f"{page.url}: no visible search field"
    field.first.fill("fællesskaber")
    with page.expect_navigation():
        field.first.press("Enter")
    assert path_of(page) == "/soeg/", f"the search went to {page.url}"

    marks = page.locator("main mark")
    assert marks.count() >= 1, f"{page.url}: the hits are not highlighted with <mark>"
    assert any(text.casefold().startswith("fællesskab") for text in marks.all_inner_texts()), (
        f"{page.url}: no <mark> highlights a form of 'fællesskab': {marks.all_inner_texts()[:5]}"
    )

    anchored = [
        href
        for href in page.locator("main a[href]").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        if re.search(r"/politikker/.+#(tema|vi-vil)-[\w-]+$", href)
    ]
    assert anchored, f"{page.url}: no result links to a theme or 'Vi vil' anchor"
    page.locator(f'main a[href="{anchored[0]}"]').first.click()
    page.wait_for_load_state()
    anchor = urlsplit(anchored[0]).fragment
    assert urlsplit(page.url).fragment == anchor, f"the result led to {page.url}, not #{anchor}"
    target = page.locator(f'[id="{anchor}"]')
    assert target.count() == 1, f"{page.url}: the anchor #{anchor} does not exist on the page"
    expect(target).to_be_in_viewport()


def test_policy_and_organisation_work_without_javascript(new_context):
    page = new_context("phone", java_script_enabled=False).new_page()
    assert page.goto(HERNING_POLICY).status == 200
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(f'main a[href$="{HERNING_POLICY}dannelse/"]').first).to_be_visible()

    organisation = "/herning/organisation/"
    assert page.goto(organisation).status == 200
    assert page.locator("main details > summary").count() >= 1, (
        f"{organisation}: the tree uses no details/summary"
    )
    # Økonomi sits under Center for Udvikling og Økonomi under Børn og Unge: open the tree as needed.
    target = page.locator('main a[href$="/herning/organisation/cuo-oekonomi/"]').first
    for _ in range(50):
        if target.is_visible():
            break
        closed = page.locator("main details:not([open]) > summary").filter(visible=True)
        if closed.count() == 0:
            break
        closed.first.click()
    expect(target).to_be_visible()
    target.click()
    page.wait_for_load_state()
    assert path_of(page) == "/herning/organisation/cuo-oekonomi/"
    expect(page.locator("h1")).to_contain_text("Økonomi")


def test_every_page_type_has_a_csp_and_no_violations(desktop_page):
    page = desktop_page
    messages = []
    page.on("console", lambda message: messages.append((page.url, message.text)))
    problems = []
    for name, path, _status in PAGES:
        response = page.goto(path)
        if name == SEARCH_PAGE:
            field = page.locator("input[type=search]").first
            field.fill(SEARCH_TERM)
            with page.expect_navigation() as navigation:
                field.press("Enter")
            response = navigation.value
        if "content-security-policy" not in response.headers:
            problems.append(f"{page.url}: no Content-Security-Policy header")
    violations = [f"{url}: {text}" for url, text in messages if "content security policy" in text.casefold()]
    assert not problems + violations, "\n".join(problems + violations)


PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def test_politician_finds_a_goal_by_its_law_opens_it_and_prints_the_overview(desktop_page):
    page = desktop_page
    page.goto("/herning/maal/")
    # Barnets lov replaced serviceloven § 19, stk. 2: choosing it finds the goals that rest on the old one.
    page.locator("#filter-grundlag").select_option("barnets-lov/par-15-stk-1")
    page.get_by_role("button", name="Vis mål").click()
    page.wait_for_load_state()
    assert goal_rows(page).count() == 20, (
        f"{page.url}: {goal_rows(page).count()} goals rest on Barnets lov § 15"
    )
    expect(page.locator("main")).to_contain_text("Serviceloven § 19, stk. 2")

    page.get_by_role("link", name=re.compile("^Fremdrift")).click()
    page.wait_for_load_state()
    assert "sorter=fremdrift" in page.url and "grundlag=" in page.url, page.url
    assert page.locator('th[aria-sort="ascending"]').count() == 1

    first = goal_rows(page).first
    title = normalise(first.locator("td").first.inner_text())
    first.locator("td").first.get_by_role("link").click()
    page.wait_for_load_state()
    assert re.fullmatch(r"/herning/maal/[\w-]+/", path_of(page)), page.url
    expect(page.locator("h1")).to_have_text(title)
    for heading in ("Plan", "Opfølgning", "Retsgrundlag"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.locator("main")).to_contain_text("Ikke fulgt op endnu")

    page.goto("/herning/maal/")
    total = goal_rows(page).count()
    pdf = page.pdf(format="A4")
    pages = len(PDF_PAGE.findall(pdf))
    (ARTIFACTS / "maal-herning.pdf").write_bytes(pdf)
    assert 1 <= pages <= 4, f"Herning's {total} goals print on {pages} A4 pages (at most 4)"
    page.emulate_media(media="print")
    header = page.locator(".print-header")
    expect(header).to_be_visible()
    expect(header).to_contain_text("Herning")
    expect(header).to_contain_text("/herning/maal/")
    assert page.locator("main form").is_hidden(), "the filter form is printed"


def test_no_download_is_offered_for_no_goals(desktop_page):
    page = desktop_page
    page.goto("/herning/maal/?status=achieved")
    expect(page.locator("main")).to_contain_text("Ingen mål passer til filtrene.")
    assert page.get_by_role("link", name=re.compile("CSV")).count() == 0
