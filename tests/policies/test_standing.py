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
    said = (
        "Siden har ingen nyere politik fra kommunen. "
        "Politikken er ikke afløst og gælder derfor, indtil en ny er vedtaget. "
        "Kommunen skriver, at en ny politik er under udarbejdelse."
    )
    assert said in page
    # The editors' note stands under "Om kilderne" on the policy's page, never in the reading flow.
    assert "Siden om forældrebestyrelser skriver" not in page
    policy = client.get(HERNING_POLICY).content.decode()
    assert "Perioden 2018–2022 er slut, men politikken gælder stadig" in policy
    assert "Kommunen skriver, at en ny politik er under udarbejdelse." in policy
    assert policy.index("Kommunen skriver, at en ny politik") < policy.index('id="om-kilderne"')


@pytest.mark.django_db
def test_lyngby_says_plainly_that_nothing_newer_is_held(client, lyngby):
    page = client.get("/lyngby-taarbaek/").content.decode()
    assert '<span class="badge badge-warning">Udløbet</span>' in page
    said = (
        "Siden har ingen nyere politik fra kommunen. "
        "Ifølge politikken selv skulle den revideres, når perioden sluttede i 2017."
    )
    assert said in page
    assert "Dokumentet nævner ingen afløser." not in page
    policy = client.get(LYNGBY_POLICY).content.decode()
    assert "Politikken gælder ikke længere" in policy
    assert said in policy


@pytest.mark.parametrize(
    ("outlook", "period_end", "text"),
    [
        ("", 2017, ""),
        ("in_preparation", 2022, "Kommunen skriver, at en ny politik er under udarbejdelse."),
        ("revision_due", 2017, "Ifølge politikken selv skulle den revideres, når perioden sluttede i 2017."),
        ("revision_due", None, "Ifølge politikken selv skulle den revideres, når perioden sluttede."),
    ],
)
def test_the_successor_text_is_derived_from_what_the_documents_say(outlook, period_end, text):
    policy = Policy(status=Policy.Status.EXPIRED, period_end=period_end, successor_outlook=outlook)
    assert policy.successor_text == text


@pytest.mark.django_db
def test_editor_notes_stand_at_the_end_under_om_kilderne(client, herning):
    page = client.get(HERNING_POLICY).content.decode()
    note = page.index("Siden om forældrebestyrelser skriver")
    assert page.index('id="om-kilderne"') < note
    assert page.index("Om indholdet") < note
    assert "Indholdet blev sidst ændret den" in page
    assert "Teksten på siden er hentet fra" in page
