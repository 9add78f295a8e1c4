"""Reindex what staff change in the admin, once the change is committed.

A container (a policy, a theme, a strategy, a goal track, a municipality)
appears in the URLs and context lines of everything under it, so changing one
rebuilds its municipality's entries; any other item reindexes itself alone.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from goals.models import GoalTrack
from legal.models import Instrument
from organisation.models import CoreTask, Municipality
from policies.models import Policy, Theme, ThemeSection
from search import services
from strategies.models import Strategy

CONTAINERS = (Municipality, Policy, Theme, Strategy, GoalTrack)
# Children whose text is part of their parent's entry.
PART_OF_PARENT = {ThemeSection: "theme", CoreTask: "unit"}


_state = threading.local()


@contextmanager
def suspended():
    """For bulk writers (the content loader) that rebuild the index once at the end."""
    _state.suspended = True
    try:
        yield
    finally:
        _state.suspended = False


def _active():
    return not getattr(_state, "suspended", False)


def _municipality_of(obj):
    return (
        type(obj)
        ._default_manager.filter(pk=obj.pk)
        .values_list(type(obj).municipality_lookup, flat=True)
        .first()
    )


def _on_change(sender, instance, raw=False, **kwargs):
    if raw or not _active():
        return
    if isinstance(instance, CONTAINERS):
        municipality_id = _municipality_of(instance)
        if municipality_id is not None:
            municipality = Municipality.objects.get(pk=municipality_id)
            transaction.on_commit(lambda: services.rebuild_index(municipality))
        return
    if sender in PART_OF_PARENT:
        parent = getattr(instance, PART_OF_PARENT[sender])
        transaction.on_commit(lambda: services.index_object(parent))
        return
    if isinstance(instance, Instrument):
        transaction.on_commit(lambda: services.reindex_instrument(instance))
        return
    transaction.on_commit(lambda: services.index_object(instance))


def _on_delete(sender, instance, **kwargs):
    if not _active():
        return
    if sender in PART_OF_PARENT:
        parent_id = getattr(instance, f"{PART_OF_PARENT[sender]}_id")
        parent_model = sender._meta.get_field(PART_OF_PARENT[sender]).related_model

        def reindex_parent():
            parent = parent_model._default_manager.filter(pk=parent_id).first()
            if parent is not None:
                services.index_object(parent)

        transaction.on_commit(reindex_parent)
        return
    services.remove_object(instance)


def connect():
    for model in [*services.INDEXED_MODELS, *PART_OF_PARENT, Municipality]:
        post_save.connect(_on_change, sender=model, dispatch_uid=f"search-save-{model._meta.label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{model._meta.label}")
