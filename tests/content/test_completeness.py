"""The bundled content is complete against the source documents.

Counts per document were taken by reading the documents; where a document's
structure allows it, the list is also extracted from the document's own text
here, so that a fixture that drops or rewords an item fails.
"""

import re
import unicodedata

import pytest
from django.conf import settings

from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from legal.models import LegalReference
from organisation.models import CoreTask, OrganisationUnit, Person, PoliticalBody
from policies.models import (
    Actor,
    Commitment,
    Initiative,
    KeyMessage,
    Policy,
    PolicyValue,
    Quote,
    Theme,
    ThemeSection,
)
from policies.passages import PolicyPassage
from strategies.models import Strategy, StrategyComponent, StrategyPassage, StrategyTheme

SOURCES = settings.BASE_DIR / "fixtures" / "sources"
pytestmark = pytest.mark.django_db


def seed(name):
    path = next(SOURCES.glob(f"{name}_*.txt"), None)
    assert path is not None, f"Source document {name}_*.txt is missing from {SOURCES} (see its README.md)."
    return path.read_text(encoding="utf-8")


def normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def by_source(model, key, municipality_slug):
    rows = model._default_manager.filter(**{f"{model.municipality_lookup}__slug": municipality_slug})
    return rows.filter(source__key=key).count()


# (model, municipality, source document key, count)
EXPECTED = [
    # 000: Herning, the "Børn og Unge" web page
    (OrganisationUnit, "herning", "bou-website", 18),  # BOU, 3 centres, 5 + 4 + 5 units
    (CoreTask, "herning", "bou-website", 14),  # 8 kerneopgaver of BOU, 6 tasks of CBF
    (Person, "herning", "bou-website", 4),  # director and three centre chiefs
    (PoliticalBody, "herning", "bou-website", 1),  # Børne- og Familieudvalget
    (Strategy, "herning", "bou-website", 1),  # the inclusion strategy 2016-2020
    (GoalTrack, "herning", "bou-website", 2),
    (SubGoal, "herning", "bou-website", 5),
    (StrategyPassage, "herning", "bou-website", 1),  # what the page says about Herningmodellen
    (PolicyPassage, "herning", "bou-website", 1),  # a new policy is being prepared
    # 001: Herning, Kommuneplan 2021-2032
    (PoliticalBody, "herning", "kommuneplan", 1),  # Byrådet
    (Strategy, "herning", "kommuneplan", 2),  # Meningsfulde Fællesskaber, Herningmodellen
    (StrategyTheme, "herning", "kommuneplan", 4),
    (StrategyComponent, "herning", "kommuneplan", 4),
    (CouncilCommitment, "herning", "kommuneplan", 4),
    (PolicyPassage, "herning", "kommuneplan", 5),  # the plan's paragraphs about the policy
    # 002: Herning, the parents' boards page
    (Person, "herning", "foraeldrebestyrelser", 2),
    (PoliticalBody, "herning", "foraeldrebestyrelser", 1),  # Samrådet
    (BudgetGoal, "herning", "foraeldrebestyrelser", 4),  # three now, one more from 2023
    (PolicyPassage, "herning", "foraeldrebestyrelser", 3),
    (StrategyPassage, "herning", "foraeldrebestyrelser", 2),  # Meningsfulde Fællesskaber, Herningmodellen
    # 003: Herning, the policy document
    (Policy, "herning", "boerne-og-ungepolitik", 1),
    (Theme, "herning", "boerne-og-ungepolitik", 4),
    (Commitment, "herning", "boerne-og-ungepolitik", 12),
    (Quote, "herning", "boerne-og-ungepolitik", 9),
    # 004: Lyngby-Taarbæk, the policy (PDF)
    (OrganisationUnit, "lyngby-taarbaek", "politik", 4),
    (Person, "lyngby-taarbaek", "politik", 1),  # the mayor, who signs the foreword
    (PoliticalBody, "lyngby-taarbaek", "politik", 3),
    (Policy, "lyngby-taarbaek", "politik", 1),
    (PolicyValue, "lyngby-taarbaek", "politik", 5),
    (Theme, "lyngby-taarbaek", "politik", 6),
    (ThemeSection, "lyngby-taarbaek", "politik", 19),
    (KeyMessage, "lyngby-taarbaek", "politik", 12),
    (Initiative, "lyngby-taarbaek", "politik", 27),  # 3 + 6 + 4 + 4 + 5 + 5 konkrete tiltag
    (Quote, "lyngby-taarbaek", "politik", 7),  # placeholders ("Her kommer citat") left out
    (Actor, "lyngby-taarbaek", "politik", 10),
    (Commitment, "lyngby-taarbaek", "politik", 0),  # the document has no "Vi vil" lists
]


@pytest.mark.parametrize(("model", "municipality", "source", "count"), EXPECTED)
def test_counts_per_document(model, municipality, source, count):
    assert by_source(model, source, municipality) == count


def test_nothing_lacks_a_source_document():
    for model, *_ in EXPECTED:
        assert not model._default_manager.filter(source__isnull=True).exists(), model


def test_herning_vi_vil_lists_match_the_policy_document(herning):
    document = seed("003")
    lists = [
        [line[2:].strip() for line in chunk.strip().split("\n\n")[0].splitlines() if line.startswith("- ")]
        for chunk in document.split("Vi vil:")[1:]
    ]
    themes = Theme.objects.for_municipality(herning).prefetch_related("commitments").order_by("order")
    assert [[c.text for c in theme.commitments.all()] for theme in themes] == lists


def test_byraadet_vil_matches_the_municipal_plan(herning):
    section = seed("001").split("Byrådet vil")[1].split("Luk alle")[0]
    bullets = [line.strip(" •").strip() for line in section.splitlines() if line.strip().startswith("•")]
    texts = list(CouncilCommitment.objects.for_municipality(herning).values_list("text", flat=True))
    assert texts == bullets


def test_core_tasks_match_the_web_page(herning):
    section = seed("000").split("kerneopgaver:")[1].split("Børn og Unge ledes")[0]
    bullets = [line.strip(" •").strip() for line in section.splitlines() if line.strip().startswith("•")]
    bou = OrganisationUnit.objects.get(municipality=herning, slug="bou")
    assert [task.text for task in bou.core_tasks.all()] == bullets


def test_budget_goals_match_the_parents_page(herning):
    numbered = re.findall(r"^\s+\d\. (.+)$", seed("002"), flags=re.MULTILINE)
    titles = list(BudgetGoal.objects.for_municipality(herning).values_list("title", flat=True))
    assert titles[:3] == numbered
    assert BudgetGoal.objects.get(municipality=herning, title="Styrket inklusion").from_year == 2023


def test_lyngby_initiatives_per_theme_match_the_bullets_of_the_pdf(lyngby):
    document = seed("004")
    counts = []
    for chunk in document.split("konkrete tiltag")[1:]:
        # A list runs from the heading to the first line that is neither a
        # bullet nor a bullet's indented continuation.
        bullets = 0
        for line in chunk.splitlines()[1:]:
            if line.startswith("•"):
                bullets += 1
            elif line.strip() and not line.startswith(" "):
                break
        counts.append(bullets)
    themes = Theme.objects.for_municipality(lyngby).prefetch_related("initiatives").order_by("order")
    assert [len(theme.initiatives.all()) for theme in themes] == counts == [3, 6, 4, 4, 5, 5]


SAMPLES = [
    # (model, exact text as stored, the same words as they stand in the document)
    (Commitment, "Fokus på børn og unges trivsel – også den digitale trivsel", "003"),
    (
        Quote,
        "Alle skal blive så dygtige, de kan. Alle børns potentiale skal udnyttes til fulde. "
        "De dygtige skal udfordres tilstrækkeligt. Både fokus på de svage og stærke elever.",
        "003",
    ),
    (
        CouncilCommitment,
        "Understøtte børn og unge i udsatte positioner på det tidspunkt, hvor de har "
        "brug for det og så tæt på deres hverdagsliv som muligt",
        "001",
    ),
    (
        Initiative,
        "Ungerådet deltager aktivt i at etablere et nyt værested for unge, der skal skabe "
        "rammer for unges egne selvorganiserede aktiviteter og projekter.",
        "004",
    ),
    (
        # In the PDF text this paragraph runs on unbroken, with six words
        # hyphenated across lines. (Not "Trivsel og forebyggelse": extraction
        # put the end of its last sentence a page before its beginning.)
        ThemeSection,
        "Et anerkendende læringsmiljø er kendetegnet ved, at de professionelle tager højde for, at "
        "børn og unge lærer på forskellige måder. Lærere, pædagoger og andre voksne skal tage "
        "udgangspunkt i det enkelte barns ressourcer og forudsætninger, samt udfordre og understøtte "
        "dem gennem brug af differentierede metoder i undervisningen og andre aktiviteter. På den "
        "måde skabes de bedste forudsætninger for, at alle børn og unge kan gennemføre en uddannelse.",
        "004",
    ),
]


def dehyphenate(text):
    """Read PDF text as a reader does: join words hyphenated at line ends, ignore layout."""
    return normalise(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text))


PDF_DOCUMENTS = {"004"}


@pytest.mark.parametrize(("model", "text", "document"), SAMPLES)
def test_sample_texts_are_exact(model, text, document):
    assert model._default_manager.filter(text=text, source__seed_file__startswith=f"{document}_").count() == 1
    read = dehyphenate if document in PDF_DOCUMENTS else normalise
    assert normalise(text) in read(seed(document))


def test_quotes_carry_roles_never_names():
    names_in_documents = ["Charlotte Ringsmose", "Laust Joen Jakobsen", "Agi Csonka", "Søren"]
    for quote in Quote.objects.all():
        assert not any(name in quote.speaker_role or name in quote.text for name in names_in_documents)


def test_layout_placeholders_are_not_content():
    for model in (Quote, ThemeSection, KeyMessage, Initiative):
        for text in model._default_manager.values_list("text", flat=True):
            assert "Her kommer citat" not in text and "CITAT FRA" not in text.upper()


def test_discrepancies_are_shown_not_resolved_by_invention(herning):
    theme = Theme.objects.for_municipality(herning).get(slug="leg-laering-og-trivsel")
    assert theme.title == "Leg, læring og trivsel"
    assert "Leg og læring" in theme.discrepancy_note
    herningmodellen = Strategy.objects.get(municipality=herning, slug="herningmodellen")
    assert herningmodellen.components.count() == 4
    assert "fem" in herningmodellen.discrepancy_note


def test_every_legal_reference_of_the_documents_is_carried():
    citations = set(LegalReference.objects.filter(is_editorial=False).values_list("citation", flat=True))
    assert {"serviceloven (§ 19, stk.2)", "§19 i Serviceloven", "FN's 17 verdensmål"} <= citations
