"""The front page, the municipality pages, the organisation tree and the error pages.

The small helpers at the top are shared by the views of every app: they look
up the municipality of a URL and render a page with its canonical address.
"""

from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from legal.basis import BasisIndex, read_references
from organisation.models import Municipality, OrganisationUnit, Person, PoliticalBody
from policies.models import Commitment, Initiative, Policy
from strategies.models import Strategy


def get_municipality(slug):
    return get_object_or_404(Municipality, slug=slug)


def crumbs(*pairs):
    """Breadcrumbs from the front page down: [(label, url)], the last one is the current page."""
    return [(_("Forside"), reverse("organisation:home")), *pairs]


def municipality_crumb(municipality):
    return (municipality.name, municipality.get_absolute_url())


def render_page(request, template, context, status=200):
    context.setdefault("canonical_url", request.build_absolute_uri(request.path))
    return render(request, template, context, status=status)


def bad_request(request, message):
    """A Danish page for a request the site cannot answer (HTTP 400)."""
    return render_page(
        request,
        "errors/bad_request.html",
        {"message": message, "breadcrumbs": crumbs((_("Fejl i forespørgslen"), ""))},
        status=400,
    )


# Reads ------------------------------------------------------------------------


def contacts_of(municipality):
    return (
        Person.objects.for_municipality(municipality).filter(role=Person.Role.CONTACT).select_related("unit")
    )


def unit_with_details(municipality, slug):
    units = (
        OrganisationUnit.objects.for_municipality(municipality)
        .select_related("parent", "source")
        .prefetch_related(
            Prefetch("people", queryset=Person.objects.order_by("order", "name")),
            "core_tasks",
            Prefetch("children", queryset=OrganisationUnit.objects.order_by("lft")),
            "serves",
        )
    )
    return get_object_or_404(units, slug=slug)


def items_carried_out_by(unit):
    """Everything a unit is responsible for, one query per kind."""
    on_theme = ("theme__policy__municipality",)
    return [
        (
            _("Målspor"),
            list(GoalTrack.objects.filter(responsible_unit=unit).select_related("municipality", "policy")),
        ),
        (
            _("Delmål"),
            list(
                SubGoal.objects.filter(responsible_unit=unit).select_related(
                    "track__municipality", "track__policy"
                )
            ),
        ),
        (
            _("Byrådet vil"),
            list(
                CouncilCommitment.objects.filter(responsible_unit=unit).select_related(
                    "municipality", "policy"
                )
            ),
        ),
        (
            _("Budgetmål"),
            list(BudgetGoal.objects.filter(responsible_unit=unit).select_related("municipality", "policy")),
        ),
        (_("Vi vil"), list(Commitment.objects.filter(responsible_unit=unit).select_related(*on_theme))),
        (
            _("Konkrete tiltag"),
            list(Initiative.objects.filter(responsible_unit=unit).select_related(*on_theme)),
        ),
    ]


def policies_of_items(groups):
    """The distinct policies the items stand under, read from the joined rows."""
    found = {}
    for _label, items in groups:
        for item in items:
            policy = None
            if hasattr(item, "theme"):
                policy = item.theme.policy
            elif hasattr(item, "track"):
                policy = item.track.policy
            else:
                policy = item.policy if item.policy_id else None
            if policy is not None and policy.status != Policy.Status.DRAFT:
                found[policy.pk] = policy
    return sorted(found.values(), key=lambda policy: policy.title)


# Views ------------------------------------------------------------------------


@require_safe
def home(request):
    return render_page(
        request,
        "organisation/home.html",
        {"municipalities": list(Municipality.objects.all()), "breadcrumbs": []},
    )


@require_safe
def municipality(request, municipality):
    municipality = get_municipality(municipality)
    policies = list(Policy.objects.for_municipality(municipality).published().current_first())
    strategies = list(
        Strategy.objects.for_municipality(municipality).select_related("policy").order_by("order", "title")
    )
    tracks = list(GoalTrack.objects.for_municipality(municipality).select_related("policy").order_by("order"))
    bodies = list(
        PoliticalBody.objects.for_municipality(municipality)
        .prefetch_related(Prefetch("served_by", queryset=OrganisationUnit.objects.order_by("lft")))
        .order_by("order", "name")
    )
    index = BasisIndex(read_references(municipality))
    index.attach([*strategies, *tracks])
    return render_page(
        request,
        "organisation/municipality.html",
        {
            "municipality": municipality,
            "policies": policies,
            "strategies": strategies,
            "goal_tracks": tracks,
            "bodies": bodies,
            "contacts": list(contacts_of(municipality)),
            "breadcrumbs": crumbs((municipality.name, "")),
        },
    )


@require_safe
def organisation(request, municipality):
    municipality = get_municipality(municipality)
    roots = OrganisationUnit.objects.for_municipality(municipality).get_cached_trees()
    return render_page(
        request,
        "organisation/organisation.html",
        {
            "municipality": municipality,
            "roots": roots,
            "breadcrumbs": crumbs(municipality_crumb(municipality), (_("Organisation"), "")),
        },
    )


@require_safe
def unit(request, municipality, unit):
    municipality = get_municipality(municipality)
    unit = unit_with_details(municipality, unit)
    unit.municipality = municipality
    groups = items_carried_out_by(unit)
    index = BasisIndex(read_references(municipality))
    for _label, items in groups:
        index.attach(items)
    return render_page(
        request,
        "organisation/unit.html",
        {
            "municipality": municipality,
            "unit": unit,
            "goal_groups": [(label, items) for label, items in groups if items],
            "policies": policies_of_items(groups),
            "breadcrumbs": crumbs(
                municipality_crumb(municipality),
                (_("Organisation"), reverse("organisation:organisation", args=[municipality.slug])),
                (unit.name, ""),
            ),
        },
    )


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    context = {"canonical_url": request.build_absolute_uri(request.path), "breadcrumbs": []}
    return HttpResponseNotFound(template.render(context, request))


def server_error(request):
    # No request context and no database: the page must render whatever went wrong.
    return HttpResponseServerError(loader.get_template("500.html").render())
