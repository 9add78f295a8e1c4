"""Querysets that the ORM builds and compiles once per process, and that are run with a pk
(a municipality's, a policy's, a unit's), a few pks, or other values (a search's text-search
query: `rows_with`) in place of placeholders.

A page that reads a dozen small querysets spends longer in the ORM building and compiling
them than PostgreSQL spends running them; only the pk changes from one request to the next.
`build(placeholder, *arguments)` must return the same queryset whatever the pk, with the
placeholder used as a pk would be (an exact match), or, for `rows_of_several`, as the
right-hand side of `__in`. The placeholders are plain parameters, so the same SQL runs on
PostgreSQL and on the embedded SQLite of `make run`.
"""

from functools import cache

from django.db import connections
from django.db.models.base import Model, ModelState
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators
from django.db.models.signals import post_init, pre_init
from django.http import Http404


class Slot(int):
    """The parameter that stands for the value (a pk, mostly) at this position."""


def placeholders(count):
    """`count` placeholders, each standing for the value at its position."""
    return [RawSQL("%s", [Slot(index)]) for index in range(count)]


def filled(params, values):
    """A compiled query's parameters with each Slot replaced by its value."""
    return [values[param] if type(param) is Slot else param for param in params]


class _Several(RawSQL):
    """The placeholder for several pks: `for_municipality()` (core.models.municipality_condition)
    takes it as a list, so a build scopes by it as it would by a list of municipalities."""

    stands_for_several = True


@cache
def _compiled(build, alias, vendor, several, arguments, separate=None):
    """`several` is None for one pk (an exact match), else the number of pks (`IN (%s, …)`);
    `separate`, if given, is the number of placeholders that each stand for one value (rows_with)."""
    if separate is not None:
        queryset = build(placeholders(separate), *arguments)
    elif several is None:
        queryset = build(*placeholders(1), *arguments)
    else:
        placeholder = _Several(", ".join(["%s"] * several), [Slot(index) for index in range(several)])
        queryset = build(placeholder, *arguments)
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()  # also fills compiler.select and klass_info
    # What results_iter() would work out again on every run.
    converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
    return compiler, sql, params, converters


def _run(build, pks, several, arguments, alias="default", separate=None):
    connection = connections[alias]
    compiler, sql, params, converters = _compiled(
        build, alias, connection.vendor, several, arguments, separate
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, filled(params, pks))
        rows = cursor.fetchall()
    if converters:
        rows = map(tuple, compiler.apply_converters(rows, converters))
    return compiler, rows


def pk_of(obj):
    """An object's pk, or the value itself (a pk, a slug)."""
    return getattr(obj, "pk", obj)


def one_or_404(found, message):
    """The one object that a query by the page's address found, or Http404 with the message."""
    if not found:
        raise Http404(message)
    (one,) = found
    return one


def rows(build, key, *arguments):
    """The rows (tuples) of the `values_list()` queryset that `build(key, *arguments)` returns;
    `key` is an object or its pk."""
    return list(_run(build, [pk_of(key)], None, arguments)[1])


def rows_of_several(build, keys, *arguments):
    """The rows of the `values_list()` queryset `build(chosen, *arguments)`, where `chosen`
    stands for the pks of `keys` (objects or pks), as `for_municipality(chosen)` takes it or as
    `filter(<lookup>__in=chosen)`."""
    pks = [pk_of(key) for key in keys]
    return list(_run(build, pks, len(pks), arguments)[1])


def rows_with(build, values, *arguments):
    """The rows of the `values_list()` queryset `build(placeholders, *arguments)`, where
    `placeholders` holds one placeholder for each of `values` (any parameter: a text-search
    query, a kind, not only a pk). What changes the query's shape goes in `arguments`."""
    return list(_run(build, list(values), None, arguments, separate=len(values))[1])


def objects(build, key, *arguments):
    """The model instances that iterating `build(key, *arguments)` gives, with what it joins
    (select_related) set on each; `key` is an object or its pk."""
    return instances(*_run(build, [pk_of(key)], None, arguments))


def objects_of_several(build, keys, *arguments):
    """The model instances of `build(chosen, *arguments)`, where `chosen` stands for the pks of
    `keys` as in rows_of_several."""
    pks = [pk_of(key) for key in keys]
    return instances(*_run(build, pks, len(pks), arguments))


def instances(compiler, rows):
    """The model instances of a compiled queryset's rows, with what it joins set on each."""
    # Kept once per process while nothing listens to the creation of any model (maker decides
    # by the listeners it finds), else worked out again for this call.
    listened = pre_init.receivers or post_init.receivers
    first, last, make, populators = (_instance_layout.__wrapped__ if listened else _instance_layout)(compiler)
    found = []
    for row in rows:
        item = make(row[first:last])
        for populator in populators:
            populator.populate(row, item)
        found.append(item)
    return found


@cache
def _instance_layout(compiler):
    """(first column, last column + 1, maker, populators of what it joins) of a compiled queryset."""
    db, select, klass_info = compiler.using, compiler.select, compiler.klass_info
    first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[first:last]]
    populators = get_related_populators(klass_info, select, db)
    _make_joined_with_maker(populators)
    return first, last, maker(klass_info["model"], names, db), populators


def _make_joined_with_maker(populators):
    """Let select_related's populators make their instances as `maker` does rather than through
    Model.__init__; a joined parent is made once per row, as often as the item itself."""
    for populator in populators:
        if populator.reorder_for_init is None:  # a parent of multi-table inheritance keeps from_db
            make = maker(populator.model_cls, populator.init_list, populator.db)
            populator.model_cls = _Made(populator.model_cls, make)
        _make_joined_with_maker(populator.related_populators)


class _Made:
    """Stands in for a model class in a RelatedPopulator, which only calls its from_db()."""

    def __init__(self, model, make):
        self.model, self.make = model, make

    def from_db(self, _db, _names, row):
        return self.make(row)


def maker(model, names, db):
    """A function that makes an instance of `model` from a row of the columns `names`, as
    `model.from_db` does.

    A list of a thousand goals spent more time in Model.__init__ (an attribute set through its
    descriptor for every column) than in the database. A new instance has nothing cached that
    setting an attribute must clear, so the row is put in its __dict__ as it is; that is what
    Model.__init__ ends with where no signal listens to its creation and the model adds nothing
    to it (else this falls back to from_db: mptt's units, say, keep their tree fields in __init__).
    """
    own_init = model.__init__ is not Model.__init__
    if own_init or pre_init.has_listeners(model) or post_init.has_listeners(model):
        return lambda row: model.from_db(db, names, row)
    new, update = model.__new__, dict.update

    def make(row):
        item = new(model)
        update(item.__dict__, zip(names, row, strict=True))
        state = item._state = ModelState()
        state.adding, state.db = False, db
        return item

    return make
