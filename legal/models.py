"""The register of legal sources, shared by every municipality.

An instrument (the act or convention as such) is kept apart from its dated
consolidated texts and from its provisions, as legal-information systems do:
a municipal document cites a provision as it stood, and the register says what
replaced it since.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.addresses import cached_reverse
from core.goalkinds import GOAL_KINDS
from core.models import PublishedQuerySet
from core.targets import HasOneTarget, TargetQuerySet, exactly_one_target, target_keys


class Verification(models.TextChoices):
    CHECKED = "checked", _("Efterprøvet")
    UNCHECKED = "unchecked", _("Ikke efterprøvet")


class Verified(models.Model):
    """Whether a fact of the register was checked against its source."""

    verification = models.CharField(
        _("efterprøvning"), max_length=10, choices=Verification.choices, default=Verification.CHECKED
    )
    verification_note = models.CharField(_("note om efterprøvningen"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def is_unchecked(self):
        return self.verification == Verification.UNCHECKED


class Instrument(Verified):
    class Kind(models.TextChoices):
        ACT = "act", _("Dansk lov")
        REFORM = "reform", _("Lovreform")
        CONVENTION = "convention", _("Konvention")
        DECLARATION = "declaration", _("Erklæring")
        AGENDA = "agenda", _("Politisk målsætning")

    class Bindingness(models.TextChoices):
        DANISH_LAW = "danish_law", _("Bindende dansk lov")
        RATIFIED_CONVENTION = "ratified_convention", _("Konvention, som Danmark har ratificeret")
        DECLARATION = "declaration", _("Erklæring uden retlig binding")
        POLITICAL_AGENDA = "political_agenda", _("Politisk målsætning uden retlig binding")

    title = models.CharField(_("officiel titel"), max_length=250)
    short_title = models.CharField(_("kort titel"), max_length=100)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    bindingness = models.CharField(_("retlig status"), max_length=30, choices=Bindingness.choices)
    identifier = models.URLField(
        _("identifikator"),
        max_length=300,
        blank=True,
        help_text=_("ELI-adresse på retsinformation.dk for danske love, ellers den officielle adresse."),
    )
    identifier_note = models.CharField(
        _("note om identifikatoren"),
        max_length=300,
        blank=True,
        help_text=_("Fx at adressen er dannet efter ELI-mønstret og ikke er åbnet."),
    )
    citation = models.CharField(
        _("henvisning"),
        max_length=200,
        blank=True,
        help_text=_("Fx »lov nr. 721 af 13. juni 2023« eller »FN-resolution 44/25«."),
    )
    adopted_on = models.DateField(
        _("lovens dato eller vedtagelsesdato"),
        null=True,
        blank=True,
        help_text=_(
            "For en dansk lov lovens dato, som den står i henvisningen; Folketinget kan have vedtaget "
            "loven nogle dage før. For en konvention, en erklæring eller en politisk målsætning den dag, "
            "den blev vedtaget."
        ),
    )
    in_force_on = models.DateField(_("dato for ikrafttræden"), null=True, blank=True)
    repealed_on = models.DateField(_("dato for ophævelse"), null=True, blank=True)
    dates_note = models.CharField(_("note om datoerne"), max_length=300, blank=True)
    summary = models.TextField(_("forklaring"), help_text=_("Skrevet i et klart sprog til forældre."))
    checked_on = models.DateField(
        _("efterprøvet den"),
        null=True,
        blank=True,
        help_text=_("Den dag, identifikatoren og datoerne sidst blev efterprøvet."),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    history = HistoricalRecords()

    objects = PublishedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "short_title"]
        verbose_name = _("retskilde")
        verbose_name_plural = _("retskilder")

    def __str__(self):
        return self.short_title

    def get_absolute_url(self):
        return cached_reverse("legal:instrument", instrument=self.slug)


class Consolidation(Verified):
    """A dated consolidated text (lovbekendtgørelse) of an act."""

    instrument = models.ForeignKey(
        Instrument, models.CASCADE, related_name="consolidations", verbose_name=_("retskilde")
    )
    label = models.CharField(_("betegnelse"), max_length=100, help_text=_("Fx »LBK nr. 170 af 2022«."))
    dated = models.DateField(_("bekendtgørelsens dato"), null=True, blank=True)
    identifier = models.URLField(_("ELI-adresse"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["instrument", "dated", "label"]
        verbose_name = _("lovbekendtgørelse")
        verbose_name_plural = _("lovbekendtgørelser")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "label"], name="unique_consolidation"),
        ]

    def __str__(self):
        return self.label


class ProvisionQuerySet(PublishedQuerySet):
    def with_successor(self):
        """With its instrument and what replaced it (legal.selectors.replaced_by: what it replaced)."""
        return self.select_related("instrument", "replaced_by__instrument")


class Provision(Verified):
    """A part of an instrument: "§ 19, stk. 2", "art. 12", "mål 4.5"."""

    instrument = models.ForeignKey(
        Instrument, models.CASCADE, related_name="provisions", verbose_name=_("retskilde")
    )
    label = models.CharField(_("betegnelse"), max_length=60)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=60)
    heading = models.CharField(_("overskrift"), max_length=200, blank=True)
    summary = models.TextField(_("forklaring"), help_text=_("Skrevet i et klart sprog til forældre."))
    replaced_by = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("afløst af"),
    )
    replaced_on = models.DateField(_("afløst den"), null=True, blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    history = HistoricalRecords()

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["instrument", "order", "label"]
        verbose_name = _("bestemmelse")
        verbose_name_plural = _("bestemmelser")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "slug"], name="unique_provision_slug"),
            models.CheckConstraint(
                condition=Q(replaced_by__isnull=True, replaced_on__isnull=True)
                | Q(replaced_by__isnull=False, replaced_on__isnull=False),
                name="provision_replacement_has_date",
            ),
        ]

    def __str__(self):
        return self.label_with_instrument

    def get_absolute_url(self):
        return cached_reverse("legal:provision", instrument=self.instrument.slug, provision=self.slug)

    @property
    def label_with_instrument(self):
        """How a provision is named wherever it is shown: "Serviceloven § 19, stk. 2"."""
        return f"{self.instrument.short_title} {self.label}"

    @property
    def register_key(self):
        """The provision's key wherever a choice names it (the goal overview's ?grundlag=):
        "serviceloven/par-19-stk-2", as below /retsgrundlag/ in its address."""
        return f"{self.instrument.slug}/{self.slug}"

    def clean(self):
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": _("En bestemmelse kan ikke afløse sig selv.")})
        if bool(self.replaced_by_id) != bool(self.replaced_on):
            raise ValidationError(
                {"replaced_on": _("Angiv både hvilken bestemmelse der afløste den, og hvornår.")}
            )


# Kept for the admin, which lists the keys in its forms.
TARGET_FIELDS = [kind.key for kind in GOAL_KINDS]


class LegalReferenceQuerySet(TargetQuerySet):
    def with_provisions(self):
        return self.select_related("instrument", "provision__replaced_by__instrument", "source")


class LegalReference(HasOneTarget):
    """A goal-like item resting on an instrument or one of its provisions."""

    class Relation(models.TextChoices):
        REQUIRED_BY = "required_by", _("Krævet af")
        IMPLEMENTS = "implements", _("Udmønter")
        IN_LINE_WITH = "in_line_with", _("I tråd med")

    instrument = models.ForeignKey(
        Instrument, models.PROTECT, related_name="references", verbose_name=_("retskilde")
    )
    provision = models.ForeignKey(
        Provision,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="references",
        verbose_name=_("bestemmelse"),
        help_text=_("Tom, når dokumentet henviser til retskilden som helhed."),
    )
    relation = models.CharField(_("forhold til retskilden"), max_length=20, choices=Relation.choices)
    citation = models.CharField(
        _("henvisning som i dokumentet"),
        max_length=300,
        blank=True,
        help_text=_("Ordret, som kildedokumentet skriver henvisningen."),
    )
    source = models.ForeignKey(
        "organisation.SourceDocument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kildedokument"),
    )
    is_editorial = models.BooleanField(
        _("redaktionel henvisning"),
        default=False,
        help_text=_(
            "Sæt kryds, når henvisningen er tilføjet af en redaktør og ikke står i kommunens dokument."
        ),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    # The item it hangs on: a field per goal-like kind, named by the registry's key.
    target_kinds = GOAL_KINDS
    vars().update(target_keys(GOAL_KINDS, related_name="legal_references"))

    history = HistoricalRecords()

    objects = LegalReferenceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("retsgrundlag")
        verbose_name_plural = _("retsgrundlag")
        constraints = [
            models.CheckConstraint(condition=exactly_one_target(GOAL_KINDS), name="reference_has_one_target"),
        ]

    def __str__(self):
        return self.target_label

    # The reference's own instrument is the provision's (clean() sees to it), and it is the
    # one already joined: reading the provision's would cost a query per reference.
    @property
    def target_label(self):
        """The provision, or the instrument as a whole when the document cites no provision."""
        if self.provision_id:
            return f"{self.instrument.short_title} {self.provision.label}"
        return self.instrument.short_title

    @property
    def target_url(self):
        if self.provision_id:
            return cached_reverse(
                "legal:provision", instrument=self.instrument.slug, provision=self.provision.slug
            )
        return self.instrument.get_absolute_url()

    @property
    def successor(self):
        """The provision that has replaced the one cited, or None."""
        return self.provision.replaced_by if self.provision_id else None

    def clean(self):
        if self.provision_id and not self.instrument_id:
            self.instrument = self.provision.instrument
        if self.provision_id and self.provision.instrument_id != self.instrument_id:
            raise ValidationError({"provision": _("Bestemmelsen hører ikke til den valgte retskilde.")})
        if len(self.targets_set()) > 1:
            raise ValidationError(_("Et retsgrundlag skal høre til præcis ét mål, tema eller én politik."))
