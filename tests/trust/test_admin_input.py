"""Crafted admin input that used to answer 500: invalid ids in autocomplete fields and history URLs."""

import pytest
from django.test import Client

from tests.helpers.admin import admin_url, form_data, snapshot


@pytest.mark.parametrize("bad", ["abc", "1.5", "-1", "9" * 25, " "])
@pytest.mark.parametrize(("key", "field"), [("commitment", "responsible_unit"), ("sub_goal", "track")])
def test_an_invalid_id_in_an_autocomplete_field_redraws_the_form(content, editor_client, key, field, bad):
    obj = content["herning"][key]
    url = admin_url(obj, "change", obj.pk)
    data = form_data(editor_client.get(url))
    data[field] = bad
    before = snapshot(obj)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert snapshot(obj) == before


@pytest.mark.parametrize("bad", ["abc", "1.5", "x" * 300])
def test_a_history_url_with_an_id_that_is_no_id_is_not_found(legal_editor, instrument, bad):
    client = Client()
    client.force_login(legal_editor)
    history = admin_url(instrument, "changelist") + f"{bad}/history/"
    assert client.get(history).status_code == 404
    version = admin_url(instrument, "changelist") + f"{instrument.pk}/history/{bad}/"
    assert client.get(version).status_code == 404
