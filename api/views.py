"""The read-only endpoints: one list and one detail per kind (api.resources), and the
list of every goal across kinds with the filters users need."""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.annotate import attach_basis, attach_follow_up, attach_responsible, prepare
from api.caching import generation_cached
from api.filters import STATUS_CHOICES, build_filterset
from api.resources import BY_KEY, RESOURCES
from api.serializers import SERIALIZERS, GoalSummarySerializer
from core.goalkinds import GOALS


def public_headers(response):
    """Responses are the same for every client and carry no cookie, so any shared cache may
    keep them; for as long as a page (settings.PAGE_CACHE_MAX_AGE, 0: ask every time and get
    a 304 from the ETag while nothing changed), so that an edit shows at once here too."""
    max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 0)
    patch_cache_control(response, public=True, max_age=max_age, must_revalidate=True)
    # The site's pages are same-origin only; the open data is for everyone.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


class PublicMixin:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            public_headers(response)
        return response


def ordered(queryset):
    ordering = list(queryset.query.order_by or queryset.model._meta.ordering)
    return queryset.order_by(*ordering, "pk")


class PublicViewSet(PublicMixin, viewsets.ReadOnlyModelViewSet):
    resource = None
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self):
        return ordered(self.resource.queryset())

    @generation_cached
    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        prepare(self.resource, page, request)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @generation_cached
    def retrieve(self, request, *args, **kwargs):
        item = self.get_object()
        prepare(self.resource, [item], request)
        return Response(self.get_serializer(item).data)


def build_viewset(resource):
    plural = resource.model._meta.verbose_name_plural
    single = resource.model._meta.verbose_name
    decorate = extend_schema_view(
        list=extend_schema(
            summary=_("Liste: %(plural)s") % {"plural": plural},
            tags=[resource.key],
            operation_id=f"{resource.key}_list",
        ),
        retrieve=extend_schema(
            summary=_("Én: %(single)s") % {"single": single},
            tags=[resource.key],
            operation_id=f"{resource.key}_detail",
        ),
    )
    name = "".join(part.title() for part in resource.key.split("_")) + "ViewSet"
    attrs = {
        "resource": resource,
        "serializer_class": SERIALIZERS[resource.key],
        "filterset_class": build_filterset(resource),
        "queryset": resource.model._default_manager.none(),  # for the schema; reads use get_queryset
    }
    return decorate(type(name, (PublicViewSet,), attrs))


VIEWSETS = {resource.key: build_viewset(resource) for resource in RESOURCES}
GOAL_KEYS = [kind.key for kind in GOALS]


@extend_schema_view(
    get=extend_schema(
        summary=_("Alle mål på tværs af typer"),
        description=_(
            "Hvert mål (de seks typer, der følges op) med retsgrundlag, ansvarlig og opfølgning. "
            "Det fulde punkt står på adressen i »url«."
        ),
        parameters=[
            OpenApiParameter("kind", str, enum=GOAL_KEYS, description=_("Kun mål af denne type.")),
            OpenApiParameter("municipality", str, description=_("Kommunens kortnavn, fx »herning«.")),
            OpenApiParameter(
                "status",
                str,
                enum=[value for value, _label in STATUS_CHOICES],
                description=_("Status efter den seneste opfølgning."),
            ),
            OpenApiParameter(
                "legal_basis",
                str,
                description=_("Retskilde eller bestemmelse, fx »barnets-lov/par-15-stk-1«."),
            ),
            OpenApiParameter("changed_since", str, description=_("Dato (ÅÅÅÅ-MM-DD).")),
        ],
        tags=["goal"],
        operation_id="goal_list",
    )
)
class GoalList(PublicMixin, generics.ListAPIView):
    serializer_class = GoalSummarySerializer

    def get_queryset(self):
        # The list reads each kind through its own viewset's filters (see list()); the
        # schema generator only needs a model to describe, any goal kind's will do.
        return GOALS[0].model._default_manager.none()

    def kinds(self):
        chosen = self.request.query_params.get("kind")
        if chosen is None:
            return GOALS
        if chosen not in GOAL_KEYS:
            raise ValidationError(
                {"kind": [_("Ukendt type. Mulige værdier: %(keys)s.") % {"keys": ", ".join(GOAL_KEYS)}]}
            )
        return [kind for kind in GOALS if kind.key == chosen]

    @generation_cached
    def list(self, request, *args, **kwargs):
        items = []
        for kind in self.kinds():
            viewset = VIEWSETS[kind.key]
            rows = viewset.filterset_class(
                request.query_params, ordered(BY_KEY[kind.key].queryset()), request=request
            )
            if not rows.is_valid():
                raise ValidationError(rows.errors)
            items.extend(rows.qs)
        page = self.paginate_queryset(items)
        attach_basis(page, request)
        attach_responsible(page, request)
        attach_follow_up(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
