"""Reads of one goal by the anchor it has on every page (maalspor-<slug>, vi-vil-<pk> …)."""

from django.http import Http404

from core.goalkinds import GOALS, ancestors


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
        # The municipality is known: joined once more for the item and each parent, and ordered
        # by, it made PostgreSQL plan a join of nine tables longer than the rest of the page took;
        # so did LIMIT 1 (first()), where the anchor is unique within a municipality.
        related = [name for name in kind.related if not name.endswith("municipality")]
        rows = (
            model._default_manager.published()
            .for_municipality(municipality)
            .select_related(*related, "source")
            .filter(**{field: value})
            .order_by()
        )
        item = next(iter(rows), None)
        if item is not None:
            for node in ancestors(item):
                if getattr(node, "municipality_id", None) == municipality.pk:
                    node.municipality = municipality
            return kind, item
    raise Http404
