from django.contrib.sitemaps import Sitemap

from legal.models import Instrument, Provision


class InstrumentSitemap(Sitemap):
    def items(self):
        return Instrument.objects.order_by("order", "short_title")


class ProvisionSitemap(Sitemap):
    def items(self):
        return Provision.objects.select_related("instrument").order_by("instrument__order", "order", "label")
