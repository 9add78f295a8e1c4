"""core.together: several querysets of different models read in one query give, for every
municipality, what each queryset itself gives, in its own order."""

import pytest
from django.db.models import Case, Value, When

from core import together
from goals.models import SubGoal
from organisation.models import OrganisationUnit
from policies.models import Commitment, Policy, Theme

pytestmark = pytest.mark.django_db


def _sub_goals(municipality):
    return SubGoal.objects.for_municipality(municipality).order_by("-pk")


def _policies(municipality):
    return Policy.objects.for_municipality(municipality).select_related("municipality", "responsible_body")


def _commitments(municipality):
    # A descending order by a column that may be empty (PostgreSQL puts the empty first).
    return (
        Commitment.objects.filter(theme__policy__municipality=municipality)
        .select_related("responsible_unit")
        .order_by("-responsible_unit_id", "pk")
    )


def _themes(municipality):
    return Theme.objects.filter(policy__municipality=municipality).order_by("order", "pk")


def _theme(municipality, slug):
    return Theme.objects.filter(policy__municipality=municipality, slug=slug).order_by()


_theme.placeholders = 2


def _by_standing(municipality):
    # An expression with parameters of its own and a joined model's text, neither selected: the
    # text sorts as the database's collation has it.
    adopted = Case(When(policy__status=Policy.Status.ADOPTED, then=Value(0)), default=Value(1))
    return Theme.objects.filter(policy__municipality=municipality).order_by(
        adopted, "-policy__title", "-order"
    )


def _columns(item):
    return {field.attname: getattr(item, field.attname) for field in type(item)._meta.concrete_fields}


BUILDS = ((_sub_goals,), (_policies,), (_themes,), (_commitments,))


def test_each_queryset_gets_its_own_rows_in_its_own_order(herning, lyngby, django_assert_num_queries):
    unit = OrganisationUnit.objects.filter(municipality=herning).first()
    Commitment.objects.filter(pk=_commitments(herning).last().pk).update(responsible_unit=unit)
    assert {commitment.responsible_unit_id is None for commitment in _commitments(herning)} == {True, False}
    assert _sub_goals(herning).exists()
    for municipality in (herning, lyngby):  # Lyngby-Taarbæk's run from the SQL compiled for Herning
        expected = [list(build(municipality)) for (build,) in BUILDS]
        with django_assert_num_queries(1):
            found = together.objects(BUILDS, municipality)
            assert [policy.responsible_body for policy in found[1]] == [
                p.responsible_body for p in expected[1]
            ]
            assert {policy.municipality for policy in found[1]} == {municipality}
        assert expected[1] and expected[2]
        for rows, own in zip(found, expected, strict=True):
            assert [_columns(row) for row in rows] == [_columns(row) for row in own]
            assert all(not row._state.adding for row in rows)


def test_a_queryset_takes_a_placeholder_for_each_value(herning):
    theme = Theme.objects.filter(policy__municipality=herning).first()
    (found,) = together.objects(((_theme,),), herning, theme.slug)
    assert found == [theme]
    assert together.objects(((_theme,),), herning, "intet-tema-hedder-saadan") == [[]]


def test_an_order_by_what_it_does_not_select_gives_the_querysets_order(herning, lyngby):
    for municipality in (herning, lyngby):
        (found,) = together.objects(((_by_standing,),), municipality)
        assert [_columns(theme) for theme in found] == [
            _columns(theme) for theme in _by_standing(municipality)
        ]
