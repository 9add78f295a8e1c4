"""Reads of the register's pages, compiled once per process (core.prepared) and run with the
instrument's or provision's pk or slug: building and compiling the querysets took longer than
running them. The goals resting on a law are read by legal/resting.py."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core import prepared
from legal.models import Consolidation, Instrument, LegalReference, Provision


def instrument_or_404(slug):
    return prepared.one_or_404(prepared.objects(_instrument, slug), _("Retskilden findes ikke."))


def _instrument(slug):
    return Instrument.objects.filter(slug=slug)


def provision_or_404(instrument_slug, slug):
    """The provision with its instrument and what replaced it. The provisions of that slug are
    read (one per instrument at most) and the instrument's picked here: a second value from the
    address compiled into the SQL would let any address add to what core.prepared keeps."""
    found = prepared.objects(_provisions_by_slug, slug)
    provision = next((provision for provision in found if provision.instrument.slug == instrument_slug), None)
    if provision is None:
        raise Http404(_("Bestemmelsen findes ikke."))
    return provision


def _provisions_by_slug(slug):
    return Provision.objects.with_successor().filter(slug=slug)


def _consolidations(instrument):
    return Consolidation.objects.filter(instrument=instrument).order_by("dated", "label")


def _provisions(instrument):
    return (
        Provision.objects.filter(instrument=instrument)
        .select_related("replaced_by__instrument")
        .order_by("order", "label")
    )


def parts_of(instrument):
    """(consolidations by date, provisions in order with each one's successor) of an instrument."""
    consolidations = prepared.objects(_consolidations, instrument)
    provisions = prepared.objects(_provisions, instrument)
    for part in (*consolidations, *provisions):
        part.instrument = instrument
    return consolidations, provisions


def _replaced(provision):
    return Provision.objects.filter(replaced_by=provision).select_related("instrument").order_by("label")


def replaced_by(provision):
    """The provisions that `provision` replaced, by label."""
    return prepared.objects(_replaced, provision)


def references_where(target, *lookups):
    """The references whose `lookup` is `target`, for any of the lookups, with what they cite: one
    index-friendly select per lookup, rather than an OR over them that would scan every reference;
    unordered, since only the outer query's order counts."""
    on = LegalReference.objects.order_by().values("pk")
    first, *rest = (on.filter(**{lookup: target}) for lookup in lookups)
    return LegalReference.objects.with_provisions().filter(pk__in=first.union(*rest, all=True))
