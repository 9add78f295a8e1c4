"""The policies app's public pages render the real content of both municipalities."""

import pytest
from django.utils.html import escape

from policies.models import Commitment, Initiative, Theme
from tests.helpers.pages import HERNING_POLICY, LYNGBY_POLICY, assert_page

pytestmark = pytest.mark.django_db


def test_herning_policy_page(client, herning):
    commitment = Commitment.objects.get(text__startswith="Børn og unge skal have respekt for forskellighed")
    theme = Theme.objects.get(policy__municipality=herning, slug="dannelse")
    html = assert_page(
        client.get(HERNING_POLICY),
        "Børne- og Ungepolitik",
        "Om politikkens status",
        "Her skaber vi venskaber",
        f'id="{theme.anchor}"',
        f'id="{commitment.anchor}"',
        escape(commitment.text),
        "Det hele leder tilbage til trivsel",
        "Skoleelev",
        "Meningsfulde Fællesskaber",
        "Serviceloven § 19, stk. 2",
        "som fra 1. januar 2024 er afløst af",
        "Om indholdet",
    )
    assert "<title>Børne- og Ungepolitik – Herning Kommune – policyhub</title>" in html


def test_lyngby_policy_page_shows_expired_banner_values_actors(client, lyngby):
    html = assert_page(
        client.get(LYNGBY_POLICY),
        "Politikken gælder ikke længere",
        "Forord",
        "Søren P. Rasmussen",
        "Værdier",
        "De professionelle aktører",
        "Sagsbehandlere og Forebyggelsescenteret",
        "Implementering",
        "Evaluering",
        "Anbringelsesreformen",
    )
    assert 'id="vaerdi-' in html


def test_herning_theme_page(client, herning):
    theme = Theme.objects.get(policy__municipality=herning, slug="dannelse")
    commitment = theme.commitments.first()
    html = assert_page(
        client.get(theme.get_absolute_url()),
        escape(commitment.text),
        f'id="{commitment.anchor}"',
        "FN&#x27;s verdensmål",
        "Medarbejder",
    )
    assert "<title>Temaet Dannelse – Børne- og Ungepolitik – Herning Kommune – policyhub</title>" in html
    assert html.index(">Forside<") < html.index(">Herning Kommune<") < html.index(">Børne- og Ungepolitik<")


def test_lyngby_theme_page_shows_initiatives_and_key_messages(client, lyngby):
    initiative = Initiative.objects.filter(text__startswith="BUT (Børn og Unge på Tværs)").first()
    html = assert_page(
        client.get(initiative.theme.get_absolute_url()),
        "Konkrete tiltag",
        f'id="{initiative.anchor}"',
        escape(initiative.text),
        "Børn og Unge på Tværs",
    )
    assert 'class="key-message"' in html
