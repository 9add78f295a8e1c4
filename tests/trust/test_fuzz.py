"""No input makes a page answer with a server error (≥ 500): a property-based fuzz test.

Hypothesis sends generated paths, query parameters, form fields and headers to every public
URL pattern, and, logged in as staff, to every admin page: changelists with filters,
autocomplete, history, change and add forms posted with ids that are no ids and NUL bytes,
and formsets with absurd form counts. It is derandomised (the same examples on every run)
and bounded by max_examples so that it runs in CI in about a minute; the number of
requests sent is printed at the end.
"""

import re
from collections import Counter
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.browser.pages import PAGES
from tests.helpers.admin import form_data
from tests.trust.fuzz import (
    BAD_IDS,
    admin_models,
    autocomplete_params,
    fill,
    filter_params,
    headers,
    hostile_text,
    param_names,
    public_routes,
    seeds_by_route,
)

pytestmark = pytest.mark.slow

SENT = Counter()


def bounded(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def send(client, method, path, data=None, **extra):
    SENT[method] += 1
    try:
        response = getattr(client, method)(path, data or {}, **extra)
    except Exception as exc:
        pytest.fail(f"{method.upper()} {path!r} {data!r} {extra!r} raised {exc!r}")
    assert response.status_code < 500, f"{method.upper()} {path!r} {data!r} {extra!r}"
    return response


@pytest.fixture(scope="module", autouse=True)
def report(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    line = f"fuzz: {sum(SENT.values())} requests sent ({dict(SENT)})"
    if reporter is not None:
        reporter.write_line("\n" + line)


def sitemap_paths(client):
    text = client.get("/sitemap.xml").content.decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", text)]


def test_public_pages_never_answer_with_a_server_error(db):
    client = Client()
    seeds = seeds_by_route([path for _name, path, _status in PAGES] + sitemap_paths(client))
    routes = public_routes()

    @bounded(300)
    @given(data=st.data())
    def run(data):
        route = data.draw(st.sampled_from(routes))
        values = dict(data.draw(st.sampled_from(seeds.get(route) or [{}])))
        if values and data.draw(st.booleans()):
            values[data.draw(st.sampled_from(sorted(values)))] = data.draw(hostile_text)
        elif not values:
            values = data.draw(st.dictionaries(st.sampled_from(["x"]), hostile_text))
        query = data.draw(st.dictionaries(param_names, hostile_text, max_size=3))
        method = data.draw(st.sampled_from(["get", "get", "get", "head", "post", "options"]))
        send(client, method, fill(route, values), query, **data.draw(headers))

    run()


def own_objects(content):
    """One row the staff user may edit, per model."""
    rows = {type(obj): obj for obj in content["herning"].values()}
    return rows


def admin_fuzz(client, content, examples):
    models = admin_models()
    own = own_objects(content)
    autocompletes = autocomplete_params()
    forms = {}

    def object_id(model):
        obj = own.get(model) or model._default_manager.order_by("pk").first()
        return str(obj.pk) if obj is not None else "1"

    def url(model, view, *args):
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)

    def object_url(model, object_id, *rest):
        # Built by hand: reverse() refuses ids that the URL pattern does not match.
        parts = [quote(str(part), safe="") for part in (object_id, *rest)]
        return url(model, "changelist") + "/".join(parts) + "/"

    def change_form(model):
        if model not in forms:
            response = client.get(url(model, "change", object_id(model)))
            forms[model] = form_data(response) if response.status_code == 200 else {}
        return dict(forms[model])

    @bounded(examples)
    @given(data=st.data())
    def run(data):
        model, model_admin = data.draw(st.sampled_from(models))
        kind = data.draw(st.sampled_from(["changelist", "autocomplete", "history", "change", "post", "add"]))
        if kind == "changelist":
            names = st.one_of(st.sampled_from(filter_params(model_admin)), param_names)
            query = data.draw(st.dictionaries(names, hostile_text, min_size=1, max_size=3))
            send(client, "get", url(model, "changelist"), query)
        elif kind == "autocomplete":
            app_label, model_name, field_name = data.draw(st.sampled_from(autocompletes))
            query = {"app_label": app_label, "model_name": model_name, "field_name": field_name}
            key = data.draw(st.sampled_from(["term", "term", "page", "app_label", "field_name"]))
            query[key] = data.draw(hostile_text)
            send(client, "get", reverse("admin:autocomplete"), query)
        elif kind == "history":
            if data.draw(st.booleans()):
                path = object_url(model, data.draw(hostile_text) or "x", "history")
            else:
                path = object_url(model, object_id(model), "history", data.draw(hostile_text) or "x")
            send(client, "get", path)
        elif kind == "change":
            view = data.draw(st.sampled_from(["change", "delete"]))
            send(client, "get", object_url(model, data.draw(hostile_text) or "x", view))
        else:
            fields = change_form(model)
            if not fields:
                return
            if data.draw(st.booleans()):
                totals = sorted(name for name in fields if name.endswith("TOTAL_FORMS"))
                if totals:
                    fields[data.draw(st.sampled_from(totals))] = data.draw(
                        st.sampled_from(["99999999999", "1001", "-1", "abc", "301"])
                    )
            for name in data.draw(st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=3)):
                fields[name] = data.draw(st.one_of(st.sampled_from(BAD_IDS), hostile_text))
            path = url(model, "add") if kind == "add" else url(model, "change", object_id(model))
            send(client, "post", path, fields)

    run()


def test_admin_never_answers_with_a_server_error_for_staff(content, legal_editor):
    client = Client()
    client.force_login(legal_editor)
    admin_fuzz(client, content, 300)


def test_admin_never_answers_with_a_server_error_for_a_superuser(content, superuser):
    client = Client()
    client.force_login(superuser)
    admin_fuzz(client, content, 150)
