"""The policies app's public pages render the real content of both municipalities."""

import pytest
from django.utils.html import escape

from legal.models import Instrument, LegalReference, Provision
from policies.models import Commitment, Initiative, Quote, Theme
from policies.passages import PolicyPassage
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
    assert "<title>Børne- og Ungepolitik – Herning Kommune – Børne- og ungepolitikker</title>" in html


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


def test_the_policy_page_shows_other_documents_passages_in_order_each_with_its_source(client, herning):
    passages = list(PolicyPassage.objects.filter(policy__municipality=herning).order_by("order"))
    assert len(passages) > 5
    html = client.get(HERNING_POLICY).content.decode()
    section = html[html.index('id="andre-dokumenter"') : html.index('id="retsgrundlag"')]
    starts = [section.index(f'id="{passage.anchor}"') for passage in passages]
    assert starts == sorted(starts)
    for passage, start, end in zip(passages, starts, [*starts[1:], len(section)], strict=True):
        # One closed group per document: the passage stands under its own document's summary.
        summary = section[section.rindex("<summary", 0, start) : start]
        assert f"Fra »{escape(passage.source.title)}«" in summary
        assert escape(passage.text.split("\n")[0]) in section[start:end]
    assert "Det er et lovkrav, jf. serviceloven (§ 19, stk.2)" in section


def test_lyngbys_unlabelled_quote_stands_after_the_themes_and_before_the_actors(client, lyngby):
    quote = Quote.objects.get(
        policy__municipality=lyngby, text__startswith="Skolen skal lytte til forældrene"
    )
    last_theme = Theme.objects.filter(policy__municipality=lyngby).order_by("-order").first()
    html = client.get(LYNGBY_POLICY).content.decode()
    at = html.index(f'id="{quote.anchor}"')
    assert html.index(f'id="{last_theme.anchor}"') < at < html.index('id="udfoerelse"')
    assert html.count("Skolen skal lytte til forældrene") == 1


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
    assert (
        "<title>Temaet Dannelse – Børne- og Ungepolitik – Herning Kommune – Børne- og ungepolitikker</title>"
        in html
    )
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


def test_a_kinds_heading_is_singular_over_one_item(client, lyngby):
    theme = Theme.objects.get(policy__municipality=lyngby, slug="laering-og-kompetencer")
    kept = theme.initiatives.order_by("order").first()
    theme.initiatives.exclude(pk=kept.pk).delete()
    html = client.get(theme.get_absolute_url()).content.decode()
    assert ">Konkret tiltag</h2>" in html or ">Konkret tiltag</h3>" in html
    assert "Konkrete tiltag" not in html
    many = Theme.objects.get(policy__municipality=lyngby, slug="fritid-og-kultur")
    assert "Konkrete tiltag" in client.get(many.get_absolute_url()).content.decode()


def test_a_signature_keeps_the_job_title_in_lower_case_after_the_comma(client, lyngby):
    assert "Søren P. Rasmussen, borgmester" in client.get(LYNGBY_POLICY).content.decode()


def test_an_item_with_references_of_its_own_lists_them_in_its_row_and_others_link_to_the_basis_they_inherit(
    client, lyngby
):
    # No item in the real content has references of its own; a row lists them, in order and
    # separated by semicolons, instead of the link to the basis the others inherit.
    initiative = Initiative.objects.filter(theme__policy__municipality=lyngby).order_by("pk").first()
    other = Initiative.objects.filter(theme=initiative.theme).exclude(pk=initiative.pk).first()
    serviceloven = Instrument.objects.get(slug="serviceloven")
    provision = Provision.objects.filter(instrument=serviceloven).first()
    LegalReference.objects.create(
        initiative=initiative,
        instrument=serviceloven,
        provision=provision,
        relation="implements",
        citation="<§ 19>",
    )
    LegalReference.objects.create(
        initiative=initiative,
        instrument=Instrument.objects.get(slug="boernekonventionen"),
        relation="in_line_with",
    )
    for path in (LYNGBY_POLICY, initiative.theme.get_absolute_url()):
        html = client.get(path).content.decode()
        row = html[html.index(f'<li id="{initiative.anchor}" class="item">') :]
        row = row[: row.index("</li>")]
        assert '<p class="item-basis"><span class="reference">' in row
        assert f'<a href="{provision.get_absolute_url()}">' in row
        assert "&lt;§ 19&gt;" in row and "<§ 19>" not in row
        assert '</span>\n; <span class="reference">' in row  # includes/reference.html ends its line
        assert '<a href="/retsgrundlag/boernekonventionen/">' in row
        assert "Grundlag: som" not in row
        other_row = html[html.index(f'<li id="{other.anchor}" class="item">') :]
        other_row = other_row[: other_row.index("</li>")]
        assert "item-basis" not in other_row
        assert 'aria-label="Link til punktet: ' in other_row
        assert "Grundlag: som politikken" in other_row  # Lyngby's themes cite nothing of their own
