"""The goal overview's rows: every published goal of a municipality, with what it stands
under, who carries it out, where it stands and what it rests on.

What counts as a goal is legal.basis.resolve_goals (the kinds in core.goalkinds.GOALS),
the one definition that the overview, its CSV and JSON, coverage and the comparison
share. Everything is read in a fixed number of queries; filtering and sorting are done
in Python on the rows (see overview/filters.py).

At a thousand goals, building the objects costs more than the queries: each goal is read
as one object, and what it stands under (policy, theme, track) and who is responsible are
read once per municipality and set on it, instead of a joined copy of them for every goal.
"""

from dataclasses import dataclass
from functools import cache, cached_property

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core import prepared, together
from core.addresses import cached_reverse
from core.goalkinds import BY_KEY, GOALS, ancestors, kind_of, parent_of, policy_of
from core.models import ordering_within_municipality, set_related
from core.targets import rows_on
from goals.followup import attach_roll_ups, attach_states, progress_of
from goals.models import FollowUp
from goals.responsibility import responsible_of
from legal.basis import BasisIndex, GoalBasis
from legal.models import Instrument, LegalReference
from organisation.selectors import units_in_tree_order
from overview.filters import LegalRegister
from policies.models import Policy, Theme

BINDINGNESS_ORDER = {value: index for index, value in enumerate(Instrument.Bindingness.values)}


@dataclass
class GoalRow:
    goal: object  # legal.basis.GoalBasis
    municipality: object
    text: str
    policy: object
    theme: object
    track: object
    responsibility: object  # goals.responsibility.Responsibility
    period_key: str
    period_label: str
    url: str  # the goal's page
    policy_url: str
    parent_url: str  # the theme's text where the goal stands, or the goal track's page

    @property
    def item(self):
        return self.goal.item

    @cached_property
    def _progress(self):
        return progress_of(self.item)

    @property
    def progress(self):
        """A track's roll-up where it has one, else the latest follow-up's; needs read_states."""
        return self._progress[0]

    @property
    def progress_is_computed(self):
        return self._progress[1]

    @property
    def kind(self):
        return self.goal.kind

    @property
    def kind_label(self):
        return str(self.goal.kind.label)

    @property
    def basis(self):
        return self.goal.basis

    @property
    def anchor(self):
        return self.goal.item.anchor

    @property
    def responsible(self):
        return self.responsibility.responsible

    @property
    def state(self):
        return self.item.state

    @property
    def status_key(self):
        return self.state.status if self.state is not None else FollowUp.NOT_FOLLOWED_UP

    @property
    def status_label(self):
        return self.state.get_status_display() if self.state is not None else FollowUp.NOT_FOLLOWED_UP_LABEL

    @property
    def deadline(self):
        return self.item.deadline

    @property
    def roll_up(self):
        return getattr(self.item, "roll_up", None)

    @property
    def responsible_url(self):
        return responsible_address(self.responsible, self.municipality)

    @property
    def deadline_text(self):
        """The deadline as the table shows it, 1.3.2027 (the date filter's "j.n.Y")."""
        deadline = self.deadline
        return f"{deadline.day}.{deadline.month}.{deadline.year}" if deadline else ""

    @property
    def instruments(self):
        """The laws and conventions the goal rests on, once each."""
        found = {}
        for reference in self.basis.references:
            found.setdefault(reference.instrument_id, reference.instrument)
        # Laws first, then conventions, declarations and political agendas: how binding they are.
        return sorted(
            found.values(), key=lambda instrument: BINDINGNESS_ORDER.get(instrument.bindingness, 99)
        )


def period_of(item, policy):
    """(key, label): a budget goal's year, else the track's, the goal's or the policy's period."""
    if getattr(item, "from_year", None):
        return f"{item.from_year}-", _("fra %(year)s") % {"year": item.from_year}
    for owner in (item, policy):
        if owner is not None and (getattr(owner, "period_start", None) or getattr(owner, "period_end", None)):
            return f"{owner.period_start or ''}-{owner.period_end or ''}", str(owner.period_label)
    return "", ""


class _Addresses:
    """The addresses a row links to. A thousand rows link to a few policies and themes, each
    reversed once per request; a goal's address is the overview's followed by its anchor (a slug)."""

    def __init__(self, municipality):
        self.municipality = municipality
        self.goals = reverse("overview:goals", args=[municipality.slug])
        self.known = {}

    def goal(self, item):
        return f"{self.goals}{item.anchor}/"

    def policy(self, policy):
        key = ("policy", policy.pk)
        if key not in self.known:
            self.known[key] = reverse("policies:policy", args=[self.municipality.slug, policy.slug])
        return self.known[key]

    def theme(self, theme, policy):
        key = ("theme", theme.pk)
        if key not in self.known:
            args = [self.municipality.slug, policy.slug, theme.slug]
            self.known[key] = reverse("policies:theme", args=args)
        return self.known[key]


def read_rows(municipality, resolved):
    """Rows for resolved goals (legal.basis.resolve_goals) of one municipality, without where
    they stand (read_states)."""
    addresses = _Addresses(municipality)
    policies = {}  # by the parent: a thousand goals stand under a hundred themes and tracks
    rows = []
    for goal in resolved:
        item = goal.item
        kind = goal.kind
        parent = parent_of(item)
        theme = parent if kind.parent == "theme" else None
        track = parent if kind.parent == "track" else None
        if parent is not None and id(parent) not in policies:
            policies[id(parent)] = policy_of(parent)  # a goal is no policy: its parent's is its own
        policy = policies[id(parent)] if parent is not None else None
        period_key, period_label = period_of(track or item, policy)
        if theme is not None:
            parent_url = f"{addresses.theme(theme, policy)}#{item.anchor}"
        else:
            parent_url = addresses.goal(track) if track is not None else ""
        rows.append(
            GoalRow(
                goal=goal,
                municipality=municipality,
                text=getattr(item, "title", None) or item.text,
                policy=policy,
                theme=theme,
                track=track,
                responsibility=responsible_of(item),
                period_key=period_key,
                period_label=period_label,
                url=addresses.goal(item),
                policy_url=addresses.policy(policy) if policy is not None else "",
                parent_url=parent_url,
            )
        )
    return rows


def read_states(rows, shown):
    """Attach where the shown rows stand: each goal's latest follow-up and each track's roll-up
    (goals.followup), one query. The rows are all of the municipality's, since a track's roll-up
    needs every sub-goal of it. A thousand goals' follow-ups cost more than the page that shows
    fifty, so the overview reads them for every row only when it filters or sorts by them."""
    items = {id(row.item): row.item for row in shown}
    tracks = {item.pk for item in items.values() if kind_of(item).key == "goal_track"}
    for row in rows:
        if row.kind.key == "sub_goal" and row.item.track_id in tracks:
            items.setdefault(id(row.item), row.item)
    attach_roll_ups(attach_states(list(items.values())))


def _set_responsible(items, municipalities, units):
    set_related(items, "responsible_unit", units)
    if items and hasattr(items[0], "municipality_id"):
        set_related(items, "municipality", municipalities)


@cache
def _own_ordering(model, parent):
    """The terms of the model's ordering (ordering_within_municipality) on its own columns, and
    whether the parent's ordering comes first: then its rows are put in their parents' order in Python
    (_by_parent), as core.together orders by selected columns only."""
    terms = ordering_within_municipality(model)
    own = [term for term in terms if "__" not in term]
    before = terms[: len(terms) - len(own)]
    parents = model._meta.get_field(parent).related_model if parent else None
    if before and before != ordering_within_municipality(parents, f"{parent}__"):
        raise ValueError(f"{model.__name__}: ordered by more than its parent's order and its own")
    return own, bool(before)


def _by_parent(items, parent, parents):
    """Items in their parents' order (parents: their pks, in order); a stable sort keeps the
    items' own order within each parent."""
    position = {pk: index for index, pk in enumerate(parents)}
    items.sort(key=lambda item: position[getattr(item, f"{parent}_id")])
    return items


def _policies(municipality):
    policies = Policy.objects.for_municipality(municipality).order_by(*_own_ordering(Policy, None)[0])
    return policies.select_related("responsible_body")


def _themes(municipality):
    return Theme.objects.for_municipality(municipality).order_by(*_own_ordering(Theme, "policy")[0])


def _goals(municipality, key):
    # The political body is rarely named: joined, it costs less than a query of its own.
    kind = BY_KEY[key]
    published = kind.model._default_manager.published().order_by(*_own_ordering(kind.model, kind.parent)[0])
    return published.for_municipality(municipality).select_related("responsible_body")


# The legal register, the units (for the filters and who is responsible), the policies and
# themes the goals stand under, and the goals of each kind, in one query (core.together).
_READ = (
    *LegalRegister.PARTS,
    (units_in_tree_order,),
    (_policies,),
    (_themes,),
    *((_goals, kind.key) for kind in GOALS),
)


def read_goal_items(municipality):
    """(register, units, {kind key: [item]}): the legal register (overview.filters), the
    municipality's units in tree order, and its policies and themes and the published goals of
    the kinds in core.goalkinds.GOALS, in the order legal.basis.read_goals gives, with their
    parents and responsible set; one query."""
    instruments, provisions, units, policies, themes, *goals = together.objects(_READ, municipality)
    by_pk = {unit.pk: unit for unit in units}
    municipalities = {municipality.pk: municipality}
    _set_responsible(policies, municipalities, by_pk)
    parents = {"policy": {policy.pk: policy for policy in policies}}
    items = {"policy": policies}
    for kind, found in ((BY_KEY["theme"], themes), *zip(GOALS, goals, strict=True)):
        if _own_ordering(kind.model, kind.parent)[1]:
            _by_parent(found, kind.parent, parents[kind.parent])
        if kind.is_goal:
            _set_responsible(found, municipalities, by_pk)
        set_related(found, kind.parent, parents[kind.parent])
        if kind.key in ("theme", "goal_track"):  # what the kinds after them stand under
            parents[kind.key.removeprefix("goal_")] = {item.pk: item for item in found}
        items[kind.key] = found
    return LegalRegister.of(instruments, provisions), units, items


_REFERENCE_COLUMNS = [field.attname for field in LegalReference._meta.concrete_fields]


def read_references(items, register):
    """The legal references of the items ({kind key: [item]}, read_goal_items), one query: the
    goals' and those of the policies and themes they inherit from (legal.basis.BasisIndex).
    Their instruments and provisions are those of the register (overview.filters.LegalRegister)."""
    pks = {key: [item.pk for item in found] for key, found in items.items()}
    rows = rows_on(LegalReference, pks, _REFERENCE_COLUMNS, ("order", "id"))  # Meta.ordering
    make = prepared.maker(LegalReference, _REFERENCE_COLUMNS, LegalReference.objects.db)
    return register.attach([make(row) for row in rows])


def references_along(item):
    """The legal references of an item and of everything it stands under: all that its basis
    (legal.basis.BasisIndex.basis_of) can rest on, without the rest of the municipality's."""
    condition = Q()
    for node in ancestors(item):
        condition |= Q(**{f"{kind_of(node).key}_id": node.pk})
    # with_provisions() without the references' source documents, which a goal's page does not name.
    cited = LegalReference.objects.select_related("instrument", "provision__replaced_by__instrument")
    return list(cited.filter(condition))


def build_rows(municipality):
    """(register, units, rows): the legal register (overview.filters.LegalRegister), the
    municipality's units in tree order, and one row per goal, in the registry's order of kinds
    and the documents' order within each (as legal.basis.resolve_goals, whose definition of a
    goal this shares)."""
    register, units, goals = read_goal_items(municipality)
    index = BasisIndex(read_references(goals, register))
    resolved = [GoalBasis(item, kind, index.basis_of(item)) for kind in GOALS for item in goals[kind.key]]
    return register, units, read_rows(municipality, resolved)


def responsible_address(responsible, municipality):
    """The responsible unit's page; a political body (or no one) has none."""
    if responsible is None or not getattr(responsible, "tree_id", None):
        return ""
    return cached_reverse("overview:unit", municipality=municipality.slug, unit=responsible.slug)
