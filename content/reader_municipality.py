"""The first pass over one municipality's file: validate it into a plan of clean values.

The plan mirrors the file (lists stay lists, in the file's order), so that the
writer can match each item to its row by slug or by its place and text in the
list. References by slug within the file are resolved here; those into the
legal register are resolved across files in validation.py.
"""

from content.errors import Invalid
from content.fields import RESERVED_SLUGS, nonempty_text, slug
from content.reader import Reader
from content.specs import (
    ACTOR_SPEC,
    BASIS_SPEC,
    BODY_SPEC,
    BUDGET_SPEC,
    COUNCIL_SPEC,
    GOAL_TRACK_SPEC,
    ITEM_SPEC,
    KEY_MESSAGE_SPEC,
    MUNICIPALITY_FILE_SPEC,
    MUNICIPALITY_SPEC,
    PASSAGE_SPEC,
    PERSON_SPEC,
    POLICY_QUOTE_SPEC,
    POLICY_SPEC,
    QUOTE_SPEC,
    SECTION_SPEC,
    SOURCE_SPEC,
    STRATEGY_PART_SPEC,
    STRATEGY_SPEC,
    THEME_SPEC,
    UNIT_SPEC,
    VALUE_SPEC,
)
from content.yaml_lines import Sequence


class MunicipalityReader(Reader):
    """Reads one municipality's file into a nested plan of clean values."""

    def read_municipality_file(self, data):
        self.fields(data, "$", MUNICIPALITY_FILE_SPEC, required=("municipality",))
        municipality = self.fields(
            data.get("municipality"), "municipality", MUNICIPALITY_SPEC, required=("name", "slug")
        )
        if municipality is None:
            return None
        if municipality.get("slug") in RESERVED_SLUGS:
            self.error(
                data.key_lines["municipality"],
                "municipality.slug",
                "kortnavnet er forbeholdt sitets egne sider",
            )
        self.defined = {name: {} for name in ("source", "unit", "body", "person", "policy")}
        plan = {"municipality": municipality, "file": self.name}
        plan["sources"] = [
            self.define("source", "key", item, path, line, SOURCE_SPEC, ("key", "title", "kind"))
            for item, path, line in self.items(data, "sources", "$")
        ]
        plan["bodies"] = [
            self.define("body", "slug", item, path, line, BODY_SPEC, ("slug", "name", "kind"))
            for item, path, line in self.items(data, "bodies", "$")
        ]
        plan["units"] = [
            self.read_unit(item, path, line) for item, path, line in self.items(data, "units", "$")
        ]
        plan["people"] = [
            self.define(
                "person", "slug", item, path, line, PERSON_SPEC, ("slug", "name", "role", "job_title")
            )
            for item, path, line in self.items(data, "people", "$")
        ]
        plan["policies"] = [
            self.read_policy(item, path, line) for item, path, line in self.items(data, "policies", "$")
        ]
        plan["strategies"] = [
            self.read_strategy(item, path, line) for item, path, line in self.items(data, "strategies", "$")
        ]
        plan["goal_tracks"] = [
            self.read_goal_track(item, path, line)
            for item, path, line in self.items(data, "goal_tracks", "$")
        ]
        plan["council_commitments"] = [
            self.with_basis(self.fields(item, path, COUNCIL_SPEC, required=("text",)), item, path)
            for item, path, _line in self.items(data, "council_commitments", "$")
        ]
        plan["budget_goals"] = [
            self.with_basis(self.fields(item, path, BUDGET_SPEC, required=("slug", "title")), item, path)
            for item, path, _line in self.items(data, "budget_goals", "$")
        ]
        for collection in ("goal_tracks", "strategies", "budget_goals"):
            self.check_unique(plan[collection], "slug", data, collection)
        self.resolve_local_refs()
        return plan

    def define(self, namespace, key, item, path, line, spec, required):
        clean = self.fields(item, path, spec, required=required)
        if clean and key in clean:
            if clean[key] in self.defined[namespace]:
                self.error(line, f"{path}.{key}", f"{clean[key]!r} er allerede brugt")
            self.defined[namespace][clean[key]] = line
        return clean

    def read_unit(self, item, path, line):
        clean = self.define("unit", "slug", item, path, line, UNIT_SPEC, ("slug", "name", "kind"))
        if clean is None:
            return None
        clean["serves"] = self.ref_list(item, "serves", path, "body")
        clean["core_tasks"] = self.text_items(item, "core_tasks", path)
        clean["children"] = [
            self.read_unit(child, child_path, child_line)
            for child, child_path, child_line in self.items(item, "children", path)
        ]
        return clean

    def ref_list(self, item, key, path, namespace):
        values = item.get(key)
        if values is None:
            return []
        if not isinstance(values, Sequence):
            self.error(item.key_lines[key], f"{path}.{key}", "skal være en liste")
            return []
        refs = []
        for index, value in enumerate(values):
            try:
                refs.append(slug(value))
            except Invalid as exc:
                self.error(values.item_lines[index], f"{path}.{key}[{index}]", str(exc))
                continue
            self.refs.append((namespace, refs[-1], values.item_lines[index], f"{path}.{key}[{index}]"))
        return refs

    def text_items(self, item, key, path, spec=ITEM_SPEC):
        """A list whose items are plain strings or mappings with at least `text`."""
        result = []
        for value, item_path, line in self.items(item, key, path):
            if isinstance(value, str):
                try:
                    result.append({"text": nonempty_text(value)})
                except Invalid as exc:
                    self.error(line, item_path, str(exc))
            else:
                clean = self.fields(value, item_path, spec, required=("text",))
                if clean is not None:
                    result.append(self.with_basis(clean, value, item_path))
        return result

    def with_basis(self, clean, item, path):
        if clean is None:
            return None
        clean["legal_basis"] = []
        for raw, basis_path, line in self.items(item, "legal_basis", path):
            basis = self.fields(raw, basis_path, BASIS_SPEC, required=("instrument", "relation"))
            clean["legal_basis"].append(basis)
            if basis and "provision" in basis and "instrument" in basis:
                self.refs.append(
                    (
                        "provision",
                        f"{basis['instrument']}/{basis['provision']}",
                        raw.key_lines.get("provision", line),
                        f"{basis_path}.provision",
                    )
                )
        return clean

    def read_policy(self, item, path, line):
        clean = self.define("policy", "slug", item, path, line, POLICY_SPEC, ("slug", "title", "status"))
        if clean is None:
            return None
        if (
            clean.get("period_start")
            and clean.get("period_end")
            and clean["period_end"] < clean["period_start"]
        ):
            self.error(item.key_lines["period_end"], f"{path}.period_end", "slutter før perioden begynder")
        self.with_basis(clean, item, path)
        clean["values"] = [
            self.fields(value, value_path, VALUE_SPEC, required=("name",))
            for value, value_path, _line in self.items(item, "values", path)
        ]
        clean["quotes"] = [
            self.fields(quote, quote_path, POLICY_QUOTE_SPEC, required=("text",))
            for quote, quote_path, _line in self.items(item, "quotes", path)
        ]
        clean["actors"] = [
            self.fields(actor, actor_path, ACTOR_SPEC, required=("name", "responsibility"))
            for actor, actor_path, _line in self.items(item, "actors", path)
        ]
        clean["passages"] = self.passages(item, path)
        clean["themes"] = []
        for theme, theme_path, _line in self.items(item, "themes", path):
            theme_clean = self.fields(theme, theme_path, THEME_SPEC, required=("slug", "title"))
            if theme_clean is None:
                continue
            self.with_basis(theme_clean, theme, theme_path)
            theme_clean["sections"] = [
                self.fields(section, section_path, SECTION_SPEC, required=("text",))
                for section, section_path, _line in self.items(theme, "sections", theme_path)
            ]
            theme_clean["commitments"] = self.text_items(theme, "commitments", theme_path)
            theme_clean["initiatives"] = self.text_items(theme, "initiatives", theme_path)
            theme_clean["key_messages"] = self.text_items(
                theme, "key_messages", theme_path, spec=KEY_MESSAGE_SPEC
            )
            theme_clean["quotes"] = [
                self.fields(quote, quote_path, QUOTE_SPEC, required=("text",))
                for quote, quote_path, _line in self.items(theme, "quotes", theme_path)
            ]
            clean["themes"].append(theme_clean)
        self.check_unique(clean["themes"], "slug", item, f"{path}.themes")
        return clean

    def read_strategy(self, item, path, line):
        clean = self.fields(item, path, STRATEGY_SPEC, required=("slug", "title"))
        if clean is None:
            return None
        self.with_basis(clean, item, path)
        for key in ("themes", "components"):
            clean[key] = [
                self.with_basis(
                    self.fields(part, part_path, STRATEGY_PART_SPEC, required=("title",)), part, part_path
                )
                for part, part_path, _line in self.items(item, key, path)
            ]
        clean["passages"] = self.passages(item, path, required=("heading", "text", "source"))
        return clean

    def passages(self, item, path, required=("text", "source")):
        return [
            self.fields(passage, passage_path, PASSAGE_SPEC, required=required)
            for passage, passage_path, _line in self.items(item, "passages", path)
        ]

    def read_goal_track(self, item, path, line):
        clean = self.fields(item, path, GOAL_TRACK_SPEC, required=("slug", "title"))
        if clean is None:
            return None
        self.with_basis(clean, item, path)
        clean["sub_goals"] = self.text_items(item, "sub_goals", path)
        return clean

    def resolve_local_refs(self):
        for namespace, value, line, path in self.refs:
            if namespace in self.defined and value not in self.defined[namespace]:
                self.error(line, path, f"henviser til {value!r}, som ikke er defineret i filen")
