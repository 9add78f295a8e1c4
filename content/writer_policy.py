"""Writing a municipality's policies: each with its values, actors, themes and quotes.

A theme is found by its slug; everything else in a policy is a list of items
without one, matched by text and place (see writer.py). Quotes are one list
per policy, the policy's own first and then each theme's, as the document
reads, so a quote keeps its row when it moves between themes.
"""

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

POLICY_TEXTS = (
    "title",
    "status",
    "status_note",
    "successor_outlook",
    "foreword",
    "introduction",
    "purpose",
    "vision",
    "children_view_title",
    "children_view",
    "actors_introduction",
    "implementation",
    "evaluation",
    "discrepancy_note",
)


class PolicyWriter:
    def write_policy(self, policy):
        obj = self.upsert(
            Policy,
            {"municipality": self.m, "slug": policy["slug"]},
            {
                **{key: policy.get(key, "") for key in POLICY_TEXTS},
                "period_start": policy.get("period_start"),
                "period_end": policy.get("period_end"),
                "adopted_by": self.bodies.get(policy.get("adopted_by")),
                "foreword_by": self.people.get(policy.get("foreword_by")),
                "source": self.source(policy),
            },
        )
        self.policies[policy["slug"]] = obj
        self.write_basis(policy, obj)
        self.write_list(
            PolicyValue,
            {"policy": obj},
            ("name",),
            [
                {
                    "name": value["name"],
                    "tagline": value.get("tagline", ""),
                    "text": value.get("text", ""),
                    "source": self.source(value, policy),
                }
                for value in policy["values"]
            ],
        )
        self.write_list(
            Actor,
            {"policy": obj},
            ("group", "name"),
            [
                {
                    "group": actor.get("group", ""),
                    "name": actor["name"],
                    "responsibility": actor["responsibility"],
                    "source": self.source(actor, policy),
                }
                for actor in policy["actors"]
            ],
        )
        self.write_list(
            PolicyPassage,
            {"policy": obj},
            ("text",),
            [
                {
                    "heading": passage.get("heading", ""),
                    "text": passage["text"],
                    "source": self.source(passage, policy),
                }
                for passage in policy["passages"]
            ],
        )
        quotes = [self.quote(quote, None, policy) for quote in policy["quotes"]]
        themes = []
        for order, theme in enumerate(policy["themes"], start=1):
            theme_obj = self.write_theme(theme, obj, order, policy)
            themes.append(theme_obj)
            quotes.extend(self.quote(quote, theme_obj, theme, policy) for quote in theme["quotes"])
        self.write_list(Quote, {"policy": obj}, ("text",), quotes)
        # After the quotes, which may have moved out of a theme that is now gone.
        self.prune(Theme.objects.filter(policy=obj), themes)

    def write_theme(self, theme, policy_obj, order, policy):
        obj = self.upsert(
            Theme,
            {"policy": policy_obj, "slug": theme["slug"]},
            {
                "order": order,
                "number": theme.get("number"),
                "title": theme["title"],
                "subtitle": theme.get("subtitle", ""),
                "text": theme.get("text", ""),
                "discrepancy_note": theme.get("discrepancy_note", ""),
                "source": self.source(theme, policy),
            },
        )
        self.write_basis(theme, obj, policy)
        self.write_list(
            ThemeSection,
            {"theme": obj},
            ("text",),
            [
                {
                    "heading": section.get("heading", ""),
                    "text": section["text"],
                    "source": self.source(section, theme, policy),
                }
                for section in theme["sections"]
            ],
        )
        for model, key in ((Commitment, "commitments"), (Initiative, "initiatives")):
            items = theme[key]
            rows = [
                {
                    "text": item["text"],
                    "source": self.source(item, theme, policy),
                    **self.responsible(item),
                }
                for item in items
            ]
            objects = self.write_list(model, {"theme": obj}, ("text",), rows)
            for item, item_obj in zip(items, objects, strict=True):
                self.write_basis(item, item_obj, theme, policy)
        self.write_list(
            KeyMessage,
            {"theme": obj},
            ("text",),
            [
                {"text": item["text"], "source": self.source(item, theme, policy)}
                for item in theme["key_messages"]
            ],
        )
        return obj

    def quote(self, quote, theme_obj, *parents):
        return {
            "theme": theme_obj,
            "text": quote["text"],
            "speaker_role": quote.get("speaker_role", ""),
            "context": quote.get("context", ""),
            "after_themes": quote.get("after_themes", False),
            "source": self.source(quote, *parents),
        }
