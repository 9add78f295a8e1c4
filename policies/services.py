"""Writes of a policy as a whole: publishing a draft, and preparing a new version as a draft.

An editor prepares a draft; a publisher makes it public with `publish()`. A new
version of an adopted policy is a copy of it, with everything it contains, as a
draft whose predecessor is the policy in force; publishing it replaces that one.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from legal.models import LegalReference
from policies.models import Policy

PUBLISH_PERMISSION = "publish_policy"


def may_publish(user, policy=None):
    """A publisher (or a superuser); for a given policy, only in their own municipality."""
    if not user.is_active or not user.is_staff:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(f"policies.{PUBLISH_PERMISSION}"):
        return False
    membership = getattr(user, "membership", None)
    return membership is not None and (policy is None or policy.municipality_id == membership.municipality_id)


def _record(obj, user, reason):
    obj._history_user = user
    obj._change_reason = reason[:100]


@transaction.atomic
def publish(policy, user):
    """Make a draft the policy in force; the policy it replaces becomes replaced."""
    if not may_publish(user, policy):
        raise PermissionDenied
    policy = Policy.objects.select_for_update(of=("self",)).select_related("predecessor").get(pk=policy.pk)
    if policy.status != Policy.Status.DRAFT:
        raise ValidationError(_("Kun en kladde kan offentliggøres."))
    policy.status = Policy.Status.ADOPTED
    _record(policy, user, _("Offentliggjort"))
    policy.save()
    old = policy.predecessor
    if old is not None and old.status != Policy.Status.REPLACED:
        old.status = Policy.Status.REPLACED
        _record(old, user, _("Afløst af %(title)s") % {"title": policy.title})
        old.save()
    return policy


def _copy(obj, user, reason, **changes):
    """Save a copy of `obj` with `changes` (its parents), recorded in its history."""
    obj.pk = obj.id = None
    obj._state.adding = True
    for name, value in changes.items():
        setattr(obj, name, value)
    _record(obj, user, reason)
    obj.save()
    return obj


def _copy_references(user, reason, **targets):
    """The legal references of one old item, now on its copy: `old_field=(old, new)`."""
    for field, (old, new) in targets.items():
        for reference in LegalReference.objects.filter(**{field: old}).order_by("order", "pk"):
            _copy(reference, user, reason, **{field: new})


def free_slug(municipality_id, slug):
    taken = set(Policy.objects.filter(municipality_id=municipality_id).values_list("slug", flat=True))
    base = f"{slug}-ny-version"[:70]
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


@transaction.atomic
def new_version(policy, user):
    """A draft copy of an adopted policy, with all it contains, that replaces it when published."""
    policy = Policy.objects.select_for_update().get(pk=policy.pk)
    if policy.status != Policy.Status.ADOPTED:
        raise ValidationError(_("Der kan kun laves en ny version af en vedtaget politik."))
    if Policy.objects.filter(predecessor=policy).exists():
        raise ValidationError(_("Der er allerede en ny version af politikken."))
    reason = _("Ny version af %(title)s") % {"title": policy.title}
    old_pk = policy.pk
    old = Policy.objects.get(pk=old_pk)
    draft = _copy(
        policy,
        user,
        reason,
        status=Policy.Status.DRAFT,
        predecessor=old,
        slug=free_slug(old.municipality_id, old.slug),
    )
    for relation in ("values", "actors"):
        for item in getattr(old, relation).order_by("order", "pk"):
            _copy(item, user, reason, policy=draft)
    for quote in old.quotes.filter(theme__isnull=True).order_by("order", "pk"):
        _copy(quote, user, reason, policy=draft)
    _copy_references(user, reason, policy=(old, draft))
    for theme in old.themes.order_by("order", "pk"):
        old_theme = type(theme).objects.get(pk=theme.pk)
        new_theme = _copy(theme, user, reason, policy=draft)
        for relation in ("sections", "key_messages"):
            for item in getattr(old_theme, relation).order_by("order", "pk"):
                _copy(item, user, reason, theme=new_theme)
        for quote in old_theme.quotes.order_by("order", "pk"):
            _copy(quote, user, reason, theme=new_theme, policy=draft)
        for relation, field in (("commitments", "commitment"), ("initiatives", "initiative")):
            for item in getattr(old_theme, relation).order_by("order", "pk"):
                old_item = type(item).objects.get(pk=item.pk)
                new_item = _copy(item, user, reason, theme=new_theme)
                _copy_references(user, reason, **{field: (old_item, new_item)})
        _copy_references(user, reason, theme=(old_theme, new_theme))
    return draft
