"""The goals resting on an instrument or a provision, as the register's pages list them.

The goal-like items of every kind that cite it, or stand under one that does, are read in one
query: a UNION ALL of one select per kind in core.goalkinds, with the same columns in each (the
kind's place in the registry, the item's place in its kind's order, and of the item and each item
above it what the page shows), built and compiled once per process. Read one query per kind, the
ten paid more for their round trips and planning than for their rows. Each item is then
resolved against every reference, since an item with references of its own rests on those
rather than on what it stands under.
"""

from collections import defaultdict
from functools import cache

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import F, IntegerField, Q, TextField, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, RowNumber

from core import prepared
from core.goalkinds import GOAL_KINDS
from core.models import ordering_within_municipality
from legal.basis import BasisIndex, GoalBasis, lineage
from legal.models import LegalReference
from organisation.models import Municipality

# What the page shows, or works the address out from: of the item, and of each item above it
# (the one whose basis it inherits is named by title); a field a model lacks is read as NULL.
ITEM_FIELDS = ("id", "source", "title", "text", "slug", "municipality")
ABOVE_FIELDS = ("id", "title", "slug", "municipality")
MUNICIPALITY_FIELDS = ("id", "name", "slug")


@cache
def _depth():
    """The most items in a kind's chain, the item's own included: read when the models are loaded."""
    return max(len(lineage(kind)[1]) for kind in GOAL_KINDS)


def goals_resting_on(*, instrument=None, provision=None):
    """Every goal of every municipality resting on an instrument or provision, grouped by municipality.

    Returns [(municipality, [GoalBasis])] sorted by municipality name, each municipality's goals
    in the registry's order of kinds and each kind in its own order.
    """
    on, cited = ("provision", provision) if provision is not None else ("instrument", instrument)
    index = BasisIndex(prepared.objects(_every_reference, cited))
    citing = f"{on}_id"
    grouped = defaultdict(list)
    municipalities = {}
    for row in _rows(cited, on):
        item, municipality = _item(row, municipalities)
        basis = index.basis_of(item)
        if any(getattr(reference, citing) == cited.pk for reference in basis.references):
            grouped[municipality].append(GoalBasis(item, GOAL_KINDS[row[0]], basis))
    return sorted(grouped.items(), key=lambda pair: pair[0].name)


def _every_reference(_cited):
    """Every reference, with only what tells which item it is on and what it cites: the page
    shows none of them. Compiled once; `cited` only fills core.prepared's slot."""
    return LegalReference.objects.only("instrument", "provision", *(kind.key for kind in GOAL_KINDS))


def _rows(cited, on):
    connection = connections[DEFAULT_DB_ALIAS]
    sql, params = _citing(connection.vendor, on)
    with connection.cursor() as cursor:
        cursor.execute(sql, [cited.pk, *params])
        return cursor.fetchall()


@cache
def _citing(_vendor, on):
    """(SQL, its parameters after the cited pk) of the published items of every kind that cite an
    instrument or a provision (as `on` says) or stand under an item that does, as rows of the same
    columns in kind order, with their municipality's. Built and compiled once per process.

    The references that cite it are read once (WITH), rather than by a subquery for the item and
    each item above it in every kind; the municipality is joined once, to the union, rather than
    in every select. Both took PostgreSQL longer to plan than to run."""
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    references, municipality = LegalReference._meta, Municipality._meta
    targets = ", ".join(quote(references.get_field(kind.key).column) for kind in GOAL_KINDS)
    first, *rest = (_citing_of_kind(position, kind) for position, kind in enumerate(GOAL_KINDS))
    union, params = first.union(*rest, all=True).query.get_compiler(DEFAULT_DB_ALIAS).as_sql()
    names = ", ".join(f"m.{quote(municipality.get_field(name).column)}" for name in MUNICIPALITY_FIELDS[1:])
    sql = (
        f"WITH cited AS (SELECT {targets} FROM {quote(references.db_table)}"  # noqa: S608 - names from _meta
        f" WHERE {quote(references.get_field(on).column)} = %s)"
        f" SELECT citing.*, {names} FROM ({union}) AS citing"
        f" JOIN {quote(municipality.db_table)} AS m ON m.{quote(municipality.pk.column)} = citing.m_id"
        " ORDER BY citing.kind, citing.rank"
    )
    return sql, params


def _citing_of_kind(position, kind):
    _joins, ancestors = lineage(kind)
    under = Q()
    for lookup, ancestor in ancestors:
        column = connections[DEFAULT_DB_ALIAS].ops.quote_name(
            LegalReference._meta.get_field(ancestor.key).column
        )
        cited = RawSQL(f"SELECT {column} FROM cited", [])  # noqa: S608, S611 - a name from _meta
        under |= Q(**{f"{lookup}__in": cited})
    columns = {
        "kind": Value(position, output_field=IntegerField()),
        # The kind's own order, as its pages list it; the union can only be ordered by its columns.
        "rank": Window(RowNumber(), order_by=[*ordering_within_municipality(kind.model), "pk"]),
    }
    for depth in range(_depth()):
        node = ancestors[depth] if depth < len(ancestors) else None
        for name in ITEM_FIELDS if depth == 0 else ABOVE_FIELDS:
            columns[f"d{depth}_{name}"] = _column(node, name)
    columns["m_id"] = F(kind.model.municipality_lookup)
    rows = kind.model._default_manager.published().filter(under).order_by().annotate(**columns)
    return rows.values_list(*columns)


def _column(node, name):
    field = _field(node[1].model, name) if node else None
    if field is None:
        # Typed: PostgreSQL settles a UNION's column types two selects at a time, and would take
        # two untyped NULLs for text.
        return Cast(Value(None), IntegerField() if name in ("id", "source", "municipality") else TextField())
    lookup = node[0]
    return F(field.attname if lookup == "pk" else f"{lookup}__{field.attname}")


def _field(model, name):
    return next((field for field in model._meta.concrete_fields if field.name == name), None)


@cache
def _layout(position):
    """Per item in the chain of the kind at `position` in the registry (by place: hashing a kind
    hashes its labels, translating them), the item first: (its model's maker, the columns of the row it
    is made of, the field of the item below that points at it, its own municipality field or None)."""
    _joins, ancestors = lineage(GOAL_KINDS[position])
    layout, start, below = [], 2, None
    for depth in range(_depth()):
        names = ITEM_FIELDS if depth == 0 else ABOVE_FIELDS
        if depth < len(ancestors):
            lookup, node = ancestors[depth]
            fields = [(at, _field(node.model, name)) for at, name in enumerate(names, start)]
            fields = [(at, field) for at, field in fields if field is not None]
            make = prepared.maker(node.model, [field.attname for _at, field in fields], DEFAULT_DB_ALIAS)
            link = below._meta.get_field(lookup.rpartition("__")[2]) if below else None
            layout.append((make, [at for at, _field in fields], link, _field(node.model, "municipality")))
            below = node.model
        start += len(names)
    return layout, start


def _item(row, municipalities):
    """(item, municipality) of a row: the item with the items above it and its municipality set as
    select_related would set them, the municipality where it is the one the row names (the kind's,
    GoalBasis.municipality)."""
    layout, at = _layout(row[0])
    key = row[at]
    municipality = municipalities.get(key)
    if municipality is None:
        municipality = municipalities[key] = _make_municipality()(row[at : at + len(MUNICIPALITY_FIELDS)])
    item = below = None
    for make, columns, link, own in layout:
        node = make([row[column] for column in columns]) if row[columns[0]] is not None else None
        if link is not None:
            below.__dict__[link.attname] = node.pk if node is not None else None
            link.set_cached_value(below, node)
        if node is None:
            break
        if own is not None and node.__dict__[own.attname] == key:
            own.set_cached_value(node, municipality)
        if item is None:
            item = node
        below = node
    return item, municipality


@cache
def _make_municipality():
    return prepared.maker(Municipality, list(MUNICIPALITY_FIELDS), DEFAULT_DB_ALIAS)
