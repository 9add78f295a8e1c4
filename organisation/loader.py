"""Loads the bundled content from the YAML files in fixtures/.

Two passes. The first reads every file and validates everything (unknown
keys, missing or malformed fields, dangling references, duplicate slugs),
collecting all errors with their file, line and field. Only when there is none
does the second pass write, all files in one transaction, saving a row only
when a value differs, so that a second run writes nothing and leaves no
history entries. The format is described in fixtures/README.md.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import update_change_reason

from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from legal.models import Consolidation, Instrument, LegalReference, Provision, Verification
from organisation import services
from organisation.models import (
    CoreTask,
    Municipality,
    OrganisationUnit,
    Person,
    PoliticalBody,
    SourceDocument,
)
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

# Municipality slugs share the URL space with the site's own sections.
RESERVED_SLUGS = {"admin", "soeg", "retsgrundlag", "daekning", "static", "sitemap.xml", "robots.txt"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --- Reading YAML with line numbers -------------------------------------------


class Mapping(dict):
    line = 0
    key_lines: dict


class Sequence(list):
    line = 0
    item_lines: list


class LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line of every mapping key and list item."""

    def construct_lined_mapping(self, node):
        self.flatten_mapping(node)
        result = Mapping()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"nøglen {key!r} står to gange", key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_lined_sequence(self, node):
        result = Sequence(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_lined_mapping)
LineLoader.add_constructor("tag:yaml.org,2002:seq", LineLoader.construct_lined_sequence)


@dataclass
class LoadError:
    file: str
    line: int
    path: str
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class ContentError(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


# --- Field types ---------------------------------------------------------------


class Invalid(Exception):
    pass


def text(value):
    if not isinstance(value, str):
        raise Invalid("skal være tekst")
    return value.strip()


def nonempty_text(value):
    value = text(value)
    if not value:
        raise Invalid("må ikke være tom")
    return value


def slug(value):
    value = text(value)
    if not SLUG_RE.match(value):
        raise Invalid(f"{value!r} er ikke et gyldigt kortnavn (små bogstaver a-z, tal og bindestreger)")
    return value


def year(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise Invalid("skal være et årstal")
    return value


def positive_int(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Invalid("skal være et helt tal")
    return value


def date(value):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise Invalid("skal være en dato på formen ÅÅÅÅ-MM-DD")


def boolean(value):
    if not isinstance(value, bool):
        raise Invalid("skal være true eller false")
    return value


def url(value):
    value = text(value)
    if not value.startswith("https://"):
        raise Invalid("skal være en https-adresse")
    return value


def email(value):
    value = text(value)
    if not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", value):
        raise Invalid(f"{value!r} er ikke en e-mailadresse")
    return value


def choice(choices):
    allowed = [value for value, _label in choices.choices]

    def validate(value):
        if value not in allowed:
            raise Invalid(f"{value!r} er ikke en af {', '.join(allowed)}")
        return value

    return validate


class Ref:
    """A reference by slug to something defined elsewhere in the files."""

    def __init__(self, namespace):
        self.namespace = namespace

    def __call__(self, value):
        return slug(value)


# --- The reader ------------------------------------------------------------------


class Reader:
    def __init__(self, path):
        self.path = path
        self.name = str(path)
        self.errors = []
        self.refs = []  # (namespace, slug, line, path) to resolve once all is read

    def error(self, line, path, message):
        self.errors.append(LoadError(self.name, line, path, message))

    def load(self):
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = yaml.load(handle, Loader=LineLoader)  # noqa: S506 - LineLoader is a SafeLoader
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 0
            self.error(line, "-", f"ugyldig YAML: {getattr(exc, 'problem', exc)}")
            return None
        except UnicodeDecodeError:
            self.error(0, "-", "filen er ikke UTF-8")
            return None
        if not isinstance(data, Mapping):
            self.error(1, "-", "filen skal indeholde en mapping på øverste niveau")
            return None
        return data

    def fields(self, mapping, path, spec, required=()):
        """Validate a mapping against spec {key: validator}; return the clean values."""
        if not isinstance(mapping, Mapping):
            self.error(self.line_of(mapping), path, "skal være en mapping med nøgler")
            return None
        clean = {}
        for key, value in mapping.items():
            line = mapping.key_lines.get(key, mapping.line)
            if key not in spec:
                known = ", ".join(sorted(spec))
                self.error(line, f"{path}.{key}", f"ukendt nøgle (kendte: {known})")
                continue
            validator = spec[key]
            if validator is None:  # nested structure, handled by the caller
                clean[key] = value
                continue
            if value is None:
                if key in required:
                    self.error(line, f"{path}.{key}", "mangler en værdi")
                continue
            try:
                clean[key] = validator(value)
            except Invalid as exc:
                self.error(line, f"{path}.{key}", str(exc))
                continue
            if isinstance(validator, Ref):
                self.refs.append((validator.namespace, clean[key], line, f"{path}.{key}"))
        for key in required:
            if key not in mapping:
                self.error(mapping.line, f"{path}.{key}", "mangler")
        return clean

    def items(self, mapping, key, path):
        """The list under mapping[key], as (item, item_path, item_line); empty if absent."""
        if not isinstance(mapping, Mapping) or mapping.get(key) is None:
            return []
        value = mapping[key]
        if not isinstance(value, Sequence):
            self.error(mapping.key_lines.get(key, mapping.line), f"{path}.{key}", "skal være en liste")
            return []
        return [(item, f"{path}.{key}[{index}]", value.item_lines[index]) for index, item in enumerate(value)]

    @staticmethod
    def line_of(value):
        return getattr(value, "line", 0)

    def check_unique(self, items, key, parent, path):
        seen = set()
        for index, item in enumerate(items):
            if not item or key not in item:
                continue
            if item[key] in seen:
                self.error(
                    getattr(parent, "line", 0), f"{path}[{index}].{key}", f"{item[key]!r} er allerede brugt"
                )
            seen.add(item[key])


@dataclass
class Plan:
    """What the first pass read: clean values, ready to write."""

    legal: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)


# --- Specs --------------------------------------------------------------------------

SOURCE_SPEC = {
    "key": slug,
    "title": nonempty_text,
    "kind": choice(SourceDocument.Kind),
    "seed_file": text,
    "description": text,
}
BODY_SPEC = {
    "slug": slug,
    "name": nonempty_text,
    "kind": choice(PoliticalBody.Kind),
    "description": text,
    "source": Ref("source"),
}
UNIT_SPEC = {
    "slug": slug,
    "name": nonempty_text,
    "abbreviation": text,
    "kind": choice(OrganisationUnit.Kind),
    "description": text,
    "source": Ref("source"),
    "serves": None,
    "core_tasks": None,
    "children": None,
}
PERSON_SPEC = {
    "slug": slug,
    "name": nonempty_text,
    "role": choice(Person.Role),
    "job_title": nonempty_text,
    "unit": Ref("unit"),
    "body": Ref("body"),
    "phone": text,
    "email": email,
    "source": Ref("source"),
}
BASIS_SPEC = {
    "instrument": Ref("instrument"),
    "provision": slug,
    "relation": choice(LegalReference.Relation),
    "citation": text,
    "source": Ref("source"),
    "editorial": boolean,
}
RESPONSIBLE = {"responsible_unit": Ref("unit"), "responsible_body": Ref("body")}
ITEM_SPEC = {"text": nonempty_text, "source": Ref("source"), **RESPONSIBLE, "legal_basis": None}
QUOTE_SPEC = {"text": nonempty_text, "speaker_role": text, "context": text, "source": Ref("source")}
VALUE_SPEC = {"name": nonempty_text, "tagline": text, "text": text, "source": Ref("source")}
ACTOR_SPEC = {"group": text, "name": nonempty_text, "responsibility": nonempty_text, "source": Ref("source")}
SECTION_SPEC = {"heading": text, "text": nonempty_text, "source": Ref("source")}
THEME_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "number": positive_int,
    "subtitle": text,
    "text": text,
    "discrepancy_note": text,
    "source": Ref("source"),
    "sections": None,
    "commitments": None,
    "initiatives": None,
    "key_messages": None,
    "quotes": None,
    "legal_basis": None,
}
POLICY_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "status": choice(Policy.Status),
    "status_note": text,
    "period_start": year,
    "period_end": year,
    "adopted_by": Ref("body"),
    "predecessor": Ref("policy"),
    "foreword": text,
    "foreword_by": Ref("person"),
    "introduction": text,
    "purpose": text,
    "vision": text,
    "children_view_title": text,
    "children_view": text,
    "actors_introduction": text,
    "implementation": text,
    "evaluation": text,
    "discrepancy_note": text,
    "source": Ref("source"),
    "values": None,
    "quotes": None,
    "themes": None,
    "actors": None,
    "legal_basis": None,
}
STRATEGY_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "kind_label": text,
    "policy": Ref("policy"),
    "period_start": year,
    "period_end": year,
    "purpose": text,
    "description": text,
    "components_introduction": text,
    "discrepancy_note": text,
    "source": Ref("source"),
    "themes": None,
    "components": None,
    "legal_basis": None,
}
STRATEGY_PART_SPEC = {"title": nonempty_text, "text": text, "source": Ref("source"), "legal_basis": None}
GOAL_TRACK_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "policy": Ref("policy"),
    "set_by": Ref("body"),
    **RESPONSIBLE,
    "description": text,
    "period_start": year,
    "period_end": year,
    "source": Ref("source"),
    "sub_goals": None,
    "legal_basis": None,
}
COUNCIL_SPEC = {
    "text": nonempty_text,
    "policy": Ref("policy"),
    **RESPONSIBLE,
    "source": Ref("source"),
    "legal_basis": None,
}
BUDGET_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "from_year": year,
    "policy": Ref("policy"),
    **RESPONSIBLE,
    "description": text,
    "source": Ref("source"),
    "legal_basis": None,
}
MUNICIPALITY_SPEC = {"name": nonempty_text, "slug": slug, "website": url, "description": text}
MUNICIPALITY_FILE_SPEC = {
    "municipality": None,
    "sources": None,
    "bodies": None,
    "units": None,
    "people": None,
    "policies": None,
    "strategies": None,
    "goal_tracks": None,
    "council_commitments": None,
    "budget_goals": None,
}

INSTRUMENT_SPEC = {
    "slug": slug,
    "title": nonempty_text,
    "short_title": nonempty_text,
    "kind": choice(Instrument.Kind),
    "bindingness": choice(Instrument.Bindingness),
    "identifier": url,
    "identifier_note": text,
    "citation": text,
    "adopted_on": date,
    "in_force_on": date,
    "repealed_on": date,
    "dates_note": text,
    "summary": nonempty_text,
    "verification": choice(Verification),
    "verification_note": text,
    "checked_on": date,
    "consolidations": None,
    "provisions": None,
}
CONSOLIDATION_SPEC = {
    "label": nonempty_text,
    "dated": date,
    "identifier": url,
    "verification": choice(Verification),
    "verification_note": text,
}
PROVISION_SPEC = {
    "slug": slug,
    "label": nonempty_text,
    "heading": text,
    "summary": nonempty_text,
    "verification": choice(Verification),
    "verification_note": text,
    "replaced_by": text,
    "replaced_on": date,
}


# --- First pass: read and validate ----------------------------------------------------


class FileReader(Reader):
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
            self.fields(quote, quote_path, QUOTE_SPEC, required=("text",))
            for quote, quote_path, _line in self.items(item, "quotes", path)
        ]
        clean["actors"] = [
            self.fields(actor, actor_path, ACTOR_SPEC, required=("name", "responsibility"))
            for actor, actor_path, _line in self.items(item, "actors", path)
        ]
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
                theme, "key_messages", theme_path, spec={"text": nonempty_text, "source": Ref("source")}
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
        return clean

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


class LegalReader(Reader):
    def read_legal_file(self, data):
        self.fields(data, "$", {"instruments": None}, required=("instruments",))
        instruments = []
        for item, path, line in self.items(data, "instruments", "$"):
            clean = self.fields(
                item,
                path,
                INSTRUMENT_SPEC,
                required=("slug", "title", "short_title", "kind", "bindingness", "summary"),
            )
            if clean is None:
                continue
            if clean.get("slug") == "daekning":
                self.error(line, f"{path}.slug", "kortnavnet er forbeholdt dækningsrapporten")
            clean["line"] = line
            clean["consolidations"] = [
                self.fields(value, value_path, CONSOLIDATION_SPEC, required=("label",))
                for value, value_path, _line in self.items(item, "consolidations", path)
            ]
            clean["provisions"] = []
            for value, value_path, value_line in self.items(item, "provisions", path):
                provision = self.fields(
                    value, value_path, PROVISION_SPEC, required=("slug", "label", "summary")
                )
                if provision is None:
                    continue
                provision["line"] = value_line
                provision["path"] = value_path
                if bool(provision.get("replaced_by")) != bool(provision.get("replaced_on")):
                    self.error(
                        value_line,
                        f"{value_path}.replaced_on",
                        "replaced_by og replaced_on skal angives sammen",
                    )
                clean["provisions"].append(provision)
            self.check_unique(clean["provisions"], "slug", item, f"{path}.provisions")
            instruments.append(clean)
        self.check_unique(instruments, "slug", data, "instruments")
        return instruments


def read_files(paths):
    """First pass: parse and validate; raise ContentError with every problem found."""
    plan = Plan()
    errors = []
    readers = []
    for path in sorted(paths, key=lambda p: (Path(p).name != "legal.yaml", str(p))):
        is_legal = Path(path).name == "legal.yaml"
        reader = LegalReader(path) if is_legal else FileReader(path)
        readers.append(reader)
        data = reader.load()
        if data is None:
            continue
        if is_legal:
            plan.legal = reader.read_legal_file(data)
        else:
            municipality = reader.read_municipality_file(data)
            if municipality is not None:
                plan.municipalities.append(municipality)

    # Legal references may point into legal.yaml or into what the database already holds.
    known_instruments = {item["slug"] for item in plan.legal if "slug" in item}
    known_provisions = {
        f"{item['slug']}/{provision['slug']}"
        for item in plan.legal
        if "slug" in item
        for provision in item["provisions"]
        if "slug" in provision
    }
    known_instruments |= set(Instrument.objects.values_list("slug", flat=True))
    known_provisions |= {
        f"{instrument}/{provision}"
        for instrument, provision in Provision.objects.values_list("instrument__slug", "slug")
    }
    for reader in readers:
        for namespace, value, line, path in reader.refs:
            if namespace == "instrument" and value not in known_instruments:
                reader.error(line, path, f"ukendt retskilde {value!r}")
            if namespace == "provision" and value not in known_provisions:
                reader.error(line, path, f"ukendt bestemmelse {value!r}")
        if isinstance(reader, LegalReader):
            for item in plan.legal:
                for provision in item["provisions"]:
                    target = provision.get("replaced_by")
                    if target and target not in known_provisions:
                        reader.error(
                            provision["line"],
                            f"{provision['path']}.replaced_by",
                            f"ukendt bestemmelse {target!r}",
                        )
        errors.extend(reader.errors)
    slugs = [m["municipality"].get("slug") for m in plan.municipalities]
    for duplicate in {s for s in slugs if slugs.count(s) > 1}:
        errors.append(LoadError("-", 0, "municipality.slug", f"{duplicate!r} findes i flere filer"))
    if errors:
        raise ContentError(errors)
    return plan


# --- Second pass: write ----------------------------------------------------------------


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)

    def __str__(self):
        text = f"{self.created} oprettet, {self.updated} ændret, {self.unchanged} uændret"
        if self.skipped:
            text += f"; sprunget over (findes allerede): {', '.join(self.skipped)}"
        return text


class Writer:
    def __init__(self, report, reason):
        self.report = report
        self.reason = reason

    create_only = False

    def upsert(self, model, lookup, values):
        """Create or update one row; save only what differs, so reruns leave no history."""
        obj = model._default_manager.filter(**lookup).first()
        if obj is not None and self.create_only:
            self.report.unchanged += 1
            return obj
        if obj is None:
            obj = model(**lookup, **values)
            self.save(obj)
            self.report.created += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            self.save(obj)
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        return obj

    def save(self, obj):
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            # The first pass checks structure and references; what only the
            # model knows (lengths, its own clean()) surfaces here, still
            # inside the transaction, so nothing is kept.
            messages = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in exc.message_dict.items())
            raise ContentError(
                [LoadError(self.file, 0, f"{obj._meta.verbose_name} {obj}", messages)]
            ) from exc
        if isinstance(obj, OrganisationUnit):
            services.save_unit(obj)
        else:
            obj.save()
        if hasattr(type(obj), "history"):
            update_change_reason(obj, self.reason)

    # Legal register

    def write_legal(self, instruments):
        self.file = "legal.yaml"
        provisions = {}
        existing = set(Provision.objects.values_list("pk", flat=True)) if self.create_only else set()
        for order, item in enumerate(instruments, start=1):
            values = {
                key: item.get(key, default)
                for key, default in (
                    ("title", ""),
                    ("short_title", ""),
                    ("kind", ""),
                    ("bindingness", ""),
                    ("identifier", ""),
                    ("identifier_note", ""),
                    ("citation", ""),
                    ("adopted_on", None),
                    ("in_force_on", None),
                    ("repealed_on", None),
                    ("dates_note", ""),
                    ("summary", ""),
                    ("verification", Verification.CHECKED),
                    ("verification_note", ""),
                    ("checked_on", None),
                )
            }
            values["order"] = order
            instrument = self.upsert(Instrument, {"slug": item["slug"]}, values)
            for consolidation in item["consolidations"]:
                self.upsert(
                    Consolidation,
                    {"instrument": instrument, "label": consolidation["label"]},
                    {
                        "dated": consolidation.get("dated"),
                        "identifier": consolidation.get("identifier", ""),
                        "verification": consolidation.get("verification", Verification.CHECKED),
                        "verification_note": consolidation.get("verification_note", ""),
                    },
                )
            for position, provision in enumerate(item["provisions"], start=1):
                provisions[f"{item['slug']}/{provision['slug']}"] = (
                    provision,
                    self.upsert(
                        Provision,
                        {"instrument": instrument, "slug": provision["slug"]},
                        {
                            "label": provision["label"],
                            "heading": provision.get("heading", ""),
                            "summary": provision["summary"],
                            "verification": provision.get("verification", Verification.CHECKED),
                            "verification_note": provision.get("verification_note", ""),
                            "order": position,
                        },
                    ),
                )
        # Successors last: the provision replacing another may be defined after it.
        for provision, obj in provisions.values():
            if obj.pk in existing:
                continue
            target = provision.get("replaced_by")
            replaced_by = self.provision(target) if target else None
            if obj.replaced_by != replaced_by or obj.replaced_on != provision.get("replaced_on"):
                obj.replaced_by = replaced_by
                obj.replaced_on = provision.get("replaced_on")
                self.save(obj)
                self.report.updated += 1

    @staticmethod
    def provision(key):
        instrument, provision = key.split("/")
        return Provision.objects.get(instrument__slug=instrument, slug=provision)

    # A municipality

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
        for order, strategy in enumerate(plan["strategies"], start=1):
            self.write_strategy(strategy, order)
        for order, track in enumerate(plan["goal_tracks"], start=1):
            obj = self.upsert(
                GoalTrack,
                {"municipality": municipality, "slug": track["slug"]},
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
            self.write_basis(track, "goal_track", obj)
            for position, sub_goal in enumerate(track["sub_goals"], start=1):
                sub = self.upsert(
                    SubGoal,
                    {"track": obj, "order": position},
                    {
                        "text": sub_goal["text"],
                        "source": self.source(sub_goal, track),
                        **self.responsible(sub_goal),
                    },
                )
                self.write_basis(sub_goal, "sub_goal", sub, track)
        for order, commitment in enumerate(plan["council_commitments"], start=1):
            obj = self.upsert(
                CouncilCommitment,
                {"municipality": municipality, "order": order},
                {
                    "text": commitment["text"],
                    **self.goal_common(commitment),
                },
            )
            self.write_basis(commitment, "council_commitment", obj)
        for order, goal in enumerate(plan["budget_goals"], start=1):
            obj = self.upsert(
                BudgetGoal,
                {"municipality": municipality, "slug": goal["slug"]},
                {
                    "title": goal["title"],
                    "order": order,
                    "from_year": goal.get("from_year"),
                    "description": goal.get("description", ""),
                    **self.goal_common(goal),
                },
            )
            self.write_basis(goal, "budget_goal", obj)

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
        for position, task in enumerate(unit["core_tasks"], start=1):
            self.upsert(
                CoreTask,
                {"unit": obj, "order": position},
                {
                    "text": task["text"],
                    "source": self.source(task) or obj.source,
                },
            )
        for position, child in enumerate(unit["children"], start=1):
            self.write_unit(child, obj, position, obj.source)

    def write_policy(self, policy):
        values = {
            key: policy.get(key, "")
            for key in (
                "title",
                "status",
                "status_note",
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
        }
        obj = self.upsert(
            Policy,
            {"municipality": self.m, "slug": policy["slug"]},
            {
                **values,
                "period_start": policy.get("period_start"),
                "period_end": policy.get("period_end"),
                "adopted_by": self.bodies.get(policy.get("adopted_by")),
                "foreword_by": self.people.get(policy.get("foreword_by")),
                "source": self.source(policy),
            },
        )
        self.policies[policy["slug"]] = obj
        self.write_basis(policy, "policy", obj)
        for order, value in enumerate(policy["values"], start=1):
            self.upsert(
                PolicyValue,
                {"policy": obj, "order": order},
                {
                    "name": value["name"],
                    "tagline": value.get("tagline", ""),
                    "text": value.get("text", ""),
                    "source": self.source(value, policy),
                },
            )
        for order, actor in enumerate(policy["actors"], start=1):
            self.upsert(
                Actor,
                {"policy": obj, "order": order},
                {
                    "group": actor.get("group", ""),
                    "name": actor["name"],
                    "responsibility": actor["responsibility"],
                    "source": self.source(actor, policy),
                },
            )
        quote_order = 0
        for quote in policy["quotes"]:
            quote_order += 1
            self.write_quote(quote, obj, None, quote_order, policy)
        for order, theme in enumerate(policy["themes"], start=1):
            theme_obj = self.upsert(
                Theme,
                {"policy": obj, "slug": theme["slug"]},
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
            self.write_basis(theme, "theme", theme_obj, policy)
            for position, section in enumerate(theme["sections"], start=1):
                self.upsert(
                    ThemeSection,
                    {"theme": theme_obj, "order": position},
                    {
                        "heading": section.get("heading", ""),
                        "text": section["text"],
                        "source": self.source(section, theme, policy),
                    },
                )
            for model, key, target in (
                (Commitment, "commitments", "commitment"),
                (Initiative, "initiatives", "initiative"),
            ):
                for position, item in enumerate(theme[key], start=1):
                    item_obj = self.upsert(
                        model,
                        {"theme": theme_obj, "order": position},
                        {
                            "text": item["text"],
                            "source": self.source(item, theme, policy),
                            **self.responsible(item),
                        },
                    )
                    self.write_basis(item, target, item_obj, theme, policy)
            for position, item in enumerate(theme["key_messages"], start=1):
                self.upsert(
                    KeyMessage,
                    {"theme": theme_obj, "order": position},
                    {
                        "text": item["text"],
                        "source": self.source(item, theme, policy),
                    },
                )
            for quote in theme["quotes"]:
                quote_order += 1
                self.write_quote(quote, obj, theme_obj, quote_order, theme, policy)

    def write_quote(self, quote, policy_obj, theme_obj, order, *parents):
        self.upsert(
            Quote,
            {"policy": policy_obj, "order": order},
            {
                "theme": theme_obj,
                "text": quote["text"],
                "speaker_role": quote.get("speaker_role", ""),
                "context": quote.get("context", ""),
                "source": self.source(quote, *parents),
            },
        )

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
        self.write_basis(strategy, "strategy", obj)
        for position, theme in enumerate(strategy["themes"], start=1):
            self.upsert(
                StrategyTheme,
                {"strategy": obj, "order": position},
                {
                    "title": theme["title"],
                    "text": theme.get("text", ""),
                    "source": self.source(theme, strategy),
                },
            )
        for position, component in enumerate(strategy["components"], start=1):
            component_obj = self.upsert(
                StrategyComponent,
                {"strategy": obj, "order": position},
                {
                    "title": component["title"],
                    "text": component.get("text", ""),
                    "source": self.source(component, strategy),
                },
            )
            self.write_basis(component, "component", component_obj, strategy)

    def write_basis(self, item, target_field, target, *parents):
        for order, basis in enumerate(item.get("legal_basis") or [], start=1):
            provision = None
            if basis.get("provision"):
                provision = self.provision(f"{basis['instrument']}/{basis['provision']}")
            self.upsert(
                LegalReference,
                {target_field: target, "order": order},
                {
                    "instrument": Instrument.objects.get(slug=basis["instrument"]),
                    "provision": provision,
                    "relation": basis["relation"],
                    "citation": basis.get("citation", ""),
                    # An editor's link stands in no document unless one is named for it.
                    "source": self.source(basis)
                    if basis.get("editorial")
                    else self.source(basis, item, *parents),
                    "is_editorial": basis.get("editorial", False),
                },
            )


def fixture_paths(directory):
    return sorted(Path(directory).glob("*.yaml"))


def load(paths, *, skip_existing=False, dry_run=False):
    """Validate every file, then write them all in one transaction.

    skip_existing leaves a municipality that is already in the database
    untouched, so that `make run` never overwrites what staff have edited.
    """
    plan = read_files(paths)
    report = Report()
    if dry_run:
        return report
    from search.services import rebuild_index
    from search.signals import suspended

    writer = Writer(report, reason="Indlæst fra projektets indholdsfiler")
    with transaction.atomic(), suspended():
        # Legal editors own the register once it exists: add what is new, change nothing.
        writer.create_only = skip_existing
        writer.write_legal(plan.legal)
        writer.create_only = False
        for municipality in plan.municipalities:
            slug_ = municipality["municipality"]["slug"]
            if skip_existing and Municipality.objects.filter(slug=slug_).exists():
                report.skipped.append(slug_)
                continue
            writer.write_municipality(municipality)
        if report.created or report.updated:
            rebuild_index()
    return report
