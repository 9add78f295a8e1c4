"""Queries that the ORM builds and compiles once per process and per number of municipalities,
and that are run with the chosen municipalities' pks in place of placeholders.

The comparison's and the changes page's queries are unions over every goal kind; building and
compiling them took the ORM longer than PostgreSQL took to run them. Only the pks change from
one request to the next. The placeholders are plain `IN (%s, …)` parameters, one per
municipality, so the same SQL runs on PostgreSQL and on the embedded SQLite of `make run`.
"""

from functools import cache

from django.db import connection
from django.db.models.expressions import RawSQL


class _Slot(int):
    """The parameter that stands for the pk of the municipality in column `self`."""


def _chosen(count):
    """The right-hand side of `__in` for `count` municipalities: IN (%s, %s, …)."""
    return RawSQL(", ".join(["%s"] * count), [_Slot(index) for index in range(count)])  # noqa: S611 - only placeholders


@cache
def _compiled(build, count, *arguments):
    return build(_chosen(count), *arguments).query.sql_with_params()


def run(build, municipalities, *arguments):
    """The rows of the queryset `build(chosen, *arguments)` returns, where `chosen` is to be used
    as `filter(<municipality lookup>__in=chosen)`, run for the pks of `municipalities`."""
    pks = [municipality.pk for municipality in municipalities]
    sql, params = _compiled(build, len(pks), *arguments)
    with connection.cursor() as cursor:
        cursor.execute(sql, [pks[param] if type(param) is _Slot else param for param in params])
        return cursor.fetchall()
