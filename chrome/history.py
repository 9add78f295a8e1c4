"""When the content of a page was last changed, read from django-simple-history.

Knows no domain model: anything with a `history` manager (simple_history) counts.
"""

from collections import defaultdict
from functools import cache

from django.db import connection
from django.db.models import DateTimeField, Value


@cache
def history_model(model):
    """The model's historical model, or None. Cached: simple_history's `history` descriptor
    builds a new manager class on every access, which costs more than the query itself."""
    return model.history.model if hasattr(model, "history") else None


def last_changed(*groups):
    """The newest history date among the objects in the groups, or None; one query whatever their number.

    The history of each model is read as one sub-SELECT, and the sub-SELECTs are joined with
    UNION ALL under one MAX, so the query count stays at one as models and rows are added. Each
    sub-SELECT finds its rows by the objects' ids; a MAX per table would let PostgreSQL walk the
    history_date index backwards instead, through every other object's history. The SQL is
    written here rather than by the ORM: compiling a dozen querysets into one union cost more
    than running it.
    """
    ids = defaultdict(set)
    for group in groups:
        for obj in group:
            if obj is not None and obj.pk is not None and history_model(type(obj)) is not None:
                ids[type(obj)].add(obj.pk)
    if not ids:
        return None
    selects, params = [], []
    for model, pks in sorted(ids.items(), key=lambda pair: pair[0]._meta.label):
        table, key, date = _history_columns(history_model(model))
        selects.append(
            f"SELECT {date} AS newest FROM {table} WHERE {key} IN ({', '.join(['%s'] * len(pks))})"  # noqa: S608 - names from _meta
        )
        params.extend(sorted(pks))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(newest) FROM ({' UNION ALL '.join(selects)}) AS dates", params)  # noqa: S608
        (newest,) = cursor.fetchone()
    return as_datetime(newest)


@cache
def _history_columns(historical):
    quote = connection.ops.quote_name
    meta = historical._meta
    return (
        quote(meta.db_table),
        quote(meta.get_field("id").column),
        quote(meta.get_field("history_date").column),
    )


def as_datetime(value):
    """The value as the ORM would give it (an aware datetime), whatever the database returns."""
    if value is None:
        return None
    field = DateTimeField()
    field.set_attributes_from_name("newest")
    expression = Value(value, output_field=field)
    for converter in connection.ops.get_db_converters(expression):
        value = converter(value, expression, connection)
    return value


def timelines(items):
    """The follow-ups attached to items (goals.followup.attach_follow_ups), for last_changed:
    a new follow-up changes what a goal's page and the overview show."""
    return [entry for item in items for entry in getattr(item, "timeline", ())]
