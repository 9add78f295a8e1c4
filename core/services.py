"""Writes that any ordered model shares."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

ORDER_FIELD = "order"


def reorder(allowed, orders, within):
    """Give each row its new place: `orders` maps pk to order, all rows in `allowed`.

    All or nothing: a pk outside `allowed` (another municipality's row, a deleted
    one) or rows of more than one list (`within`: the field a list is ordered
    within, e.g. a theme's policy) change nothing. Each row is saved, so that the
    history records the move with its reason.
    """
    model = allowed.model
    with transaction.atomic():
        # Locked by pk alone: `allowed` may join nullable relations, which FOR UPDATE refuses.
        rows = list(
            model._default_manager.select_for_update()
            .filter(pk__in=allowed.filter(pk__in=orders).values("pk"))
            .order_by("pk")
        )
        lists = {getattr(row, model._meta.get_field(within).attname) for row in rows}
        if len(rows) != len(orders) or len(lists) > 1:
            raise PermissionDenied
        for row in rows:
            setattr(row, ORDER_FIELD, orders[row.pk])
            row._change_reason = gettext("Rækkefølgen ændret")
            row.save(update_fields=[ORDER_FIELD])
    return rows
