"""The first pass over all files: read each, then check what spans files.

A legal_basis entry may point into legal.yaml or into the register already in
the database; a municipality's slug must be unique across files. Every
problem from every file is raised together as one ContentError, and nothing is
written unless there is none.
"""

from dataclasses import dataclass, field
from pathlib import Path

from content.errors import ContentError, LoadError
from content.reader_legal import LegalReader
from content.reader_municipality import MunicipalityReader
from legal.models import Instrument, Provision

LEGAL_FILE = "legal.yaml"


@dataclass
class Plan:
    """What the first pass read: clean values, ready to write."""

    legal: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    # Whether legal.yaml was among the files: only then is the register the file's to prune.
    has_legal: bool = False


def read_files(paths, *, keep_register=True):
    """First pass: parse and validate; raise ContentError with every problem found.

    keep_register says whether the register rows in the database that
    legal.yaml does not hold survive the load (they do with --skip-existing,
    or when legal.yaml is not loaded at all). Only then may a municipality's
    file refer to them.
    """
    plan = Plan()
    errors = []
    readers = []
    for path in sorted(paths, key=lambda p: (Path(p).name != LEGAL_FILE, str(p))):
        is_legal = Path(path).name == LEGAL_FILE
        reader = LegalReader(path) if is_legal else MunicipalityReader(path)
        readers.append(reader)
        plan.has_legal = plan.has_legal or is_legal
        data = reader.load()
        if data is None:
            continue
        if is_legal:
            plan.legal = reader.read_legal_file(data)
        else:
            municipality = reader.read_municipality_file(data)
            if municipality is not None:
                plan.municipalities.append(municipality)

    known_instruments, known_provisions = _known_register(plan, keep_register or not plan.has_legal)
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


def _known_register(plan, include_database):
    """The instrument slugs and "instrument/provision" keys that references may name."""
    instruments = {item["slug"] for item in plan.legal if "slug" in item}
    provisions = {
        f"{item['slug']}/{provision['slug']}"
        for item in plan.legal
        if "slug" in item
        for provision in item["provisions"]
        if "slug" in provision
    }
    if include_database:
        instruments |= set(Instrument.objects.values_list("slug", flat=True))
        provisions |= {
            f"{instrument}/{provision}"
            for instrument, provision in Provision.objects.values_list("instrument__slug", "slug")
        }
    return instruments, provisions
