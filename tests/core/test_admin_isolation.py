"""A Herning editor can neither see nor touch Lyngby-Taarbæk's content, through any admin view."""

import pytest
from django.urls import reverse

from tests.helpers.admin import admin_url, form_data, snapshot

# key in the content dict: (a text field to edit, a foreign key to aim at Lyngby, the Lyngby row it gets,
# an autocomplete field "app.model.field" whose choices are this model).
SPECS = {
    "municipality": ("description", None, None, "policies.policy.municipality"),
    "source": ("title", "municipality", "municipality", "policies.policy.source"),
    "body": ("name", "municipality", "municipality", "policies.policy.adopted_by"),
    "unit": ("name", "parent", "unit", "organisation.person.unit"),
    "core_task": ("text", "unit", "unit", None),
    "person": ("name", "unit", "unit", "policies.policy.foreword_by"),
    "policy": ("title", "adopted_by", "body", "policies.theme.policy"),
    "value": ("name", "policy", "policy", None),
    "actor": ("name", "policy", "policy", None),
    "theme": ("title", "policy", "policy", "policies.quote.theme"),
    "section": ("text", "theme", "theme", None),
    "commitment": ("text", "responsible_unit", "unit", "legal.legalreference.commitment"),
    "initiative": ("text", "theme", "theme", "legal.legalreference.initiative"),
    "key_message": ("text", "theme", "theme", None),
    "quote": ("text", "theme", "theme", None),
    "strategy": ("title", "policy", "policy", "strategies.strategytheme.strategy"),
    "strategy_theme": ("title", "strategy", "strategy", None),
    "component": ("title", "strategy", "strategy", "legal.legalreference.component"),
    "goal_track": ("title", "set_by", "body", "goals.subgoal.track"),
    "sub_goal": ("text", "track", "goal_track", "legal.legalreference.sub_goal"),
    "council_commitment": ("text", "policy", "policy", "legal.legalreference.council_commitment"),
    "budget_goal": ("title", "policy", "policy", "legal.legalreference.budget_goal"),
    "reference": ("citation", "source", "source", None),
    "follow_up": ("text", "commitment", "commitment", None),
}
KEYS = list(SPECS)
WITH_FK = [key for key in KEYS if SPECS[key][1]]
WITH_AUTOCOMPLETE = [key for key in KEYS if SPECS[key][3]]


def exists(obj):
    return type(obj)._default_manager.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("key", KEYS)
def test_changelist_lists_only_own_municipality(key, content, editor_client, herning):
    own, other = content["herning"][key], content["lyngby"][key]
    response = editor_client.get(admin_url(own, "changelist"))
    assert response.status_code == 200
    listed = set(response.context["cl"].queryset.values_list("pk", flat=True))
    assert own.pk in listed
    assert other.pk not in listed
    assert listed == set(type(own)._default_manager.for_municipality(herning.pk).values_list("pk", flat=True))


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_other_municipality_object_pages_are_not_found(key, view, content, editor_client):
    response = editor_client.get(admin_url(content["lyngby"][key], view, content["lyngby"][key].pk))
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("key", KEYS)
def test_change_post_to_other_municipality_changes_nothing(key, content, editor_client, super_client):
    other = content["lyngby"][key]
    url = admin_url(other, "change", other.pk)
    data = form_data(super_client.get(url))
    data[SPECS[key][0]] = "Hacket"
    before = snapshot(other)
    response = editor_client.post(url, data)
    assert response.status_code in (403, 404)
    assert snapshot(other) == before


@pytest.mark.parametrize("key", KEYS)
def test_delete_post_to_other_municipality_deletes_nothing(key, content, editor_client):
    other = content["lyngby"][key]
    response = editor_client.post(admin_url(other, "delete", other.pk), {"post": "yes"})
    assert response.status_code in (403, 404)
    assert exists(other)


@pytest.mark.parametrize("key", KEYS)
def test_delete_selected_skips_other_municipality(key, content, editor_client):
    own, other = content["herning"][key], content["lyngby"][key]
    data = {"action": "delete_selected", "_selected_action": [own.pk, other.pk], "post": "yes"}
    editor_client.post(admin_url(own, "changelist"), data)
    assert exists(other)
    if key != "municipality":  # only superusers delete municipalities
        assert not exists(own)


@pytest.mark.parametrize("key", WITH_AUTOCOMPLETE)
def test_autocomplete_offers_only_own_municipality(key, content, editor_client):
    app_label, model_name, field_name = SPECS[key][3].split(".")
    params = {"app_label": app_label, "model_name": model_name, "field_name": field_name}
    params["term"] = "" if key == "municipality" else "zebra"
    response = editor_client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert content["herning"][key].pk in ids
    assert content["lyngby"][key].pk not in ids


@pytest.mark.parametrize("key", WITH_FK)
def test_foreign_key_to_other_municipality_is_refused(key, content, editor_client):
    edit, fk, target, _autocomplete = SPECS[key]
    own = content["herning"][key]
    url = admin_url(own, "change", own.pk)
    data = form_data(editor_client.get(url))
    data[fk] = str(content["lyngby"][target].pk)
    if fk != "municipality":
        data[edit] = "Hacket"
    before = snapshot(own)
    response = editor_client.post(url, data)
    if fk == "municipality":
        # The field is disabled for staff: the submitted value is ignored.
        assert response.status_code == 302
    else:
        assert response.status_code == 200
        assert fk in response.context["adminform"].form.errors
    assert snapshot(own) == before


@pytest.mark.parametrize("key", KEYS)
def test_revert_of_other_municipality_is_refused(key, content, editor_client, super_client):
    other = content["lyngby"][key]
    version = other.history.latest()
    url = admin_url(other, "simple_history", other.pk, version.history_id)
    data = form_data(super_client.get(url))
    data[SPECS[key][0]] = "Hacket"
    before = snapshot(other)
    assert editor_client.get(url).status_code in (403, 404)
    assert editor_client.post(url, data).status_code in (403, 404)
    assert snapshot(other) == before


def test_inline_refuses_other_municipality_rows(content, editor_client):
    theme, lyngby = content["herning"]["theme"], content["lyngby"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    data["commitments-0-responsible_unit"] = str(lyngby["unit"].pk)
    data["commitments-0-text"] = "Hacket"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][1].formset.errors[0].keys() == {"responsible_unit"}
    assert snapshot(content["herning"]["commitment"])["text"] == "Vi vil zebra"


def test_inline_cannot_edit_other_municipality_child(content, editor_client):
    theme, other = content["herning"]["theme"], content["lyngby"]["commitment"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    data["commitments-0-id"] = str(other.pk)
    data["commitments-0-text"] = "Hacket"
    before, own = snapshot(other), snapshot(content["herning"]["commitment"])
    # Django skips a row outside the formset's queryset; nothing is written either way.
    editor_client.post(url, data)
    assert snapshot(other) == before
    assert snapshot(content["herning"]["commitment"]) == own


def test_add_ignores_submitted_other_municipality(content, editor_client, herning, lyngby):
    from policies.models import Policy

    url = reverse("admin:policies_policy_add")
    data = form_data(editor_client.get(url))
    assert data["municipality"] == str(herning.pk)
    data.update(municipality=str(lyngby.pk), title="Ny zebra", slug="ny-zebra")
    assert editor_client.post(url, data).status_code == 302
    assert Policy.objects.get(slug="ny-zebra").municipality == herning

    # The municipality is set before validation, so its unique constraints are checked, not a 500.
    data.update(slug="zebra")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert Policy.objects.filter(slug="zebra", municipality=herning).count() == 1


def test_staff_without_membership_sees_nothing(content, client, editor):
    editor.membership.delete()
    editor.refresh_from_db()
    client.force_login(editor)
    response = client.get(reverse("admin:policies_policy_changelist"))
    assert response.status_code == 200
    assert not response.context["cl"].queryset.exists()
    assert client.get(reverse("admin:policies_policy_add")).status_code == 403
    theme = content["herning"]["theme"]
    assert client.get(admin_url(theme, "change", theme.pk)).status_code == 404


def test_superuser_sees_every_municipality(content, super_client):
    response = super_client.get(reverse("admin:policies_policy_changelist"))
    listed = set(response.context["cl"].queryset.values_list("pk", flat=True))
    assert {content["herning"]["policy"].pk, content["lyngby"]["policy"].pk} <= listed


def test_list_filter_offers_only_own_municipality(content, editor_client):
    response = editor_client.get(reverse("admin:policies_theme_changelist"))
    policy_filter = next(f for f in response.context["cl"].filter_specs if f.field_path == "policy")
    offered = {pk for pk, _label in policy_filter.lookup_choices}
    assert content["herning"]["policy"].pk in offered
    assert content["lyngby"]["policy"].pk not in offered


# Issue 10's admin paths: publishing, a new version, the policy outline and the draft preview.


def make_draft(policy):
    policy.status = "draft"
    policy.save()
    return policy


def test_publish_action_on_other_municipality_changes_nothing(content, super_client, monkeypatch):
    from tests.conftest import staff_user

    publisher = staff_user(monkeypatch, "udgiver-iso", "herning", "--role", "editor", "--role", "publisher")
    client = type(super_client)()
    client.force_login(publisher)
    other = make_draft(content["lyngby"]["policy"])
    url = reverse("admin:policies_policy_changelist")
    client.post(url, {"action": "publish", "_selected_action": [other.pk]})
    assert snapshot(other)["status"] == "draft"


def test_new_version_action_on_other_municipality_creates_nothing(content, editor_client):
    from policies.models import Policy

    other = content["lyngby"]["policy"]
    other.status = "adopted"
    other.save()
    url = reverse("admin:policies_policy_changelist")
    editor_client.post(url, {"action": "new_version", "_selected_action": [other.pk]})
    assert not Policy.objects.filter(predecessor=other).exists()


def test_outline_of_own_policy_links_only_own_themes(content, editor_client):
    own = content["herning"]["policy"]
    page = editor_client.get(admin_url(own, "change", own.pk)).content.decode()
    assert admin_url(content["herning"]["theme"], "change", content["herning"]["theme"].pk) in page
    assert admin_url(content["lyngby"]["theme"], "change", content["lyngby"]["theme"].pk) not in page


@pytest.mark.parametrize("key", ["policy", "theme", "strategy"])
def test_other_municipality_draft_is_not_previewed(key, content, editor_client):
    make_draft(content["lyngby"]["policy"])
    assert editor_client.get(content["lyngby"][key].get_absolute_url()).status_code == 404


@pytest.mark.parametrize("key", ["policy", "theme", "strategy"])
def test_other_municipality_page_has_no_edit_link(key, content, editor_client):
    other = content["lyngby"][key]
    page = editor_client.get(other.get_absolute_url()).content.decode()
    assert "/admin/" not in page


@pytest.mark.parametrize("button", ["publish", "new_version"])
def test_policy_buttons_on_other_municipality_are_not_found(button, content, editor_client):
    from policies.models import Policy

    other = content["lyngby"]["policy"]
    other.status = "draft" if button == "publish" else "adopted"
    other.save()
    response = editor_client.post(reverse(f"admin:policies_policy_{button}", args=[other.pk]))
    assert response.status_code in (403, 404)
    assert snapshot(other)["status"] == other.status
    assert not Policy.objects.filter(predecessor=other).exists()
