"""Writing one municipality's file: its sources, political bodies, organisation and people.

The policies (writer_policy.py) and the strategies and goals
(writer_goals.py) are written from here, in an order that lets each refer to
what came before. What the file no longer lists is removed at the end, the
source documents last of all: every item's `source` protects its document.
"""

from goals.models import BudgetGoal, GoalTrack
from organisation.models import (
    CoreTask,
    Municipality,
    OrganisationUnit,
    Person,
    PoliticalBody,
    SourceDocument,
)
from policies.models import Policy
from strategies.models import Strategy


class MunicipalityWriter:
    def write_municipality(self, plan):
        self.file = plan["file"]
        data = plan["municipality"]
        municipality = self.upsert(
            Municipality,
            {"slug": data["slug"]},
            {
                "name": data["name"],
                "website": data.get("website", ""),
                "description": data.get("description", ""),
            },
        )
        self.m = municipality
        self.sources = {}
        for source in plan["sources"]:
            self.sources[source["key"]] = self.upsert(
                SourceDocument,
                {"municipality": municipality, "key": source["key"]},
                {
                    "title": source["title"],
                    "kind": source["kind"],
                    "seed_file": source.get("seed_file", ""),
                    "description": source.get("description", ""),
                },
            )
        self.bodies = {}
        for order, body in enumerate(plan["bodies"], start=1):
            self.bodies[body["slug"]] = self.upsert(
                PoliticalBody,
                {"municipality": municipality, "slug": body["slug"]},
                {
                    "name": body["name"],
                    "kind": body["kind"],
                    "description": body.get("description", ""),
                    "order": order,
                    "source": self.source(body),
                },
            )
        self.units = {}
        for order, unit in enumerate(plan["units"], start=1):
            self.write_unit(unit, None, order, None)
        self.people = {}
        for order, person in enumerate(plan["people"], start=1):
            self.people[person["slug"]] = self.upsert(
                Person,
                {"municipality": municipality, "slug": person["slug"]},
                {
                    "name": person["name"],
                    "role": person["role"],
                    "job_title": person["job_title"],
                    "unit": self.units.get(person.get("unit")),
                    "body": self.bodies.get(person.get("body")),
                    "phone": person.get("phone", ""),
                    "email": person.get("email", ""),
                    "order": order,
                    "source": self.source(person),
                },
            )
        self.policies = {}
        for policy in plan["policies"]:
            self.write_policy(policy)
        for policy in plan["policies"]:
            # Predecessors may be defined later in the file than their successor.
            obj = self.policies[policy["slug"]]
            predecessor = self.policies.get(policy.get("predecessor"))
            if obj.predecessor != predecessor:
                obj.predecessor = predecessor
                self.save(obj)
        self.strategies = [
            self.write_strategy(strategy, order) for order, strategy in enumerate(plan["strategies"], start=1)
        ]
        self.write_goals(plan)
        self.prune_municipality()

    def prune_municipality(self):
        """Remove what the file no longer lists: dependants first, the source documents last."""
        m = self.m
        self.prune(BudgetGoal.objects.filter(municipality=m), self.budget_goals)
        self.prune(GoalTrack.objects.filter(municipality=m), self.goal_tracks)
        self.prune(Strategy.objects.filter(municipality=m), self.strategies)
        self.prune(Policy.objects.filter(municipality=m), list(self.policies.values()))
        self.prune(Person.objects.filter(municipality=m), list(self.people.values()))
        # Parents before children: a removed unit takes its removed sub-units with it.
        units = OrganisationUnit.objects.filter(municipality=m).order_by("tree_id", "lft")
        for unit in units.exclude(pk__in=[unit.pk for unit in self.units.values()]):
            self.remove(unit)
        self.prune(PoliticalBody.objects.filter(municipality=m), list(self.bodies.values()))
        self.prune(SourceDocument.objects.filter(municipality=m), list(self.sources.values()))

    def goal_common(self, item):
        return {
            "policy": self.policies.get(item.get("policy")),
            "source": self.source(item),
            **self.responsible(item),
        }

    def responsible(self, item):
        return {
            "responsible_unit": self.units.get(item.get("responsible_unit")),
            "responsible_body": self.bodies.get(item.get("responsible_body")),
        }

    def source(self, item, *parents):
        for candidate in (item, *parents):
            if candidate and candidate.get("source"):
                return self.sources[candidate["source"]]
        return None

    def write_unit(self, unit, parent, order, inherited_source):
        obj = self.upsert(
            OrganisationUnit,
            {"municipality": self.m, "slug": unit["slug"]},
            {
                "parent": parent,
                "name": unit["name"],
                "abbreviation": unit.get("abbreviation", ""),
                "kind": unit["kind"],
                "description": unit.get("description", ""),
                "order": order,
                "source": self.source(unit) or inherited_source,
            },
        )
        self.units[unit["slug"]] = obj
        serves = {self.bodies[slug_] for slug_ in unit["serves"]}
        if set(obj.serves.all()) != serves:
            obj.serves.set(serves)
        self.write_list(
            CoreTask,
            {"unit": obj},
            ("text",),
            [
                {"text": task["text"], "source": self.source(task) or obj.source}
                for task in unit["core_tasks"]
            ],
        )
        for position, child in enumerate(unit["children"], start=1):
            self.write_unit(child, obj, position, obj.source)
