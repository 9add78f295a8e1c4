"""What changed in a municipality's goals and follow-ups, newest first, read from the
history that django-simple-history keeps of all content.

Bounded: the latest `limit` changes of each goal kind and of the follow-ups of each are read
(one query for the goals and one for the follow-ups, each a union over the kinds; see
core.prepared), merged and cut to `limit`. Only what stands under a published policy
is shown, as everywhere else (core.models.published); who made a change is not shown, since
staff are not public persons.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.db.models import TextField, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.goalkinds import BY_KEY, GOALS
from core.models import DRAFT, municipality_condition
from core.prepared import rows_of_several
from goals.models import FollowUp

ACTIONS = {"+": _("Oprettet"), "~": _("Ændret"), "-": _("Slettet")}
FOLLOW_UP_ACTIONS = {"+": _("Ny opfølgning"), "~": _("Opfølgning rettet"), "-": _("Opfølgning slettet")}
GOAL_ORDER = {kind.key: index for index, kind in enumerate(GOALS)}


@dataclass
class Change:
    date: datetime
    action: str
    kind: str
    text: str
    detail: str
    url: str
    key: str  # unique, for the feed's id


def _label_field(model):
    """The field a goal is named by: its title where it has one, else its text."""
    return "title" if any(field.name == "title" for field in model._meta.fields) else "text"


def _anchor_field(model):
    return getattr(model, "anchor_field", "id")  # as goals.selectors reads it


def _anchor(kind, value):
    """The goal's anchor (its page's address), from the value of its anchor field."""
    return kind.model(**{_anchor_field(kind.model): value}).anchor


def _newest(parts, limit):
    """The union of the parts, cut to the newest `limit` rows of each part where the database
    allows a LIMIT inside a UNION (PostgreSQL: each part walks its own date index and stops),
    otherwise cut as a whole (the embedded SQLite of `make run`)."""
    order = ("-history_date", "-history_id")
    if connection.features.supports_slicing_ordering_in_compound:
        first, *rest = (part.order_by(*order)[:limit] for part in parts)
        return first.union(*rest, all=True)
    first, *rest = (part.order_by() for part in parts)
    return first.union(*rest, all=True).order_by(*order)[:limit]


def _goal_history(chosen, limit):
    """(kind key, history date, id, type, name, anchor value) of the latest `limit` changes of
    each goal kind, as it was then (each row's anchor and name are those of its record)."""
    parts = []
    for kind in GOALS:
        model = kind.model
        records = (
            model.history.model.objects.filter(**municipality_condition(model.municipality_lookup, chosen))
            .exclude(**{model.publication_lookup: DRAFT})
            .annotate(
                kind=Value(kind.key),
                name=Cast(_label_field(model), TextField()),
                anchor_value=Cast(_anchor_field(model), TextField()),
            )
            .values_list("kind", "history_date", "history_id", "history_type", "name", "anchor_value")
        )
        parts.append(records)
    return _newest(parts, limit)


def _follow_up_history(chosen, limit):
    """(kind key, history date, id, type, date, status, progress, text, the goal's name and
    anchor value) of the latest `limit` changes to the follow-ups of each goal kind; the goal
    as it is now, and only a published one."""
    history = FollowUp.history.model
    parts = []
    for kind in GOALS:
        model = kind.model
        goals = model._default_manager.published().for_municipality(chosen)
        records = (
            history.objects.filter(**{f"{kind.key}__in": goals.values("pk")})
            .annotate(
                kind=Value(kind.key),
                name=Cast(f"{kind.key}__{_label_field(model)}", TextField()),
                anchor_value=Cast(f"{kind.key}__{_anchor_field(model)}", TextField()),
            )
            .values_list(
                "kind",
                "history_date",
                "history_id",
                "history_type",
                "date",
                "status",
                "progress",
                "text",
                "name",
                "anchor_value",
            )
        )
        parts.append(records)
    return _newest(parts, limit)


def _url(municipality, kind, history_type, anchor_value):
    if history_type == "-":
        return ""
    return reverse("overview:goal", args=[municipality.slug, _anchor(kind, anchor_value)])


def _goal_changes(municipality, limit):
    # Kind by kind, newest first, so that changes of one moment keep the same order on every
    # request (changes_of sorts by date only).
    rows = sorted(
        rows_of_several(_goal_history, [municipality], limit),
        key=lambda row: (GOAL_ORDER[row[0]], -row[1].timestamp(), -row[2]),
    )
    changes = []
    for key, history_date, history_id, history_type, name, anchor_value in rows:
        kind = BY_KEY[key]
        changes.append(
            Change(
                history_date,
                str(ACTIONS[history_type]),
                str(kind.label),
                name,
                "",
                _url(municipality, kind, history_type, anchor_value),
                f"{kind.key}-{history_id}",
            )
        )
    return changes


def _follow_up_changes(municipality, limit):
    rows = sorted(
        rows_of_several(_follow_up_history, [municipality], limit),
        key=lambda row: (-row[1].timestamp(), -row[2]),
    )
    changes = []
    for key, history_date, history_id, history_type, date, status, progress, text, name, anchor_value in rows:
        kind = BY_KEY[key]
        detail = _("pr. %(date)s: %(status)s") % {
            "date": date_format(date, "j. F Y"),
            "status": FollowUp.Status(status).label,
        }
        if progress is not None:
            detail += f", {progress} %"
        if text:
            detail += f": {text}"
        changes.append(
            Change(
                history_date,
                str(FOLLOW_UP_ACTIONS[history_type]),
                str(kind.label),
                name,
                detail,
                reverse("overview:goal", args=[municipality.slug, _anchor(kind, anchor_value)]),
                f"follow_up-{history_id}",
            )
        )
    return changes


def changes_of(municipality, limit=50):
    """The latest changes to the municipality's goals and follow-ups, newest first."""
    changes = _goal_changes(municipality, limit) + _follow_up_changes(municipality, limit)
    changes.sort(key=lambda change: change.date, reverse=True)
    return changes[:limit]
