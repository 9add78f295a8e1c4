"""Reads across the domain apps for a municipality's page and a unit's page."""

from django.utils.translation import gettext as _

from core import prepared, together
from core.goalkinds import BY_KEY, GOALS, policy_of
from goals.models import GoalTrack
from legal.basis import lineage
from organisation.models import Municipality, OrganisationUnit, Person, PoliticalBody, SourceDocument
from policies.models import Policy
from strategies.models import Strategy


def _carried_out_by(unit, key):
    kind = BY_KEY[key]
    return (
        kind.model._default_manager.published()
        .filter(responsible_unit=unit)
        .select_related(*lineage(kind)[0])
    )


def items_carried_out_by(unit):
    """[(heading, items)] of everything a unit is responsible for, one query per goal kind, with
    the parents each item's basis and address need (not who is responsible for them: the unit).
    The queries are compiled once per process (core.prepared); as one query (core.together) they
    took longer: their order by the policy's title is numbered by the database in each select."""
    groups = [(kind, prepared.objects(_carried_out_by, unit, kind.key)) for kind in GOALS]
    return [(kind.heading_for(len(items)), items) for kind, items in groups]


def policies_of_items(groups):
    """The distinct policies the items stand under, read from the joined rows."""
    found = {}
    for _heading, items in groups:
        for item in items:
            policy = policy_of(item)
            if policy is not None:
                found[policy.pk] = policy
    return sorted(found.values(), key=lambda policy: policy.title)


def _chosen(slug):
    """The municipality with the slug, as a subquery a list compares its municipality with."""
    return Municipality.objects.filter(slug=slug).values("pk")[:1]


# What a municipality's page lists: {name: rows of the municipality with the slug}.
MUNICIPALITY_LISTS = {
    "municipality": lambda slug: Municipality.objects.filter(slug=slug).order_by(),
    "policies": lambda slug: Policy.objects.for_municipality(_chosen(slug)).published().current_first(),
    "strategies": lambda slug: (
        Strategy.objects.for_municipality(_chosen(slug))
        .published()
        .select_related("policy")
        .order_by("order", "title")
    ),
    "goal_tracks": lambda slug: (
        GoalTrack.objects.for_municipality(_chosen(slug))
        .published()
        .select_related("policy")
        .order_by("order")
    ),
    # The page draws on every document the municipality's content comes from.
    "sources": lambda slug: SourceDocument.objects.filter(municipality=_chosen(slug)).order_by(
        "seed_file", "title"
    ),
    "bodies": lambda slug: PoliticalBody.objects.for_municipality(_chosen(slug)).order_by("order", "name"),
    # Which units serve which bodies, with the units, in tree order.
    "serving": lambda slug: (
        OrganisationUnit.serves.through.objects.filter(politicalbody__municipality=_chosen(slug))
        .select_related("organisationunit")
        .order_by("organisationunit__lft")
    ),
    "contacts": lambda slug: (
        Person.objects.for_municipality(_chosen(slug))
        .filter(role=Person.Role.CONTACT)
        .select_related("unit")
        .order_by("order", "name")
    ),
}


def _contents(slug, name):
    return MUNICIPALITY_LISTS[name](slug)


def municipality_contents(slug):
    """{name: rows} of what a municipality's page lists, "municipality" the municipality itself;
    one query compiled once per process (core.together). Each body has the units serving it
    (`body.served`), in tree order."""
    lists = together.objects(tuple((_contents, name) for name in MUNICIPALITY_LISTS), slug)
    contents = dict(zip(MUNICIPALITY_LISTS, lists, strict=True))
    contents["municipality"] = prepared.one_or_404(contents["municipality"], _("Kommunen findes ikke."))
    serving = {}
    for link in contents.pop("serving"):
        serving.setdefault(link.politicalbody_id, []).append(link.organisationunit)
    for body in contents["bodies"]:
        body.served = serving.get(body.pk, [])
    return contents


def newest_first(policies):
    """The policies with the newest period first: the one that says what applies now."""
    return sorted(
        policies, key=lambda policy: (policy.period_start or 0, policy.period_end or 0), reverse=True
    )


def municipalities_with_newest_policy():
    """Every municipality with `.newest_policy` (its newest published policy, or None); two queries."""
    municipalities = list(Municipality.objects.all())
    by_municipality = {}
    for policy in newest_first(Policy.objects.published()):
        by_municipality.setdefault(policy.municipality_id, policy)
    for municipality in municipalities:
        policy = by_municipality.get(municipality.pk)
        if policy is not None:
            policy.municipality = municipality
        municipality.newest_policy = policy
    return municipalities
