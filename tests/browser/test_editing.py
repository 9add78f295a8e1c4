"""A Herning editor and publisher in the admin, as issue 10 describes them, click by click."""

import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import BROWSER_DB, ROOT, _database_url
from .pages import HERNING_POLICY

pytestmark = pytest.mark.browser

PASSWORD = "Zebra-Herning-2026-redaktion"


@pytest.fixture(scope="module")
def accounts(site_url):
    """An editor and a publisher of Herning, created as staff create them (no terminal)."""
    env = {
        **os.environ,
        "DATABASE_URL": urlsplit(_database_url())._replace(path=f"/{BROWSER_DB}").geturl(),
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.test",
        "BROWSER_TEST_PASSWORD": PASSWORD,
    }
    for username, roles in (("hanne", ["editor"]), ("peter", ["editor", "publisher"])):
        role_args = [arg for role in roles for arg in ("--role", role)]
        subprocess.run(
            [sys.executable, "manage.py", "create_staff_user", username, "--municipality", "herning",
             *role_args, "--password-from-env", "BROWSER_TEST_PASSWORD", "--skip-checks"],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    return {"editor": "hanne", "publisher": "peter"}


def log_in(context, username):
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    return page


def save(page, button):
    """Submit the change form. The button is pressed from script, since after a drag the sortable
    list may still hold the pointer; the wait is long, as the admin saves slowly on a busy machine."""
    with page.expect_navigation(timeout=60_000):
        page.locator(f"input[name={button}]").evaluate("button => button.click()")


def open_change(page, model_path, title):
    page.goto(f"/admin/{model_path}/?q={title}")
    page.get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_load_state()


def theme_titles(page):
    page.goto(HERNING_POLICY)
    return [t.strip() for t in page.locator("#main-content h3 a, #main-content h2 a").all_inner_texts()]


def test_reorder_themes_by_drag_shows_on_public_page(new_context, accounts):
    admin = log_in(new_context(), accounts["editor"])
    open_change(admin, "policies/policy", "Børne- og Ungepolitik")
    rows = admin.locator("#themes-group tbody tr.has_original")
    first_title = rows.nth(0).locator("input[name$='-title']").input_value()
    second_title = rows.nth(1).locator("input[name$='-title']").input_value()
    # sortable2 drags a tabular row by its first cell (the row's name).
    rows.nth(1).locator("td.original p").drag_to(rows.nth(0).locator("td.original p"))
    save(admin, "_continue")
    expect(admin.locator(".messagelist")).to_be_visible(timeout=30_000)
    public = new_context().new_page()
    public.goto(HERNING_POLICY)
    text = public.locator("#main-content").inner_text()
    assert text.index(second_title) < text.index(first_title)


def test_reorder_themes_by_drag_in_the_list_shows_on_public_page(new_context, accounts):
    admin = log_in(new_context(), accounts["editor"])
    console, moves = [], []
    admin.on("console", lambda message: console.append(message.text))
    admin.on("response", lambda r: moves.append(r.status) if "adminsortable2_update" in r.url else None)
    admin.goto("/admin/policies/policy/?q=Børne- og Ungepolitik")
    policy_url = admin.get_by_role("link", name="Børne- og Ungepolitik", exact=True).first.get_attribute(
        "href"
    )
    policy_id = policy_url.rstrip("/").split("/")[-2]
    admin.goto(f"/admin/policies/theme/?policy__id__exact={policy_id}")
    rows = admin.locator("#result_list tbody tr")
    first_title, second_title = (rows.nth(i).locator("th a, td a").first.inner_text() for i in (0, 1))
    # Not expect_response(): around a drag it waits forever in this Playwright.
    rows.nth(1).locator(".drag.handle").drag_to(rows.nth(0).locator(".drag.handle"))
    for _ in range(100):
        if moves:
            break
        admin.wait_for_timeout(100)
    assert moves == [200]
    admin.reload()
    assert rows.nth(0).locator("th a, td a").first.inner_text() == second_title
    public = new_context().new_page()
    public.goto(HERNING_POLICY)
    text = public.locator("#main-content").inner_text()
    assert text.index(second_title) < text.index(first_title)
    assert not [text for text in console if "content security policy" in text.casefold()]


SCRIPTED_PAGES = (
    # (address, Danish that the page's JavaScript writes)
    ("/admin/", None),
    ("/admin/policies/theme/", None),
    ("/admin/organisation/organisationunit/", "Fold træet sammen"),  # mptt's tree
    ("/admin/goals/followup/add/", "I dag"),  # the date picker
    ("/admin/policies/policy/?q=Børne- og Ungepolitik", None),
)
# Case-insensitive: the admin's CSS writes some headings in capitals, and inner_text() follows it.
ENGLISH = re.compile(
    r"\b(?:historical|show|hide|add another|save|delete|history|revert|choose|remove|available|"
    r"chosen|today|now|search|expand|collapse|none)\b",
    re.IGNORECASE,
)


def test_admin_scripts_speak_danish_within_the_csp(new_context, accounts):
    admin = log_in(new_context(), accounts["editor"])
    console = []
    admin.on("console", lambda message: console.append(f"{admin.url}: {message.text}"))
    admin.goto("/admin/organisation/organisationunit/?q=Børn og Unge")
    unit = admin.locator("#result_list a[href*='/change/']").first.get_attribute("href")
    pages = (*SCRIPTED_PAGES, (unit, "Markér de politiske organer, du vil vælge"))  # the two lists
    problems = []
    for path, danish in pages:
        admin.goto(path)
        admin.wait_for_load_state("networkidle")
        text = admin.locator("body").inner_text()
        problems += [f"{path}: {word}" for word in sorted(set(ENGLISH.findall(text)))]
        if danish and danish.casefold() not in text.casefold():
            problems.append(f"{path}: no {danish!r}")
    problems += [line for line in console if "content security policy" in line.casefold()]
    assert not problems, "\n".join(problems)


def test_new_commitment_goes_last_and_reason_and_restore_show_in_history(new_context, accounts):
    admin = log_in(new_context(), accounts["editor"])
    open_change(admin, "policies/theme", "Dannelse")
    theme_url = admin.url
    admin.locator("#commitments-group .add-row a").click()
    admin.locator("#commitments-group .inline-related:not(.empty-form)").last.locator("textarea").fill(
        "Vi vil prøve noget nyt zebra"
    )
    admin.fill("#id_change_reason", "Nyt punkt fra byrådsmødet")
    save(admin, "_continue")
    expect(admin.locator(".messagelist")).to_be_visible(timeout=30_000)
    public = new_context().new_page()
    public.goto(HERNING_POLICY + "dannelse/")
    items = public.locator("[id^=vi-vil-]").all_inner_texts()
    assert "Vi vil prøve noget nyt zebra" in items[-1]

    admin.fill("#id_subtitle", "Undertitel zebra")
    admin.fill("#id_change_reason", "Ny undertitel")
    save(admin, "_continue")
    admin.goto(theme_url.replace("/change/", "/history/"))
    expect(admin.locator("#change-history")).to_contain_text("Ny undertitel")
    expect(admin.locator("#change-history")).not_to_contain_text("None")
    admin.locator("#change-history tbody tr td:first-child a").nth(1).click()
    admin.get_by_role("button", name="Gendan denne version").click()
    expect(admin.locator(".messagelist")).to_contain_text("blev gendannet")
    expect(admin.locator("#change-history tbody tr").first).to_contain_text("Gendannet")


def test_draft_is_private_until_a_publisher_publishes_it(new_context, accounts):
    editor = log_in(new_context(), accounts["editor"])
    editor.goto("/admin/policies/policy/add/")
    editor.fill("#id_title", "Kladdepolitik zebrafinke")
    editor.locator("#id_title").press("Tab")  # the address name follows the title
    expect(editor.locator("#id_slug")).to_have_value("kladdepolitik-zebrafinke")
    editor.get_by_text("Tekster", exact=True).click()  # the texts are folded away at first
    editor.fill("#id_introduction", "Zebrafinke er et ord kun kladden bruger.")
    save(editor, "_save")
    expect(editor.locator(".messagelist")).to_be_visible(timeout=30_000)
    draft_url = "/herning/politikker/kladdepolitik-zebrafinke/"

    anonymous = new_context().new_page()
    assert anonymous.goto(draft_url).status == 404
    anonymous.goto("/soeg/?q=zebrafinke")
    expect(anonymous.locator("#main-content")).not_to_contain_text("Kladdepolitik zebrafinke")

    assert editor.goto(draft_url).status == 200
    expect(editor.get_by_text("Kladde – ikke offentlig")).to_be_visible()

    publisher = log_in(new_context(), accounts["publisher"])
    publisher.goto("/admin/policies/policy/?q=zebrafinke")
    publisher.locator("input[name=_selected_action]").first.check()
    publisher.select_option("select[name=action]", "publish")
    publisher.locator("button[name=index], .actions button").first.click()
    expect(publisher.locator(".messagelist")).to_contain_text("Offentliggjort")
    assert anonymous.goto(draft_url).status == 200
    expect(anonymous.get_by_text("Kladde – ikke offentlig")).to_have_count(0)
    assert re.search("zebrafinke", anonymous.content(), re.IGNORECASE)
