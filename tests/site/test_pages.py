"""Every page type renders the real content of both municipalities."""

import pytest
from django.utils.html import escape

from goals.models import BudgetGoal
from policies.models import Commitment, Initiative, Theme

from .helpers import HERNING_POLICY, LYNGBY_POLICY, assert_page

pytestmark = pytest.mark.django_db


def test_front_page_links_municipalities_search_and_register(client, herning, lyngby):
    html = assert_page(client.get("/"), "Herning Kommune", "Lyngby-Taarbæk Kommune", breadcrumbs=False)
    assert 'href="/herning/"' in html and 'href="/lyngby-taarbaek/"' in html
    assert 'action="/soeg/"' in html
    assert 'href="/retsgrundlag/"' in html and 'href="/daekning/"' in html
    assert "<title>Forside – policyhub</title>" in html


def test_front_page_sends_strict_csp(client, herning):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_admin_has_no_csp(client, herning):
    assert "Content-Security-Policy" not in client.get("/admin/login/")


def test_herning_municipality_page(client, herning):
    html = assert_page(
        client.get("/herning/"),
        "Børne- og Ungepolitik",
        "Herningmodellen Børn og Unge",
        "Alle børn skal være en del af fællesskabet",
        "Christina Mølsted Madsen",
        "20 71 76 55",
        "christina.madsen@herning.dk",
    )
    assert 'href="/herning/maal/"' in html and 'href="/herning/organisation/"' in html


def test_lyngby_municipality_page_marks_expired_policy(client, lyngby):
    assert_page(
        client.get("/lyngby-taarbaek/"), "Sammenhængende børne- og ungepolitik", "Udløbet", "2013–2017"
    )


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
        "Afløst af",
        "Kilder",
    )
    assert "<title>Børne- og Ungepolitik – Herning Kommune – policyhub</title>" in html


def test_lyngby_policy_page_shows_expired_banner_values_actors(client, lyngby):
    html = assert_page(
        client.get(LYNGBY_POLICY),
        "Politikken er udløbet",
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


def test_strategy_page(client, herning):
    assert_page(
        client.get("/herning/strategier/herningmodellen/"),
        "Herningmodel Social",
        'id="delelement-',
        "Kilderne siger noget forskelligt",
        "via Børne- og Ungepolitik",
        'href="/herning/politikker/boerne-og-ungepolitik/"',
    )
    assert_page(
        client.get("/herning/strategier/inklusionsstrategi-2016-2020/"),
        "FN&#x27;s Børnekonvention",
        "2016–2020",
    )


def test_organisation_tree(client, herning, lyngby):
    html = assert_page(
        client.get("/herning/organisation/"), "<details", "<summary>", "Center for Børn og Læring"
    )
    assert 'href="/herning/organisation/cbf-tandplejen/"' in html
    assert_page(client.get("/lyngby-taarbaek/organisation/"), "Børn og Unge på Tværs")


def test_unit_page(client, herning, lyngby):
    assert_page(
        client.get("/herning/organisation/bou/"),
        "Louise Raunkjær",
        "Dagpleje",
        "Center for Udvikling og Økonomi",
        "Børne- og Familieudvalget",
        "Alle børn skal være en del af fællesskabet",
    )
    assert_page(
        client.get("/lyngby-taarbaek/organisation/but/"),
        "Sammenhængende børne- og ungepolitik",
        "tidlig sammenhængende indsats",
    )


def test_goal_overview_both_municipalities(client, herning, lyngby):
    html = assert_page(
        client.get("/herning/maal/"),
        "Målspor",
        "Delmål",
        "Byrådet vil",
        "Budgetmål",
        "Vi vil",
        "via Børne- og Ungepolitik",
        "Redaktionel henvisning – ikke kommunens egen formulering",
        "Afløst af",
        "fra 1. januar 2024",
        'href="/retsgrundlag/barnets-lov/par-15-stk-1/"',
    )
    assert 'id="budgetmaal-styrket-inklusion"' in html
    assert_page(client.get("/lyngby-taarbaek/maal/"), "Konkrete tiltag", "Fælles visitation")


def test_legal_index_groups_by_bindingness(client, herning):
    assert_page(
        client.get("/retsgrundlag/"),
        "Dansk lov",
        "Konvention, som Danmark har ratificeret",
        "Erklæring uden retlig binding",
        "Serviceloven",
    )


def test_instrument_page(client, herning):
    assert_page(
        client.get("/retsgrundlag/serviceloven/"),
        "Lov om social service",
        "https://www.retsinformation.dk/eli/lta/2005/573",
        "Dannet efter ELI-mønstret",
        "LBK nr. 170 af 2022",
        "§ 19, stk. 2",
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
    )


def test_provision_page_replaced_and_resting_goals(client, herning, lyngby):
    html = assert_page(
        client.get("/retsgrundlag/serviceloven/par-19-stk-2/"),
        "Afløst af",
        'href="/retsgrundlag/barnets-lov/par-15-stk-1/"',
        "Barnets lov § 15, stk. 1",
        "fra 1. januar 2024",
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
        'href="/herning/politikker/boerne-og-ungepolitik/"',
        'href="/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/"',
    )
    assert "via Børne- og Ungepolitik" in html
    successor = assert_page(
        client.get("/retsgrundlag/barnets-lov/par-15-stk-1/"), "Serviceloven § 19, stk. 2"
    )
    assert "afløste fra 1. januar 2024" in successor


def test_coverage_page(client, herning, lyngby):
    assert_page(
        client.get("/daekning/"),
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
        "Direkte retsgrundlag",
        "Arvet retsgrundlag",
        "Hviler på en afløst bestemmelse",
        "Barnets lov § 15, stk. 1",
    )


def test_budget_goal_links_to_its_anchor(client, herning):
    goal = BudgetGoal.objects.get(municipality=herning, slug="elevfravaer")
    assert goal.get_absolute_url() == f"/herning/maal/#{goal.anchor}"


def test_sitemap_lists_every_page_type(client, herning, lyngby):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in [
        "http://testserver/</loc>",
        "/herning/</loc>",
        "/herning/organisation/</loc>",
        "/herning/organisation/cbl/</loc>",
        HERNING_POLICY + "</loc>",
        LYNGBY_POLICY + "fritid-og-kultur/</loc>",
        "/herning/strategier/herningmodellen/</loc>",
        "/lyngby-taarbaek/maal/</loc>",
        "/retsgrundlag/</loc>",
        "/retsgrundlag/serviceloven/</loc>",
        "/retsgrundlag/serviceloven/par-19-stk-2/</loc>",
        "/daekning/</loc>",
    ]:
        assert path in xml, path


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
