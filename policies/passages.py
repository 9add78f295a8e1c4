"""Paragraphs about a policy that stand in another document than the policy itself.

Kept apart from models.py, which is near the size limit of a module; models.py
imports it, so Django registers the model with the app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from policies.models import Policy, PolicyChild


class PolicyPassage(PolicyChild):
    """A paragraph of a page that summarises the policy, credited to that page.

    Herning's municipal plan and its page for parents' boards write about the
    policy in their own words (why it exists, what it rests on); those
    paragraphs keep their own document as source instead of being merged into
    the policy's text.
    """

    policy = models.ForeignKey(Policy, models.CASCADE, related_name="passages", verbose_name=_("politik"))
    heading = models.CharField(
        _("overskrift i dokumentet"),
        max_length=200,
        blank=True,
        help_text=_("Den overskrift, afsnittet står under i sit dokument."),
    )
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta(PolicyChild.Meta):
        verbose_name = _("afsnit fra et andet dokument")
        verbose_name_plural = _("afsnit fra andre dokumenter")

    def __str__(self):
        return self.heading or self.text[:60]

    @property
    def anchor(self):
        return f"afsnit-{self.pk}"
