"""The comparison of municipalities and a municipality's changes (page and Atom feed)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.pages import crumbs, municipality_crumb, render_page
from comparison.changes import changes_of
from comparison.selectors import comparison
from organisation.selectors import municipality_or_404

FEED_LENGTH = 30


@require_safe
def compare(request):
    data = comparison()
    municipalities = data["municipalities"]
    for line in [*data["basis_lines"], *data["status_lines"]]:
        line.cells = list(zip(municipalities, line.counts, strict=True))
    data["totals"] = list(zip(municipalities, data["goal_counts"], strict=True))
    return render_page(
        request,
        "comparison/compare.html",
        {**data, "breadcrumbs": crumbs((_("Kommunerne side om side"), ""))},
    )


@require_safe
def changes(request, municipality):
    municipality = municipality_or_404(municipality)
    return render_page(
        request,
        "comparison/changes.html",
        {
            "municipality": municipality,
            "changes": changes_of(municipality),
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
