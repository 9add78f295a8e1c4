"""What the serializers need beyond an item's own row, read for a whole page of items at
once: a fixed number of queries whatever the number of items.

- legal basis (direct or inherited): all references in one query (legal.basis);
- follow-up timeline and state: all follow-ups of the items in one query, plus a goal
  track's sub-goals and theirs for the roll-up (goals.followup);
- responsible (direct or inherited): from the joined parents (goals.responsibility);
- what rests on a provision or an instrument: every published goal-like item, one query
  per kind (legal.basis.resolve_all).
"""

from collections import defaultdict

from api.serializers import api_url
from core.goalkinds import kind_of
from goals.followup import attach_follow_ups, attach_roll_ups, progress_of
from goals.models import FollowUp, SubGoal
from goals.responsibility import responsible_of
from legal.basis import BasisIndex, read_references, resolve_all
from legal.models import Provision
from organisation.models import OrganisationUnit


def _reference(request, reference):
    successor = reference.successor
    return {
        "instrument": api_url(request, type(reference.instrument), reference.instrument_id),
        "provision": api_url(request, Provision, reference.provision_id) if reference.provision_id else None,
        "label": reference.target_label,
        "relation": reference.relation,
        "citation": reference.citation,
        "is_editorial": reference.is_editorial,
        "replaced_by": api_url(request, Provision, successor.pk) if successor is not None else None,
    }


def _link(request, item):
    return api_url(request, type(item), item.pk) if item is not None else None


def attach_basis(items, request):
    index = BasisIndex(read_references())
    for item in items:
        basis = index.basis_of(item)
        item.api_basis = {
            "references": [_reference(request, reference) for reference in basis.references],
            "inherited_from": _link(request, basis.inherited_from),
        }


def attach_responsible(items, request):
    for item in items:
        found = responsible_of(item)
        unit = body = None
        if isinstance(found.responsible, OrganisationUnit):
            unit = _link(request, found.responsible)
        elif found.responsible is not None:
            body = _link(request, found.responsible)
        item.api_responsible = {
            "unit": unit,
            "body": body,
            "inherited_from": _link(request, found.inherited_from),
        }


def _state(entry):
    return {
        "date": entry.date,
        "status": entry.status,
        "status_label": str(entry.get_status_display()),
        "progress": entry.progress,
        "text": entry.text,
    }


def attach_follow_up(items):
    goals = [item for item in items if kind_of(item).is_goal]
    tracks = [item for item in goals if kind_of(item).key == "goal_track"]
    # A track's progress is rolled up from all its sub-goals, listed or not.
    sub_goals = list(SubGoal.objects.published().filter(track__in=tracks)) if tracks else []
    attach_follow_ups(goals + sub_goals)
    attach_roll_ups(tracks + sub_goals)
    for item in goals:
        progress, computed = progress_of(item)
        state = item.state
        item.api_follow_up = {
            "status": state.status if state is not None else FollowUp.NOT_FOLLOWED_UP,
            "status_label": str(
                state.get_status_display() if state is not None else FollowUp.NOT_FOLLOWED_UP_LABEL
            ),
            "progress": progress,
            "progress_is_computed": computed,
            "timeline": [_state(entry) for entry in item.timeline],
        }


def attach_resting(items, request, key):
    """For provisions or instruments: the API address of every goal-like item resting on each."""
    resting = defaultdict(list)
    for goal in resolve_all():
        for reference in goal.basis.references:
            target = reference.provision_id if key == "provision" else reference.instrument_id
            if target:
                resting[target].append(_link(request, goal.item))
    for item in items:
        item.api_resting = list(dict.fromkeys(resting.get(item.pk, [])))


def prepare(resource, items, request):
    """Attach what the resource's serializer reads; returns the items."""
    if resource.goal_kind is not None:
        attach_basis(items, request)
        attach_responsible(items, request)
    if resource.is_goal:
        attach_follow_up(items)
    if resource.key in ("provision", "instrument"):
        attach_resting(items, request, resource.key)
    return items
