"""A draft policy, and everything that stands under it, is never public.

One rule (core.models.ScopedQuerySet.published) serves every public read; this
test puts a draft with a unique word on every level and reads every public
surface for it.
"""

import pytest

from core.goalkinds import GOAL_KINDS
from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal, goal_page_url
from legal.models import Instrument, LegalReference
from organisation.models import OrganisationUnit
from policies.models import Commitment, Initiative, KeyMessage, Policy, Quote, Theme, ThemeSection
from search.services import rebuild_index
from strategies.models import Strategy, StrategyComponent

pytestmark = pytest.mark.django_db

WORD = "Kvælstofkladde"


@pytest.fixture
def draft(herning, django_capture_on_commit_callbacks):
    unit = OrganisationUnit.objects.get(municipality=herning, slug="cbl")
    with django_capture_on_commit_callbacks(execute=True):
        policy = Policy.objects.create(
            municipality=herning, title=f"{WORD} politik", slug="kladde", status=Policy.Status.DRAFT
        )
        theme = Theme.objects.create(policy=policy, title=f"{WORD} tema", slug="kladdetema")
        ThemeSection.objects.create(theme=theme, text=f"{WORD} afsnit")
        commitment = Commitment.objects.create(theme=theme, text=f"{WORD} vi vil", responsible_unit=unit)
        Initiative.objects.create(theme=theme, text=f"{WORD} tiltag", responsible_unit=unit)
        KeyMessage.objects.create(theme=theme, text=f"{WORD} budskab")
        Quote.objects.create(policy=policy, theme=theme, text=f"{WORD} citat")
        strategy = Strategy.objects.create(
            municipality=herning, policy=policy, title=f"{WORD} strategi", slug="ks"
        )
        StrategyComponent.objects.create(strategy=strategy, title=f"{WORD} delelement")
        track = GoalTrack.objects.create(
            municipality=herning, policy=policy, title=f"{WORD} målspor", slug="km", responsible_unit=unit
        )
        SubGoal.objects.create(track=track, text=f"{WORD} delmål", responsible_unit=unit)
        CouncilCommitment.objects.create(municipality=herning, policy=policy, text=f"{WORD} byrådet vil")
        BudgetGoal.objects.create(municipality=herning, policy=policy, title=f"{WORD} budgetmål", slug="kb")
        LegalReference.objects.create(
            instrument=Instrument.objects.get(slug="serviceloven"),
            relation=LegalReference.Relation.IMPLEMENTS,
            commitment=commitment,
        )
    return policy


def test_published_leaves_out_everything_under_a_draft(draft):
    for kind in GOAL_KINDS:
        everything = kind.model._default_manager.all()
        assert not [item for item in everything.published() if WORD in str(item)], kind.key
        assert [item for item in everything if WORD in str(item)], f"the fixture makes no {kind.key}"


PUBLIC_PAGES = [
    "/",
    "/herning/",
    "/herning/organisation/",
    "/herning/organisation/cbl/",
    "/herning/maal/",
    "/herning/maal/maal.csv",
    "/retsgrundlag/serviceloven/",
    "/daekning/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_public_page_shows_a_draft(client, draft, path):
    response = client.get(path)
    assert response.status_code == 200
    assert WORD not in response.content.decode()
    assert "/kladde/" not in response.content.decode()


def found_by_search(client, query):
    """The number of hits, which the page states (it repeats the query, so the word is always there)."""
    html = client.get("/soeg/", {"q": query}).content.decode()
    return int(html.split('<h2 id="resultater">')[1].split(" ")[0])


def test_search_finds_no_draft(client, draft):
    assert found_by_search(client, WORD) == 0


@pytest.mark.parametrize(
    "path",
    ["/herning/politikker/kladde/", "/herning/politikker/kladde/kladdetema/", "/herning/strategier/ks/"],
)
def test_a_drafts_own_pages_are_not_found(client, draft, path):
    assert client.get(path).status_code == 404


def test_a_full_index_rebuild_leaves_drafts_out_too(client, draft):
    rebuild_index()
    assert found_by_search(client, WORD) == 0


def test_publishing_makes_it_public(client, draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft.status = Policy.Status.ADOPTED
        draft.save()
    assert client.get("/herning/politikker/kladde/").status_code == 200
    assert WORD in client.get("/herning/maal/").content.decode()
    assert found_by_search(client, WORD) >= 10


def test_the_sitemap_lists_published_goal_pages_only(client, draft):
    xml = client.get("/sitemap.xml").content.decode()
    for kind in GOAL_KINDS:
        if not kind.is_goal:
            continue
        items = list(kind.model._default_manager.select_related(*kind.related))
        published = set(kind.model._default_manager.published().values_list("pk", flat=True))
        for item in items:
            listed = f"http://testserver{goal_page_url(item)}</loc>" in xml
            assert listed == (item.pk in published), (kind.key, item)
