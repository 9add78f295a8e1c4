"""Legal sources are shared and edited only by the legal-editor role."""

import pytest
from django.test import Client
from django.urls import reverse

from legal.models import LegalReference
from tests.helpers.admin import admin_url, form_data, snapshot


@pytest.fixture
def legal_client(legal_editor):
    client = Client()
    client.force_login(legal_editor)
    return client


def test_legal_editor_edits_instrument(instrument, legal_editor, legal_client):
    url = admin_url(instrument, "change", instrument.pk)
    data = form_data(legal_client.get(url))
    data["short_title"] = "Zebraloven (ny)"
    assert legal_client.post(url, data).status_code == 302
    instrument.refresh_from_db()
    assert instrument.short_title == "Zebraloven (ny)"
    assert instrument.history.latest().history_user == legal_editor


def test_municipal_editor_cannot_change_instrument(instrument, editor_client, legal_client):
    url = admin_url(instrument, "change", instrument.pk)
    data = form_data(legal_client.get(url))
    data["short_title"] = "Hacket"
    before = snapshot(instrument)
    assert editor_client.get(url).status_code == 200  # read-only, for looking up a source
    assert editor_client.post(url, data).status_code == 403
    assert editor_client.get(reverse("admin:legal_instrument_add")).status_code == 403
    assert (
        editor_client.post(admin_url(instrument, "delete", instrument.pk), {"post": "yes"}).status_code == 403
    )
    assert snapshot(instrument) == before


def test_municipal_editor_cannot_revert_instrument(instrument, editor_client, legal_client):
    # simple_history itself lets view permission POST a revert.
    version = instrument.history.latest()
    url = admin_url(instrument, "simple_history", instrument.pk, version.history_id)
    data = form_data(legal_client.get(url))
    data["short_title"] = "Hacket"
    before = snapshot(instrument)
    assert editor_client.post(url, data).status_code == 403
    assert snapshot(instrument) == before


@pytest.mark.parametrize("model_name", ["instrument", "provision", "consolidation"])
def test_municipal_editor_cannot_change_legal_sources(model_name, editor_client, legal_client):
    url = reverse(f"admin:legal_{model_name}_add")
    assert legal_client.get(url).status_code == 200
    assert editor_client.post(url, {}).status_code == 403


def test_municipal_editor_can_pick_instruments_in_autocomplete(instrument, editor_client):
    params = {
        "app_label": "legal",
        "model_name": "legalreference",
        "field_name": "instrument",
        "term": "zebra",
    }
    response = editor_client.get(reverse("admin:autocomplete"), params)
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [str(instrument.pk)]


def test_reference_without_target_is_a_form_error(content, instrument, editor_client):
    url = reverse("admin:legal_legalreference_add")
    data = form_data(editor_client.get(url))
    data.update(instrument=str(instrument.pk), relation="implements", citation="ingen mål")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()
    assert not LegalReference.objects.filter(citation="ingen mål").exists()
