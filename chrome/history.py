"""When the content of a page was last changed, read from django-simple-history.

Knows no domain model: anything with a `history` manager (simple_history) counts.
"""

from collections import defaultdict
from functools import cache

from django.apps import apps


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


def timelines(items):
    """The follow-ups attached to items (goals.followup.attach_follow_ups), for last_changed:
    a new follow-up changes what a goal's page and the overview show."""
    return [entry for item in items for entry in getattr(item, "timeline", ())]


def site_last_changed():
    """The newest history date of anything the public may see, on any page; one query.

    For pages that read across all content (search): each model with a history contributes
    the newest change of its published rows (`published()`, where the model has it), and the
    newest of those is the answer. Models are found through the app registry, so the base
    still imports no domain model.
    """
    queries = []
    for model in apps.get_models():
        historical = history_model(model)
        if historical is None or model._meta.proxy:
            continue
        live = model._default_manager.all()
        if hasattr(live, "published"):
            live = live.published()
        # The newest record whose row is published, as a LIMIT 1 subquery: PostgreSQL walks the
        # history_date index from the newest end and stops at the first published row, instead of
        # taking the MAX over every record (0.85 s over the national dataset's histories).
        newest = (
            historical._default_manager.filter(id__in=live.values("pk"))
            .order_by("-history_date")
            .values("history_id")[:1]
        )
        queries.append(
            historical._default_manager.filter(history_id__in=newest).order_by().values_list("history_date")
        )
    if not queries:
        return None
    first, *rest = sorted(queries, key=lambda query: query.model._meta.label)
    dates = [date for (date,) in first.union(*rest, all=True) if date]
    return max(dates, default=None)
