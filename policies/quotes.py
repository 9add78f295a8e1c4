"""Quotes from children, parents and professionals, in a theme or outside the themes.

Kept apart from models.py for the size limit of a module; models.py imports it,
so Django registers the model with the app.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from policies.models import Policy, PolicyChild, Theme


class Quote(PolicyChild):
    """A quote from a child, parent or professional: the speaker's role, never a name."""

    policy = models.ForeignKey(Policy, models.CASCADE, related_name="quotes", verbose_name=_("politik"))
    theme = models.ForeignKey(
        Theme,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("tema"),
        help_text=_("Tom, når citatet står uden for temaerne, fx i indledningen eller på en side for sig."),
    )
    text = models.TextField(_("citat"))
    speaker_role = models.CharField(
        _("talerens rolle"),
        max_length=200,
        blank=True,
        help_text=_("Personens rolle, fx »Skoleelev«. Aldrig et navn. Tom, når dokumentet ikke nævner en."),
    )
    context = models.CharField(
        _("overskrift i dokumentet"),
        max_length=200,
        blank=True,
        help_text=_(
            "Den overskrift, dokumentet sætter over citatet, skrevet som i dokumentet, "
            "fx »SAGT PÅ UNGEWORKSHOP«."
        ),
    )
    after_themes = models.BooleanField(
        _("står efter temaerne"),
        default=False,
        help_text=_("Kryds af, når citatet står for sig efter temaerne og ikke i indledningen."),
    )

    history = HistoricalRecords()

    class Meta(PolicyChild.Meta):
        verbose_name = _("citat")
        verbose_name_plural = _("citater")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"citat-{self.pk}"

    def clean(self):
        if self.theme_id and self.theme.policy_id != self.policy_id:
            raise ValidationError({"theme": _("Temaet hører ikke til politikken.")})
