"""When the content of a page was last changed, read from django-simple-history.

Knows no domain model: anything with a `history` manager (simple_history) counts.
"""

from collections import defaultdict
from functools import cache


@cache
def history_model(model):
    """The model's historical model, or None. Cached: simple_history's `history` descriptor
    builds a new manager class on every access, which costs more than the query itself."""
    return model.history.model if hasattr(model, "history") else None


def last_changed(*groups):
    """The newest history date among the objects in the groups, or None; one query whatever their number.

    The history of each model is read as one SELECT, and the SELECTs are joined with UNION ALL,
    so the query count stays at one as models and rows are added.
    """
    ids = defaultdict(set)
    for group in groups:
        for obj in group:
            if obj is not None and obj.pk is not None and history_model(type(obj)) is not None:
                ids[type(obj)].add(obj.pk)
    queries = [
        history_model(model)
        ._default_manager.filter(id__in=pks)
        .order_by()
        .values_list("history_date", flat=True)
        for model, pks in sorted(ids.items(), key=lambda pair: pair[0]._meta.label)
    ]
    if not queries:
        return None
    first, *rest = queries
    dates = first.union(*rest, all=True) if rest else first
    return dates.order_by("-history_date").first()
