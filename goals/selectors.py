"""Reads of one goal by the anchor it has on every page (maalspor-<slug>, vi-vil-<pk> …)."""

from django.http import Http404

from core.goalkinds import GOALS


def goal_by_anchor(municipality, anchor):
    """The published goal of the municipality with that anchor, its parents joined; Http404 if none.

    Each model names its anchor's prefix and the field after it (`anchor_prefix`,
    `anchor_field`, the pk unless said otherwise), so the kinds are walked, not listed.
    """
    for kind in GOALS:
        model = kind.model
        prefix = f"{model.anchor_prefix}-"
        if not anchor.startswith(prefix):
            continue
        value = anchor.removeprefix(prefix)
        field = getattr(model, "anchor_field", "pk")
        if field == "pk" and not value.isdigit():
            continue
        rows = (
            model._default_manager.published()
            .for_municipality(municipality)
            .select_related(*kind.related, "source")
            .filter(**{field: value})
        )
        item = rows.first()
        if item is not None:
            return kind, item
    raise Http404
