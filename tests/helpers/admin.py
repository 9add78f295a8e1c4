"""Content and form helpers for the admin tests.

The bundled content lacks some models in one municipality or the other, so the
admin tests build their own: one row of every municipal model per municipality,
all with "zebra" in their searchable text.
"""

from django.urls import reverse

from goals.models import BudgetGoal, CouncilCommitment, FollowUp, GoalTrack, SubGoal
from legal.models import LegalReference
from organisation import services
from organisation.models import CoreTask, OrganisationUnit, Person, PoliticalBody, SourceDocument
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
from strategies.models import Strategy, StrategyComponent, StrategyTheme

PASSWORD = "zebra-Kodeord-2026!"


def build_content(municipality, instrument):
    m = municipality
    c = {"municipality": m}
    c["source"] = SourceDocument.objects.create(
        municipality=m, key="zebra", title="Kilde zebra", kind="policy"
    )
    c["body"] = PoliticalBody.objects.create(
        municipality=m, name="Udvalg zebra", slug="zebra", kind="committee"
    )
    c["unit"] = services.save_unit(
        OrganisationUnit(municipality=m, name="Enhed zebra", slug="zebra", kind="unit")
    )
    c["child_unit"] = services.save_unit(
        OrganisationUnit(municipality=m, parent=c["unit"], name="Team zebra", slug="zebra-team", kind="unit")
    )
    c["core_task"] = CoreTask.objects.create(unit=c["unit"], text="Opgave zebra")
    c["person"] = Person.objects.create(
        municipality=m,
        slug="zebra",
        name="Person zebra",
        role="contact",
        job_title="Konsulent",
        unit=c["unit"],
    )
    c["policy"] = policy = Policy.objects.create(municipality=m, title="Politik zebra", slug="zebra")
    c["value"] = PolicyValue.objects.create(policy=policy, name="Værdi zebra")
    c["actor"] = Actor.objects.create(policy=policy, name="Aktør zebra", responsibility="Ansvar")
    c["theme"] = theme = Theme.objects.create(policy=policy, title="Tema zebra", slug="zebra")
    c["section"] = ThemeSection.objects.create(theme=theme, heading="Afsnit", text="Afsnit zebra")
    c["commitment"] = Commitment.objects.create(theme=theme, text="Vi vil zebra")
    c["initiative"] = Initiative.objects.create(theme=theme, text="Tiltag zebra")
    c["key_message"] = KeyMessage.objects.create(theme=theme, text="Budskab zebra")
    c["quote"] = Quote.objects.create(policy=policy, theme=theme, text="Citat zebra", speaker_role="Elev")
    c["strategy"] = strategy = Strategy.objects.create(
        municipality=m, policy=policy, title="Strategi zebra", slug="zebra"
    )
    c["strategy_theme"] = StrategyTheme.objects.create(strategy=strategy, title="Strategitema zebra")
    c["component"] = StrategyComponent.objects.create(strategy=strategy, title="Delelement zebra")
    c["goal_track"] = GoalTrack.objects.create(municipality=m, title="Målspor zebra", slug="zebra")
    c["sub_goal"] = SubGoal.objects.create(track=c["goal_track"], text="Delmål zebra")
    c["council_commitment"] = CouncilCommitment.objects.create(municipality=m, text="Byrådet vil zebra")
    c["budget_goal"] = BudgetGoal.objects.create(municipality=m, title="Budgetmål zebra", slug="zebra")
    c["follow_up"] = FollowUp.objects.create(
        commitment=c["commitment"], date="2025-01-01", status="in_progress", text="Opfølgning zebra"
    )
    c["reference"] = LegalReference.objects.create(
        instrument=instrument, policy=policy, relation="implements", citation="zebraloven"
    )
    return c


def form_data(response):
    """The POST data of the admin form a GET rendered, as a browser would submit it unchanged."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif value is not None:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def snapshot(obj):
    """Every column of a row as the database has it now."""
    obj = type(obj)._default_manager.get(pk=obj.pk)
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def admin_url(obj_or_model, view, *args):
    opts = obj_or_model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)
