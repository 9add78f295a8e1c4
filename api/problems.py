"""How the API answers what it cannot serve: RFC 9457 problem details in Danish."""

from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler

from api.throttling import ClientRateThrottle

PROBLEM_TYPE = "application/problem+json"

TITLES = {
    400: gettext_lazy("Ugyldig forespørgsel"),
    404: gettext_lazy("Findes ikke"),
    405: gettext_lazy("Metoden er ikke tilladt"),
    406: gettext_lazy("Formatet kan ikke leveres"),
    429: gettext_lazy("For mange forespørgsler"),
}
DETAILS = {
    404: gettext_lazy("Der findes ikke noget offentliggjort indhold på denne adresse."),
    405: gettext_lazy("API'et kan kun læses: brug GET."),
    406: gettext_lazy("API'et leverer JSON (application/json)."),
}


def problem(status_code, detail, request=None, errors=None, headers=None):
    """The body of a problem details response (RFC 9457)."""
    body = {
        "type": "about:blank",
        "title": str(TITLES.get(status_code, _("Fejl"))),
        "status": status_code,
        "detail": str(detail),
    }
    if errors:
        body["errors"] = errors
    return body


def _flatten(data):
    """DRF's error structure as {parameter: [message]}, with plain strings."""
    if isinstance(data, dict):
        return {
            key: [str(message) for message in (value if isinstance(value, list) else [value])]
            for key, value in data.items()
        }
    return {"": [str(message) for message in (data if isinstance(data, list) else [data])]}


def problem_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django's own 500 handling and logging
    code = response.status_code
    errors = None
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        detail = _("En eller flere parametre er ugyldige; »errors« siger hvilke og hvorfor.")
    elif isinstance(exc, exceptions.Throttled):
        detail = _(
            "Grænsen for forespørgsler fra din adresse er nået. Prøv igen om %(seconds)s sekunder."
        ) % {"seconds": int(exc.wait or 1)}
    elif code in DETAILS:
        detail = DETAILS[code]
    else:
        detail = exc.detail if isinstance(getattr(exc, "detail", None), str) else TITLES.get(code, "")
    headers = {key: value for key, value in response.items() if key in ("Retry-After", "Allow")}
    return Response(
        problem(code, detail, errors=errors), status=code, headers=headers, content_type=PROBLEM_TYPE
    )


def not_found(request, *args, **kwargs):
    """Any other address under /api/: a 404 in the same format, not the site's HTML page."""
    response = JsonResponse(
        problem(404, DETAILS[404]),
        status=404,
        content_type=PROBLEM_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    return response


def rate_limited(view):
    """The API's rate limit for the plain Django views (the bulk files and the catalogue),
    which DRF's throttling does not reach: the same budget per client, the same 429."""

    @wraps(view)
    def limited(request, *args, **kwargs):
        throttle = ClientRateThrottle()
        if not throttle.allow_request(request, None):
            wait = int(throttle.wait() or 1)
            detail = _(
                "Grænsen for forespørgsler fra din adresse er nået. Prøv igen om %(seconds)s sekunder."
            ) % {"seconds": wait}
            response = JsonResponse(
                problem(429, detail),
                status=429,
                content_type=PROBLEM_TYPE,
                json_dumps_params={"ensure_ascii": False},
            )
            response["Retry-After"] = str(wait)
            return response
        return view(request, *args, **kwargs)

    return limited
