"""The register of legal sources and the coverage report."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_safe

from chrome.pages import crumbs, render_page
from legal import basis as legal_basis
from legal.models import Instrument, Provision


def register_crumb():
    return (_("Retsgrundlag"), reverse("legal:index"))


# The register's group headings name lists, so they are plural, unlike the
# model's label for one instrument.
GROUP_HEADINGS = {
    Instrument.Bindingness.DANISH_LAW: _lazy("Danske love"),
    Instrument.Bindingness.RATIFIED_CONVENTION: _lazy("Konventioner, som Danmark har ratificeret"),
    Instrument.Bindingness.DECLARATION: _lazy("Erklæringer uden retlig binding"),
    Instrument.Bindingness.POLITICAL_AGENDA: _lazy("Politiske målsætninger uden retlig binding"),
}


def grouped_by_bindingness(instruments):
    groups = {value: [] for value, _label in Instrument.Bindingness.choices}
    for instrument in instruments:
        groups[instrument.bindingness].append(instrument)
    return [(GROUP_HEADINGS[value], items) for value, items in groups.items() if items]


@require_safe
def index(request):
    return render_page(
        request,
        "legal/index.html",
        {
            "groups": grouped_by_bindingness(Instrument.objects.all()),
            "breadcrumbs": crumbs((_("Retsgrundlag"), "")),
        },
    )


@require_safe
def instrument(request, instrument):
    instrument = get_object_or_404(Instrument.objects.with_parts(), slug=instrument)
    return render_page(
        request,
        "legal/instrument.html",
        {
            "instrument": instrument,
            "provisions": list(instrument.provisions.all()),
            "consolidations": list(instrument.consolidations.all()),
            "resting": legal_basis.goals_resting_on(instrument=instrument),
            "breadcrumbs": crumbs(register_crumb(), (instrument.short_title, "")),
        },
    )


@require_safe
def provision(request, instrument, provision):
    provision = get_object_or_404(
        Provision.objects.with_successions(), instrument__slug=instrument, slug=provision
    )
    return render_page(
        request,
        "legal/provision.html",
        {
            "instrument": provision.instrument,
            "provision": provision,
            "replaces": list(provision.replaces.all()),
            "resting": legal_basis.goals_resting_on(provision=provision),
            "breadcrumbs": crumbs(
                register_crumb(),
                (provision.instrument.short_title, provision.instrument.get_absolute_url()),
                (provision.label, ""),
            ),
        },
    )


@require_safe
def coverage(request):
    return render_page(
        request,
        "legal/coverage.html",
        {
            "reports": legal_basis.coverage(),
            "breadcrumbs": crumbs((_("Mål og retsgrundlag"), "")),
        },
    )
