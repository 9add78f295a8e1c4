"""The synthetic national dataset: marked as made up, kept apart from real content, and read
with the same number of queries as the real municipalities' pages."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.synthetic import MARKER, RealContentError, Shape, generate, vocabulary
from goals.models import FollowUp
from organisation.models import Municipality
from policies.models import Commitment
from tests.helpers.pages import HERNING_POLICY

pytestmark = pytest.mark.django_db

# 50 goals in each of three municipalities.
SMALL = Shape(
    themes=2,
    commitments_per_theme=10,
    initiatives_per_theme=5,
    tracks=2,
    sub_goals_per_track=4,
    council_commitments=5,
    budget_goals=5,
    follow_ups_per_goal=2,
)
SYNTHETIC_POLICY = "/syntetisk-002/politikker/boerne-og-ungepolitik/"
# (a real page, the same page of a synthetic municipality)
PAIRS = [
    ("/herning/", "/syntetisk-002/"),
    (HERNING_POLICY, SYNTHETIC_POLICY),
    (HERNING_POLICY + "dannelse/", SYNTHETIC_POLICY + "tema-1/"),
    ("/herning/maal/", "/syntetisk-002/maal/"),
    ("/herning/organisation/", "/syntetisk-002/organisation/"),
    ("/herning/organisation/bou/", "/syntetisk-002/organisation/enhed-1-1/"),
]


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def test_the_dataset_is_marked_shaped_as_asked_and_replaced_by_a_second_run(herning):
    assert SMALL.goals == 50
    assert generate(3, SMALL, alongside_real=True) == 150
    made_up = Municipality.objects.filter(slug__startswith="syntetisk-")
    assert [m.name for m in made_up] == [f"Syntetisk kommune {n:03}" for n in (1, 2, 3)]
    assert {m.description for m in made_up} == {MARKER}
    assert FollowUp.objects.for_municipality(made_up[0]).count() == 50 * SMALL.follow_ups_per_goal
    out = io.StringIO()
    call_command("check_tree", stdout=out)
    assert "gyldigt" in out.getvalue()
    generate(2, SMALL, alongside_real=True)
    assert Municipality.objects.filter(slug__startswith="syntetisk-").count() == 2


def test_the_made_up_text_has_the_real_contents_words_as_often_as_there(herning):
    words, cumulative = vocabulary()
    # The commonest words of a children's policy lead, stop words and "børn" first.
    assert {"og", "børn"} <= set(words[:5])
    assert not {"herning", "lyngby"} & set(words)
    counts = [after - before for before, after in zip((0, *cumulative[:-1]), cumulative, strict=True)]
    share = dict(zip(words, counts, strict=True))
    assert share["børn"] > 50 * share.get("sundhedspleje", 1)
    generate(2, SMALL, alongside_real=True)
    texts = Commitment.objects.filter(theme__policy__municipality__slug__startswith="syntetisk-")
    used = {word.strip(".").lower() for text in texts.values_list("text", flat=True) for word in text.split()}
    assert used <= set(words)


def test_it_refuses_a_database_with_real_municipalities(herning):
    with pytest.raises(RealContentError):
        generate(1, SMALL)
    assert not Municipality.objects.filter(slug__startswith="syntetisk-").exists()


def test_pages_take_as_many_queries_on_the_synthetic_dataset_as_on_the_real_content(client, herning):
    search = queries(client, "/soeg/?q=trivsel")
    generate(3, SMALL, alongside_real=True)
    for real, made_up in PAIRS:
        assert queries(client, made_up) == queries(client, real), made_up
    assert queries(client, "/soeg/?q=trivsel") == search
    assert "Syntetisk kommune" in client.get("/soeg/?q=trivsel").content.decode()
