"""Keeps the search index (SearchEntry) in step with the content.

Every searchable text becomes one entry that links to the exact place it is
shown: a commitment links to its anchor on its theme's page.
"""

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from core.goalkinds import BY_KEY
from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from legal.models import Instrument, Provision
from organisation.models import OrganisationUnit, PoliticalBody
from policies.models import Actor, Commitment, Initiative, KeyMessage, Policy, PolicyValue, Quote, Theme
from search import changes, counts, terms, text, words
from search.models import SearchEntry, SearchTermCount
from strategies.models import Strategy, StrategyComponent, StrategyTheme

# Lemmas are computed in Python: the vector of lemmas only needs splitting and lowercasing.
LEMMA_CONFIG = "simple"


def _join(*parts):
    return "\n\n".join(part for part in parts if part)


def _policy(policy):
    return {
        "kind": BY_KEY["policy"].label,
        "title": policy.title,
        "context": policy.municipality.name,
        "body": _join(
            policy.foreword,
            policy.introduction,
            policy.purpose,
            policy.vision,
            policy.children_view_title,
            policy.children_view,
            policy.actors_introduction,
            policy.implementation,
            policy.evaluation,
        ),
        "url": policy.get_absolute_url(),
        "municipality": policy.municipality,
    }


def _theme(theme):
    sections = [_join(section.heading, section.text) for section in theme.sections.all()]
    return {
        "kind": BY_KEY["theme"].label,
        "title": theme.title,
        "context": theme.policy.title,
        "body": _join(theme.subtitle, theme.text, *sections),
        "url": theme.get_absolute_url(),
        "municipality": theme.policy.municipality,
    }


def _theme_item(kind):
    def describe(item):
        return {
            "kind": kind,
            "title": item.text[:300],
            "context": f"{item.theme.policy.title} · {item.theme.title}",
            "body": item.text,
            "url": item.get_absolute_url(),
            "municipality": item.theme.policy.municipality,
        }

    return describe


def _quote(quote):
    where = quote.theme.title if quote.theme_id else _("Indledning")
    return {
        "kind": _("Citat"),
        "title": quote.text[:300],
        "context": f"{quote.policy.title} · {where}",
        "body": _join(quote.text, quote.speaker_role),
        "url": (quote.theme.get_absolute_url() if quote.theme_id else quote.policy.get_absolute_url())
        + f"#{quote.anchor}",
        "municipality": quote.policy.municipality,
    }


def _value(value):
    return {
        "kind": _("Værdi"),
        "title": value.name,
        "context": value.policy.title,
        "body": _join(value.tagline, value.text),
        "url": f"{value.policy.get_absolute_url()}#vaerdi-{value.pk}",
        "municipality": value.policy.municipality,
    }


def _actor(actor):
    return {
        "kind": _("Aktør"),
        "title": actor.name,
        "context": f"{actor.policy.title} · {actor.group}" if actor.group else actor.policy.title,
        "body": actor.responsibility,
        "url": f"{actor.policy.get_absolute_url()}#aktoer-{actor.pk}",
        "municipality": actor.policy.municipality,
    }


def _body(body):
    return {
        "kind": _("Politisk organ"),
        "title": body.name,
        "context": body.municipality.name,
        "body": body.description,
        "url": f"{body.municipality.get_absolute_url()}#organ-{body.slug}",
        "municipality": body.municipality,
    }


def _instrument(instrument):
    return {
        "kind": _("Retskilde"),
        "title": instrument.short_title,
        "context": instrument.title,
        "body": _join(instrument.summary, instrument.citation),
        "url": instrument.get_absolute_url(),
        "municipality": None,
    }


def _provision(provision):
    return {
        "kind": _("Bestemmelse"),
        "title": f"{provision.instrument.short_title} {provision.label}",
        "context": provision.instrument.title,
        "body": _join(provision.heading, provision.summary),
        "url": provision.get_absolute_url(),
        "municipality": None,
    }


def _strategy(strategy):
    return {
        "kind": BY_KEY["strategy"].label,
        "title": strategy.title,
        "context": strategy.municipality.name,
        "body": _join(
            strategy.kind_label, strategy.purpose, strategy.description, strategy.components_introduction
        ),
        "url": strategy.get_absolute_url(),
        "municipality": strategy.municipality,
    }


def _strategy_part(kind):
    def describe(part):
        return {
            "kind": kind,
            "title": part.title,
            "context": part.strategy.title,
            "body": part.text,
            "url": part.get_absolute_url(),
            "municipality": part.strategy.municipality,
        }

    return describe


def _goal_track(track):
    return {
        "kind": BY_KEY["goal_track"].label,
        "title": track.title,
        "context": track.municipality.name,
        "body": track.description,
        "url": track.get_absolute_url(),
        "municipality": track.municipality,
    }


def _sub_goal(sub_goal):
    return {
        "kind": BY_KEY["sub_goal"].label,
        "title": sub_goal.text[:300],
        "context": sub_goal.track.title,
        "body": sub_goal.text,
        "url": sub_goal.get_absolute_url(),
        "municipality": sub_goal.track.municipality,
    }


def _council_commitment(item):
    return {
        "kind": BY_KEY["council_commitment"].label,
        "title": item.text[:300],
        "context": item.municipality.name,
        "body": item.text,
        "url": item.get_absolute_url(),
        "municipality": item.municipality,
    }


def _budget_goal(goal):
    return {
        "kind": BY_KEY["budget_goal"].label,
        "title": goal.title,
        "context": goal.municipality.name,
        "body": goal.description,
        "url": goal.get_absolute_url(),
        "municipality": goal.municipality,
    }


def _unit(unit):
    tasks = [task.text for task in unit.core_tasks.all()]
    return {
        "kind": _("Enhed"),
        "title": str(unit),
        "context": unit.municipality.name,
        "body": _join(unit.description, *tasks),
        "url": unit.get_absolute_url(),
        "municipality": unit.municipality,
    }


# (model, describe, how to read the model's rows with what describe needs), in the order a search
# shows its hits: the policies and their themes first, then strategies and goals, then single
# promises, people and places, and the shared legal sources last.
INDEXED = [
    (Policy, _policy, lambda qs: qs.select_related("municipality")),
    (Theme, _theme, lambda qs: qs.select_related("policy__municipality").prefetch_related("sections")),
    (Strategy, _strategy, lambda qs: qs.select_related("municipality")),
    (
        StrategyTheme,
        _strategy_part(_("Strategitema")),
        lambda qs: qs.select_related("strategy__municipality"),
    ),
    (
        StrategyComponent,
        _strategy_part(BY_KEY["component"].label),
        lambda qs: qs.select_related("strategy__municipality"),
    ),
    (GoalTrack, _goal_track, lambda qs: qs.select_related("municipality")),
    (SubGoal, _sub_goal, lambda qs: qs.select_related("track__municipality")),
    (CouncilCommitment, _council_commitment, lambda qs: qs.select_related("municipality")),
    (BudgetGoal, _budget_goal, lambda qs: qs.select_related("municipality")),
    (
        Commitment,
        _theme_item(BY_KEY["commitment"].label),
        lambda qs: qs.select_related("theme__policy__municipality"),
    ),
    (
        Initiative,
        _theme_item(BY_KEY["initiative"].label),
        lambda qs: qs.select_related("theme__policy__municipality"),
    ),
    (
        KeyMessage,
        _theme_item(_("Fremhævet budskab")),
        lambda qs: qs.select_related("theme__policy__municipality"),
    ),
    (PolicyValue, _value, lambda qs: qs.select_related("policy__municipality")),
    (Quote, _quote, lambda qs: qs.select_related("policy__municipality", "theme")),
    (Actor, _actor, lambda qs: qs.select_related("policy__municipality")),
    (OrganisationUnit, _unit, lambda qs: qs.select_related("municipality").prefetch_related("core_tasks")),
    (PoliticalBody, _body, lambda qs: qs.select_related("municipality")),
    (Instrument, _instrument, lambda qs: qs),
    (Provision, _provision, lambda qs: qs.select_related("instrument")),
]
# Shared by every municipality: indexed whole, never per municipality.
SHARED_MODELS = (Instrument, Provision)
INDEXED_MODELS = {model: (describe, read) for model, describe, read in INDEXED}
PRIORITY = {model: position for position, (model, _describe, _read) in enumerate(INDEXED)}


def object_key(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


def _vectors(fields, found):
    """The stored vectors, computed by the INSERT itself: a later UPDATE would write every row twice
    and leave the table twice its size (slower scans at 100 000 entries until a VACUUM FULL)."""
    if connection.vendor != "postgresql":
        return {"terms": found.vector()}
    lemmas = SearchVector(Value(fields["title_lemmas"]), weight="A", config=LEMMA_CONFIG) + SearchVector(
        Value(fields["body_lemmas"]), weight="B", config=LEMMA_CONFIG
    )
    return {"terms": Cast(Value(found.vector()), SearchVectorField()), "lemma_vector": lemmas}


def _entry(obj, describe):
    data = describe(obj)
    fields = {
        "title": data["title"][:300],
        "body": data["body"],
        "context": data["context"][:300],
    }
    found = terms.of(fields)
    fields["title_lemmas"] = text.lemmatise(fields["title"])
    fields["body_lemmas"] = text.lemmatise(fields["body"])
    return SearchEntry(
        municipality=data["municipality"],
        kind=data["kind"],
        object_key=object_key(obj),
        url=data["url"],
        priority=PRIORITY[type(obj)],
        counted=" ".join(found.counted()),
        **fields,
        **_vectors(fields, found),
    )


@transaction.atomic
def rebuild_index(municipality=None):
    """Rebuild every entry, or those of one municipality."""
    entries = SearchEntry.objects.all()
    if municipality is not None:
        entries = entries.for_municipality(municipality)
    before = changes.previous(entries)
    entries.delete()
    new = []
    for model, describe, read in INDEXED:
        rows = model._default_manager.published()
        if municipality is not None:
            if model in SHARED_MODELS:
                continue
            rows = rows.for_municipality(municipality)
        dates = changes.history_dates(model, rows)
        new.extend(
            changes.stamp(_entry(obj, describe), obj.pk, dates, before)
            for obj in read(rows).iterator(chunk_size=2000)
        )
    SearchEntry.objects.bulk_create(new, batch_size=1000)
    counts.recount(new, municipality)
    words.rebuild_words()
    if municipality is None and connection.vendor == "postgresql":
        # A search walks the results' order or reads the matches' bitmap, chosen by how common
        # its words are: after a whole rebuild the planner learns that now, not whenever
        # autovacuum next comes by (until then a common word read all its matches).
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}, {SearchTermCount._meta.db_table}")


@transaction.atomic
def index_object(obj):
    describe, read = INDEXED_MODELS[type(obj)]
    rows = type(obj)._default_manager.published().filter(pk=obj.pk)
    found = read(rows).first()
    replaced = SearchEntry.objects.filter(object_key=object_key(obj))
    before = changes.previous(replaced)
    old = list(replaced.only("municipality_id", "kind", "counted"))
    replaced.delete()
    if found is None:  # a draft's text is never searchable
        counts.replace(old, [])
        return
    entry = changes.stamp(_entry(found, describe), found.pk, changes.history_dates(type(obj), rows), before)
    entry.save()
    counts.replace(old, [entry])
    words.add_words([entry])


def reindex_instrument(instrument):
    """An instrument's title stands in each of its provisions' entries too."""
    for obj in [instrument, *instrument.provisions.all()]:
        index_object(obj)


@transaction.atomic
def remove_object(obj):
    removed = SearchEntry.objects.filter(object_key=object_key(obj))
    old = list(removed.only("municipality_id", "kind", "counted"))
    removed.delete()
    counts.replace(old, [])
