"""What changed in a municipality's goals and follow-ups, newest first, read from the
history that django-simple-history keeps of all content.

Bounded: the latest `limit` changes of each kind are read (one query per kind and one
for the follow-ups), merged and cut to `limit`. Only what stands under a published
policy is shown, as everywhere else (core.models.published); who made a change is not
shown, since staff are not public persons.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.goalkinds import GOALS
from core.models import DRAFT
from goals.models import FOLLOW_UP_TARGETS, FollowUp

ACTIONS = {"+": _("Oprettet"), "~": _("Ændret"), "-": _("Slettet")}
FOLLOW_UP_ACTIONS = {"+": _("Ny opfølgning"), "~": _("Opfølgning rettet"), "-": _("Opfølgning slettet")}


@dataclass
class Change:
    date: datetime
    action: str
    kind: str
    text: str
    detail: str
    url: str
    key: str  # unique, for the feed's id


def _text(record):
    return getattr(record, "title", None) or record.text


def _url(municipality, record):
    if record.history_type == "-":
        return ""
    return reverse("overview:goal", args=[municipality.slug, record.instance.anchor])


def _goal_changes(municipality, limit):
    changes = []
    for kind in GOALS:
        model = kind.model
        records = (
            model.history.model.objects.filter(**{model.municipality_lookup: municipality.pk})
            .exclude(**{model.publication_lookup: DRAFT})
            .order_by("-history_date", "-history_id")[:limit]
        )
        for record in records:
            changes.append(
                Change(
                    record.history_date,
                    str(ACTIONS[record.history_type]),
                    str(kind.label),
                    _text(record),
                    "",
                    _url(municipality, record),
                    f"{kind.key}-{record.history_id}",
                )
            )
    return changes


def _follow_up_changes(municipality, limit):
    history = FollowUp.history.model
    mine, draft = Q(), Q()
    for kind in GOALS:
        mine |= Q(**{f"{kind.key}__{kind.model.municipality_lookup}": municipality.pk})
        draft |= Q(**{f"{kind.key}__{kind.model.publication_lookup}": DRAFT})
    records = (
        history.objects.filter(mine)
        .exclude(draft)
        .select_related(*FOLLOW_UP_TARGETS)
        .order_by("-history_date", "-history_id")[:limit]
    )
    changes = []
    for record in records:
        target = next(getattr(record, field) for field in FOLLOW_UP_TARGETS if getattr(record, f"{field}_id"))
        kind = next(kind for kind in GOALS if getattr(record, f"{kind.key}_id"))
        detail = _("pr. %(date)s: %(status)s") % {
            "date": date_format(record.date, "j. F Y"),
            "status": FollowUp.Status(record.status).label,
        }
        if record.progress is not None:
            detail += f", {record.progress} %"
        if record.text:
            detail += f": {record.text}"
        changes.append(
            Change(
                record.history_date,
                str(FOLLOW_UP_ACTIONS[record.history_type]),
                str(kind.label),
                _text(target),
                detail,
                reverse("overview:goal", args=[municipality.slug, target.anchor]),
                f"follow_up-{record.history_id}",
            )
        )
    return changes


def changes_of(municipality, limit=50):
    """The latest changes to the municipality's goals and follow-ups, newest first."""
    changes = _goal_changes(municipality, limit) + _follow_up_changes(municipality, limit)
    changes.sort(key=lambda change: change.date, reverse=True)
    return changes[:limit]
