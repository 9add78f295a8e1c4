"""The documentation page in Danish: what there is, how to ask for it, the columns of the
CSV files, the licence and the limits."""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from api.resources import RESOURCES
from api.serializers import SERIALIZERS
from chrome.pages import crumbs, render_page
from organisation.models import Municipality

PERIODS = {
    "s": gettext_lazy("forespørgsler i sekundet"),
    "m": gettext_lazy("forespørgsler i minuttet"),
    "h": gettext_lazy("forespørgsler i timen"),
    "d": gettext_lazy("forespørgsler i døgnet"),
}


def rate_text(rate):
    """ "120/minute" as a Danish reader says it: "120 forespørgsler i minuttet"."""
    number, _sep, period = rate.partition("/")
    return f"{number} {PERIODS.get(period[:1], period)}"


def _columns(resource):
    fields = SERIALIZERS[resource.key]().fields
    return [(name, str(field.help_text or field.label or "")) for name, field in fields.items()]


@require_safe
def documentation(request):
    kinds = [
        {
            "key": resource.key,
            "label": resource.model._meta.verbose_name_plural,
            "columns": _columns(resource),
            "scoped": resource.scoped,
        }
        for resource in RESOURCES
    ]
    return render_page(
        request,
        "api/docs.html",
        {
            "kinds": kinds,
            "municipalities": list(Municipality.objects.all()),
            "rate": rate_text(getattr(settings, "API_RATE", "120/minute")),
            "breadcrumbs": crumbs((_("Åbne data"), "")),
        },
    )
