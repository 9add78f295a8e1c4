from django.db import models
from django.utils.translation import gettext_lazy as _


class Responsible(models.Model):
    """Who carries an item out, where the documents say so."""

    responsible_unit = models.ForeignKey(
        "organisation.OrganisationUnit",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_%(class)s",
        verbose_name=_("ansvarlig enhed"),
    )
    responsible_body = models.ForeignKey(
        "organisation.PoliticalBody",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_%(class)s",
        verbose_name=_("ansvarligt politisk organ"),
    )

    class Meta:
        abstract = True


class Period(models.Model):
    """A period in whole years, as the documents state them."""

    period_start = models.PositiveSmallIntegerField(_("gælder fra år"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("gælder til år"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def period_label(self):
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        if self.period_start:
            return _("fra %(year)s") % {"year": self.period_start}
        if self.period_end:
            return _("til %(year)s") % {"year": self.period_end}
        return ""
