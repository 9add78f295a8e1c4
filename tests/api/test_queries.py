"""Every API request reads a fixed number of queries, however much content there is: the
same for one item as for a thousand, and for a small municipality as for a large one."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.resources import RESOURCES
from core.goalkinds import kind_of
from goals.models import FollowUp, SubGoal
from policies.models import Commitment, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def follow_ups(db):
    """Follow-ups on two kinds, so that the timelines are read too (the content has none)."""
    for model in (Commitment, SubGoal):
        for item in model.objects.published()[:3]:
            FollowUp.objects.create(
                date=date(2026, 3, 1), status="in_progress", progress=40, **{kind_of(item).key: item}
            )


# A list: 1 count (the paginator), 2 the page of items with what their page address and
# links need joined (api.resources: `related`), then per kind:
LIST = {resource.key: 2 for resource in RESOURCES}
LIST.update(
    {
        # 3 the units each one serves (prefetched)
        "unit": 3,
        # 3 all legal references, for each item's basis (direct or inherited from its parents)
        "policy": 3,
        "theme": 3,
        "strategy": 3,
        "component": 3,
        # 3 legal references, 4 every follow-up of the items (goals.followup)
        "sub_goal": 4,
        "council_commitment": 4,
        "budget_goal": 4,
        "commitment": 4,
        "initiative": 4,
        # 3 legal references, 4 the tracks' sub-goals, for the roll-up of progress, 5 follow-ups
        "goal_track": 5,
        # 3-12 what rests on each: the legal references and every published goal-like item,
        # one query per kind (legal.basis.resolve_all); 13 for provisions: what each replaced
        "instrument": 13,
        "provision": 14,
    }
)
# One item: the item, with everything joined, then the same extra reads as its list.
DETAIL = {key: count - 1 for key, count in LIST.items()}

OTHER = [
    # 1-6 the six kinds of goal, 7 legal references, 8 the goal tracks' sub-goals, 9 follow-ups
    ("/api/v1/goal/", 9),
    # as above, plus per kind: the instrument, its provisions, the references and the kind's
    # items for the basis they rest on (4 x 6 = 24), and no count query: the list is in memory
    ("/api/v1/goal/?legal_basis=barnets-lov", 31),
    # 1 the municipality, then each kind's own queries (ending with its legal register)
    ("/api/v1/download/herning.json", 70),
    # 1 items, 2 legal references, 3 follow-ups (a CSV has no count: it is not paginated)
    ("/api/v1/download/commitment.csv", 3),
    # 1 the municipalities, for a distribution each
    ("/api/v1/catalog.jsonld", 1),
    # 1 the municipalities, for their download links
    ("/api/v1/dokumentation/", 1),
    # the schema and the index read nothing
    ("/api/v1/schema/", 0),
    ("/api/v1/", 0),
]


def count(client, path, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200, (path, response.content[:300])
    return len(queries)


def municipality_with(client, key):
    """The municipality of the first item of a kind: one whose list is not empty."""
    for slug in ("herning", "lyngby-taarbaek"):
        if client.get(f"/api/v1/{key}/", {"municipality": slug, "page_size": 1}).json()["count"]:
            return slug
    raise AssertionError(key)


def test_a_list_reads_a_fixed_number_of_queries(client):
    wrong = {}
    for key, expected in LIST.items():
        path = f"/api/v1/{key}/"
        counts = [count(client, path), count(client, path, page_size=1)]
        if next(r for r in RESOURCES if r.key == key).scoped:
            # 1 more: the municipality named in the filter
            counts.append(count(client, path, municipality=municipality_with(client, key)) - 1)
        if set(counts) != {expected}:
            wrong[key] = counts
    assert wrong == {}


def test_an_item_reads_a_fixed_number_of_queries(client):
    wrong = {}
    for key, expected in DETAIL.items():
        first = client.get(f"/api/v1/{key}/", {"page_size": 1}).json()["results"][0]
        if (found := count(client, first["url"])) != expected:
            wrong[key] = found
    assert wrong == {}


def test_the_other_addresses_read_a_fixed_number_of_queries(client):
    wrong = {path: found for path, expected in OTHER if (found := count(client, path)) != expected}
    assert wrong == {}


def test_more_content_reads_no_more_queries(client, herning):
    before = count(client, "/api/v1/download/herning.json")
    theme = Theme.objects.for_municipality(herning).published().first()
    for number in range(3):
        commitment = Commitment.objects.create(
            theme=theme, text=f"Endnu et punkt {number}", order=99 + number
        )
        FollowUp.objects.create(commitment=commitment, date=date(2026, 5, 1), status="not_started")
    assert count(client, "/api/v1/download/herning.json") == before
