"""A synthetic national dataset for measuring the site at the scale of all 98 municipalities.

Every municipality is named "Syntetisk kommune NNN" with the slug "syntetisk-NNN" and says
in its description that its content is made up, so it can never pass for real content;
`generate()` refuses to write into a database that holds real municipalities unless told
to. Everything is written with bulk_create in one transaction (a few thousand statements
for ~100,000 goals), then the search index is rebuilt once.

The shape follows the real documents: an organisation tree of a directorate with centres
and units, political bodies, one adopted policy with themes whose "Vi vil" commitments and
initiatives are carried out by units, goal tracks with sub-goals, council commitments and
budget goals, and dated follow-ups on the goals.

The text is made up too, but its words are not: they are the words of the real content in
fixtures/ (the municipalities' files), drawn as often as they occur there, so that a word is
as common in the synthetic text as in real Danish policy text ("børn" in about three
sentences of ten, "trivsel" in three of a hundred) and a search finds as large a share of
the index as it would at a real national scale. A made-up text from a few dozen words, each
in half the sentences, would make every search a worst case that no real query is. The
generator is seeded and the words are read in a fixed order, so two runs on the same files
give the same dataset.
"""

import random
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import accumulate
from pathlib import Path

import yaml
from django.db import transaction

from goals.models import BudgetGoal, CouncilCommitment, FollowUp, GoalTrack, SubGoal
from organisation.models import Municipality, OrganisationUnit, PoliticalBody
from policies.models import Commitment, Initiative, Policy, Theme
from search.services import rebuild_index

SLUG_PREFIX = "syntetisk-"
NAME_PREFIX = "Syntetisk kommune"
MARKER = "Syntetiske data til belastningsmålinger. Intet her stammer fra en rigtig kommune."

# The municipalities' own files; the legal register's text is the law's, not a policy's.
WORD_SOURCES = ("herning.yaml", "lyngby-taarbaek.yaml")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LETTERS = re.compile(r"[^\W\d_]+")
# Their names would tie the made-up text to the real municipalities.
LEFT_OUT = frozenset({"herning", "hernings", "lyngby", "taarbæk", "taarbæks"})


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@cache
def vocabulary():
    """(words, cumulative weights): every word of the real content's prose, weighed by how often
    it occurs there (cumulative, as random.choices() takes them fastest)."""
    counts = Counter()
    for name in WORD_SOURCES:
        for string in _strings(yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))):
            if " " in string.strip():  # prose, not a slug, an address or a date
                counts.update(word.lower() for word in LETTERS.findall(string))
    ordered = sorted(
        (item for item in counts.items() if item[0] not in LEFT_OUT), key=lambda i: (-i[1], i[0])
    )
    return tuple(word for word, _n in ordered), tuple(accumulate(n for _word, n in ordered))


THEMES = (
    "Trivsel og sundhed",
    "Læring og dannelse",
    "Fællesskaber for alle",
    "Familien i centrum",
    "Tidlig indsats",
    "Fritid og kultur",
    "Overgange",
    "Inklusion",
    "Demokrati og medborgerskab",
    "Natur og bevægelse",
)


@dataclass(frozen=True)
class Shape:
    """How much one municipality holds: the defaults give about 1,000 goals each."""

    themes: int = 10
    commitments_per_theme: int = 60
    initiatives_per_theme: int = 30
    tracks: int = 5
    sub_goals_per_track: int = 15
    council_commitments: int = 10
    budget_goals: int = 10
    follow_ups_per_goal: int = 2

    @property
    def goals(self):
        per_theme = self.commitments_per_theme + self.initiatives_per_theme
        return (
            self.themes * per_theme
            + self.tracks * (1 + self.sub_goals_per_track)
            + self.council_commitments
            + self.budget_goals
        )


class RealContentError(Exception):
    pass


def real_municipalities():
    return Municipality.objects.exclude(slug__startswith=SLUG_PREFIX)


def sentence(generator, words=12):
    vocabulary_words, cumulative = vocabulary()
    text = " ".join(generator.choices(vocabulary_words, cum_weights=cumulative, k=words))
    return text[0].upper() + text[1:] + "."


def generate(count=98, shape=Shape(), *, alongside_real=False, seed=2026):
    """Replace the synthetic municipalities with `count` new ones; returns how many goals."""
    if not alongside_real and real_municipalities().exists():
        raise RealContentError("The database holds real municipalities.")
    generator = random.Random(seed)  # noqa: S311 - made-up text, not secrets
    with transaction.atomic():
        Municipality.objects.filter(slug__startswith=SLUG_PREFIX).delete()
        municipalities = Municipality.objects.bulk_create(
            Municipality(
                name=f"{NAME_PREFIX} {number:03}",
                slug=f"{SLUG_PREFIX}{number:03}",
                description=MARKER,
            )
            for number in range(1, count + 1)
        )
        bodies = write_bodies(municipalities)
        units = write_trees(municipalities)
        policies = Policy.objects.bulk_create(
            Policy(
                municipality=municipality,
                title="Børne- og ungepolitik",
                slug="boerne-og-ungepolitik",
                status=Policy.Status.ADOPTED,
                period_start=2024,
                period_end=2028,
                adopted_by=bodies[municipality.pk],
                introduction=sentence(generator, 40),
                vision=sentence(generator, 20),
            )
            for municipality in municipalities
        )
        goals = write_policy_goals(generator, policies, units, shape)
        goals += write_municipal_goals(generator, policies, units, bodies, shape)
        write_follow_ups(generator, goals, shape)
    rebuild_index()
    return len(goals)


def write_bodies(municipalities):
    created = PoliticalBody.objects.bulk_create(
        PoliticalBody(municipality=municipality, name=name, slug=slug, kind=kind, order=order)
        for municipality in municipalities
        for order, (name, slug, kind) in enumerate(
            [
                ("Byrådet", "byraadet", PoliticalBody.Kind.COUNCIL),
                ("Børne- og Ungeudvalget", "boerne-og-ungeudvalget", PoliticalBody.Kind.COMMITTEE),
            ]
        )
    )
    return {body.municipality_id: body for body in created if body.kind == PoliticalBody.Kind.COUNCIL}


def write_trees(municipalities, centres=4, units_per_centre=3):
    """One directorate per municipality with its centres and units; the nested-set numbers
    are counted here, since bulk_create bypasses django-mptt."""
    first_tree = (
        OrganisationUnit.objects.order_by("-tree_id").values_list("tree_id", flat=True).first() or 0
    ) + 1
    Unit = OrganisationUnit
    roots, children, grandchildren = [], [], []
    width = 2 * (1 + centres * (1 + units_per_centre))
    for index, municipality in enumerate(municipalities):
        common = {"municipality": municipality, "tree_id": first_tree + index}
        root = Unit(
            name="Børn og Unge",
            slug="boern-og-unge",
            kind=Unit.Kind.DIRECTORATE,
            lft=1,
            rght=width,
            level=0,
            **common,
        )
        roots.append(root)
        left = 2
        for number in range(1, centres + 1):
            right = left + 2 * units_per_centre + 1
            centre = Unit(
                name=f"Center {number}",
                slug=f"center-{number}",
                kind=Unit.Kind.CENTRE,
                order=number,
                lft=left,
                rght=right,
                level=1,
                **common,
            )
            children.append((centre, root))
            for unit in range(1, units_per_centre + 1):
                position = left + 2 * unit - 1
                grandchildren.append(
                    (
                        Unit(
                            name=f"Enhed {number}.{unit}",
                            slug=f"enhed-{number}-{unit}",
                            kind=Unit.Kind.UNIT,
                            order=unit,
                            lft=position,
                            rght=position + 1,
                            level=2,
                            **common,
                        ),
                        centre,
                    )
                )
            left = right + 1
    # Parents first, so that each level's foreign keys point at saved rows.
    Unit.objects.bulk_create(roots)
    for level in (children, grandchildren):
        for unit, parent in level:
            unit.parent = parent
        Unit.objects.bulk_create([unit for unit, _parent in level])
    units = {}
    for unit, _parent in grandchildren:
        units.setdefault(unit.municipality_id, []).append(unit)
    return units


def write_policy_goals(generator, policies, units, shape):
    themes = Theme.objects.bulk_create(
        Theme(policy=policy, title=title, slug=f"tema-{order}", order=order, text=sentence(generator, 30))
        for policy in policies
        for order, title in enumerate(THEMES[: shape.themes] or THEMES, start=1)
    )
    municipality_of = {policy.pk: policy.municipality_id for policy in policies}
    goals = []
    for model, per_theme in (
        (Commitment, shape.commitments_per_theme),
        (Initiative, shape.initiatives_per_theme),
    ):
        goals += model.objects.bulk_create(
            (
                model(
                    theme=theme,
                    order=order,
                    text=sentence(generator),
                    responsible_unit=generator.choice(units[municipality_of[theme.policy_id]]),
                )
                for theme in themes
                for order in range(1, per_theme + 1)
            ),
            batch_size=5000,
        )
    return goals


def write_municipal_goals(generator, policies, units, bodies, shape):
    tracks = GoalTrack.objects.bulk_create(
        GoalTrack(
            municipality_id=policy.municipality_id,
            policy=policy,
            title=f"Målspor {order}: {sentence(generator, 4)[:-1]}",
            slug=f"maalspor-{order}",
            order=order,
            period_start=2024,
            period_end=2028,
            set_by=bodies[policy.municipality_id],
            responsible_unit=generator.choice(units[policy.municipality_id]),
        )
        for policy in policies
        for order in range(1, shape.tracks + 1)
    )
    goals = list(tracks)
    goals += SubGoal.objects.bulk_create(
        (
            SubGoal(track=track, order=order, text=sentence(generator), target=sentence(generator, 6))
            for track in tracks
            for order in range(1, shape.sub_goals_per_track + 1)
        ),
        batch_size=5000,
    )
    goals += CouncilCommitment.objects.bulk_create(
        CouncilCommitment(
            municipality_id=policy.municipality_id, policy=policy, order=order, text=sentence(generator)
        )
        for policy in policies
        for order in range(1, shape.council_commitments + 1)
    )
    goals += BudgetGoal.objects.bulk_create(
        BudgetGoal(
            municipality_id=policy.municipality_id,
            policy=policy,
            order=order,
            title=sentence(generator, 5)[:-1],
            slug=f"budgetmaal-{order}",
            from_year=2025,
        )
        for policy in policies
        for order in range(1, shape.budget_goals + 1)
    )
    return goals


def write_follow_ups(generator, goals, shape):
    statuses = [status for status, _label in FollowUp.Status.choices]
    field_of = {
        field.related_model: field.name
        for field in FollowUp._meta.get_fields()
        if field.many_to_one and field.name != "entered_by"
    }
    FollowUp.objects.bulk_create(
        (
            FollowUp(
                date=date(2024 + number // 4, 1 + 3 * (number % 4), 1),
                status=generator.choice(statuses),
                # A track's progress is computed from its sub-goals (goals.models.FollowUp.clean).
                progress=None if isinstance(goal, GoalTrack) else generator.randrange(0, 101, 10),
                text=sentence(generator, 6),
                **{field_of[type(goal)]: goal},
            )
            for goal in goals
            for number in range(1, shape.follow_ups_per_goal + 1)
        ),
        batch_size=5000,
    )
