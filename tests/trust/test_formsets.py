"""No inline formset can be made to build a huge number of forms."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from core.admin import INLINE_MAX_NUM
from tests.helpers.admin import admin_url, form_data, snapshot


def all_formsets(client, obj):
    response = client.get(admin_url(obj, "change", obj.pk))
    return response.context["inline_admin_formsets"]


@pytest.mark.parametrize("key", ["policy", "theme", "goal_track", "strategy", "unit"])
def test_every_inline_has_a_sane_max_num_and_absolute_max(key, content, super_client):
    obj = content["herning"][key]
    formsets = all_formsets(super_client, obj)
    assert formsets
    for inline_formset in formsets:
        formset = inline_formset.formset
        assert formset.max_num <= INLINE_MAX_NUM
        assert formset.absolute_max <= INLINE_MAX_NUM


@pytest.mark.parametrize("total", ["99999999999", str(INLINE_MAX_NUM + 1), "1001"])
def test_a_huge_total_forms_is_refused_without_building_the_forms(total, content, editor_client):
    theme = content["herning"]["theme"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    prefixes = [name.removesuffix("-TOTAL_FORMS") for name in data if name.endswith("-TOTAL_FORMS")]
    for prefix in prefixes:
        data[f"{prefix}-TOTAL_FORMS"] = total
    data["title"] = "Hacket"
    before = snapshot(theme)
    with CaptureQueriesContext(connection) as queries:
        response = editor_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    for inline_formset in response.context["inline_admin_formsets"]:
        formset = inline_formset.formset
        assert len(formset.forms) == 0
        assert formset.non_form_errors()
    assert snapshot(theme) == before
    # As many queries as an ordinary redraw of the page: none per submitted form.
    assert len(queries) < 150


def test_legal_register_inlines_are_bounded_too(legal_editor, instrument):
    client = Client()
    client.force_login(legal_editor)
    url = admin_url(instrument, "change", instrument.pk)
    data = form_data(client.get(url))
    for name in [name for name in data if name.endswith("-TOTAL_FORMS")]:
        data[name] = "99999999999"
    response = client.post(url, data)
    assert response.status_code == 200
    for inline_formset in response.context["inline_admin_formsets"]:
        assert len(inline_formset.formset.forms) == 0
        assert inline_formset.formset.non_form_errors()
