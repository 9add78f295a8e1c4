"""Keeps SearchTermCount exact as the index is written, and reads it for a search's filters.

Every write of entries goes through here in the same transaction: a rebuild counts its new
entries afresh, a single entry's replacement uncounts the old terms and counts the new. The
writes take one lock (on PostgreSQL an advisory lock for the transaction), so that two editors'
changes to entries with common words cannot interleave their increments.
"""

from collections import Counter

from django.db import connection
from django.db.models import F

from core import prepared
from search.models import SearchTermCount

# Any fixed number: the advisory lock that serialises the counts' writers.
LOCK = 72_061_119


def _lock():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])


def _cells(entries):
    return Counter(
        (term, entry.municipality_id, entry.kind) for entry in entries for term in entry.counted.split()
    )


def recount(entries, municipality=None):
    """After a rebuild: the counts of every term (or of one municipality's) from the new entries."""
    _lock()
    counts = SearchTermCount.objects.all()
    if municipality is not None:
        counts = counts.filter(municipality=municipality)
    counts.delete()
    SearchTermCount.objects.bulk_create(
        (
            SearchTermCount(term=term, municipality_id=municipality_id, kind=kind, entries=n)
            for (term, municipality_id, kind), n in _cells(entries).items()
        ),
        batch_size=5000,
    )


def replace(old, new):
    """Uncount the replaced entries and count the new ones, cell by cell."""
    change = _cells(new)
    change.subtract(_cells(old))
    change = {cell: n for cell, n in change.items() if n}
    if not change:
        return
    _lock()
    for (term, municipality_id, kind), n in change.items():
        updated = SearchTermCount.objects.filter(
            term=term, municipality_id=municipality_id, kind=kind
        ).update(entries=F("entries") + n)
        if not updated:
            SearchTermCount.objects.create(term=term, municipality_id=municipality_id, kind=kind, entries=n)
    SearchTermCount.objects.filter(term__in={term for term, _m, _k in change}, entries=0).delete()


def _of_terms(placeholders):
    return SearchTermCount.objects.filter(term__in=placeholders).values_list(
        "term", "kind", "municipality_id", "entries"
    )


def cells(terms):
    """[(term, kind, municipality_id, entries)] of the entries that hold each of the terms."""
    return prepared.rows_with(_of_terms, terms)
