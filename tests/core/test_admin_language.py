"""Every kind of admin page a Herning editor opens speaks Danish, also where Django and the
add-ons (simple_history, sortable2, mptt, axes) bring their own words."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin

from tests.conftest import staff_user
from tests.helpers.admin import admin_url

# English that Django and the add-ons show where their Danish catalogue lacks a text.
ENGLISH = re.compile(
    r"\b(?:[Hh]istorical|Show|Hide|Add another|Save|Delete|History|Revert|Change|Add|Select|Search|"
    r"Filter|Home|Log out|View site|Sort|Move|Expand|Collapse|None|Remove|Choose|Available|Chosen|"
    r"Today|Yes|Object|Date/time|Comment|Changed by|Reason|Created|Deleted|Changed|"
    r"Press|Close|Previous|Next|title|items?|selected|successfully|Welcome)\b"
)
SHOWN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")


class ShownText(HTMLParser):
    """The text a reader sees or hears: text outside scripts, and the attributes that are shown."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self.hidden += 1
        self.parts += [attrs[name] or "" for name in SHOWN_ATTRIBUTES if name in attrs]
        if tag == "input" and attrs.get("type") in ("submit", "button"):
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_in(response):
    parser = ShownText()
    parser.feed(response.content.decode())
    return sorted({match.group(0) for part in parser.parts for match in ENGLISH.finditer(part)})


def editor_pages(content):
    """(name, url) for every page type of every model the editor may open, on Herning's own rows."""
    pages = [("index", "/admin/"), ("password", "/admin/password_change/")]
    rows = {type(obj): obj for obj in content["herning"].values()}
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label):
        obj = rows.get(model)
        label = model._meta.label
        pages += [
            (f"{label} list", admin_url(model, "changelist")),
            (f"{label} add", admin_url(model, "add")),
        ]
        if obj is not None:
            pages += [
                (f"{label} change", admin_url(model, "change", obj.pk)),
                (f"{label} history", admin_url(model, "history", obj.pk)),
                (f"{label} delete", admin_url(model, "delete", obj.pk)),
            ]
            record = getattr(obj, "history", None)
            if record is not None and record.exists():
                version = record.earliest("history_date").history_id
                pages.append((f"{label} revert", admin_url(model, "simple_history", obj.pk, version)))
    return pages


def test_every_admin_page_type_speaks_danish(content, editor_client):
    content["herning"]["theme"].title = "Tema zebra ændret"
    content["herning"]["theme"].save()  # a change, so the history shows what changed
    problems = []
    for name, url in editor_pages(content):
        response = editor_client.get(url)
        if response.status_code == 403:  # not the editor's (e.g. adding a municipality)
            continue
        assert response.status_code == 200, f"{name}: {url} gave {response.status_code}"
        if words := english_in(response):
            problems.append(f"{name} ({url}): {', '.join(words)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("municipality, council", [("herning", "byrådet"), ("lyngby", "kommunalbestyrelsen")])
def test_dashboard_names_the_council_as_the_municipality_does(
    municipality, council, content, client, monkeypatch
):
    user = staff_user(monkeypatch, "anna", content[municipality]["municipality"].slug)
    client.force_login(user)
    page = client.get("/admin/").content.decode()
    assert f"De mål, {council} har sat" in page
    other = {"byrådet", "kommunalbestyrelsen"} - {council}
    assert f"De mål, {other.pop()} har sat" not in page


def test_add_links_keep_the_danish_noun_in_lower_case(content, editor_client):
    policy = content["herning"]["theme"].policy
    page = editor_client.get(admin_url(policy, "change", policy.pk)).content.decode()
    add_texts = [
        json.loads(f'"{text}"') for text in re.findall(r"&quot;addText&quot;: &quot;(.*?)&quot;", page)
    ]
    assert add_texts, "the policy form has inlines"
    assert "Tilføj tema" in add_texts
    assert not [text for text in add_texts if re.match(r"Tilføj [A-ZÆØÅ]", text)], add_texts
