from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
