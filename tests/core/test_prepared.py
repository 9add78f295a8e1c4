"""core.prepared: a queryset compiled once per process gives, for every municipality, what the
queryset itself gives."""

import pytest
from django.db.models.signals import post_init

from core import prepared
from goals.models import SubGoal
from organisation.models import OrganisationUnit
from policies.models import Policy, Theme

pytestmark = pytest.mark.django_db


def _policies(municipality):
    return Policy.objects.for_municipality(municipality).select_related("responsible_body", "municipality")


def _sub_goals(municipality, order):
    return SubGoal.objects.for_municipality(municipality).order_by(order)


def _columns(item):
    return {field.attname: getattr(item, field.attname) for field in type(item)._meta.concrete_fields}


def test_objects_are_the_querysets_own_for_each_municipality(herning, lyngby, django_assert_num_queries):
    for municipality in (herning, lyngby):  # Lyngby-Taarbæk's run from the SQL compiled for Herning
        expected = list(_policies(municipality))
        with django_assert_num_queries(1):
            found = prepared.objects(_policies, municipality)
            # What the queryset joins comes with each object, not from a query of its own.
            assert {policy.municipality for policy in found} == {municipality}
            assert [policy.responsible_body for policy in found] == [p.responsible_body for p in expected]
        assert expected
        assert [_columns(policy) for policy in found] == [_columns(policy) for policy in expected]
        assert all(not policy._state.adding and policy._state.db == "default" for policy in found)


def test_arguments_are_compiled_apart(herning):
    forwards = prepared.objects(_sub_goals, herning, "pk")
    backwards = prepared.objects(_sub_goals, herning, "-pk")
    assert len(forwards) > 1
    assert forwards == list(_sub_goals(herning, "pk"))
    assert backwards == forwards[::-1]


def test_an_object_made_from_a_row_is_saved_as_the_row_it_came_from(herning):
    sub_goal = prepared.objects(_sub_goals, herning, "pk")[0]
    sub_goal.text = "Ændret tekst"
    sub_goal.save()
    assert SubGoal.objects.get(pk=sub_goal.pk).text == "Ændret tekst"
    assert SubGoal.objects.for_municipality(herning).count() == len(
        prepared.objects(_sub_goals, herning, "pk")
    )


def test_a_signal_on_creation_is_still_sent(herning):
    made = []

    def listen(sender, instance, **kwargs):
        made.append(instance)

    post_init.connect(listen, sender=Policy)
    try:
        found = prepared.objects(_policies, herning)
    finally:
        post_init.disconnect(listen, sender=Policy)
    assert made == found


def _theme_places(chosen):
    return (
        Theme.objects.filter(policy__municipality__in=chosen)
        .order_by("pk")
        .values_list("pk", "policy__municipality")
    )


def test_rows_of_several_are_those_of_each_choice_of_municipalities(herning, lyngby):
    # One and two municipalities compile apart (IN (%s) and IN (%s, %s)); the order of the
    # choice does not matter, and each choice gets its own rows from the same SQL.
    for chosen in ([herning], [lyngby], [herning, lyngby], [lyngby, herning]):
        expected = list(_theme_places([municipality.pk for municipality in chosen]))
        assert prepared.rows_of_several(_theme_places, chosen) == expected
    assert {place for _pk, place in prepared.rows_of_several(_theme_places, [herning, lyngby])} == {
        herning.pk,
        lyngby.pk,
    }


def _policies_named(placeholders, column):
    title, slug = placeholders
    return Policy.objects.filter(title=title, slug=slug).values_list(column)


def test_rows_with_puts_each_value_in_its_placeholder(herning, lyngby):
    # Values of any kind, not only pks; an argument that changes the query compiles apart.
    herning_policy, lyngby_policy = (Policy.objects.for_municipality(m).first() for m in (herning, lyngby))
    assert prepared.rows_with(_policies_named, [herning_policy.title, herning_policy.slug], "pk") == [
        (herning_policy.pk,)
    ]
    assert prepared.rows_with(_policies_named, [herning_policy.title, lyngby_policy.slug], "pk") == []
    assert prepared.rows_with(_policies_named, [lyngby_policy.title, lyngby_policy.slug], "slug") == [
        (lyngby_policy.slug,)
    ]


def _units_with_parent(municipality):
    return (
        OrganisationUnit.objects.for_municipality(municipality)
        .filter(parent__isnull=False)
        .select_related("parent")
        .order_by("pk")
    )


def test_a_model_that_adds_to_init_is_made_by_it_read_or_joined(herning):
    # mptt keeps a unit's tree fields as read in its __init__, and moves the unit on save when
    # they changed: a unit made without it could not be saved.
    unit = prepared.objects(_units_with_parent, herning)[0]
    joined = unit.parent
    assert unit._mptt_cached_fields["parent"] == unit.parent_id
    assert joined._mptt_cached_fields["parent"] == joined.parent_id
    unit.name, joined.name = "Omdøbt", "Også omdøbt"
    unit.save()
    joined.save()
    assert OrganisationUnit.objects.get(pk=unit.pk).name == "Omdøbt"
    assert OrganisationUnit.objects.get(pk=joined.pk).name == "Også omdøbt"
