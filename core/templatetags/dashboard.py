"""The admin's front page by the tasks staff have, not by database tables.

Models are named by label, so the base knows no domain model; a task lists
only what the user may open (the admin's own `available_apps`), and the
latest changes are read from history within the user's municipality.
"""

from heapq import nlargest

from django import template
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from core.admin import municipality_id
from core.history import is_restore

register = template.Library()

TASKS = (
    (
        _("Politikken og dens temaer"),
        _(
            "Her skriver du politikken: temaerne, »Vi vil«-punkterne, tiltagene, citaterne og de "
            "strategier, der hører til. Åbn politikken for at se den samlet og ændre rækkefølgen."
        ),
        (
            "policies.Policy",
            "policies.Theme",
            "policies.Commitment",
            "policies.Initiative",
            "strategies.Strategy",
        ),
        None,
    ),
    (
        _("Mål og opfølgning"),
        _(
            "De mål, %(council)s har sat: målsporene, delmålene og budgetmålene, og hvordan det går "
            "med dem. Her skriver du, når et mål er fulgt op."
        ),
        ("goals.GoalTrack", "goals.SubGoal", "goals.CouncilCommitment", "goals.BudgetGoal", "goals.FollowUp"),
        None,
    ),
    (
        _("Organisationen"),
        _(
            "Kommunens afdelinger og enheder, udvalgene og de personer, der står på siderne. "
            "Træk enhederne på plads i organisationsdiagrammet."
        ),
        (
            "organisation.OrganisationUnit",
            "organisation.PoliticalBody",
            "organisation.Person",
            "organisation.Municipality",
            "organisation.SourceDocument",
        ),
        None,
    ),
    (
        _("Retskilderne"),
        _(
            "Lovene, konventionerne og deres bestemmelser, som alle kommuner henviser til. Kun for "
            "juridiske redaktører: en rettelse her ses i alle kommuner."
        ),
        ("legal.Instrument", "legal.Provision", "legal.Consolidation"),
        "legal.change_instrument",
    ),
)
LATEST = 10


@register.simple_tag(takes_context=True)
def admin_tasks(context):
    """[{title, help, models}] for the user, from the admin's own list of what they may open."""
    request = context["request"]
    models = {
        f"{app['app_label']}.{model['object_name']}": model
        for app in context.get("available_apps", [])
        for model in app["models"]
    }
    names = {"council": council_name(request.user).lower()}
    tasks = []
    for title, help_text, labels, permission in TASKS:
        if permission and not request.user.has_perm(permission):
            continue
        shown = [models[label] for label in labels if label in models]
        if shown:
            tasks.append({"title": title, "help": str(help_text) % names, "models": shown})
    return tasks


def council_name(user):
    """The user's municipality's name for its council; the law's word for a superuser."""
    membership = getattr(user, "membership", None)
    return membership.municipality.council_name() if membership else _("Kommunalbestyrelsen")


@register.simple_tag(takes_context=True)
def latest_changes(context):
    """The latest history records in the user's municipality (all, for a superuser), newest first."""
    user = context["request"].user
    municipality = municipality_id(user)
    if municipality is None and not user.is_superuser:
        return []
    records = []
    for model in admin.site._registry:
        history = getattr(model, "history", None)
        manager = model._default_manager
        if history is None or not hasattr(manager, "for_municipality"):
            continue
        rows = history.all()
        if not user.is_superuser:
            rows = rows.filter(id__in=manager.for_municipality(municipality).values("pk"))
        records.extend(rows.select_related("history_user").order_by("-history_date")[:LATEST])
    return [_describe(record) for record in nlargest(LATEST, records, key=lambda r: r.history_date)]


def _describe(record):
    opts = record.instance_type._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.id])
    except NoReverseMatch:
        url = ""
    reason = record.history_change_reason or ""
    action = _("Gendannet") if is_restore(reason) else record.get_history_type_display()
    return {
        "date": record.history_date,
        "user": record.history_user,
        "action": action,
        "kind": opts.verbose_name,
        "object": str(record.instance)[:80],
        "reason": reason,
        "url": url if record.history_type != "-" else "",
    }
