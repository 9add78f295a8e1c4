"""Writing a municipality's strategies and goals.

Strategies, goal tracks and budget goals are found by slug; their parts,
sub-goals and the council's "Byrådet vil" points are lists matched by text and
place (see writer.py). Each may rest on legal references (writer_legal.py).
"""

from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from strategies.models import Strategy, StrategyComponent, StrategyPassage, StrategyTheme


class GoalWriter:
    def write_strategy(self, strategy, order):
        obj = self.upsert(
            Strategy,
            {"municipality": self.m, "slug": strategy["slug"]},
            {
                "title": strategy["title"],
                "kind_label": strategy.get("kind_label", ""),
                "policy": self.policies.get(strategy.get("policy")),
                "period_start": strategy.get("period_start"),
                "period_end": strategy.get("period_end"),
                "purpose": strategy.get("purpose", ""),
                "description": strategy.get("description", ""),
                "components_introduction": strategy.get("components_introduction", ""),
                "discrepancy_note": strategy.get("discrepancy_note", ""),
                "order": order,
                "source": self.source(strategy),
            },
        )
        self.write_basis(strategy, obj)
        self.write_list(
            StrategyTheme, {"strategy": obj}, ("title",), self.parts(strategy["themes"], strategy)
        )
        components = self.write_list(
            StrategyComponent, {"strategy": obj}, ("title",), self.parts(strategy["components"], strategy)
        )
        for component, component_obj in zip(strategy["components"], components, strict=True):
            self.write_basis(component, component_obj, strategy)
        self.write_list(
            StrategyPassage,
            {"strategy": obj},
            ("text",),
            [
                {"title": item["heading"], "text": item["text"], "source": self.source(item, strategy)}
                for item in strategy["passages"]
            ],
        )
        return obj

    def parts(self, items, strategy):
        return [
            {"title": item["title"], "text": item.get("text", ""), "source": self.source(item, strategy)}
            for item in items
        ]

    def write_goals(self, plan):
        """Goal tracks, the council's commitments and budget goals; kept for pruning."""
        self.goal_tracks = [
            self.write_goal_track(track, order) for order, track in enumerate(plan["goal_tracks"], start=1)
        ]
        commitments = plan["council_commitments"]
        rows = [{"text": item["text"], **self.goal_common(item)} for item in commitments]
        for item, obj in zip(
            commitments,
            self.write_list(CouncilCommitment, {"municipality": self.m}, ("text",), rows),
            strict=True,
        ):
            self.write_basis(item, obj)
        self.budget_goals = []
        for order, goal in enumerate(plan["budget_goals"], start=1):
            obj = self.upsert(
                BudgetGoal,
                {"municipality": self.m, "slug": goal["slug"]},
                {
                    "title": goal["title"],
                    "order": order,
                    "from_year": goal.get("from_year"),
                    "description": goal.get("description", ""),
                    **self.goal_common(goal),
                },
            )
            self.write_basis(goal, obj)
            self.budget_goals.append(obj)

    def write_goal_track(self, track, order):
        obj = self.upsert(
            GoalTrack,
            {"municipality": self.m, "slug": track["slug"]},
            {
                "title": track["title"],
                "order": order,
                **self.goal_common(track),
                "set_by": self.bodies.get(track.get("set_by")),
                "description": track.get("description", ""),
                "period_start": track.get("period_start"),
                "period_end": track.get("period_end"),
            },
        )
        self.write_basis(track, obj)
        rows = [
            {"text": sub_goal["text"], "source": self.source(sub_goal, track), **self.responsible(sub_goal)}
            for sub_goal in track["sub_goals"]
        ]
        sub_goals = self.write_list(SubGoal, {"track": obj}, ("text",), rows)
        for sub_goal, sub in zip(track["sub_goals"], sub_goals, strict=True):
            self.write_basis(sub_goal, sub, track)
        return obj
