"""The API's promises: every public kind, links and page addresses, the filters (succession
included), errors as Danish problem details, ETags, CORS, the rate limit, the bulk files,
the catalogue and the documentation page."""

import csv
import io
import json
from datetime import date

import pytest
from django.apps import apps

from api.resources import RESOURCES
from core.goalkinds import GOAL_KINDS
from goals.models import FollowUp
from legal.models import Instrument, Provision
from policies.models import Commitment

pytestmark = pytest.mark.django_db

API = "/api/v1/"
# Models that are no public fact: who may edit what.
NOT_PUBLIC = {"organisation.StaffMembership"}
DOMAIN_APPS = ("organisation", "legal", "policies", "strategies", "goals")


def get_json(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_every_public_model_of_the_domain_is_published():
    published = {resource.model_label for resource in RESOURCES}
    models = {
        model._meta.label
        for app in DOMAIN_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    }
    assert models - NOT_PUBLIC - published == set()


def test_every_goal_kind_is_an_endpoint(client):
    root = get_json(client, API)
    for kind in GOAL_KINDS:
        assert root[kind.key].endswith(f"/api/v1/{kind.key}/")


def test_every_list_answers_with_ids_links_and_pages(client):
    root = get_json(client, API)
    for key, url in root.items():
        page = get_json(client, url)
        for item in page["results"]:
            assert isinstance(item["id"], int), key
            assert item["url"].startswith("http://testserver/api/v1/"), key
            if key != "follow_up":
                assert item["page"].startswith("http://testserver/"), key


def test_a_page_address_leads_to_the_page(client):
    item = get_json(client, API + "commitment/")["results"][0]
    path = item["page"].removeprefix("http://testserver").split("#")[0]
    assert client.get(path).status_code == 200
    assert item["theme"].startswith("http://testserver/api/v1/theme/")
    assert get_json(client, item["theme"])["id"] == int(item["theme"].rstrip("/").split("/")[-1])


def test_the_organisation_tree_links_each_unit_to_its_parent(client, herning):
    units = get_json(client, API + "unit/", municipality="herning", page_size=1000)["results"]
    by_url = {unit["url"]: unit for unit in units}
    roots = [unit for unit in units if unit["parent"] is None]
    assert roots
    assert all(unit["parent"] in by_url for unit in units if unit["parent"] is not None)


def test_a_goal_has_basis_responsible_and_follow_up(client):
    goal = get_json(client, API + "goal/", kind="sub_goal")["results"][0]
    assert goal["kind"] == "sub_goal"
    assert set(goal["legal_basis"]) == {"references", "inherited_from"}
    assert set(goal["responsible"]) == {"unit", "body", "inherited_from"}
    assert goal["follow_up"]["status"] in {
        "none",
        "not_started",
        "in_progress",
        "achieved",
        "partly_achieved",
        "not_achieved",
        "dropped",
    }


def test_a_provision_lists_its_succession_and_what_rests_on_it(client):
    old = Provision.objects.get(instrument__slug="serviceloven", replaced_by__isnull=False)
    item = get_json(client, f"{API}provision/{old.pk}/")
    assert item["replaced_by"].endswith(f"/provision/{old.replaced_by_id}/")
    new = get_json(client, item["replaced_by"])
    assert item["url"] in new["replaces"]
    assert item["resting"], "the old provision has goals resting on it"


def test_the_legal_basis_filter_follows_the_succession(client):
    new = Provision.objects.get(instrument__slug="barnets-lov", replaces__isnull=False)
    old = new.replaces.get()
    on_old = get_json(client, f"{API}provision/{old.pk}/")["resting"]
    on_new = get_json(client, f"{API}provision/{new.pk}/")["resting"]
    value = f"barnets-lov/{new.slug}"
    found = {
        goal["url"] for goal in get_json(client, API + "goal/", legal_basis=value, page_size=1000)["results"]
    }
    goal_urls = {
        url
        for url in on_old + on_new
        if "/goal_track/" in url
        or "/sub_goal/" in url
        or "/council_commitment/" in url
        or "/budget_goal/" in url
        or "/commitment/" in url
        or "/initiative/" in url
    }
    assert goal_urls
    assert goal_urls <= found
    on_old_only = get_json(client, API + "goal/", legal_basis=f"serviceloven/{old.slug}", page_size=1000)
    assert {goal["url"] for goal in on_old_only["results"]} <= found


def test_filters_by_municipality_and_status(client, herning):
    everything = get_json(client, API + "theme/", page_size=1000)["count"]
    herning_only = get_json(client, API + "theme/", municipality="herning", page_size=1000)
    assert 0 < herning_only["count"] < everything
    assert all("/herning/" in item["page"] for item in herning_only["results"])
    commitment = Commitment.objects.published().first()
    FollowUp.objects.create(commitment=commitment, date=date(2026, 1, 1), status="not_started")
    FollowUp.objects.create(commitment=commitment, date=date(2026, 6, 1), status="achieved", progress=100)
    achieved = get_json(client, API + "commitment/", status="achieved")
    assert [item["id"] for item in achieved["results"]] == [commitment.pk]
    assert achieved["results"][0]["follow_up"]["progress"] == 100
    assert [entry["status"] for entry in achieved["results"][0]["follow_up"]["timeline"]] == [
        "achieved",
        "not_started",
    ]
    assert get_json(client, API + "commitment/", status="not_started")["count"] == 0
    not_followed = get_json(client, API + "commitment/", status="none")["count"]
    assert not_followed == get_json(client, API + "commitment/")["count"] - 1
    across = get_json(client, API + "goal/", status="achieved")["results"]
    assert [(goal["kind"], goal["id"]) for goal in across] == [("commitment", commitment.pk)]


def test_changed_since_reads_the_history(client):
    assert get_json(client, API + "commitment/", changed_since="2000-01-01")["count"] > 0
    assert get_json(client, API + "commitment/", changed_since="2999-01-01")["count"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "commitment/?municipality=atlantis",
        "commitment/?changed_since=igår",
        "commitment/?status=maybe",
        "commitment/?legal_basis=ingen-lov",
        "commitment/?legal_basis=barnets-lov/par-999",
        "commitment/?page=999",
        "commitment/?page=x",
        "commitment/?page_size=100000",
        "goal/?kind=wish",
        "unit/?kind=castle",
        "policy/?status=draft",
        "download/commitment.csv?municipality=atlantis",
    ],
)
def test_a_bad_parameter_is_a_danish_problem(client, query):
    response = client.get(API + query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400
    assert body["title"] == "Ugyldig forespørgsel"
    assert body["type"] and body["detail"]
    assert body["errors"]


@pytest.mark.parametrize(
    "path", ["nothing/", "commitment/abc/", "commitment/99999999/", "download/atlantis.json"]
)
def test_not_found_is_a_problem_too(client, path):
    response = client.get(API + path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Findes ikke"


def test_the_api_is_read_only(client):
    response = client.post(API + "commitment/", {})
    assert response.status_code == 405
    assert response.json()["detail"] == "API'et kan kun læses: brug GET."


def test_an_unchanged_response_is_not_sent_again(client):
    first = client.get(API + "commitment/")
    assert first.has_header("ETag")
    assert "public" in first["Cache-Control"]
    assert "Cookie" not in first.get("Vary", "")
    assert not first.cookies
    again = client.get(API + "commitment/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    changed = Commitment.objects.published().first()
    changed.text += " (rettet)"
    changed.save()
    assert client.get(API + "commitment/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_any_site_may_read_it(client):
    response = client.get(API + "policy/", HTTP_ORIGIN="https://avis.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    page = client.get("/", HTTP_ORIGIN="https://avis.example")
    assert "Access-Control-Allow-Origin" not in page


def test_the_rate_limit_is_per_client(client, settings):
    settings.API_RATE = "3/minute"
    for _ in range(3):
        assert client.get(API + "municipality/", REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = client.get(API + "municipality/", REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.has_header("Retry-After")
    assert "Grænsen" in refused.json()["detail"]
    assert client.get(API + "municipality/", REMOTE_ADDR="10.0.0.2").status_code == 200
    # The bulk files count against the same budget.
    assert client.get(API + "download/herning.json", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get(API + "download/value.csv", REMOTE_ADDR="10.0.0.2").status_code == 200


def test_behind_a_proxy_the_limit_follows_the_address_it_reports(client, settings):
    settings.API_RATE = "2/minute"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.9.9.9"}
    for _ in range(2):
        assert (
            client.get(API + "municipality/", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 200
        )
    assert client.get(API + "municipality/", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code == 429
    assert client.get(API + "municipality/", HTTP_X_FORWARDED_FOR="203.0.113.8", **proxy).status_code == 200


def test_one_csv_per_kind_with_the_documented_columns(client):
    docs = client.get(API + "dokumentation/").content.decode()
    for resource in RESOURCES:
        response = client.get(f"{API}download/{resource.key}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        header = rows[0]
        assert "id" in header and "page" in header
        for column in header:
            assert f"<code>{column}</code>" in docs, (resource.key, column)


def test_csv_cells_cannot_start_a_formula(client, herning):
    commitment = Commitment.objects.for_municipality(herning).published().first()
    commitment.text = '=HYPERLINK("http://evil.example")'
    commitment.save()
    response = client.get(f"{API}download/commitment.csv", {"municipality": "herning"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    column = rows[0].index("text")
    texts = [row[column] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in texts
    assert not any(text.startswith("=") for text in texts)


def test_one_json_file_per_municipality(client, herning):
    response = client.get(f"{API}download/herning.json")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["about"]["municipality"] == "herning"
    assert body["about"]["licence"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [item["name"] for item in body["municipality"]] == [herning.name]
    for resource in RESOURCES:
        assert resource.key in body
    assert all("/herning/" in item["page"] for item in body["commitment"])
    assert len(body["instrument"]) == Instrument.objects.count()


def test_the_catalogue_entry_has_the_dcat_fields(client):
    response = client.get(API + "catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalog = response.json()
    assert catalog["@type"] == "dcat:Catalog"
    dataset = catalog["dcat:dataset"][0]
    for field in (
        "dct:title",
        "dct:description",
        "dct:publisher",
        "dcat:contactPoint",
        "dct:license",
        "dcat:theme",
        "dct:language",
        "dcat:keyword",
        "dcat:landingPage",
        "dct:accessRights",
    ):
        assert field in dataset, field
    downloads = {d["dcat:downloadURL"]["@id"] for d in dataset["dcat:distribution"]}
    assert "http://testserver/api/v1/download/herning.json" in downloads
    assert "http://testserver/api/v1/download/commitment.csv" in downloads
    assert len(downloads) == len(RESOURCES) + 3  # the API, a CSV per kind, a JSON per municipality
    assert client.get("/api/v1/download/lyngby-taarbaek.json").status_code == 200


def test_the_schema_is_openapi_3_at_a_stable_address(client):
    schema = client.get(API + "schema/").json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["license"]["name"] == "CC BY 4.0"
    assert "/api/v1/goal/" in schema["paths"]
    assert "/api/v1/commitment/{id}/" in schema["paths"]


def test_the_documentation_page_is_danish_and_links_everything(client):
    response = client.get(API + "dokumentation/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Åbne data" in html and "CC BY 4.0" in html
    for link in ("/api/v1/schema/", "/api/v1/catalog.jsonld", "/api/v1/download/herning.json"):
        assert link in html
    swagger = client.get(API + "schema/swagger/").content.decode()
    assert "cdn" not in swagger.lower() and "/static/" in swagger
