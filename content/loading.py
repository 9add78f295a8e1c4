"""Loads the bundled content from the YAML files in fixtures/.

Two passes. The first (validation.py) reads every file and validates
everything (unknown keys, missing or malformed fields, dangling references,
duplicate slugs), collecting all errors with their file, line and field. Only
when there is none does the second pass write, all files in one transaction,
saving a row only when a value differs, so that a second run writes nothing
and leaves no history entries, and removing the rows that the files no longer
hold. A dry run does all of that and rolls it back, to report what a load
would do. The format is described in fixtures/README.md.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from content.validation import read_files
from content.writer import BaseWriter
from content.writer_goals import GoalWriter
from content.writer_legal import LegalWriter
from content.writer_municipality import MunicipalityWriter
from content.writer_policy import PolicyWriter
from organisation.models import Municipality
from search.services import rebuild_index
from search.signals import suspended

REASON = "Indlæst fra projektets indholdsfiler"


@dataclass
class Removal:
    file: str
    kind: str  # the model's verbose_name
    name: str  # the row's str()
    rows: int  # itself and what cascaded from it

    def __str__(self):
        name = self.name if len(self.name) <= 100 else self.name[:99] + "…"
        text = f"{self.file}: {self.kind} «{name}»"
        if self.rows > 1:
            text += f" (med {self.rows - 1} underliggende)"
        return text


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list = field(default_factory=list)
    removals: list = field(default_factory=list)

    @property
    def removed(self):
        return sum(removal.rows for removal in self.removals)

    def add_removal(self, file, kind, name, rows):
        self.removals.append(Removal(file, kind, name, rows))

    def __str__(self):
        text = f"{self.created} oprettet, {self.updated} ændret, {self.unchanged} uændret"
        text += f", {self.removed} fjernet"
        if self.skipped:
            text += f"; sprunget over (findes allerede): {', '.join(self.skipped)}"
        return text


class Writer(MunicipalityWriter, PolicyWriter, GoalWriter, LegalWriter, BaseWriter):
    """The second pass: every area's writing (writer_*.py) on the common ground of writer.py."""


def fixture_paths(directory):
    return sorted(Path(directory).glob("*.yaml"))


def load(paths, *, skip_existing=False, check=False, dry_run=False):
    """Validate every file, then write them all in one transaction.

    check only validates. dry_run writes and then rolls back, so that the
    report says what a load would create, change and remove. skip_existing
    leaves a municipality that is already in the database untouched, and the
    legal register's existing rows too, so that `make run` never overwrites
    what staff have edited.
    """
    plan = read_files(paths, keep_register=skip_existing)
    report = Report()
    if check:
        return report
    writer = Writer(report, reason=REASON)
    with transaction.atomic(), suspended():
        # Legal editors own the register once it exists: add what is new, change nothing.
        writer.create_only = skip_existing
        writer.write_legal(plan.legal)
        writer.create_only = False
        for municipality in plan.municipalities:
            slug = municipality["municipality"]["slug"]
            if skip_existing and Municipality.objects.filter(slug=slug).exists():
                report.skipped.append(slug)
                continue
            writer.write_municipality(municipality)
        if plan.has_legal and not skip_existing:
            writer.prune_legal()
        if dry_run:
            transaction.set_rollback(True)
        elif report.created or report.updated or report.removals:
            rebuild_index()
    return report
