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
from functools import cache

from django.db.models import Case, CharField, Q, Value, When
from django.db.models.functions import Cast, Concat
from django.utils.translation import gettext_lazy as _

from core.goalkinds import GOAL_KINDS, GOALS, GoalKind, key_of, kind_of, municipality_of, parent_of
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


def _walk(kind):
    """The kind and the kinds above it, each with the path from the kind's rows to its items."""
    chain, node = [], kind
    while True:
        yield node, "__".join(chain) or "pk"
        if node.parent is None:
            return
        chain.append(node.parent)
        node = kind_of(node.model._meta.get_field(node.parent).related_model)


def basis_source(kind):
    """BasisIndex.basis_of's walk as SQL on the kind's rows, for counting in the database:
    "kind key:pk" of the item whose references the row rests on, the row itself or the
    nearest item above it with references of its own. Where none has any, the topmost
    item above the row (without references: the row rests on nothing; "kind key:" when the
    row stands under no such item)."""
    # "IN (SELECT ...)" rather than EXISTS: PostgreSQL plans it as one hashed lookup, where it
    # prices EXISTS as an index probe per row, which takes large counts over PostgreSQL's JIT
    # threshold (a quarter of a second of compiling for a 20 ms query). One CASE, so that
    # each lookup is built once. The lookups read every reference rather than those of some
    # municipalities: narrowed, they took longer to plan than the whole table takes to read.
    steps = []
    for node, path in _walk(kind):
        referenced = LegalReference.objects.filter(**{f"{node.key}__isnull": False})
        source = Concat(Value(f"{node.key}:"), Cast(path, CharField()))
        steps.append((source, Q(**{f"{path}__in": referenced.values(node.key)})))
    *nearer, (top, _has_references) = steps
    return Case(*(When(has, then=source) for source, has in nearer), default=top, output_field=CharField())


def basis_standing(kind):
    """How each row of the kind rests, as SQL: "direct" on references of its own, "inherited" from
    the nearest item above it with references, or "nothing"; BasisIndex.basis_of's answer, counted
    in the database rather than read row by row."""
    (_kind, _path), *above = _walk(kind)
    when = [When(pk__in=_referenced(kind), then=Value("direct"))]
    when += [When(**{f"{path}__in": _referenced(node)}, then=Value("inherited")) for node, path in above]
    return Case(*when, default=Value("nothing"), output_field=CharField())


def basis_replaced(kind):
    """basis_source's "kind key:pk" where the references a row of the kind rests on include one to
    a provision that has since been replaced (Basis.replaced_references), else NULL."""
    when = []
    for node, path in _walk(kind):
        replaced = _referenced(node).filter(provision__replaced_by__isnull=False)
        source = Concat(Value(f"{node.key}:"), Cast(path, CharField()))
        when.append(When(**{f"{path}__in": replaced}, then=source))
        when.append(When(**{f"{path}__in": _referenced(node)}, then=Value(None)))
    return Case(*when, default=Value(None), output_field=CharField())


def _referenced(kind):
    return LegalReference.objects.filter(**{f"{kind.key}__isnull": False}).values(kind.key)


def source_kinds(kinds):
    """The kinds whose items basis_source can name for rows of the kinds."""
    return list({node.key: node for kind in kinds for node, _path in _walk(kind)}.values())


def read_goals(municipality=None, kinds=GOAL_KINDS, responsible=True):
    """Every published goal-like item, per kind, with its parents joined (one query per kind);
    with who is responsible for each joined too, unless `responsible` is False."""
    goals = {}
    for kind in kinds:
        related = kind.related if responsible else lineage(kind)[0]
        rows = kind.model._default_manager.published().select_related(*related)
        if municipality is not None:
            rows = rows.for_municipality(municipality)
        goals[kind.key] = list(rows)
    return goals


@cache
def lineage(kind):
    """(joins, ancestors) of a kind: the paths to join for its parents and municipality (without
    the responsible that GoalKind.related adds), and [(lookup, kind)] of the item itself and each
    ancestor, nearest first, to filter by."""
    joins, ancestors = [], [("pk", kind)]
    chain, node = [], kind
    while node.parent:
        chain.append(node.parent)
        node = kind_of(node.model._meta.get_field(node.parent).related_model)
        joins.append("__".join(chain))
        ancestors.append(("__".join(chain), node))
    if kind.model.municipality_lookup != "pk":
        joins.append(kind.model.municipality_lookup)
    if node is not kind and node.model.municipality_lookup != "pk":
        joins.append("__".join([*chain, node.model.municipality_lookup]))
    return tuple(dict.fromkeys(joins)), tuple(ancestors)


def read_references(municipality=None):
    references = LegalReference.objects.with_provisions()
    if municipality is not None:
        references = references.for_municipality(municipality)
    return list(references)


def references_for(items):
    """The references BasisIndex needs to resolve the items (with their parents joined): those on
    the items and on everything they stand under, by id, in one query; cheaper to compile and to
    plan than a municipality's (read_references), which joins up from every kind."""
    ids = defaultdict(set)
    for item in items:
        node = item
        while node is not None:
            ids[kind_of(node).key].add(node.pk)
            node = parent_of(node)
    within = Q(pk__in=[0])  # no items: the query is still run, so that the count is constant
    for key, pks in ids.items():
        within |= Q(**{f"{key}__in": sorted(pks)})
    return list(LegalReference.objects.with_provisions().filter(within))


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
    """Per municipality: how many goals rest directly, by inheritance, or on nothing, and which;
    every goal read and resolved (the legal_coverage command). The page counts in the database
    instead (legal.coverage)."""
    reports = {}
    # Coverage names goals and counts them; who is responsible for them is not shown.
    index = BasisIndex(read_references())
    goals = read_goals(kinds=GOALS, responsible=False)
    for goal in (GoalBasis(item, kind, index.basis_of(item)) for kind in GOALS for item in goals[kind.key]):
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
