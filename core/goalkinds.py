"""The registry of goal-like kinds: everything a legal reference can hang on.

Declared once, here, below every app that reads it: the legal register's
references (one foreign key per kind), the legal-basis inheritance, the goal
overview, the unit pages, search and the loader all walk these entries
instead of naming the models themselves. Models are named by label and
resolved lazily, so the base imports no domain app.

An entry says how an item of the kind walks up: `parent` is the field of the
goal-like item it stands under, whose legal basis (and responsibility) it
inherits; its municipality is found through the model's own
`municipality_lookup`.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class GoalKind:
    key: str  # the LegalReference field that points at this kind; also the word in data exports
    model_label: str
    label: str  # one item: "Konkret tiltag"
    plural_label: str  # a heading over several: "Konkrete tiltag"
    parent: str | None  # the field of the goal-like item this kind stands under
    is_goal: bool  # a goal to follow up, rather than the policy or strategy that holds goals

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    @cached_property
    def related(self):
        """What to join so that parents, the municipality and the responsible come with each row."""
        paths = []
        chain, kind = [], self
        # Responsibility is inherited up the chain as the legal basis is (goals.responsibility),
        # so every ancestor's responsible comes joined too.
        paths += _responsible_paths(kind, chain)
        while kind.parent:
            chain.append(kind.parent)
            kind = kind_of(kind.model._meta.get_field(kind.parent).related_model)
            paths.append("__".join(chain))
            paths += _responsible_paths(kind, chain)
        lookup = self.model.municipality_lookup
        if lookup != "pk":
            paths.append(lookup)
        if kind is not self and kind.model.municipality_lookup != "pk":
            paths.append("__".join([*chain, kind.model.municipality_lookup]))
        return tuple(dict.fromkeys(paths))

    def heading_for(self, count):
        """The heading over a list of count items: "Konkret tiltag" over one, "Konkrete tiltag" over more."""
        return self.label if count == 1 else self.plural_label

    @cached_property
    def model_verbose_name(self):
        """The model's own name, for forms; lazy, since the model may not be loaded yet."""
        return lazy(lambda: str(self.model._meta.verbose_name), str)()


RESPONSIBLE_FIELDS = ("responsible_unit", "responsible_body")


def _responsible_paths(kind, chain):
    if not any(field.name == RESPONSIBLE_FIELDS[0] for field in kind.model._meta.get_fields()):
        return []
    return ["__".join([*chain, field]) for field in RESPONSIBLE_FIELDS]


GOAL_KINDS = (
    GoalKind("policy", "policies.Policy", _("Politik"), _("Politikker"), None, is_goal=False),
    GoalKind("theme", "policies.Theme", _("Tema"), _("Temaer"), "policy", is_goal=False),
    GoalKind("strategy", "strategies.Strategy", _("Strategi"), _("Strategier"), "policy", is_goal=False),
    GoalKind(
        "component", "strategies.StrategyComponent", _("Delelement"), _("Delelementer"), "strategy", False
    ),
    GoalKind("goal_track", "goals.GoalTrack", _("Målspor"), _("Målspor"), "policy", is_goal=True),
    GoalKind("sub_goal", "goals.SubGoal", _("Delmål"), _("Delmål"), "track", is_goal=True),
    GoalKind(
        "council_commitment", "goals.CouncilCommitment", _("Byrådet vil"), _("Byrådet vil"), "policy", True
    ),
    GoalKind("budget_goal", "goals.BudgetGoal", _("Budgetmål"), _("Budgetmål"), "policy", is_goal=True),
    GoalKind("commitment", "policies.Commitment", _("Vi vil"), _("Vi vil"), "theme", is_goal=True),
    GoalKind("initiative", "policies.Initiative", _("Konkret tiltag"), _("Konkrete tiltag"), "theme", True),
)
GOALS = tuple(kind for kind in GOAL_KINDS if kind.is_goal)
BY_KEY = {kind.key: kind for kind in GOAL_KINDS}


BY_LABEL = {kind.model_label: kind for kind in GOAL_KINDS}


_BY_MODEL = {}  # filled as models are asked for: `_meta.label` is computed on every access


def kind_of(model_or_item):
    """The entry of a model or an item; None for what is not goal-like."""
    model = model_or_item if isinstance(model_or_item, type) else type(model_or_item)
    try:
        return _BY_MODEL[model]
    except KeyError:
        kind = _BY_MODEL[model] = BY_LABEL.get(model._meta.label)
        return kind


def key_of(item):
    return (kind_of(item).key, item.pk)


def parent_of(item):
    """The goal-like item this one stands under, read from the joined cache; None at the top."""
    parent = kind_of(item).parent
    return getattr(item, parent) if parent else None


def ancestors(item):
    """The item and everything above it, nearest first."""
    node = item
    while node is not None:
        yield node
        node = parent_of(node)


def municipality_of(item):
    for node in ancestors(item):
        if getattr(node, "municipality_id", None) is not None:
            return node.municipality
    return None


def policy_of(item):
    """The policy an item stands under, or None."""
    return next((node for node in ancestors(item) if kind_of(node).key == "policy"), None)
