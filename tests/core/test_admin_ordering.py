"""Drag-and-drop ordering in the changelists (django-admin-sortable2's `adminsortable2_update/`),
kept inside the user's municipality and inside one list."""

import json

import pytest
from django.contrib import admin
from mptt.admin import DraggableMPTTAdmin

from core.admin import SortableScopedAdmin
from core.models import Ordered
from organisation.models import OrganisationUnit
from policies.models import Theme
from tests.helpers.admin import admin_url, form_data, snapshot

# Every model in `content` whose changelist is ordered by drag (the tree has its own drag and drop).
SORTABLE = [
    "body",
    "core_task",
    "person",
    "value",
    "actor",
    "theme",
    "section",
    "commitment",
    "initiative",
    "key_message",
    "quote",
    "strategy",
    "strategy_theme",
    "component",
    "goal_track",
    "sub_goal",
    "council_commitment",
    "budget_goal",
]


def move(client, model, *items):
    return client.post(
        admin_url(model, "sortable_update"),
        json.dumps({"updatedItems": [[str(pk), order] for pk, order in items]}),
        content_type="application/json",
    )


def order_of(obj):
    return snapshot(obj)["order"]


def test_every_ordered_changelist_is_sortable(content):
    models = {type(content["herning"][key]) for key in SORTABLE}
    for model in models:
        assert isinstance(admin.site.get_model_admin(model), SortableScopedAdmin), model
    sortable = {
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, SortableScopedAdmin)
    }
    # The organisation tree is ordered by mptt's own drag and drop.
    ordered = {model for model in admin.site._registry if issubclass(model, Ordered)} - {OrganisationUnit}
    assert sortable == ordered == models
    assert isinstance(admin.site.get_model_admin(OrganisationUnit), DraggableMPTTAdmin)


@pytest.mark.parametrize("key", SORTABLE)
def test_editor_reorders_own_rows_and_history_says_so(key, content, editor_client):
    own = content["herning"][key]
    response = move(editor_client, own, (own.pk, 7))
    assert response.status_code == 200
    assert order_of(own) == 7
    record = own.history.latest("history_date")
    assert record.history_change_reason == "Rækkefølgen ændret"


@pytest.mark.parametrize("key", SORTABLE)
def test_editor_cannot_reorder_other_municipality(key, content, editor_client):
    other = content["lyngby"][key]
    before = snapshot(other)
    response = move(editor_client, other, (other.pk, 7))
    assert response.status_code == 403
    assert snapshot(other) == before


def test_a_move_that_touches_another_municipality_changes_nothing(content, editor_client):
    own, other = content["herning"]["theme"], content["lyngby"]["theme"]
    response = move(editor_client, own, (own.pk, 5), (other.pk, 6))
    assert response.status_code == 403
    assert (order_of(own), order_of(other)) == (0, 0)


def test_a_move_across_two_lists_changes_nothing(content, editor_client):
    theme = content["herning"]["theme"]
    other_list = Theme.objects.create(policy=content["herning"]["policy"], title="Tema to", slug="to")
    third = Theme.objects.create(policy=theme.policy, title="Tema tre", slug="tre")
    assert move(editor_client, theme, (theme.pk, 2), (third.pk, 1)).status_code == 200
    elsewhere = type(theme.policy).objects.create(
        municipality=theme.policy.municipality, title="Anden", slug="anden"
    )
    other_list.policy = elsewhere
    other_list.save()
    response = move(editor_client, theme, (theme.pk, 1), (other_list.pk, 2))
    assert response.status_code == 403
    assert (order_of(theme), order_of(other_list)) == (2, 0)


def test_staff_without_membership_reorders_nothing(content, client, editor):
    editor.membership.delete()
    editor.refresh_from_db()
    client.force_login(editor)
    own = content["herning"]["theme"]
    assert move(client, own, (own.pk, 3)).status_code == 403
    assert order_of(own) == 0


@pytest.mark.parametrize("body", ["", "[]", '{"updatedItems": [["abc", 1]]}', '{"updatedItems": [[1, -1]]}'])
def test_malformed_move_is_refused(body, content, editor_client):
    theme = content["herning"]["theme"]
    response = editor_client.post(admin_url(theme, "sortable_update"), body, content_type="application/json")
    assert response.status_code == 400
    assert order_of(theme) == 0


def test_move_needs_post(content, editor_client):
    assert editor_client.get(admin_url(Theme, "sortable_update")).status_code == 405


def test_superuser_reorders_any_municipality(content, super_client):
    other = content["lyngby"]["theme"]
    assert move(super_client, other, (other.pk, 4)).status_code == 200
    assert order_of(other) == 4


def test_rows_are_draggable_only_while_the_list_holds_one_policy(content, editor_client):
    policy = content["herning"]["policy"]
    url = admin_url(Theme, "changelist")
    assert Theme.objects.for_municipality(policy.municipality).values("policy").distinct().count() > 1
    page = editor_client.get(url).content.decode()
    assert 'class="drag handle"' not in page
    assert "hører til samme politik" in page
    one_policy = f"{url}?policy__id__exact={policy.pk}"
    assert 'class="drag handle"' in editor_client.get(one_policy).content.decode()
    assert 'class="drag handle"' not in editor_client.get(f"{one_policy}&o=2").content.decode()


def test_new_theme_goes_last_in_its_policy(content, editor_client):
    policy = content["herning"]["policy"]
    Theme.objects.filter(pk=content["herning"]["theme"].pk).update(order=4)
    Theme.objects.filter(pk=content["lyngby"]["theme"].pk).update(order=40)  # another list
    data = form_data(editor_client.get(admin_url(Theme, "add")))
    data.update(policy=policy.pk, title="Nyt tema", slug="nyt-tema")
    response = editor_client.post(admin_url(Theme, "add"), data)
    assert response.status_code == 302
    assert Theme.objects.get(slug="nyt-tema").order == 5
