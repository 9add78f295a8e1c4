"""The goal overview's filters and sorting, applied to the rows of overview/rows.py.

Every filter accepts only the values it offers (anything else is a 400); the
offered values are read once per request in a fixed number of queries.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import together
from core.models import set_related
from goals.models import FollowUp
from legal.models import Instrument, Provision
from organisation.models import OrganisationUnit

MAX_PARAMETER_LENGTH = 200
PATH_SEPARATOR = " › "


class InvalidFilter(ValueError):
    pass


def instruments(_municipality):
    """Every instrument, in the register's order (the same for every municipality)."""
    return Instrument.objects.order_by(*Instrument._meta.ordering, "pk")


def provisions(_municipality):
    """Every provision in its order within its instrument (LegalRegister.of puts them under
    their instruments: core.together orders by selected columns only)."""
    return Provision.objects.order_by("order", "label", "pk")


@dataclass
class LegalRegister:
    """Instruments and provisions read once, with what replaced what."""

    instruments: list
    provisions: dict  # pk -> Provision, in the instruments' order and their own within each

    # The register as parts of a core.together query: the goal overview reads it with the goals.
    PARTS = ((instruments,), (provisions,))

    @classmethod
    def read(cls):
        """The register in one query, compiled once per process."""
        return cls.of(*together.objects(cls.PARTS))

    @classmethod
    def of(cls, instruments, provisions):
        """The register of the instruments and provisions that PARTS read."""
        under = {instrument.pk: [] for instrument in instruments}
        for provision in provisions:
            under[provision.instrument_id].append(provision)
        in_order = {}
        for instrument in instruments:
            for provision in under[instrument.pk]:
                provision.instrument = instrument
                in_order[provision.pk] = provision
        for provision in in_order.values():
            if provision.replaced_by_id is not None:
                provision.replaced_by = in_order[provision.replaced_by_id]
        return cls(instruments, in_order)

    def attach(self, references):
        """Set each legal reference's instrument and provision from the register: a goal's
        references joined to them cost PostgreSQL more planning than running."""
        set_related(references, "instrument", {instrument.pk: instrument for instrument in self.instruments})
        set_related(references, "provision", self.provisions)
        return references

    def options(self):
        """Every instrument and provision as [(value, label)], in register order."""
        by_instrument = {instrument.pk: [] for instrument in self.instruments}
        for provision in self.provisions.values():
            by_instrument[provision.instrument_id].append(provision)
        options = []
        for instrument in self.instruments:
            options.append((instrument.slug, instrument.short_title))
            options.extend(
                (self.value_of(provision), provision.label_with_instrument)
                for provision in by_instrument[instrument.pk]
            )
        return options

    @staticmethod
    def value_of(provision):
        return provision.register_key

    def successors(self, provision_id):
        """The provision and every provision that replaced it since, in order."""
        seen = []
        while provision_id is not None and provision_id not in seen:
            seen.append(provision_id)
            provision_id = self.provisions[provision_id].replaced_by_id
        return [self.provisions[pk] for pk in seen]


@dataclass
class Filtering:
    register: LegalRegister
    units: dict = field(default_factory=dict)  # slug -> unit
    replaced: dict = field(default_factory=dict)  # provisions found through succession

    def rests_on(self, row, value):
        """Whether a row rests on the chosen instrument or provision, directly or through a
        provision it cites that the chosen one has replaced since (noted in `replaced`)."""
        replaced = self.bases_of(row).get(value)
        if replaced is None:
            return False
        self.replaced.update(replaced)
        return True

    def bases_of(self, row):
        """{value: {pk: provision}}: every instrument and provision value a row rests on, each
        with the provisions the row cites that it has replaced since. Each cited provision
        counts under its successors too, and under the instrument of each."""
        bases = {}
        for reference in row.basis.references:
            if reference.provision_id is None:
                bases.setdefault(reference.instrument.slug, {})
                continue
            chain = self.register.successors(reference.provision_id)
            landed = set()  # a reference lands on the first provision of its chain that matches
            for position, successor in enumerate(chain):
                for value in (successor.instrument.slug, self.register.value_of(successor)):
                    if value in landed:
                        continue
                    landed.add(value)
                    replaced = bases.setdefault(value, {})
                    if position:
                        replaced[chain[0].pk] = chain[0]
        return bases

    def in_unit(self, row, value):
        unit, responsible = self.units[value], row.responsible
        return (
            isinstance(responsible, OrganisationUnit)
            and responsible.tree_id == unit.tree_id
            and unit.lft <= responsible.lft <= unit.rght
        )


STATUS_VALUES = [(FollowUp.NOT_FOLLOWED_UP, FollowUp.NOT_FOLLOWED_UP_LABEL), *FollowUp.Status.choices]

FILTER_LABELS = [
    ("status", gettext_lazy("Status")),
    ("enhed", gettext_lazy("Ansvarlig enhed")),
    ("grundlag", gettext_lazy("Retsgrundlag")),
    ("politik", gettext_lazy("Politik")),
    ("tema", gettext_lazy("Tema")),
    ("periode", gettext_lazy("Periode")),
]


def unit_paths(units):
    """{slug: unit} with `.path` ("Center for Børn og Læring › Skoler"), of units in tree order."""
    by_pk = {unit.pk: unit for unit in units}
    for unit in units:  # tree order: a parent's path is set before its children's
        parent = by_pk.get(unit.parent_id)
        unit.path = f"{parent.path}{PATH_SEPARATOR}{unit.name}" if parent else unit.name
    return {unit.slug: unit for unit in units}


def filter_options(municipality, rows, units, register):
    """The values each filter accepts, as [(value, label)]."""
    policies, themes, periods = {}, {}, {}
    for row in rows:
        if row.policy is not None:
            policies[row.policy.slug] = row.policy.title
        if row.theme is not None:
            themes[row.theme.slug] = f"{row.theme.title} ({row.policy.title})"
        if row.period_key:
            periods[row.period_key] = row.period_label
    return {
        "status": [(value, str(label)) for value, label in STATUS_VALUES],
        "enhed": [(slug, unit.path) for slug, unit in units.items()],
        "grundlag": register.options(),
        "politik": sorted(policies.items(), key=lambda pair: pair[1]),
        "tema": sorted(themes.items(), key=lambda pair: pair[1]),
        "periode": sorted(periods.items()),
    }


def read_filters(params, options):
    chosen = {}
    for name, choices in options.items():
        value = params.get(name, "")
        if not value:
            continue
        if len(value) > MAX_PARAMETER_LENGTH or value not in dict(choices):
            raise InvalidFilter(name)
        chosen[name] = value
    return chosen


def apply_filters(rows, chosen, filtering):
    tests = {
        "status": lambda row, value: row.status_key == value,
        "enhed": filtering.in_unit,
        "grundlag": filtering.rests_on,
        "politik": lambda row, value: row.policy is not None and row.policy.slug == value,
        "tema": lambda row, value: row.theme is not None and row.theme.slug == value,
        "periode": lambda row, value: row.period_key == value,
    }
    for name, value in chosen.items():
        rows = [row for row in rows if tests[name](row, value)]
    return rows


# Sorting: ?sorter=<column> ascending, ?sorter=-<column> descending; empty rows last either way.
STATUS_ORDER = {value: index for index, (value, _label) in enumerate(STATUS_VALUES)}
SORTS = {
    "maal": lambda row: row.text.casefold(),
    "slags": lambda row: row.kind_label.casefold(),
    "politik": lambda row: (row.policy.title if row.policy else "", row.theme.title if row.theme else ""),
    "ansvarlig": lambda row: row.responsible.name.casefold() if row.responsible else None,
    "frist": lambda row: row.deadline.isoformat() if row.deadline else (row.period_key or None),
    "status": lambda row: STATUS_ORDER[row.status_key],
    "fremdrift": lambda row: row.progress,
}


def reads_state(params):
    """Whether the filters or the sorting read where each goal stands (overview.rows.read_states)."""
    return bool(params.get("status")) or params.get("sorter", "").removeprefix("-") in ("status", "fremdrift")


def read_sorter(params):
    value = params.get("sorter", "")
    if value and value.removeprefix("-") not in SORTS:
        raise InvalidFilter("sorter")
    return value


def sort_rows(rows, sorter):
    if not sorter:
        return rows
    key = SORTS[sorter.removeprefix("-")]
    descending = sorter.startswith("-")
    present = [row for row in rows if key(row) is not None]
    missing = [row for row in rows if key(row) is None]
    return sorted(present, key=key, reverse=descending) + missing


@dataclass
class Result:
    rows: list
    all_rows: list
    options: dict
    chosen: dict
    sorter: str
    units: dict
    replaced: list  # provisions that the chosen basis replaced, on which shown goals rest

    def chosen_labels(self):
        """[(filter label, value label)] of the filters chosen, for the page and its print."""
        labels = dict(FILTER_LABELS)
        return [(labels[name], dict(self.options[name])[value]) for name, value in self.chosen.items()]


def filtered(params, municipality, rows, units, register):
    """The rows the query parameters select, sorted; raises InvalidFilter. units: unit_paths(),
    register: the LegalRegister that build_rows was given."""
    for row in rows:
        # The path tells two units of one name apart ("Administration" under two centres).
        responsible = row.responsible
        unit = units.get(responsible.slug) if isinstance(responsible, OrganisationUnit) else None
        row.responsible_path = unit.path.rpartition(PATH_SEPARATOR)[0] if unit is not None else ""
    options = filter_options(municipality, rows, units, register)
    chosen = read_filters(params, options)
    sorter = read_sorter(params)
    filtering = Filtering(register, units)
    shown = sort_rows(apply_filters(rows, chosen, filtering), sorter)
    replaced = sorted(filtering.replaced.values(), key=lambda provision: provision.label_with_instrument)
    return Result(shown, rows, options, chosen, sorter, units, replaced)


def describe_replaced(result):
    """The sentence that says the chosen basis includes what it replaced."""
    if not result.replaced:
        return ""
    names = ", ".join(provision.label_with_instrument for provision in result.replaced)
    return _(
        "Listen omfatter også mål, der hviler på %(replaced)s, som det valgte retsgrundlag har afløst."
    ) % {"replaced": names}
