"""The page cache: anonymous pages from the cache, every write visible on the next request.

Writes start a new generation when their transaction commits, so each write here runs in
`django_capture_on_commit_callbacks(execute=True)`: the test's own transaction never
commits, and this runs what a commit would.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from core.cache import GENERATION_KEY, project_tables
from policies.models import Commitment
from tests.helpers.admin import admin_url, form_data
from tests.helpers.pages import HERNING_POLICY

pytestmark = pytest.mark.django_db

THEME = HERNING_POLICY + "dannelse/"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commitment(herning):
    return Commitment.objects.filter(theme__policy__municipality=herning, theme__slug="dannelse").order_by(
        "order"
    )[0]


def anonymous_get(path):
    return Client().get(path)


def text_of(response):
    return response.content.decode()


def assert_cached(path):
    first, second = anonymous_get(path), anonymous_get(path)
    assert first.status_code == second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    return second


def test_an_anonymous_page_comes_from_the_cache_the_second_time(page_cache, django_assert_num_queries):
    first = anonymous_get(THEME)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = anonymous_get(THEME)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_an_admin_edit_shows_on_the_next_anonymous_request(
    page_cache, commitment, editor_client, django_capture_on_commit_callbacks
):
    old = commitment.text
    assert old in text_of(assert_cached(THEME))
    url = admin_url(commitment, "change", commitment.pk)
    data = form_data(editor_client.get(url))
    data["text"] = "Vi vil have en ny tekst, som ingen side har vist før."
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    after = anonymous_get(THEME)
    assert after["X-Page-Cache"] == "miss"
    assert "Vi vil have en ny tekst, som ingen side har vist før." in text_of(after)
    assert old not in text_of(after)
    # Every page, not only the edited one: the policy page shows the commitment too.
    assert "Vi vil have en ny tekst" in text_of(anonymous_get(HERNING_POLICY))


def test_a_write_without_signals_also_ends_the_generation(
    page_cache, commitment, django_capture_on_commit_callbacks
):
    # django-mptt's tree moves and django-admin-sortable2's drag ordering write with
    # queryset.update(), which sends no signal.
    assert_cached(THEME)
    with django_capture_on_commit_callbacks(execute=True):
        Commitment.objects.filter(pk=commitment.pk).update(text="Opdateret uden signaler")
    assert "Opdateret uden signaler" in text_of(anonymous_get(THEME))


def test_raw_sql_on_a_project_table_ends_the_generation(
    page_cache, commitment, django_capture_on_commit_callbacks
):
    assert_cached(THEME)
    with django_capture_on_commit_callbacks(execute=True), connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{Commitment._meta.db_table}" SET "text" = %s WHERE "id" = %s',
            ["Skrevet med rå SQL", commitment.pk],
        )
    assert "Skrevet med rå SQL" in text_of(anonymous_get(THEME))


def test_the_loader_ends_the_generation(page_cache, commitment, django_capture_on_commit_callbacks):
    original = commitment.text
    # A change the cache cannot know of (never committed), then the loader puts the text back.
    Commitment.objects.filter(pk=commitment.pk).update(text="Midlertidig tekst")
    assert "Midlertidig tekst" in text_of(assert_cached(THEME))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_content", verbosity=0)
    after = text_of(anonymous_get(THEME))
    assert original in after
    assert "Midlertidig tekst" not in after


def test_a_rolled_back_write_keeps_the_generation(page_cache, commitment):
    assert_cached(THEME)
    generation = cache.get(GENERATION_KEY)
    with pytest.raises(RuntimeError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(text="Rulles tilbage")
        raise RuntimeError
    assert cache.get(GENERATION_KEY) == generation
    assert anonymous_get(THEME)["X-Page-Cache"] == "hit"


def test_staff_get_a_fresh_page_and_nothing_they_see_is_stored(page_cache, editor_client):
    staff = editor_client.get(THEME)
    assert staff.status_code == 200
    assert "X-Page-Cache" not in staff
    assert "private" in staff["Cache-Control"]
    assert "ETag" not in staff
    # Staff's request stored nothing: the first anonymous request renders anew.
    assert anonymous_get(THEME)["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in editor_client.get(THEME)


def test_the_admin_is_never_cached(page_cache):
    response = anonymous_get("/admin/login/")
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in anonymous_get("/admin/login/")


def test_a_visitor_with_a_message_cookie_is_not_served_from_the_cache(page_cache):
    assert_cached(THEME)
    client = Client()
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get(THEME)


def test_errors_are_not_stored(page_cache):
    assert anonymous_get("/herning/findes-ikke/").status_code == 404
    assert anonymous_get("/herning/findes-ikke/").get("X-Page-Cache") != "hit"


def test_conditional_get_answers_304(page_cache):
    first = anonymous_get(THEME)
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    again = Client().get(THEME, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""
    assert Client().get(THEME, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_the_etag_changes_when_the_page_does(page_cache, commitment, django_capture_on_commit_callbacks):
    etag = anonymous_get(THEME)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        Commitment.objects.filter(pk=commitment.pk).update(text="Ny tekst, nyt ETag")
    assert Client().get(THEME, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_every_model_of_the_project_is_watched():
    from django.apps import apps

    for label in ("organisation", "legal", "policies", "strategies", "goals", "search"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            assert model._meta.db_table in project_tables(), model
    assert "django_session" not in project_tables()
    assert "auth_user" not in project_tables()


def test_off_by_default_in_tests(commitment):
    assert "X-Page-Cache" not in anonymous_get(THEME)
