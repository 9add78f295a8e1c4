"""SearchTermCount: a term's stored counts are always what counting its hits would give."""

from collections import Counter

import pytest
from django.db.models import Count

from organisation.models import Municipality
from policies.models import Commitment
from search import terms
from search.models import SearchEntry, SearchTermCount
from search.query import parse, whole_tsquery
from search.selectors import find, matching
from search.services import index_object, rebuild_index

pytestmark = pytest.mark.django_db


def stored():
    return Counter(
        {
            (term, municipality_id, kind): n
            for term, municipality_id, kind, n in SearchTermCount.objects.values_list(
                "term", "municipality_id", "kind", "entries"
            )
        }
    )


def counted(term):
    """What the page would count for the term: its hits found by the vector, grouped."""
    if term.startswith(terms.GROUP_PREFIX):  # the parent's word, as a search for it matches
        condition = matching(whole_tsquery(parse(term.removeprefix(terms.GROUP_PREFIX).split(":")[0])))
    else:
        condition = matching(f"'{term}'")
    hits = SearchEntry.objects.filter(condition)
    return Counter(
        {
            (term, municipality_id, kind): n
            for kind, municipality_id, n in hits.values_list("kind", "municipality_id").annotate(
                n=Count("pk")
            )
        }
    )


def assert_exact():
    counts = stored()
    assert counts and all(n > 0 for n in counts.values())
    every_term = {term for term, _m, _k in counts}
    # Every synonym group, and a sample of keys that spans common and rare words (all ~2,000 keys
    # would take a query each).
    keys = sorted(term for term in every_term if not term.startswith(terms.GROUP_PREFIX))
    sample = {*keys[::25], *(term for term in every_term if term.startswith(terms.GROUP_PREFIX))}
    for term in sample:
        assert {cell: n for cell, n in counts.items() if cell[0] == term} == counted(term), term


def test_a_build_counts_every_term_as_its_hits_are_counted(herning, lyngby):
    assert_exact()


def test_a_single_entry_replaced_moves_its_counts(herning, django_capture_on_commit_callbacks):
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    before = stored()
    with django_capture_on_commit_callbacks(execute=True):
        commitment.text = "Vi vil give hver zebra en plads i fællesskabet."
        commitment.save()
    after = stored()
    assert after[("zebra", herning.pk, "Vi vil")] == 1
    assert ("zebra", herning.pk, "Vi vil") not in before
    assert_exact()
    with django_capture_on_commit_callbacks(execute=True):
        commitment.delete()
    assert ("zebra", herning.pk, "Vi vil") not in stored()
    assert_exact()


def test_a_municipalitys_rebuild_leaves_the_others_counts(herning, lyngby):
    before = stored()
    rebuild_index(herning)
    assert stored() == before
    SearchTermCount.objects.filter(municipality=lyngby).delete()
    rebuild_index(lyngby)
    assert stored() == before


def test_an_entry_with_new_text_is_counted_anew(herning):
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    entry = SearchEntry.objects.get(object_key=f"policies.commitment:{commitment.pk}")
    before = stored()
    Commitment.objects.filter(pk=commitment.pk).update(text="Vi vil tælle en okapi.")
    index_object(Commitment.objects.get(pk=commitment.pk))
    assert stored()[("okapi", herning.pk, "Vi vil")] == 1
    for term in entry.counted.split():
        if term not in SearchEntry.objects.get(object_key=entry.object_key).counted.split():
            assert stored()[(term, herning.pk, "Vi vil")] == before[(term, herning.pk, "Vi vil")] - 1
    assert_exact()


def test_a_group_without_stored_counts_is_counted(herning):
    """After synonyms.yaml changes, a group has no counts until the next rebuild: its searches count."""
    group_term = terms.synonym_groups()["mobning"][0]
    expected = find("mobning", list(Municipality.objects.all()))
    assert expected.total > 0
    SearchTermCount.objects.filter(term=group_term).delete()
    again = find("mobning", list(Municipality.objects.all()))
    assert (again.total, again.kinds, again.municipalities) == (
        expected.total,
        expected.kinds,
        expected.municipalities,
    )
