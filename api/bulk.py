"""Bulk downloads: one CSV per kind and one JSON file of everything per municipality.

Both are written by the same serializers as the endpoints, so a column of the CSV is a
field of the JSON. Every CSV cell passes core.spreadsheet.neutralise (formula injection).
"""

import csv
import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.utils.encoders import JSONEncoder

from api.annotate import prepare
from api.problems import not_found, problem_handler
from api.resources import BY_KEY, RESOURCES
from api.serializers import SERIALIZERS
from api.views import VIEWSETS, ordered, public_headers
from core.spreadsheet import neutralise_row
from organisation.models import Municipality

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def rows_of(resource, request, params=None, municipality=None):
    """The serialised items of a kind (filtered like its endpoint, unpaginated)."""
    queryset = ordered(resource.queryset())
    if municipality is not None and resource.scoped:
        queryset = queryset.for_municipality(municipality)
    if params is not None:
        filterset = VIEWSETS[resource.key].filterset_class(params, queryset, request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        queryset = filterset.qs
    items = prepare(resource, list(queryset), request)
    return SERIALIZERS[resource.key](items, many=True, context={"request": request}).data


def cell(value):
    """A CSV cell: links and lists joined by spaces, nested objects as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return " ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def columns(resource):
    return list(SERIALIZERS[resource.key]().fields)


def _problem_response(request, error):
    response = problem_handler(error, {"request": request})
    response.accepted_renderer = api_settings.DEFAULT_RENDERER_CLASSES[0]()
    response.accepted_media_type = "application/json"
    response.renderer_context = {}
    return response.render()


def kind_csv(request, key):
    resource = BY_KEY.get(key)
    if resource is None:
        return not_found(request)
    drf_request = Request(request)
    try:
        data = rows_of(resource, drf_request, drf_request.query_params)
    except APIException as error:  # a bad parameter: the same 400 as the endpoint's
        return _problem_response(request, error)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8
    writer = csv.writer(response)
    names = columns(resource)
    writer.writerow(names)
    for row in data:
        writer.writerow(neutralise_row([cell(row.get(name)) for name in names]))
    return public_headers(response)


def municipality_json(request, municipality):
    municipality = Municipality.objects.filter(slug=municipality).first()
    if municipality is None:
        return not_found(request)
    drf_request = Request(request)
    everything = {
        "about": {
            "municipality": municipality.slug,
            "licence": LICENCE,
            "attribution": _("Kilde: %(name)s og policyhub") % {"name": municipality.name},
            "schema": request.build_absolute_uri(reverse("api-schema")),
        }
    }
    for resource in RESOURCES:
        everything[resource.key] = rows_of(resource, drf_request, municipality=municipality)
    body = json.dumps(everything, cls=JSONEncoder, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{municipality.slug}.json"'
    return public_headers(response)
