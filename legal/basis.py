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

from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from legal.models import REFERENCE_TARGETS, LegalReference
from policies.models import Commitment, Initiative, Policy, Theme
from strategies.models import Strategy, StrategyComponent


@dataclass(frozen=True)
class GoalKind:
    field: str  # the LegalReference field that points at this kind
    model: type
    label: str
    related: tuple  # what to join so that parents, their municipality and responsible are loaded


GOAL_KINDS = [
    GoalKind("policy", Policy, _("Politik"), ("municipality",)),
    GoalKind("theme", Theme, _("Tema"), ("policy__municipality",)),
    GoalKind(
        "commitment",
        Commitment,
        _("Vi vil"),
        ("theme__policy__municipality", "responsible_unit", "responsible_body"),
    ),
    GoalKind(
        "initiative",
        Initiative,
        _("Konkret tiltag"),
        ("theme__policy__municipality", "responsible_unit", "responsible_body"),
    ),
    GoalKind("strategy", Strategy, _("Strategi"), ("municipality", "policy")),
    GoalKind("component", StrategyComponent, _("Delelement"), ("strategy__municipality", "strategy__policy")),
    GoalKind(
        "goal_track",
        GoalTrack,
        _("Målspor"),
        ("municipality", "policy", "responsible_unit", "responsible_body", "set_by"),
    ),
    GoalKind(
        "sub_goal",
        SubGoal,
        _("Delmål"),
        ("track__municipality", "track__policy", "responsible_unit", "responsible_body"),
    ),
    GoalKind(
        "council_commitment",
        CouncilCommitment,
        _("Byrådet vil"),
        ("municipality", "policy", "responsible_unit", "responsible_body"),
    ),
    GoalKind(
        "budget_goal",
        BudgetGoal,
        _("Budgetmål"),
        ("municipality", "policy", "responsible_unit", "responsible_body"),
    ),
]
KIND_BY_MODEL = {kind.model: kind for kind in GOAL_KINDS}
assert [kind.field for kind in GOAL_KINDS] == [field for field, _label in REFERENCE_TARGETS]


def key_of(item):
    return (KIND_BY_MODEL[type(item)].field, item.pk)


def parent_of(item):
    """The goal-like item this one stands under, read from the joined cache."""
    parent_field = type(item).basis_parent_field
    return getattr(item, parent_field) if parent_field else None


def municipality_of(item):
    node = item
    while getattr(node, "municipality_id", None) is None:
        node = parent_of(node)
    return node.municipality


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


class BasisIndex:
    """Resolves the basis of items from references read once."""

    def __init__(self, references):
        self.direct = defaultdict(list)
        for reference in references:
            for target_field, _label in REFERENCE_TARGETS:
                target_id = getattr(reference, f"{target_field}_id")
                if target_id:
                    self.direct[(target_field, target_id)].append(reference)

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


def read_goals(municipality=None):
    """Every goal-like item, per kind, with its parents joined (one query per kind)."""
    goals = {}
    for kind in GOAL_KINDS:
        rows = kind.model._default_manager.select_related(*kind.related)
        if municipality is not None:
            rows = rows.for_municipality(municipality)
        goals[kind.field] = list(rows)
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


def resolve_all(municipality=None):
    """[(GoalBasis)] for every goal-like item, in kind order."""
    index = BasisIndex(read_references(municipality))
    goals = read_goals(municipality)
    return [GoalBasis(item, kind, index.basis_of(item)) for kind in GOAL_KINDS for item in goals[kind.field]]


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

    @property
    def total(self):
        return self.direct + self.inherited + len(self.nothing)


def coverage():
    """Per municipality: how many goals rest directly, by inheritance, or on nothing."""
    reports = {}
    for goal in resolve_all():
        municipality = goal.municipality
        report = reports.setdefault(municipality.pk, Coverage(municipality))
        if goal.basis.is_direct:
            report.direct += 1
        elif goal.basis.is_inherited:
            report.inherited += 1
        else:
            report.nothing.append(goal)
        if goal.basis.replaced_references:
            report.on_replaced.append(goal)
    return sorted(reports.values(), key=lambda report: report.municipality.name)
