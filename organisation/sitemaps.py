from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from organisation.models import Municipality, OrganisationUnit


class OrganisationSitemap(Sitemap):
    def items(self):
        return Municipality.objects.order_by("name")

    def location(self, item):
        return reverse("organisation:organisation", args=[item.slug])


class UnitSitemap(Sitemap):
    def items(self):
        return OrganisationUnit.objects.select_related("municipality").order_by(
            "municipality", "tree_id", "lft"
        )
