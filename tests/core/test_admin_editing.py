"""A Herning editor edits Herning content, with history, revert and the inlines staff expect."""

import pytest
from django.urls import reverse

from legal.models import LegalReference
from policies.models import Quote, Theme
from tests.core.test_admin_isolation import KEYS, SPECS
from tests.helpers.admin import admin_url, form_data, snapshot


@pytest.mark.parametrize("key", KEYS)
def test_editor_edits_own_content_with_history_and_revert(key, content, editor, editor_client):
    own = content["herning"][key]
    field = SPECS[key][0]
    original = snapshot(own)[field]
    url = admin_url(own, "change", own.pk)
    data = form_data(editor_client.get(url))
    data[field] = "Redigeret zebra"
    assert editor_client.post(url, data).status_code == 302
    assert snapshot(own)[field] == "Redigeret zebra"
    record = own.history.latest()
    assert (record.history_type, record.history_user, getattr(record, field)) == (
        "~",
        editor,
        "Redigeret zebra",
    )

    version = own.history.order_by("history_date").filter(**{field: original}).last()
    revert_url = admin_url(own, "simple_history", own.pk, version.history_id)
    assert editor_client.post(revert_url, form_data(editor_client.get(revert_url))).status_code == 302
    assert snapshot(own)[field] == original
    assert own.history.latest().history_user == editor


INLINES = {
    "policy": {"Theme", "PolicyValue", "Actor", "Quote", "LegalReference"},
    "theme": {"ThemeSection", "Commitment", "Initiative", "KeyMessage", "Quote", "LegalReference"},
    "commitment": {"LegalReference"},
    "initiative": {"LegalReference"},
    "strategy": {"StrategyTheme", "StrategyComponent", "LegalReference"},
    "component": {"LegalReference"},
    "goal_track": {"SubGoal", "LegalReference"},
    "sub_goal": {"LegalReference"},
    "council_commitment": {"LegalReference"},
    "budget_goal": {"LegalReference"},
    "unit": {"CoreTask"},
}
REFERENCE_FK = {"goal_track": "goal_track", "sub_goal": "sub_goal", "component": "component"}


@pytest.mark.parametrize("key", INLINES)
def test_change_form_has_the_expected_inlines(key, content, editor_client):
    own = content["herning"][key]
    response = editor_client.get(admin_url(own, "change", own.pk))
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    # Issue 9's follow-ups are a dated timeline on the goals, not an ordered list.
    assert {formset.model.__name__ for formset in formsets} - {"FollowUp"} == INLINES[key]
    for formset in formsets:
        if formset.model is LegalReference:
            assert formset.fk.name == REFERENCE_FK.get(key, key)
        if formset.model.__name__ != "FollowUp":
            assert "order" in formset.form.base_fields


def add_inline_row(data, prefix, **fields):
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    data.update({f"{prefix}-{index}-{name}": str(value) for name, value in fields.items()})


def test_theme_inlines_add_quote_and_reference(content, editor_client, instrument):
    theme = content["herning"]["theme"]
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    add_inline_row(data, "quotes", text="Nyt citat zebra", speaker_role="Forælder", order=2)
    add_inline_row(data, "legal_references", instrument=instrument.pk, relation="in_line_with", order=1)
    assert editor_client.post(url, data).status_code == 302
    quote = Quote.objects.get(text="Nyt citat zebra")
    assert (quote.theme, quote.policy) == (theme, theme.policy)
    assert LegalReference.objects.get(theme=theme).instrument == instrument


def test_policy_quote_inline_holds_only_quotes_outside_themes(content, editor_client):
    policy = content["herning"]["policy"]
    loose = Quote.objects.create(policy=policy, text="Løst citat zebra")
    response = editor_client.get(admin_url(policy, "change", policy.pk))
    quotes = next(i.formset for i in response.context["inline_admin_formsets"] if i.formset.model is Quote)
    assert [form.instance for form in quotes.forms] == [loose]


def test_theme_inline_links_to_theme_page(content, editor_client):
    policy, theme = content["herning"]["policy"], content["herning"]["theme"]
    response = editor_client.get(admin_url(policy, "change", policy.pk))
    assert admin_url(theme, "change", theme.pk) in response.content.decode()


def test_site_is_labelled_in_danish(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert "Børne- og ungepolitikker – redaktion" in response.content.decode()


def test_staff_membership_admin_is_for_superusers_only(editor, editor_client, super_client):
    url = reverse("admin:organisation_staffmembership_changelist")
    assert editor_client.get(url).status_code == 403
    assert editor_client.get(admin_url(editor.membership, "change", editor.membership.pk)).status_code == 403
    response = super_client.get(url)
    assert response.status_code == 200
    assert editor.membership in response.context["cl"].queryset


def test_editor_cannot_add_or_delete_municipalities(herning, editor_client):
    assert editor_client.get(reverse("admin:organisation_municipality_add")).status_code == 403
    assert editor_client.post(admin_url(herning, "delete", herning.pk), {"post": "yes"}).status_code == 403
    assert type(herning).objects.filter(pk=herning.pk).exists()


def test_new_theme_with_quote_gives_quote_the_policy(content, editor_client):
    policy = content["herning"]["policy"]
    url = reverse("admin:policies_theme_add")
    data = form_data(editor_client.get(url))
    data.update(policy=str(policy.pk), title="Nyt tema zebra", slug="nyt-tema-zebra", order="3")
    add_inline_row(data, "quotes", text="Citat i nyt tema", order=0)
    assert editor_client.post(url, data).status_code == 302
    quote = Quote.objects.get(text="Citat i nyt tema")
    assert (quote.theme.slug, quote.policy) == ("nyt-tema-zebra", policy)


def test_theme_moved_to_other_policy_takes_its_quotes(content, herning, editor_client):
    theme = content["herning"]["theme"]
    other_policy = type(theme.policy).objects.create(
        municipality=herning, title="Anden zebra", slug="anden-zebra"
    )
    url = admin_url(theme, "change", theme.pk)
    data = form_data(editor_client.get(url))
    data["policy"] = str(other_policy.pk)
    assert editor_client.post(url, data).status_code == 302
    assert list(Quote.objects.filter(theme=theme).values_list("policy", flat=True)) == [other_policy.pk]


@pytest.mark.parametrize("key", ["policy", "theme", "commitment", "strategy", "unit", "budget_goal"])
def test_change_form_links_to_the_public_page(key, content, editor_client):
    own = content["herning"][key]
    response = editor_client.get(admin_url(own, "change", own.pk))
    assert response.context["has_absolute_url"]
    assert editor_client.get(response.context["absolute_url"]).url.endswith(own.get_absolute_url())


def test_save_refuses_object_outside_own_municipality(content, editor, rf):
    """The last guard, behind the scoped choices: a save that leaves the municipality is rolled back."""
    from django.contrib import admin
    from django.core.exceptions import PermissionDenied
    from django.db import transaction

    policy = content["herning"]["policy"]
    policy.municipality, policy.slug = content["lyngby"]["municipality"], "flyttet-zebra"
    request = rf.post("/")
    request.user = editor
    with pytest.raises(PermissionDenied), transaction.atomic():
        admin.site.get_model_admin(type(policy)).save_model(request, policy, None, change=True)
    assert snapshot(policy)["municipality_id"] == content["herning"]["municipality"].pk


def registered_models():
    from django.contrib import admin

    return sorted(admin.site._registry, key=lambda model: model._meta.label)


@pytest.mark.parametrize("model", registered_models(), ids=lambda model: model._meta.label)
def test_every_admin_page_renders_for_superuser(model, content, super_client):
    assert super_client.get(admin_url(model, "changelist")).status_code == 200
    assert super_client.get(admin_url(model, "add")).status_code == 200
    obj = model._default_manager.order_by("-pk").first()
    if obj is not None:
        assert super_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_history_pages_speak_danish(editor_client, herning):
    theme = Theme.objects.for_municipality(herning).first()
    response = editor_client.get(f"/admin/policies/theme/{theme.pk}/history/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ændringshistorik" in page or "Historik" in page
    for english in ("Change history", "Date/time", "Changed by", "Change reason"):
        assert english not in page
