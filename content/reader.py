"""The first pass's common ground: parse one file and check mappings against specs.

A Reader collects every error with its file, line and dotted path instead of
stopping at the first, and records each reference by slug so that it can be
resolved once everything is read. The two kinds of file have their own
readers (reader_municipality.py, reader_legal.py).
"""

import yaml

from content import integrity
from content.errors import Invalid, LoadError
from content.fields import Ref
from content.yaml_lines import Mapping, Sequence, load_yaml


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
                text = handle.read()
        except UnicodeDecodeError:
            self.error(0, "-", "filen er ikke UTF-8")
            return None
        if not integrity.is_whole(text):
            self.error(
                integrity.last_line_number(text),
                "-",
                "filen er ikke hel: dens sidste linje skal være slutmærket «...» (er den afkortet?)",
            )
            return None
        try:
            data = load_yaml(text.replace(integrity.NUL, integrity.NUL_STAND_IN))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 0
            self.error(line, "-", f"ugyldig YAML: {getattr(exc, 'problem', exc)}")
            return None
        if not isinstance(data, Mapping):
            self.error(1, "-", "filen skal indeholde en mapping på øverste niveau")
            return None
        # Reported, and the rest read on, so that one run shows every problem of the file.
        for line in integrity.nul_lines(text):
            self.error(line, integrity.path_at(data, line), "indeholder et nultegn (\\x00); fjern det")
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
