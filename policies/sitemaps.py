from django.contrib.sitemaps import Sitemap

from policies.models import Policy, Theme


class PolicySitemap(Sitemap):
    def items(self):
        return Policy.objects.published().select_related("municipality").order_by("municipality", "slug")


class ThemeSitemap(Sitemap):
    def items(self):
        return Theme.objects.published().select_related("policy__municipality").order_by("policy", "order")
