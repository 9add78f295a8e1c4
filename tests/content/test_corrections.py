"""Corrections from reading the content against the documents line by line (issue 13).

Each test holds one thing a document says, or does not say, so that the
content cannot drift back.
"""

import pytest

from goals.models import GoalTrack
from legal.models import Consolidation, LegalReference, Provision
from organisation.models import OrganisationUnit, Person
from policies.models import Actor, Policy, Quote, ThemeSection
from policies.passages import PolicyPassage
from strategies.models import Strategy, StrategyPassage

pytestmark = pytest.mark.django_db


def test_the_inclusion_strategy_2016_2020_stands_under_no_policy_and_inherits_nothing(herning):
    strategy = Strategy.objects.get(municipality=herning, slug="inklusionsstrategi-2016-2020")
    assert strategy.policy is None
    own = set(LegalReference.objects.filter(strategy=strategy).values_list("instrument__slug", flat=True))
    assert own == {"boernekonventionen", "salamanca-erklaeringen"}
    under_policy = Strategy.objects.filter(municipality=herning, policy__isnull=False).values_list(
        "slug", flat=True
    )
    assert sorted(under_policy) == ["herningmodellen", "meningsfulde-faellesskaber"]


def test_every_item_names_the_document_it_stands_in(herning):
    meningsfulde = Strategy.objects.get(municipality=herning, slug="meningsfulde-faellesskaber")
    assert "forældrebestyrelser, faglige organisationer, andre forvaltninger" not in meningsfulde.description
    assert meningsfulde.passages.get().source.key == "foraeldrebestyrelser"
    herningmodellen = Strategy.objects.get(municipality=herning, slug="herningmodellen")
    assert "almene positioner" not in herningmodellen.description
    assert "fem delelementer" not in herningmodellen.description
    assert [(p.title, p.source.key) for p in herningmodellen.passages.all()] == [
        ("Herningmodellen Børn & Unge", "bou-website"),
        ("Herningmodellen", "foraeldrebestyrelser"),
    ]
    for track in GoalTrack.objects.filter(municipality=herning):
        assert track.source.key == "bou-website"
        assert "udstikker rammerne" not in track.description  # the parents' page's words


def test_the_parents_page_says_why_the_policy_exists_in_its_own_words(herning):
    passages = PolicyPassage.objects.filter(policy__municipality=herning)
    duty = passages.get(text__contains="Det er et lovkrav, jf. serviceloven (§ 19, stk.2)")
    assert duty.source.key == "foraeldrebestyrelser"
    boards = passages.get(text__contains="forældrebestyrelserne i dagtilbud og skole være med til at omsætte")
    assert boards.source.key == "foraeldrebestyrelser"
    assert passages.filter(source__key="kommuneplan").count() == 5


def test_workshop_quotes_carry_the_documents_label_not_an_invented_speaker(lyngby):
    workshop = Quote.objects.filter(policy__municipality=lyngby, context="SAGT PÅ UNGEWORKSHOP")
    assert workshop.count() == 4
    assert set(workshop.values_list("speaker_role", flat=True)) == {""}
    assert not Quote.objects.filter(speaker_role__icontains="ungeworkshop").exists()


def test_the_unlabelled_quote_stands_outside_the_themes(lyngby):
    quote = Quote.objects.get(
        policy__municipality=lyngby, text__startswith="Skolen skal lytte til forældrene"
    )
    assert quote.theme is None
    assert quote.speaker_role == "" and quote.context == ""


def test_the_cultural_institutions_are_professional_actors_after_the_caseworkers(lyngby):
    actors = list(Actor.objects.filter(policy__municipality=lyngby).order_by("order"))
    names = [actor.name for actor in actors]
    cultural = names.index(next(n for n in names if n.startswith("De kulturelle institutioner")))
    assert names[cultural - 1] == "Sagsbehandlere og Forebyggelsescenteret"
    assert actors[cultural].group == "De professionelle aktører"
    assert names[cultural + 1] == "Forældrene"


def test_lyngby_cites_paragraph_19_as_written_and_names_barnets_reform_only_as_history(lyngby):
    policy = Policy.objects.get(municipality=lyngby)
    references = LegalReference.objects.filter(policy=policy, is_editorial=False)
    paragraph_19 = references.get(citation="§19 i Serviceloven")
    assert paragraph_19.provision is None and paragraph_19.instrument.slug == "serviceloven"
    assert not references.filter(instrument__slug="barnets-reform").exists()
    assert "en forløber til Barnets Reform" in policy.foreword


def test_wording_is_the_documents(herning, lyngby):
    bou = OrganisationUnit.objects.get(municipality=herning, slug="bou")
    assert "og vi har følgende kerneopgaver:" in bou.description
    assert ThemeSection.objects.filter(
        theme__policy__municipality=lyngby, text__contains="lokalwsamfundet"
    ).exists()
    for policy in Policy.objects.all():
        assert policy.purpose == "", "a purpose that only repeats the introduction or the foreword"
    for model, field in ((Strategy, "description"), (OrganisationUnit, "description")):
        texts = model._default_manager.values_list(field, flat=True)
        assert not [t for t in texts if "Se en film" in t or "kan du se korte film" in t]


def test_job_titles_follow_a_name_and_a_comma_in_lower_case():
    assert sorted(set(Person.objects.values_list("job_title", flat=True))) == [
        "AC-medarbejder",
        "borgmester",
        "centerchef",
        "direktør",
        "udviklingskonsulent",
    ]


def test_the_discrepancy_about_herningmodellens_target_group_is_shown(herning):
    note = Strategy.objects.get(municipality=herning, slug="herningmodellen").discrepancy_note
    assert "udsatte positioner" in note and "almene positioner" in note


def test_barnets_lov_is_marked_checked_only_where_the_source_note_checks_it():
    assert set(
        Consolidation.objects.filter(instrument__slug="barnets-lov").values_list("verification", flat=True)
    ) == {"unchecked"}
    assert (
        Provision.objects.get(instrument__slug="barnets-lov", slug="par-15-stk-1").verification == "checked"
    )
    assert StrategyPassage.objects.filter(source__isnull=True).count() == 0
