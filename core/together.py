"""Several compiled querysets (core.prepared) of different models read in one query, joined with
UNION ALL.

A policy's page read ten small lists, each a query of its own; their round trips and the ORM's
work per query cost more than PostgreSQL spent planning and running them. In the union each
queryset keeps its own columns, joins and filter; each column goes to a slot of its type that
the other querysets leave empty, and the first column says which queryset a row comes from.
Each queryset's rows are put in its order here, by its columns: an ORDER BY over the union
(sorting the wide rows) or a window function in every select cost PostgreSQL more than the
union saved. What a queryset orders by and does not select (a joined model's column, an
expression) comes as a column of its own; a queryset ordered by a text, which sorts by the
database's collation, is numbered in its order by the database (ROW_NUMBER()). The same SQL
runs on PostgreSQL and on the embedded SQLite.

A queryset with a costly plan of its own (the legal references of a policy) is better left out:
joined in, it made the union slower than the two queries apart.
"""

import re
from functools import cache
from operator import itemgetter

from django.db import connections
from django.db.models import BigIntegerField
from django.db.models.expressions import Ref

from core.prepared import filled, instances, pk_of, placeholders


def objects(builds, *values):
    """[the instances of each build], as `prepared.objects(build, key, *arguments)` gives them,
    from one query. `builds` is a tuple of (build, *arguments); each build is called with the
    placeholders of the first `build.placeholders` (default 1) of `values` (objects or pks, or
    any parameter) and its arguments."""
    connection = connections["default"]
    sql, params, branches = _compiled(builds, connection.vendor)
    values = [pk_of(value) for value in values]
    with connection.cursor() as cursor:
        cursor.execute(sql, filled(params, values))
        rows = cursor.fetchall()
    found = [[] for _ in branches]
    for row in rows:
        found[row[0]].append(row)
    return [instances(branch[0], _own(rows, *branch)) for branch, rows in zip(branches, found, strict=True)]


def _own(rows, compiler, pick, order, converters):
    """The queryset's own rows, in its order, as its compiler would give them."""
    rows = [pick(row) for row in rows]
    try:
        for key, descending in _runs(order):
            rows.sort(key=key, reverse=descending)
    except TypeError:  # an empty value, which Python does not compare
        for position, descending in reversed(order):
            # PostgreSQL puts the empty last in an ascending order, first in a descending one.
            rows.sort(key=lambda row, at=position: (row[at] is None, row[at]), reverse=descending)
    return map(tuple, compiler.apply_converters(rows, converters)) if converters else rows


@cache
def _runs(order):
    """The sorts that put rows in `order`, last first: one per run of columns in one direction."""
    runs = []
    for position, descending in order:
        if runs and runs[-1][1] == descending:
            runs[-1][0].append(position)
        else:
            runs.append(([position], descending))
    return [(itemgetter(*positions), descending) for positions, descending in reversed(runs)]


@cache
def _compiled(builds, vendor, alias="default"):
    """(SQL, parameters, [(compiler, row picker, order, converters) of each build])."""
    connection = connections[alias]
    stand_ins = placeholders(max(_width(build) for build, *_ in builds))
    parts, slots = [], {}
    for build, *arguments in builds:
        compiler = build(*stand_ins[: _width(build)], *arguments).query.get_compiler(using=alias)
        columns, order, rest, params = _parts(compiler, connection, build)
        kinds = [kind for _, _, kind in columns]
        for kind in set(kinds):
            slots[kind] = max(slots.get(kind, 0), kinds.count(kind))
        parts.append((compiler, columns, order, rest, params))
    first, position = {}, 1  # where each type's slots start, after the queryset's number
    for kind in sorted(slots):
        first[kind] = position
        position += slots[kind]
    selects, all_params, branches = [], [], []
    for number, (compiler, columns, order, rest, params) in enumerate(parts):
        # The first select says each empty slot's type; the union's columns take it from there.
        row = [
            (f"CAST(NULL AS {kind})" if number == 0 else "NULL", ())
            for kind in sorted(slots)
            for _ in range(slots[kind])
        ]
        used, positions = dict.fromkeys(slots, 0), []
        for sql, column_params, kind in columns:
            positions.append(first[kind] + used[kind])
            used[kind] += 1
            row[positions[-1] - 1] = (sql, column_params)
        selects.append(f"SELECT {number}, {', '.join(sql for sql, _ in row)}{rest}")
        all_params.extend(param for _, column_params in row for param in column_params)
        all_params.extend(params)
        converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        pick = itemgetter(*positions) if len(positions) > 1 else lambda row, at=positions[0]: (row[at],)
        branches.append((compiler, pick, order, converters))
    return " UNION ALL ".join(selects), tuple(all_params), tuple(branches)


def _parts(compiler, connection, build):
    """([(SQL, parameters, type) of each column], order, the SQL from FROM up to the ORDER BY,
    its parameters). The columns are the selected ones, then any the order needs besides them;
    the order is ((position among the columns, descending), …)."""
    whole, params = compiler.as_sql()  # also fills compiler.select and klass_info
    quote = connection.ops.quote_name
    columns = [
        (
            sql if alias is None else f"{sql} AS {quote(alias)}",
            tuple(column_params),
            _kind(column, connection),
        )
        for column, (sql, column_params), alias in compiler.select
    ]
    head = f"SELECT {', '.join(sql for sql, _, _ in columns)} FROM "  # noqa: S608 - the compiler's own SQL
    order_by = compiler.get_order_by()
    tail = f" ORDER BY {', '.join(sql for _, (sql, _, _) in order_by)}" if order_by else ""
    if not whole.startswith(head) or not whole.endswith(tail):
        raise ValueError(f"{build.__qualname__}: only a plain select with a plain order can be joined")
    order = []
    for expression, _ in order_by:
        by = expression.expression
        if isinstance(by, Ref):
            by = compiler.query.annotation_select[by.refs]
        at = next((at for at, (column, _, _) in enumerate(compiler.select) if column == by), None)
        if at is None:
            at = len(columns)
            by_sql, by_params = compiler.compile(by)
            columns.append((by_sql, tuple(by_params), _kind(by, connection)))
        order.append((at, expression.descending))
    if any(_collated(columns[at][2]) for at, _ in order):
        # Text sorts by the database's collation, which Python does not know: the database
        # numbers the rows in the queryset's order instead.
        del columns[len(compiler.select) :]
        numbered = f"ROW_NUMBER() OVER (ORDER BY {', '.join(sql for _, (sql, _, _) in order_by)})"
        by_params = tuple(param for _, (_, order_params, _) in order_by for param in order_params)
        columns.append((numbered, by_params, BigIntegerField().db_type(connection)))
        order = [(len(columns) - 1, False)]
    # The parameters of the selected columns come first, those of the order last.
    selected = sum(len(column_params) for _, (_, column_params), _ in compiler.select)
    ordered = sum(len(order_params) for _, (_, order_params, _) in order_by)
    rest = whole[len(head) - len(" FROM ") : len(whole) - len(tail)]
    return columns, tuple(order), rest, params[selected : len(params) - ordered]


def _collated(kind):
    return kind == "text" or kind.startswith(("varchar", "char"))


def _width(build):
    return getattr(build, "placeholders", 1)


def _kind(column, connection):
    """The type of a column's slot: its own, with a text of any length as a text."""
    kind = column.output_field.db_type(connection) or column.output_field.rel_db_type(connection)
    return "text" if re.fullmatch(r"varchar\(\d+\)", kind) else kind
