"""The building blocks of the fuzz test (test_fuzz.py): URL targets and hostile values."""

import re
from urllib.parse import quote

from django.contrib import admin
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from hypothesis import strategies as st

# Values that have crashed or could crash a view: ids that are no ids, NUL bytes, numbers
# beyond bigint, control and far-away Unicode characters, very long text.
BAD_IDS = [
    "abc", "1.5", "\x00", "1\x00", "-1", "0", "", " ", "1e3", "0x10", "١", "9" * 25,
    "99999999999", "null", "None", "[]", "{}", "1,2", "%00", "../1", "1/2", "'", '"', "<b>", "\ud7ff",
]  # fmt: skip
hostile_text = st.one_of(
    st.sampled_from(BAD_IDS),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.just("x" * 5000),
)
param_names = st.one_of(
    st.sampled_from(["q", "p", "o", "page", "all", "e", "_to_field", "_popup", "format", "policy",
                     "theme", "unit", "period", "basis", "kind", "status", "municipality"]),
    st.text(min_size=1, max_size=12),
)  # fmt: skip
headers = st.dictionaries(
    st.sampled_from(["HTTP_ACCEPT_LANGUAGE", "HTTP_ACCEPT", "HTTP_REFERER", "HTTP_X_FORWARDED_FOR",
                     "HTTP_X_FORWARDED_PROTO", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_NONE_MATCH",
                     "HTTP_RANGE", "HTTP_USER_AGENT", "HTTP_COOKIE"]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
    max_size=3,
)  # fmt: skip

CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def walk(patterns, prefix=""):
    """(route, name, namespace) of every URL pattern, includes flattened."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            for route, name, inner in walk(pattern.url_patterns, prefix + str(pattern.pattern)):
                yield route, name, inner or namespace
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name, None


def public_routes():
    routes = {route for route, _name, _namespace in walk(get_resolver().url_patterns)}
    return sorted(route for route in routes if not route.startswith("admin/"))


def fill(route, values):
    """A path from a route, with `values` (by parameter name) quoted into its parameters."""
    route = route.lstrip("^").rstrip("$")

    def value(match):
        return quote(str(values.get(match["name"], "x")), safe="")

    return "/" + CONVERTER.sub(value, route)


def seeds_by_route(paths):
    """The real parameter values of each route, from real paths that resolve to it."""
    routes = {}
    for path in paths:
        try:
            match = resolve(path)
        except Resolver404:  # a path that no longer resolves is no seed
            continue
        routes.setdefault(match.route, []).append({k: str(v) for k, v in match.kwargs.items()})
    return routes


def admin_models():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def autocomplete_params():
    """(app_label, model_name, field_name) of every autocomplete field of every admin and inline."""
    found = set()
    for model, model_admin in admin.site._registry.items():
        owners = [(model, model_admin)]
        owners += [(inline.model, inline) for inline in model_admin.inlines]
        for owner_model, owner in owners:
            for field in getattr(owner, "autocomplete_fields", ()):
                found.add((owner_model._meta.app_label, owner_model._meta.model_name, field))
    return sorted(found)


def filter_params(model_admin):
    """Query parameter names that the changelist's filters read, in the forms Django uses."""
    names = set()
    for entry in model_admin.list_filter:
        field = entry[0] if isinstance(entry, tuple) else entry
        if isinstance(field, str):
            names |= {field, f"{field}__exact", f"{field}__id__exact", f"{field}__isnull", f"{field}__in"}
        else:
            names.add(getattr(field, "parameter_name", "x"))
    return sorted(names) or ["x"]
