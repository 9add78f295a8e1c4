"""The comparison of municipalities and a municipality's changes (page and Atom feed)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from chrome.pages import bad_request, crumbs, municipality_crumb, render_page
from comparison.changes import changes_of
from comparison.selectors import (
    MAX_COLUMNS,
    TooMany,
    chosen_municipalities,
    comparison,
    every_municipality_and_register,
    last_changed,
)
from organisation.selectors import municipality_or_404

FEED_LENGTH = 30
CHOICE = "kommune"
CHOOSE_AGAIN = gettext_lazy("Vælg højst seks kommuner blandt dem på siden, og prøv igen.")


@require_safe
def compare(request):
    every, register = every_municipality_and_register()
    try:
        chosen = chosen_municipalities(every, request.GET.getlist(CHOICE))
    except (KeyError, TooMany):
        return bad_request(request, CHOOSE_AGAIN)
    data = comparison(chosen, register)
    municipalities = data["municipalities"]
    data["choices"] = [(municipality, municipality in chosen) for municipality in every]
    data["max_columns"] = MAX_COLUMNS
    # Each column's overview address, reversed once rather than in every cell.
    columns = [
        (municipality, reverse("overview:goals", args=[municipality.slug])) for municipality in municipalities
    ]
    for line in [*data["basis_lines"], *data["status_lines"]]:
        line.cells = [(*column, count) for column, count in zip(columns, line.counts, strict=True)]
    data["totals"] = [(*column, count) for column, count in zip(columns, data["goal_counts"], strict=True)]
    return render_page(
        request,
        "comparison/compare.html",
        {
            **data,
            "last_changed": last_changed(chosen),
            "breadcrumbs": crumbs((_("Kommunerne side om side"), "")),
        },
    )


@require_safe
def changes(request, municipality):
    municipality = municipality_or_404(municipality)
    changes = changes_of(municipality)
    return render_page(
        request,
        "comparison/changes.html",
        {
            "municipality": municipality,
            "changes": changes,
            # The page lists changes, newest first: the first is when its content last changed.
            "last_changed": changes[0].date if changes else None,
            "feed_url": reverse("comparison:changes_feed", args=[municipality.slug]),
            "breadcrumbs": crumbs(
                municipality_crumb(municipality),
                (_("Mål"), reverse("overview:goals", args=[municipality.slug])),
                (_("Ændringer"), ""),
            ),
        },
    )


class ChangesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, municipality):
        return municipality_or_404(municipality)

    def title(self, municipality):
        return _("Ændringer i målene – %(name)s") % {"name": municipality.name}

    def subtitle(self, municipality):
        return _("Nye og ændrede mål og opfølgninger i %(name)s, nyeste først.") % {"name": municipality.name}

    def link(self, municipality):
        return reverse("comparison:changes", args=[municipality.slug])

    def items(self, municipality):
        self.municipality = municipality
        return changes_of(municipality, FEED_LENGTH)

    def item_title(self, change):
        return f"{change.action}: {change.text}"

    def item_description(self, change):
        return f"{change.kind}. {change.detail}" if change.detail else change.kind

    def item_link(self, change):
        return change.url or reverse("comparison:changes", args=[self.municipality.slug])

    def item_guid(self, change):
        return f"{self.municipality.slug}-{change.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, change):
        return change.date

    def item_updateddate(self, change):
        return change.date
