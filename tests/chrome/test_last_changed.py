"""Every page type says when what it shows last changed, and which documents it comes from.

An edit is saved with a history date far from the loading of the fixtures (simple_history
takes `_history_date`), so the date on the page moves visibly when the edit counts.
"""

from datetime import UTC, datetime

import pytest

from goals.models import FollowUp
from goals.selectors import goal_by_anchor
from legal.models import Instrument, LegalReference, Provision
from policies.models import Commitment, Policy
from tests.core.test_published import draft  # noqa: F401  (a fixture)
from tests.helpers.pages import assert_page

pytestmark = pytest.mark.django_db

EDITED = datetime(2031, 5, 17, 12, tzinfo=UTC)
EDITED_LINE = "sidst ændret den 17. maj 2031."
GOAL = "budgetmaal-styrket-inklusion"


def edit(obj, when=EDITED):
    obj._history_date = when
    obj.save()


def changed_line(client, path):
    html = assert_page(client.get(path))
    start = html.index('id="om-indholdet"')
    return html[start : html.index("</section>", start)]


def test_goal_overview_and_goal_page_move_with_an_edit_of_a_goal(client, herning):
    _kind, goal = goal_by_anchor(herning, GOAL)
    pages = ["/herning/maal/", f"/herning/maal/{GOAL}/", "/sammenlign/", "/daekning/"]
    for path in pages:
        assert EDITED_LINE not in changed_line(client, path), path
    edit(goal)
    for path in pages:
        assert EDITED_LINE in changed_line(client, path), path


def test_a_new_follow_up_moves_the_goal_pages(client, herning):
    _kind, goal = goal_by_anchor(herning, GOAL)
    follow_up = FollowUp(budget_goal=goal, date="2031-05-01", status="in_progress", progress=10)
    edit(follow_up)
    for path in ["/herning/maal/", f"/herning/maal/{GOAL}/", "/sammenlign/"]:
        assert EDITED_LINE in changed_line(client, path), path


def test_goal_pages_name_their_documents(client, herning):
    _kind, goal = goal_by_anchor(herning, GOAL)
    assert goal.source.title in changed_line(client, f"/herning/maal/{GOAL}/")
    overview = changed_line(client, "/herning/maal/")
    assert "Teksten på siden er hentet fra disse dokumenter fra kommunen:" in overview
    assert goal.source.title in overview
    # The documents of the other municipality are not the overview's.
    assert "Lyngby" not in overview


def test_changes_page_says_when_its_newest_change_was(client, herning):
    _kind, goal = goal_by_anchor(herning, GOAL)
    assert EDITED_LINE not in changed_line(client, "/herning/aendringer/")
    edit(goal)
    assert EDITED_LINE in changed_line(client, "/herning/aendringer/")


def test_legal_register_pages_move_with_an_edit_of_what_they_show(client):
    instrument = Instrument.objects.get(slug="serviceloven")
    provision = Provision.objects.get(instrument=instrument, slug="par-19-stk-2")
    instrument_page = "/retsgrundlag/serviceloven/"
    provision_page = "/retsgrundlag/serviceloven/par-19-stk-2/"
    for path in ["/retsgrundlag/", instrument_page, provision_page]:
        assert EDITED_LINE not in changed_line(client, path), path
    edit(provision)
    assert EDITED_LINE in changed_line(client, instrument_page)
    assert EDITED_LINE in changed_line(client, provision_page)
    assert EDITED_LINE not in changed_line(client, "/retsgrundlag/")
    edit(instrument)
    assert EDITED_LINE in changed_line(client, "/retsgrundlag/")


def test_a_goal_resting_on_a_provision_moves_its_page_and_names_its_document(client, herning):
    provision_page = "/retsgrundlag/serviceloven/par-19-stk-2/"
    policy = Policy.objects.get(municipality=herning, slug="boerne-og-ungepolitik")
    about = changed_line(client, provision_page)
    assert "skrevet af redaktionen" in about
    assert "Målene på siden er hentet fra disse dokumenter fra kommunerne:" in about
    assert f'{policy.source.title} <span class="muted">(Herning Kommune,' in about
    edit(policy)
    assert EDITED_LINE in changed_line(client, provision_page)


def test_search_says_when_the_published_content_last_changed(
    client,
    herning,
    draft,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    for path in ["/soeg/", "/soeg/?q=trivsel"]:
        about = changed_line(client, path)
        assert "Indholdet, der søges i, blev sidst ændret den" in about
        assert EDITED_LINE not in about
    # The date is the search index's, which an edit reaches when it is committed.
    # A change under a draft is not published content.
    with django_capture_on_commit_callbacks(execute=True):
        edit(Commitment.objects.filter(theme__policy=draft).first())
    assert EDITED_LINE not in changed_line(client, "/soeg/?q=trivsel")
    with django_capture_on_commit_callbacks(execute=True):
        edit(
            Commitment.objects.filter(theme__policy__municipality=herning)
            .exclude(theme__policy=draft)
            .first()
        )
    assert EDITED_LINE in changed_line(client, "/soeg/")


def test_a_theme_page_moves_with_the_references_it_shows_not_with_another_themes(client, herning):
    policy = Policy.objects.get(municipality=herning)
    page = f"{policy.get_absolute_url()}dannelse/"
    serviceloven = Instrument.objects.get(slug="serviceloven")
    other = policy.themes.exclude(slug="dannelse").first()
    edit(LegalReference(theme=other, instrument=serviceloven, relation="in_line_with"))
    assert EDITED_LINE in changed_line(client, policy.get_absolute_url())
    assert EDITED_LINE not in changed_line(client, page)
    edit(
        LegalReference(
            theme=policy.themes.get(slug="dannelse"), instrument=serviceloven, relation="in_line_with"
        )
    )
    assert EDITED_LINE in changed_line(client, page)
