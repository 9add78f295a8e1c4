"""The first pass over legal.yaml: the register of instruments that every municipality shares.

Its instruments and provisions are what `legal_basis` entries in the
municipalities' files point at; validation.py resolves those references once
every file is read.
"""

from content.reader import Reader
from content.specs import CONSOLIDATION_SPEC, INSTRUMENT_SPEC, PROVISION_SPEC


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
