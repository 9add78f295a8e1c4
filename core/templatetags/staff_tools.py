"""The staff bar on public pages: "Redigér" for the object a staff user may change, and the draft banner.

Anonymous visitors get nothing and cost no query, so the public (and cacheable)
page is exactly what it was; responses to logged-in users are never cached
(core.middleware.PrivateForStaffMiddleware).
"""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()

# The page's own object comes first: a theme page also has its policy in the context.
PAGE_OBJECTS = ("theme", "strategy", "policy", "unit", "provision", "instrument", "municipality")


def may_change(user, obj):
    opts = obj._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return False
    manager = type(obj)._default_manager
    if user.is_superuser or not hasattr(manager, "for_municipality"):
        return True
    membership = getattr(user, "membership", None)
    return membership is not None and (
        manager.filter(pk=obj.pk).for_municipality(membership.municipality_id).exists()
    )


@register.inclusion_tag("includes/staff_tools_bar.html", takes_context=True)
def staff_tools(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return {}
    page_object = next((context[key] for key in PAGE_OBJECTS if getattr(context.get(key), "pk", None)), None)
    if page_object is None:
        return {"staff": True}
    manager = type(page_object)._default_manager
    is_draft = hasattr(manager, "published") and not manager.filter(pk=page_object.pk).published().exists()
    edit_url = None
    if may_change(user, page_object):
        opts = page_object._meta
        try:
            edit_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[page_object.pk])
        except NoReverseMatch:
            edit_url = None
    return {
        "staff": True,
        "is_draft": is_draft,
        "edit_url": edit_url,
        "edit_label": page_object._meta.verbose_name,
    }
