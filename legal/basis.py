"""What every goal-like item rests on, directly or inherited.

Where a document links an item to no law, the item inherits the basis of what
it stands under (commitment → theme → policy; component → strategy → policy;
sub-goal → goal track → policy). Inheritance stops at the nearest ancestor
that has references of its own.

Everything here reads a fixed number of queries whatever the amount of
content: goal-like items are read one query per kind with their parents
joined, and all references in one query; the walking is done in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from core.goalkinds import GOAL_KINDS, GOALS, GoalKind, key_of, municipality_of, parent_of
from legal.models import Instrument, LegalReference


@dataclass
class Basis:
    references: list = field(default_factory=list)
    inherited_from: object = None  # the ancestor whose references apply, None when direct

    @property
    def is_direct(self):
        return bool(self.references) and self.inherited_from is None

    @property
    def is_inherited(self):
        return self.inherited_from is not None

    @property
    def rests_on_nothing(self):
        return not self.references

    @property
    def replaced_references(self):
        return [ref for ref in self.references if ref.provision_id and ref.provision.replaced_by_id]

    @property
    def groups(self):
        return grouped(self.references)


Bindingness = Instrument.Bindingness

# How binding a source is decides the heading it is shown under: the SDGs and the
# Salamanca Statement bind no one, so they are not called law ("retsgrundlag").
BASIS_GROUPS = (
    ("lov", _("Lovgrundlag"), (Bindingness.DANISH_LAW,)),
    ("konventioner", _("Konventioner"), (Bindingness.RATIFIED_CONVENTION,)),
    (
        "erklaeringer",
        _("Erklæringer og politiske mål"),
        (Bindingness.DECLARATION, Bindingness.POLITICAL_AGENDA),
    ),
)


@dataclass
class BasisGroup:
    key: str
    heading: str
    references: list


def grouped(references):
    """The references under the heading of how binding they are, in that order; empty groups left out."""
    groups = []
    for key, heading, kinds in BASIS_GROUPS:
        members = [ref for ref in references if ref.instrument.bindingness in kinds]
        if members:
            groups.append(BasisGroup(key, heading, members))
    known = {kind for _key, _heading, kinds in BASIS_GROUPS for kind in kinds}
    others = [ref for ref in references if ref.instrument.bindingness not in known]
    if others:
        groups.append(BasisGroup("andet", _("Andre kilder"), others))
    return groups


class BasisIndex:
    """Resolves the basis of items from references read once."""

    def __init__(self, references):
        self.direct = defaultdict(list)
        for reference in references:
            for kind in GOAL_KINDS:
                target_id = getattr(reference, f"{kind.key}_id")
                if target_id:
                    self.direct[(kind.key, target_id)].append(reference)

    def attach(self, items):
        """Set `.basis` on each item, for templates; returns the items."""
        for item in items:
            item.basis = self.basis_of(item)
        return items

    def basis_of(self, item):
        node = item
        while node is not None:
            references = self.direct.get(key_of(node))
            if references:
                return Basis(references, None if node is item else node)
            node = parent_of(node)
        return Basis()


def read_goals(municipality=None, kinds=GOAL_KINDS):
    """Every published goal-like item, per kind, with its parents joined (one query per kind)."""
    goals = {}
    for kind in kinds:
        rows = kind.model._default_manager.published().select_related(*kind.related)
        if municipality is not None:
            rows = rows.for_municipality(municipality)
        goals[kind.key] = list(rows)
    return goals


def read_references(municipality=None):
    references = LegalReference.objects.with_provisions()
    if municipality is not None:
        references = references.for_municipality(municipality)
    return list(references)


@dataclass
class GoalBasis:
    item: object
    kind: GoalKind
    basis: Basis

    @property
    def municipality(self):
        return municipality_of(self.item)


def resolve_all(municipality=None, kinds=GOAL_KINDS):
    """[(GoalBasis)] for every goal-like item of the kinds, in kind order."""
    index = BasisIndex(read_references(municipality))
    goals = read_goals(municipality, kinds)
    return [GoalBasis(item, kind, index.basis_of(item)) for kind in kinds for item in goals[kind.key]]


def resolve_goals(municipality=None):
    """The one definition of what counts as a goal: the followed-up kinds (core.goalkinds.GOALS).

    The overview, its CSV and JSON, coverage and the comparison all count these; the
    policies, themes, strategies and components are what goals rest on, not goals.
    """
    return resolve_all(municipality, GOALS)


def goals_resting_on(*, instrument=None, provision=None):
    """Every goal of every municipality resting on an instrument or provision, grouped by municipality.

    Returns [(municipality, [GoalBasis])] sorted by municipality name.
    """
    grouped = defaultdict(list)
    for goal in resolve_all():
        if any(_matches(ref, instrument, provision) for ref in goal.basis.references):
            grouped[goal.municipality].append(goal)
    return sorted(grouped.items(), key=lambda pair: pair[0].name)


def _matches(reference, instrument, provision):
    if provision is not None:
        return reference.provision_id == provision.pk
    return reference.instrument_id == instrument.pk


@dataclass
class Coverage:
    municipality: object
    direct: int = 0
    inherited: int = 0
    nothing: list = field(default_factory=list)
    on_replaced: list = field(default_factory=list)
    goals: list = field(default_factory=list)  # every goal counted, for when the report last changed

    @property
    def total(self):
        return self.direct + self.inherited + len(self.nothing)


def coverage():
    """Per municipality: how many goals rest directly, by inheritance, or on nothing."""
    reports = {}
    for goal in resolve_goals():
        municipality = goal.municipality
        report = reports.setdefault(municipality.pk, Coverage(municipality))
        report.goals.append(goal)
        if goal.basis.is_direct:
            report.direct += 1
        elif goal.basis.is_inherited:
            report.inherited += 1
        else:
            report.nothing.append(goal)
        if goal.basis.replaced_references:
            report.on_replaced.append(goal)
    return sorted(reports.values(), key=lambda report: report.municipality.name)
