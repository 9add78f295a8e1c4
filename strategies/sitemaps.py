from django.contrib.sitemaps import Sitemap

from strategies.models import Strategy


class StrategySitemap(Sitemap):
    def items(self):
        return (
            Strategy.objects.published()
            .select_related("municipality")
            .order_by("municipality", "order", "title")
        )
