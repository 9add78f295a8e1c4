"""The organisation tree: drag and drop keeps it valid, never crosses municipalities, and is serialised."""

from contextlib import contextmanager

import pytest
from django.urls import reverse

from organisation import services
from organisation.models import OrganisationUnit
from organisation.tree_checks import tree_problems
from tests.helpers.admin import admin_url, form_data

CHANGELIST = "admin:organisation_organisationunit_changelist"


@pytest.fixture
def tree_writes(monkeypatch):
    """Counts the tree writes that went through services.tree_write()."""
    entered = []
    real = services.tree_write

    @contextmanager
    def counting():
        with real():
            entered.append(True)
            yield

    monkeypatch.setattr(services, "tree_write", counting)
    return entered


def move(client, cut, pasted_on, position="last-child"):
    data = {"cmd": "move_node", "cut_item": cut.pk, "pasted_on": pasted_on.pk, "position": position}
    return client.post(reverse(CHANGELIST), data).content.decode()


def reread(*units):
    return [OrganisationUnit.objects.get(pk=unit.pk) for unit in units]


@pytest.mark.parametrize("position", ["last-child", "left", "right"])
def test_drag_and_drop_moves_subtree_and_keeps_tree_valid(
    position, content, herning, editor_client, tree_writes
):
    unit, child = content["herning"]["unit"], content["herning"]["child_unit"]
    target = (
        OrganisationUnit.objects.for_municipality(herning.pk).filter(level=1).exclude(pk=child.pk).first()
    )
    assert move(editor_client, unit, target, position).startswith("OK")
    unit, child, target = reread(unit, child, target)
    assert unit.parent == (target if position == "last-child" else target.parent)
    assert child.parent == unit
    assert tree_problems() == []
    assert tree_writes


def test_superuser_cannot_move_across_municipalities(content, super_client):
    child, other = content["herning"]["child_unit"], content["lyngby"]["unit"]
    assert move(super_client, child, other).startswith("FAIL")
    assert reread(child)[0].parent == content["herning"]["unit"]
    assert tree_problems() == []


@pytest.mark.parametrize("direction", ["into_other", "other_into_own"])
def test_editor_cannot_move_across_municipalities(direction, content, editor_client):
    own, other = content["herning"]["child_unit"], content["lyngby"]["child_unit"]
    cut, pasted_on = (own, other) if direction == "into_other" else (other, own)
    assert move(editor_client, cut, pasted_on).startswith("FAIL")
    assert [unit.parent_id for unit in reread(own, other)] == [
        content["herning"]["unit"].pk,
        content["lyngby"]["unit"].pk,
    ]


def test_form_refuses_parent_in_other_municipality_for_superuser(content, super_client):
    child = content["herning"]["child_unit"]
    url = admin_url(child, "change", child.pk)
    data = form_data(super_client.get(url))
    data["parent"] = str(content["lyngby"]["unit"].pk)
    response = super_client.post(url, data)
    assert response.status_code == 200
    assert "parent" in response.context["adminform"].form.errors
    assert reread(child)[0].parent == content["herning"]["unit"]


def test_form_refuses_moving_unit_with_children_to_other_municipality(content, lyngby, super_client):
    unit = content["herning"]["unit"]
    url = admin_url(unit, "change", unit.pk)
    data = form_data(super_client.get(url))
    data["municipality"] = str(lyngby.pk)
    response = super_client.post(url, data)
    assert "municipality" in response.context["adminform"].form.errors
    assert reread(unit)[0].municipality_id == unit.municipality_id


def test_form_save_and_delete_go_through_tree_lock(content, herning, editor_client, tree_writes):
    child = content["herning"]["child_unit"]
    target = (
        OrganisationUnit.objects.for_municipality(herning.pk).filter(level=0).exclude(pk=child.parent_id)[0]
    )
    url = admin_url(child, "change", child.pk)
    data = form_data(editor_client.get(url))
    data["parent"] = str(target.pk)
    assert editor_client.post(url, data).status_code == 302
    assert reread(child)[0].parent == target
    assert len(tree_writes) == 1
    assert tree_problems() == []

    assert editor_client.post(admin_url(child, "delete", child.pk), {"post": "yes"}).status_code == 302
    assert not OrganisationUnit.objects.filter(pk=child.pk).exists()
    assert len(tree_writes) == 2
    assert tree_problems() == []


def test_delete_selected_keeps_tree_valid(content, editor_client, tree_writes):
    unit, other = content["herning"]["unit"], content["lyngby"]["unit"]
    data = {"action": "delete_selected", "_selected_action": [unit.pk, other.pk], "post": "yes"}
    editor_client.post(reverse(CHANGELIST), data)
    assert not OrganisationUnit.objects.filter(pk__in=[unit.pk, content["herning"]["child_unit"].pk]).exists()
    assert OrganisationUnit.objects.filter(pk=other.pk).exists()
    assert tree_writes
    assert tree_problems() == []


def test_changelist_tree_context_holds_only_own_units(content, herning, editor_client):
    response = editor_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-pk="{content["herning"]["unit"].pk}"' in html
    assert f'data-pk="{content["lyngby"]["unit"].pk}"' not in html
