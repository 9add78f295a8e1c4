"""Each index entry's `changed_at`: what the search page's "last changed" is read from."""

import pytest

from policies.models import Commitment
from search.models import SearchEntry
from search.selectors import last_changed
from search.services import object_key, rebuild_index

pytestmark = pytest.mark.django_db


def dates():
    return dict(SearchEntry.objects.values_list("object_key", "changed_at"))


def test_every_entry_has_a_date_and_the_newest_is_the_searched_contents(herning):
    before = dates()
    assert before
    assert None not in before.values()
    assert last_changed() == max(before.values())


def test_a_rebuild_that_changes_nothing_moves_no_date(herning):
    before = dates()
    rebuild_index()
    assert dates() == before
    rebuild_index(herning)
    assert dates() == before


def test_a_first_build_dates_an_entry_by_its_sources_history(herning):
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    newest = commitment.history.order_by("-history_date").first().history_date
    SearchEntry.objects.all().delete()
    rebuild_index()
    assert SearchEntry.objects.get(object_key=object_key(commitment)).changed_at == newest


def test_a_changed_text_moves_its_own_entry_only(herning, django_capture_on_commit_callbacks):
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    key = object_key(commitment)
    before = dates()
    with django_capture_on_commit_callbacks(execute=True):
        commitment.text = "Vi vil give alle børn en zebra."
        commitment.save()
    after = dates()
    assert after[key] > before[key]
    assert last_changed() == after[key]
    assert {k: v for k, v in after.items() if k != key} == {k: v for k, v in before.items() if k != key}
