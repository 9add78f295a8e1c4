"""When each entry's source last changed (SearchEntry.changed_at), kept as the index is written.

The search page says when the content it searches last changed; the newest `changed_at` of
the index says it in one indexed lookup, where the history of every model would take a
UNION over all their tables. An entry's date is the newest history date of its source, or,
for a text the indexer has not seen before (a changed section of a theme, a renamed policy
in the context of its items, a source without history), the moment it was indexed. An entry
whose text a rebuild writes again unchanged keeps its date, so that a reload that changes
nothing moves no date. Drafts are never in the index, so a draft's edit moves nothing.
"""

from django.db.models import Max
from django.utils import timezone

from chrome.history import history_model

COMPARED = ("kind", "title", "body", "context", "url", "municipality_id")


def _text(entry):
    return tuple(getattr(entry, name) for name in COMPARED)


def previous(entries):
    """{object_key: (changed_at, text)} of the entries about to be replaced."""
    return {
        key: (changed_at, tuple(rest))
        for key, changed_at, *rest in entries.values_list("object_key", "changed_at", *COMPARED)
    }


def history_dates(model, rows):
    """{pk: newest history date} of the rows (a QuerySet of the model); {} for a model without history."""
    historical = history_model(model)
    if historical is None:
        return {}
    return dict(
        historical._default_manager.filter(id__in=rows.values("pk"))
        .order_by()
        .values("id")
        .annotate(newest=Max("history_date"))
        .values_list("id", "newest")
    )


def stamp(entry, pk, dates, before):
    """Set the entry's changed_at from its source's history and the entry it replaces."""
    changed_at, text = before.get(entry.object_key, (None, None))
    seen = dates.get(pk)
    if changed_at is not None and text == _text(entry):
        entry.changed_at = max(changed_at, seen or changed_at)
    elif changed_at is not None or seen is None:
        entry.changed_at = timezone.now()
    else:
        entry.changed_at = seen
    return entry
