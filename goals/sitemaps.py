from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from organisation.models import Municipality


class GoalOverviewSitemap(Sitemap):
    def items(self):
        return Municipality.objects.order_by("name")

    def location(self, item):
        return reverse("goals:overview", args=[item.slug])
