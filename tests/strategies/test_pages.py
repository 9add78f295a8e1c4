"""The strategies app's public pages render the real content of both municipalities."""

import pytest

from tests.helpers.pages import assert_page

pytestmark = pytest.mark.django_db


def test_strategy_page(client, herning):
    assert_page(
        client.get("/herning/strategier/herningmodellen/"),
        "Herningmodel Social",
        'id="delelement-',
        "Om kilderne",
        "Hviler på det samme som Børne- og Ungepolitik.",
        'href="/herning/politikker/boerne-og-ungepolitik/"',
    )
    assert_page(
        client.get("/herning/strategier/inklusionsstrategi-2016-2020/"),
        "FN&#x27;s Børnekonvention",
        "2016–2020",
    )
