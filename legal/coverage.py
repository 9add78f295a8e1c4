"""The coverage page: per municipality, how many goals rest on a legal basis directly, by
inheritance, or on nothing, and how many on a provision since replaced.

Counted in the database, so the page reads five queries and shows a few lines per municipality
whatever the number of goals: listing every goal without a basis made it 23 MB at 98
municipalities. The queries do not change from one request to the next (no parameter comes from
the request), so each is built and compiled once per process and database.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db import connection
from django.db.models import Count, F, Q

from chrome.history import as_datetime
from core.goalkinds import GOAL_KINDS, GOALS
from legal.basis import basis_replaced, basis_standing
from legal.models import LegalReference
from organisation.models import Municipality, SourceDocument


@dataclass
class Counts:
    municipality: object
    direct: int = 0
    inherited: int = 0
    nothing: int = 0
    on_replaced: int = 0
    replaced: dict = field(default_factory=dict)  # provision → goals resting on a reference to it

    @property
    def total(self):
        return self.direct + self.inherited + self.nothing

    @property
    def replaced_provisions(self):
        """[(provision, goals)] of the replaced provisions the goals rest on, in register order."""
        return sorted(self.replaced.items(), key=lambda pair: _register_order(pair[0]))


def _register_order(provision):
    instrument = provision.instrument
    return (instrument.order, instrument.short_title, provision.order, provision.label)


def _published(kind):
    return kind.model._default_manager.published()


def _counts():
    """(municipality pk, "direct"/"inherited"/"nothing", "kind key:pk" of the item whose
    references to replaced provisions the goals rest on or None, goals)."""
    parts = [
        _published(kind)
        .annotate(
            place=F(kind.model.municipality_lookup),
            standing=basis_standing(kind),
            replaced=basis_replaced(kind),
        )
        .values_list("place", "standing", "replaced")
        .annotate(goals=Count("pk"))
        .order_by()
        for kind in GOALS
    ]
    first, *rest = parts
    return first.union(*rest, all=True)


def _sources():
    """The documents the goals were transcribed from, in the register's order."""
    of_goals = Q()
    for kind in GOALS:
        of_goals |= Q(pk__in=_published(kind).values("source_id"))
    return SourceDocument.objects.filter(of_goals)


def _last_changed():
    """The newest history date of the goals."""
    histories = [
        kind.model.history.model.objects.filter(id__in=_published(kind).values("pk"))
        .order_by()
        .values_list("history_date", flat=True)
        for kind in GOALS
    ]
    first, *rest = histories
    return first.union(*rest, all=True).order_by("-history_date")[:1]


@cache
def _compiled(build, vendor):
    """The SQL of the queryset build() returns, for the database vendor of the connection."""
    return build().query.sql_with_params()


def _run(build):
    sql, params = _compiled(build, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _replaced_references():
    """{"kind key:pk": [provisions]}: the replaced provisions each item cites."""
    references = LegalReference.objects.with_provisions().filter(provision__replaced_by__isnull=False)
    cited = {}
    for reference in references:
        kind = next(kind for kind in GOAL_KINDS if getattr(reference, f"{kind.key}_id"))
        provisions = cited.setdefault(f"{kind.key}:{getattr(reference, f'{kind.key}_id')}", [])
        if reference.provision not in provisions:
            reference.provision.instrument = reference.instrument  # the same (LegalReference.clean), joined
            provisions.append(reference.provision)
    return cited


def coverage_counts():
    """([Counts] of every municipality with goals, by name; the goals' source documents; the
    newest date in the goals' history, for "Om indholdet")."""
    municipalities = {municipality.pk: municipality for municipality in Municipality.objects.order_by("name")}
    reports = {}
    cited = _replaced_references()
    for place, standing, replaced, goals in _run(_counts):
        report = reports.get(place) or reports.setdefault(place, Counts(municipalities[place]))
        setattr(report, standing, getattr(report, standing) + goals)
        if replaced is not None:
            report.on_replaced += goals
            for provision in cited[replaced]:
                report.replaced[provision] = report.replaced.get(provision, 0) + goals
    sql, params = _compiled(_sources, connection.vendor)
    sources = list(SourceDocument.objects.raw(sql, params))
    for source in sources:  # the municipalities read above, rather than a join
        source.municipality = municipalities[source.municipality_id]
    newest = _run(_last_changed)
    ordered = [reports[pk] for pk in municipalities if pk in reports]
    return ordered, sources, as_datetime(newest[0][0]) if newest else None
