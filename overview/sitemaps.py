from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.goalkinds import GOALS
from goals.models import goal_page_url
from organisation.models import Municipality


class StaticSitemap(Sitemap):
    """Pages without a model of their own."""

    def items(self):
        return ["overview:home", "legal:index", "legal:coverage"]

    def location(self, item):
        return reverse(item)


class MunicipalitySitemap(Sitemap):
    def items(self):
        return Municipality.objects.order_by("name")


class GoalOverviewSitemap(Sitemap):
    def items(self):
        return Municipality.objects.order_by("name")

    def location(self, item):
        return reverse("overview:goals", args=[item.slug])


class GoalSitemap(Sitemap):
    """The page of every published goal: a politician's or a journalist's search lands on the goal itself."""

    def items(self):
        return [
            item
            for kind in GOALS
            for item in kind.model._default_manager.published().select_related(*kind.related).order_by("pk")
        ]

    def location(self, item):
        return goal_page_url(item)
