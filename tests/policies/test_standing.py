"""One status vocabulary, derived in one place (Policy.standing), shown on every page of a policy."""

import pytest
from django.utils import timezone

from policies.models import Policy, Standing
from tests.helpers.pages import HERNING_POLICY, LYNGBY_POLICY

THIS_YEAR = timezone.localdate().year


@pytest.mark.parametrize(
    ("status", "period_end", "standing", "past_period"),
    [
        (Policy.Status.ADOPTED, THIS_YEAR + 1, Standing.IN_FORCE, False),
        # Adopted and never replaced: in force beyond the period it names (Herning's 2018–2022).
        (Policy.Status.ADOPTED, THIS_YEAR - 1, Standing.IN_FORCE, True),
        (Policy.Status.ADOPTED, None, Standing.IN_FORCE, False),
        (Policy.Status.EXPIRED, THIS_YEAR - 1, Standing.EXPIRED, False),
        (Policy.Status.REPLACED, THIS_YEAR - 1, Standing.REPLACED, False),
        (Policy.Status.DRAFT, None, Standing.IN_PREPARATION, False),
    ],
)
def test_standing_is_derived_from_status_and_period(status, period_end, standing, past_period):
    policy = Policy(status=status, period_start=2018, period_end=period_end)
    assert policy.standing is standing
    assert policy.runs_past_period is past_period
    assert policy.standing_label == standing.label


def test_the_vocabulary_has_four_words_and_badge_variants():
    words = {str(kind.label) for kind in (Standing.IN_FORCE, Standing.EXPIRED, Standing.REPLACED)}
    assert words == {"Gældende", "Udløbet", "Afløst"}
    assert str(Standing.IN_PREPARATION.label) == "Under udarbejdelse"
    assert Standing.IN_FORCE.variant == "success"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/herning/", HERNING_POLICY, HERNING_POLICY + "dannelse/", "/herning/strategier/herningmodellen/"],
)
def test_herning_is_in_force_as_a_tag_with_its_period_everywhere(client, herning, path):
    page = client.get(path).content.decode()
    assert '<span class="badge badge-success">Gældende</span>' in page
    assert "2018–2022" in page
    assert "Vedtaget</span>" not in page


@pytest.mark.django_db
def test_herning_says_its_period_is_over_and_what_the_sources_say_of_a_new_policy(client, herning):
    page = client.get("/herning/").content.decode()
    assert "Siden har ingen nyere politik fra kommunen." in page
    assert "under udarbejdelse" in page
    policy = client.get(HERNING_POLICY).content.decode()
    assert "Perioden 2018–2022 er slut, men politikken gælder stadig" in policy


@pytest.mark.django_db
def test_lyngby_says_plainly_that_nothing_newer_is_held(client, lyngby):
    page = client.get("/lyngby-taarbaek/").content.decode()
    assert '<span class="badge badge-warning">Udløbet</span>' in page
    assert "Siden har ingen nyere politik fra kommunen." in page
    assert "Dokumentet nævner ingen afløser." in page
    assert "Politikken gælder ikke længere" in client.get(LYNGBY_POLICY).content.decode()


@pytest.mark.django_db
def test_editor_notes_stand_at_the_end_under_om_kilderne(client, herning):
    page = client.get(HERNING_POLICY).content.decode()
    note = page.index("Siden om forældrebestyrelser skriver")
    assert page.index('id="om-kilderne"') < note
    assert page.index("Om indholdet") < note
    assert "Indholdet blev sidst ændret den" in page
    assert "Teksten på siden er hentet fra" in page
