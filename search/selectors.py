"""Full-text search over the stored search index (SearchEntry)."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.models import SearchEntry
from search.services import SEARCH_CONFIG

MAX_RESULTS = 50
# Private-use characters: they never occur in the content, so they can mark
# the hits through escaping and be swapped for <mark> afterwards.
START, STOP = "\ue000", "\ue001"


def highlight(text):
    """Escape everything, then turn the sentinel markers into <mark>…</mark>."""
    escaped = escape(text or "")
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def _headline(field, query):
    return SearchHeadline(
        field,
        query,
        config=SEARCH_CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
    )


def find(q, municipality=None):
    """[(entry, highlighted excerpt)], best first, at most MAX_RESULTS + 1 of them."""
    entries = SearchEntry.objects.select_related("municipality")
    if municipality is not None:
        entries = entries.filter(municipality=municipality)
    if connection.vendor == "postgresql":
        query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
        entries = (
            entries.filter(vector=query)
            .annotate(
                rank=SearchRank(F("vector"), query),
                body_headline=_headline("body", query),
                title_headline=_headline("title", query),
            )
            .order_by("-rank", "title")
        )
        found = list(entries[: MAX_RESULTS + 1])
        return [(entry, highlight(entry.body_headline or entry.title_headline)) for entry in found]
    entries = entries.filter(Q(title__icontains=q) | Q(body__icontains=q)).order_by("title")
    return [(entry, escape(entry.body[:300] or entry.title)) for entry in entries[: MAX_RESULTS + 1]]
