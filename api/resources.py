"""The registry of what the API publishes: one entry per kind of public object.

Every endpoint, every CSV and the JSON file per municipality walk these entries, so
that a kind is published the same way everywhere. The goal-like kinds come from the
registry in core.goalkinds; the other kinds are the content that stands beside them.
"""

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from core.goalkinds import GOAL_KINDS, GOALS, GoalKind


def _municipality_page(item):
    return reverse("overview:municipality", kwargs={"municipality": item.municipality.slug})


def _organisation_page(item):
    return reverse("organisation:organisation", kwargs={"municipality": item.municipality.slug})


def _person_page(item):
    return item.unit.get_absolute_url() if item.unit_id else _organisation_page(item)


def _policy_part_page(item):
    return item.policy.get_absolute_url()


def _quote_page(item):
    owner = item.theme if item.theme_id else item.policy
    return f"{owner.get_absolute_url()}#{item.anchor}"


def _policy_passage_page(item):
    return f"{item.policy.get_absolute_url()}#{item.anchor}"


def _reference_page(item):
    return item.target_url


def goal_page(item):
    """A goal's own page where the site has one, else its row in the goal overview."""
    try:
        return item.get_absolute_url()
    except NoReverseMatch:
        from core.goalkinds import municipality_of

        municipality = municipality_of(item)
        return reverse("overview:goals", kwargs={"municipality": municipality.slug}) + f"#{item.anchor}"


def _follow_up_page(item):
    target = item.target
    return goal_page(target) if target is not None else ""


@dataclass(frozen=True)
class Resource:
    key: str  # the endpoint (/api/v1/<key>/), the CSV's name and the word in the JSON file
    model_label: str
    related: tuple = ()  # joined, so that the page address and the links cost no query
    prefetch: tuple = ()
    page: object = None  # item -> path of its public page; None: item.get_absolute_url()
    exclude: tuple = ()
    goal_kind: GoalKind | None = None
    scoped: bool = True  # belongs to one municipality (filter ?municipality=)
    lazy_related: bool = False  # `related` is computed once the models are loaded

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)

    @property
    def is_goal(self):
        return self.goal_kind is not None and self.goal_kind.is_goal

    def page_of(self, item):
        return (self.page or _default_page)(item)

    def queryset(self):
        rows = self.model._default_manager.all()
        # The one rule shared with the pages (core.models.published); the legal register's
        # consolidations have no draft state and are public as they stand.
        if hasattr(rows, "published"):
            rows = rows.published()
        related = _follow_up_related() if self.lazy_related else self.related
        if related:
            rows = rows.select_related(*related)
        if self.prefetch:
            rows = rows.prefetch_related(*self.prefetch)
        return rows


def _default_page(item):
    return item.get_absolute_url()


def _goal_resource(kind):
    is_goal = kind.is_goal
    return Resource(
        key=kind.key,
        model_label=kind.model_label,
        related=kind.related,
        page=goal_page if is_goal else None,
        goal_kind=kind,
    )


def _follow_up_related():
    """The follow-up's page is its goal's: join each followed-up kind's way to its municipality."""
    return tuple(
        path
        for kind in GOALS
        for path in (kind.key, *(f"{kind.key}__{p}" for p in kind.related if "responsible" not in p))
    )


RESOURCES = (
    Resource("municipality", "organisation.Municipality", scoped=True),
    Resource("source_document", "organisation.SourceDocument", ("municipality",), page=_municipality_page),
    Resource("political_body", "organisation.PoliticalBody", ("municipality",), page=_organisation_page),
    Resource(
        "unit",
        "organisation.OrganisationUnit",
        ("municipality",),
        prefetch=("serves",),
        exclude=("lft", "rght", "tree_id", "level"),
    ),
    Resource(
        "core_task",
        "organisation.CoreTask",
        ("unit__municipality",),
        page=lambda item: item.unit.get_absolute_url(),
    ),
    Resource("person", "organisation.Person", ("municipality", "unit__municipality"), page=_person_page),
    *(_goal_resource(kind) for kind in GOAL_KINDS),
    Resource("value", "policies.PolicyValue", ("policy__municipality",), page=_policy_part_page),
    Resource("actor", "policies.Actor", ("policy__municipality",), page=_policy_part_page),
    Resource(
        "quote", "policies.Quote", ("policy__municipality", "theme__policy__municipality"), page=_quote_page
    ),
    Resource("section", "policies.ThemeSection", ("theme__policy__municipality",)),
    Resource("key_message", "policies.KeyMessage", ("theme__policy__municipality",)),
    Resource(
        "policy_passage", "policies.PolicyPassage", ("policy__municipality",), page=_policy_passage_page
    ),
    Resource("strategy_theme", "strategies.StrategyTheme", ("strategy__municipality",)),
    Resource("strategy_passage", "strategies.StrategyPassage", ("strategy__municipality",)),
    Resource("follow_up", "goals.FollowUp", page=_follow_up_page, exclude=("entered_by",), lazy_related=True),
    Resource("instrument", "legal.Instrument", scoped=False),
    Resource(
        "consolidation",
        "legal.Consolidation",
        ("instrument",),
        page=lambda item: item.instrument.get_absolute_url(),
        scoped=False,
    ),
    Resource("provision", "legal.Provision", ("instrument",), prefetch=("replaces",), scoped=False),
    Resource(
        "legal_reference",
        "legal.LegalReference",
        ("instrument", "provision__instrument"),
        page=_reference_page,
    ),
)
BY_KEY = {resource.key: resource for resource in RESOURCES}
BY_MODEL = {resource.model_label: resource for resource in RESOURCES}
