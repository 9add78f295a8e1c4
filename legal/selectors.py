"""Reads of the register's pages, compiled once per process (core.prepared) and run with the
instrument's or provision's pk: building and compiling the querysets took longer than running them."""

from core import prepared
from legal.models import Consolidation, Provision


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
