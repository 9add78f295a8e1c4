from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ScopedQuerySet


class SearchEntry(models.Model):
    """One searchable text of the site, with its stored, GIN-indexed vector.

    The vector is stored rather than computed in an index expression: ranking
    needs the vector of every hit, and an expression index would compute it
    again for each one (about ten times slower at 100 000 commitments).
    """

    municipality = models.ForeignKey(
        "organisation.Municipality",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommune"),
        help_text=_("Tom for retskilder, som alle kommuner deler."),
    )
    kind = models.CharField(_("type"), max_length=40)
    object_key = models.CharField(
        _("objekt"), max_length=80, help_text=_("Model og nøgle, fx »policies.commitment:12«.")
    )
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("tekst"), blank=True)
    context = models.CharField(_("hvor teksten står"), max_length=300, blank=True)
    url = models.CharField(_("adresse"), max_length=300)
    # Every word's key at its position and weight (search/terms.py): what a search matches.
    terms = SearchVectorField(null=True, editable=False)
    # The terms the entry is counted under in SearchTermCount, so that replacing it can uncount them.
    counted = models.TextField(_("optalt under"), blank=True, editable=False)
    # Where hits of this kind stand among the results: broad documents before single promises.
    priority = models.PositiveSmallIntegerField(_("rækkefølge"), default=0, editable=False)
    # The lemmas of the title and text, computed in Python (search/text.py) so that no server-side
    # dictionary is needed. On PostgreSQL they make lemma_vector, the index's list of words
    # (search/words.py); on SQLite they are matched as text.
    title_lemmas = models.TextField(_("titlens grundformer"), blank=True, editable=False)
    body_lemmas = models.TextField(_("tekstens grundformer"), blank=True, editable=False)
    lemma_vector = SearchVectorField(null=True, editable=False)
    # When the entry's source last changed (search/changes.py): the search page's "last changed"
    # is the newest of these, read from this index instead of every history table.
    changed_at = models.DateTimeField(_("sidst ændret"), null=True, editable=False, db_index=True)

    municipality_lookup = "municipality"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("søgeindgang")
        verbose_name_plural = _("søgeindgange")
        constraints = [
            models.UniqueConstraint(fields=["object_key"], name="unique_search_object"),
        ]
        indexes = [
            GinIndex(fields=["terms"], name="search_entry_terms_gin"),
            # The results' order, walked until the page is full: a common word's best hits are
            # found among the first few hundred entries, without visiting its thousands of others.
            models.Index(fields=["priority", "title", "id"], name="search_entry_order"),
            models.Index(
                fields=["municipality", "priority", "title", "id"], name="search_entry_order_by_muni"
            ),
            models.Index(fields=["kind", "priority", "title", "id"], name="search_entry_order_by_kind"),
        ]

    def __str__(self):
        return self.title


class SearchWord(models.Model):
    """Every distinct lemma of the index, rebuilt with it: what a misspelt word is compared with.

    On PostgreSQL a trigram index (pg_trgm) finds the nearest words without reading them all.
    """

    word = models.CharField(_("ord"), max_length=100, unique=True)
    # The word's key (search/text.py): a query word whose key some entry holds is not misspelt.
    key = models.CharField(_("nøgle"), max_length=100, db_index=True)
    entries = models.PositiveIntegerField(_("antal søgeindgange"), default=1)

    class Meta:
        verbose_name = _("ord i søgeindekset")
        verbose_name_plural = _("ord i søgeindekset")
        indexes = [GinIndex(fields=["word"], opclasses=["gin_trgm_ops"], name="search_word_trigram_gin")]

    def __str__(self):
        return self.word


class SearchTermCount(models.Model):
    """How many entries of a kind and municipality hold a term: a word's key, or "=word" for a
    parent's word and its synonyms (search/terms.py).

    Kept exact as entries are written (search/counts.py), so that the filters of a one-word
    search are read here: a common word matches tens of thousands of entries nationally, and
    counting them at each search took most of its time.
    """

    term = models.TextField(_("term"))
    municipality = models.ForeignKey(
        "organisation.Municipality", models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("type"), max_length=40)
    entries = models.PositiveIntegerField(_("antal søgeindgange"), default=0)

    class Meta:
        verbose_name = _("antal søgeindgange med et ord")
        verbose_name_plural = _("antal søgeindgange med et ord")
        indexes = [models.Index(fields=["term"], name="search_term_count_term")]

    def __str__(self):
        return f"{self.term}: {self.entries}"
