"""/api/v1/: the endpoints, the schema, the documentation, the bulk files and the catalogue.

Every view answers conditional GETs (ETag, 304) through Django's ConditionalGetMiddleware,
applied here to the API alone.
"""

from django.middleware.http import ConditionalGetMiddleware
from django.urls import path, re_path
from django.utils.decorators import decorator_from_middleware
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import bulk, catalog, docs
from api.problems import not_found, rate_limited
from api.views import VIEWSETS, GoalList

conditional = decorator_from_middleware(ConditionalGetMiddleware)

router = DefaultRouter(trailing_slash=True, use_regex_path=True)
router.include_format_suffixes = False
for key, viewset in VIEWSETS.items():
    router.register(key, viewset, basename=viewset.resource.model._meta.model_name)

urlpatterns = [
    path("dokumentation/", docs.documentation, name="api-docs"),
    path("schema/", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path("schema/swagger/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-swagger"),
    path("catalog.jsonld", rate_limited(catalog.catalog), name="api-catalog"),
    path("download/<slug:key>.csv", rate_limited(bulk.kind_csv), name="api-csv"),
    path(
        "download/<slug:municipality>.json",
        rate_limited(bulk.municipality_json),
        name="api-municipality-json",
    ),
    path("goal/", GoalList.as_view(), name="api-goals"),
    *router.urls,
]
for pattern in urlpatterns:
    pattern.callback = conditional(pattern.callback)
urlpatterns += [re_path(r"^.*$", not_found)]
# The router's root lists every endpoint; named for the catalogue.
