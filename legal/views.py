"""The register of legal sources and the coverage report."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_safe

from chrome.history import last_changed
from chrome.pages import crumbs, render_page
from legal.coverage import coverage_counts
from legal.models import Instrument
from legal.resting import goals_resting_on
from legal.selectors import instrument_or_404, parts_of, provision_or_404, replaced_by
from organisation.selectors import source_documents


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


def about_goals(goals, *register_parts):
    """ "Om indholdet" of a page that shows register entries and the goals of several municipalities."""
    items = [goal.item for goal in goals]
    return {
        "editorial": True,
        "sources": source_documents(items),
        "sources_across": True,
        "last_changed": last_changed(*register_parts, items),
    }


def grouped_by_bindingness(instruments):
    groups = {value: [] for value, _label in Instrument.Bindingness.choices}
    for instrument in instruments:
        groups[instrument.bindingness].append(instrument)
    return [(GROUP_HEADINGS[value], items) for value, items in groups.items() if items]


def _goals(resting):
    return [goal for _municipality, goals in resting for goal in goals]


@require_safe
def index(request):
    instruments = list(Instrument.objects.all())
    return render_page(
        request,
        "legal/index.html",
        {
            "groups": grouped_by_bindingness(instruments),
            "editorial": True,
            "last_changed": last_changed(instruments),
            "breadcrumbs": crumbs((_("Retsgrundlag"), "")),
        },
    )


@require_safe
def instrument(request, instrument):
    instrument = instrument_or_404(instrument)
    consolidations, provisions = parts_of(instrument)
    resting = goals_resting_on(instrument=instrument)
    return render_page(
        request,
        "legal/instrument.html",
        {
            "instrument": instrument,
            "provisions": provisions,
            "consolidations": consolidations,
            "resting": resting,
            **about_goals(_goals(resting), [instrument], provisions, consolidations),
            "breadcrumbs": crumbs(register_crumb(), (instrument.short_title, "")),
        },
    )


@require_safe
def provision(request, instrument, provision):
    provision = provision_or_404(instrument, provision)
    replaces = replaced_by(provision)
    resting = goals_resting_on(provision=provision)
    return render_page(
        request,
        "legal/provision.html",
        {
            "instrument": provision.instrument,
            "provision": provision,
            "replaces": replaces,
            "resting": resting,
            **about_goals(_goals(resting), [provision, provision.instrument], replaces),
            "breadcrumbs": crumbs(
                register_crumb(),
                (provision.instrument.short_title, provision.instrument.get_absolute_url()),
                (provision.label, ""),
            ),
        },
    )


@require_safe
def coverage(request):
    reports, sources, newest = coverage_counts()
    return render_page(
        request,
        "legal/coverage.html",
        {
            "reports": reports,
            "editorial": True,
            "sources": sources,
            "sources_across": True,
            "last_changed": newest,
            "breadcrumbs": crumbs((_("Mål og retsgrundlag"), "")),
        },
    )
