"""Issue 10: drafts stay private until published; new versions; reasons and restores in history."""

import pytest
from django.test import Client
from django.urls import reverse

from policies import services
from policies.models import Commitment, Policy
from tests.conftest import staff_user
from tests.helpers.admin import admin_url, form_data, snapshot


@pytest.fixture
def publisher(db, monkeypatch, herning):
    return staff_user(monkeypatch, "udgiver", "herning", "--role", "editor", "--role", "publisher")


@pytest.fixture
def publisher_client(publisher):
    client = Client()
    client.force_login(publisher)
    return client


@pytest.fixture
def draft(content):
    policy = content["herning"]["policy"]
    policy.status = Policy.Status.DRAFT
    policy.save()
    return policy


def test_editor_cannot_publish_or_set_status(draft, editor_client):
    url = reverse("admin:policies_policy_changelist")
    editor_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    assert snapshot(draft)["status"] == Policy.Status.DRAFT
    response = editor_client.get(admin_url(draft, "change", draft.pk))
    assert "status" not in response.context["adminform"].form.fields


def test_publisher_publishes_with_history(draft, publisher, publisher_client):
    url = reverse("admin:policies_policy_changelist")
    response = publisher_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Policy.Status.ADOPTED
    record = draft.history.latest()
    assert (record.history_user, record.history_change_reason) == (publisher, "Offentliggjort")


def test_publish_action_skips_other_municipality(content, publisher_client):
    other = content["lyngby"]["policy"]
    other.status = Policy.Status.DRAFT
    other.save()
    url = reverse("admin:policies_policy_changelist")
    publisher_client.post(url, {"action": "publish", "_selected_action": [other.pk]})
    assert snapshot(other)["status"] == Policy.Status.DRAFT


def test_new_version_replaces_the_old_when_published(content, publisher, publisher_client):
    old = content["herning"]["policy"]
    old.status = Policy.Status.ADOPTED
    old.save()
    url = reverse("admin:policies_policy_changelist")
    response = publisher_client.post(url, {"action": "new_version", "_selected_action": [old.pk]})
    assert response.status_code == 302
    draft = Policy.objects.get(predecessor=old)
    assert draft.status == Policy.Status.DRAFT
    assert draft.themes.count() == old.themes.count()
    assert (
        Commitment.objects.filter(theme__policy=draft).count()
        == Commitment.objects.filter(theme__policy=old).count()
    )
    services.publish(draft, publisher)
    old.refresh_from_db()
    assert (old.status, old.successor) == (Policy.Status.REPLACED, draft)


def test_new_version_of_other_municipality_is_refused(content, editor_client):
    other = content["lyngby"]["policy"]
    other.status = Policy.Status.ADOPTED
    other.save()
    url = reverse("admin:policies_policy_changelist")
    editor_client.post(url, {"action": "new_version", "_selected_action": [other.pk]})
    assert not Policy.objects.filter(predecessor=other).exists()


def test_draft_is_hidden_from_the_public_and_previewed_by_own_staff(draft, content, editor, client):
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    staff = Client()
    staff.force_login(editor)
    response = staff.get(url)
    assert response.status_code == 200
    assert "Kladde – ikke offentlig" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_other_municipality_draft_is_not_previewed(content, editor_client):
    other = content["lyngby"]["policy"]
    other.status = Policy.Status.DRAFT
    other.save()
    assert editor_client.get(other.get_absolute_url()).status_code == 404


def test_public_page_has_edit_link_for_own_staff_only(content, editor_client, client):
    policy = content["herning"]["policy"]
    policy.status = Policy.Status.ADOPTED
    policy.save()
    edit = admin_url(policy, "change", policy.pk)
    assert edit in editor_client.get(policy.get_absolute_url()).content.decode()
    assert edit not in client.get(policy.get_absolute_url()).content.decode()


def test_change_reason_is_stored_and_empty_reason_shows_nothing(content, editor_client):
    theme = content["herning"]["theme"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    data.update(title="Ny titel zebra", change_reason="Rettet efter byrådsmødet")
    assert editor_client.post(url, data).status_code == 302
    assert theme.history.latest().history_change_reason == "Rettet efter byrådsmødet"
    data.update(title="Endnu en titel zebra", change_reason="")
    editor_client.post(url, data)
    page = editor_client.get(admin_url(theme, "history", theme.pk)).content.decode()
    assert "Rettet efter byrådsmødet" in page
    assert "None" not in page


def test_revert_is_recorded_as_restore(content, editor, editor_client):
    theme = content["herning"]["theme"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    data["title"] = "Ændret zebra"
    editor_client.post(url, data)
    version = theme.history.order_by("history_date").first()
    revert_url = admin_url(theme, "simple_history", theme.pk, version.history_id)
    response = editor_client.post(revert_url, form_data(editor_client.get(revert_url)), follow=True)
    page = response.content.decode()
    assert "blev gendannet" in page
    assert "Gendannet" in page
    record = theme.history.latest()
    assert record.history_change_reason.startswith("Gendannet fra versionen af ")
    assert record.history_user == editor
    breadcrumb = editor_client.get(revert_url).content.decode()
    assert "Historical" not in breadcrumb


def test_dashboard_is_organised_by_tasks(content, editor_client, legal_editor):
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert "Politikken og dens temaer" in page
    assert "Seneste ændringer i din kommune" in page
    assert "Retskilderne" not in page
    lawyer = Client()
    lawyer.force_login(legal_editor)
    assert "Retskilderne" in lawyer.get(reverse("admin:index")).content.decode()


def test_new_inline_row_goes_last(content, editor_client):
    theme = content["herning"]["theme"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    index = int(data["commitments-TOTAL_FORMS"])
    data["commitments-TOTAL_FORMS"] = str(index + 1)
    data[f"commitments-{index}-text"] = "Ny zebra sidst"
    assert editor_client.post(url, data).status_code == 302
    orders = list(theme.commitments.order_by("order").values_list("text", flat=True))
    assert orders[-1] == "Ny zebra sidst"


def test_publish_button_on_the_change_form(draft, publisher_client, editor_client):
    change = admin_url(draft, "change", draft.pk)
    button = reverse("admin:policies_policy_publish", args=[draft.pk])
    assert button not in editor_client.get(change).content.decode()
    assert editor_client.post(button).status_code == 403
    assert button in publisher_client.get(change).content.decode()
    assert publisher_client.post(button).status_code == 302
    assert snapshot(draft)["status"] == Policy.Status.ADOPTED
