"""The municipalities side by side: how many goals rest on each law or convention, and
where they stand. Counted in the database in one grouped query over the chosen
municipalities' goals (the same goals as legal.basis.resolve_goals, the one definition of a
goal), so neither the number of queries nor the rows read grow with content."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from core import together
from core.goalkinds import GOALS
from core.prepared import rows_of_several
from goals.models import FollowUp
from legal.basis import Basis, basis_source, source_kinds
from legal.models import LegalReference
from organisation.models import Municipality
from overview.filters import STATUS_VALUES, Filtering, LegalRegister


@dataclass
class Line:
    value: str  # the overview's filter value (?grundlag= or ?status=)
    label: str
    counts: list  # per municipality, in the order of the columns
    level: int = 0  # 1 for a provision under its instrument
    replaced: list = None  # provisions the line's basis replaced, which goals still cite

    @property
    def total(self):
        return sum(self.counts)


# Columns on one page: side by side, a handful of municipalities is what can be read, and
# reading the goals of a handful keeps the page as fast at 98 municipalities as at two.
MAX_COLUMNS = 6


class TooMany(ValueError):
    pass


def chosen_municipalities(every, slugs):
    """The municipalities of `slugs` in name order, or the first MAX_COLUMNS without a
    choice; raises TooMany, or KeyError for a slug of no municipality."""
    if not slugs:
        return every[:MAX_COLUMNS]
    by_slug = {municipality.slug: municipality for municipality in every}
    chosen = {by_slug[slug].pk for slug in slugs}
    if len(chosen) > MAX_COLUMNS:
        raise TooMany
    return [municipality for municipality in every if municipality.pk in chosen]


def _municipalities(_nothing):
    return Municipality.objects.order_by("name")


def every_municipality_and_register():
    """(every municipality in name order, the legal register): one query (core.together)."""
    municipalities, *register = together.objects(((_municipalities,), *LegalRegister.PARTS))
    return municipalities, LegalRegister.of(*register)


def _published_goals(kind, chosen):
    return kind.model._default_manager.published().for_municipality(chosen)


def _counts(chosen):
    """(municipality pk, basis source, status, goals): the goals of each
    municipality counted by the item whose references they rest on (legal.basis.basis_source)
    and by their status (the latest follow-up's, by date, then by entry)."""
    parts = []
    for kind in GOALS:
        latest = (
            FollowUp.objects.filter(**{kind.key: OuterRef("pk")}).order_by("-date", "-pk").values("status")
        )
        parts.append(
            _published_goals(kind, chosen)
            .annotate(
                place=F(kind.model.municipality_lookup),
                rests_on=basis_source(kind),
                status=Coalesce(Subquery(latest[:1]), Value(FollowUp.NOT_FOLLOWED_UP)),
            )
            .values_list("place", "rests_on", "status")
            .annotate(goals=Count("pk"))
            .order_by()
        )
    first, *rest = parts
    return first.union(*rest, all=True)


def _references(chosen):
    """(instrument pk, provision pk, one column per kind of source_kinds(GOALS)): the legal
    references on the items of the chosen municipalities that goals can rest on."""
    kinds = source_kinds(GOALS)
    on_chosen = Q()
    for kind in kinds:
        items = kind.model._default_manager.for_municipality(chosen)
        on_chosen |= Q(**{f"{kind.key}__in": items.values("pk")})
    columns = [f"{kind.key}_id" for kind in kinds]
    return (
        LegalReference.objects.filter(on_chosen)
        .order_by()
        .values_list("instrument_id", "provision_id", *columns)
    )


def _bases(municipalities, register):
    """{(kind key, pk): references} of the items the chosen municipalities' goals can rest on;
    unsaved references with their instrument, which is all Filtering.bases_of reads of them."""
    instruments = {instrument.pk: instrument for instrument in register.instruments}
    keys = [kind.key for kind in source_kinds(GOALS)]
    references = defaultdict(list)
    for instrument, provision, *targets in rows_of_several(_references, municipalities):
        key, pk = next((key, pk) for key, pk in zip(keys, targets, strict=True) if pk is not None)
        references[key, pk].append(LegalReference(instrument=instruments[instrument], provision_id=provision))
    return references


def _last_changed(chosen):
    goals = {kind.key: _published_goals(kind, chosen).values("pk") for kind in GOALS}
    follow_ups = Q()
    for key, pks in goals.items():
        follow_ups |= Q(**{f"{key}__in": pks})
    histories = [kind.model.history.model.objects.filter(id__in=goals[kind.key]) for kind in GOALS] + [
        FollowUp.history.model.objects.filter(id__in=FollowUp.objects.filter(follow_ups).values("pk"))
    ]
    first, *rest = (history.order_by().values_list("history_date", flat=True) for history in histories)
    return first.union(*rest, all=True).order_by("-history_date")[:1]


def last_changed(municipalities):
    """The newest history date of the municipalities' goals and their follow-ups, or None; one
    query, with the goals chosen in the database rather than sent as a list of ids."""
    newest = rows_of_several(_last_changed, municipalities)
    return newest[0][0] if newest else None


def comparison(municipalities, register):
    """The lines of the comparison of `municipalities` (a list, in column order); register:
    overview.filters.LegalRegister."""
    column = {municipality.pk: index for index, municipality in enumerate(municipalities)}
    by_instrument = {instrument.pk: [] for instrument in register.instruments}
    for provision in register.provisions.values():
        by_instrument[provision.instrument_id].append(provision)
    # What the goals of each basis rest on, worked out once per item they inherit it from,
    # not per goal: {value: goals} per column, and the replaced provisions under each value.
    filtering = Filtering(register)
    references = _bases(municipalities, register)
    bases = {}
    counted = [Counter() for _municipality in municipalities]
    statuses = [Counter() for _municipality in municipalities]
    goal_counts = [0 for _municipality in municipalities]
    replaced_under = {}
    for place, source, status, goals in rows_of_several(_counts, municipalities):
        index = column[place]
        goal_counts[index] += goals
        statuses[index][status] += goals
        if source not in bases:
            key, _colon, pk = source.partition(":")
            basis = Basis(references.get((key, int(pk) if pk else None), []))
            bases[source] = filtering.bases_of(SimpleNamespace(basis=basis))
        for value, replaced in bases[source].items():
            counted[index][value] += goals
            replaced_under.setdefault(value, {}).update(replaced)
    basis_lines = []
    for instrument in register.instruments:
        candidates = [(instrument.slug, instrument.short_title, 0)] + [
            (register.value_of(provision), provision.label_with_instrument, 1)
            for provision in by_instrument[instrument.pk]
        ]
        for value, label, level in candidates:
            counts = [column[value] for column in counted]
            if any(counts):
                replaced = sorted(
                    replaced_under.get(value, {}).values(),
                    key=lambda provision: provision.label_with_instrument,
                )
                basis_lines.append(Line(value, label, counts, level, replaced))

    status_lines = [
        Line(value, str(label), [counter[value] for counter in statuses]) for value, label in STATUS_VALUES
    ]
    return {
        "municipalities": municipalities,
        "goal_counts": goal_counts,
        "basis_lines": basis_lines,
        "status_lines": status_lines,
    }
