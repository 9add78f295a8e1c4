"""The content loader: idempotent, atomic, and precise about what is wrong."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command

from content.loading import fixture_paths
from legal.models import Consolidation, Provision
from organisation.models import CoreTask, Municipality, OrganisationUnit
from organisation.tree_checks import tree_problems
from policies.models import Commitment, Policy, Quote, Theme

FIXTURES = settings.BASE_DIR / "fixtures"
pytestmark = pytest.mark.django_db


def snapshot():
    """What a failed load must leave exactly as it was."""
    history_rows = sum(model.history.count() for model in (Policy, Theme, Commitment, OrganisationUnit))
    return {
        "municipalities": list(Municipality.objects.values_list("slug", "name")),
        "themes": list(Theme.objects.order_by("pk").values_list("pk", "title", "text")),
        "commitments": list(Commitment.objects.order_by("pk").values_list("pk", "text")),
        "units": list(OrganisationUnit.objects.order_by("pk").values_list("pk", "name", "lft", "rght")),
        "history": history_rows,
    }


@pytest.fixture
def fixture_copy(tmp_path):
    for path in fixture_paths(FIXTURES):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def load_copy(directory, capsys):
    with pytest.raises(CommandError) as failure:
        call_command("load_content", *sorted(str(p) for p in Path(directory).glob("*.yaml")))
    return str(failure.value), capsys.readouterr().err


def test_second_run_changes_nothing(capsys):
    before = snapshot()
    call_command("load_content")
    assert "0 oprettet, 0 ændret" in capsys.readouterr().out
    assert snapshot() == before


def test_skip_existing_keeps_staff_edits(herning, capsys):
    theme = Theme.objects.for_municipality(herning).get(slug="dannelse")
    theme.text = "Rettet af en medarbejder."
    theme.save()
    call_command("load_content", "--skip-existing")
    theme.refresh_from_db()
    assert theme.text == "Rettet af en medarbejder."
    assert "sprunget over" in capsys.readouterr().out


def test_plain_rerun_restores_the_fixture_text(herning):
    theme = Theme.objects.for_municipality(herning).get(slug="dannelse")
    original = theme.text
    theme.text = "Rettet af en medarbejder."
    theme.save()
    history_before = theme.history.count()
    call_command("load_content")
    theme.refresh_from_db()
    assert theme.text == original
    assert theme.history.count() == history_before + 1
    assert theme.history.first().history_change_reason == "Indlæst fra projektets indholdsfiler"


def break_file(directory, name, old, new):
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return path, line


@pytest.mark.parametrize(
    ("name", "old", "new", "field", "message"),
    [
        (
            "herning.yaml",
            "slug: dannelse\n",
            "slug: dannelse\n        colour: red\n",
            "colour",
            "ukendt nøgle",
        ),
        ("herning.yaml", "title: Dannelse\n", "titel: Dannelse\n", "title", "mangler"),
        ("herning.yaml", "status: adopted", "status: vedtaget", "status", "er ikke en af"),
        (
            "herning.yaml",
            "set_by: boerne-og-familieudvalget",
            "set_by: ukendt-udvalg",
            "set_by",
            "ikke er defineret",
        ),
        ("herning.yaml", "provision: par-19-stk-2", "provision: par-99", "provision", "ukendt bestemmelse"),
        ("lyngby-taarbaek.yaml", "period_end: 2017", "period_end: 2011", "period_end", "slutter før"),
        ("legal.yaml", "replaced_on: 2024-01-01", "replaced_on: 1. januar 2024", "replaced_on", "dato"),
    ],
)
def test_invalid_fixture_names_file_line_and_field_and_changes_nothing(
    fixture_copy, capsys, name, old, new, field, message
):
    before = snapshot()
    path, line = break_file(fixture_copy, name, old, new)
    summary, errors = load_copy(fixture_copy, capsys)
    assert "databasen er ikke ændret" in summary
    matching = [error for error in errors.splitlines() if error.startswith(f"{path}:")]
    assert matching, errors
    assert any(f".{field}:" in error and message in error for error in matching), errors
    reported_lines = {int(error.split(":")[1]) for error in matching}
    assert reported_lines & {line, line + 1}, (line, errors)
    assert snapshot() == before


def test_duplicate_slug_is_reported(fixture_copy, capsys):
    break_file(fixture_copy, "herning.yaml", "slug: leg-laering-og-trivsel", "slug: dannelse")
    _summary, errors = load_copy(fixture_copy, capsys)
    assert "'dannelse' er allerede brugt" in errors


def test_broken_yaml_is_reported_with_its_line(fixture_copy, capsys):
    path, line = break_file(fixture_copy, "lyngby-taarbaek.yaml", "sources:\n", "sources: [\n")
    _summary, errors = load_copy(fixture_copy, capsys)
    assert "ugyldig YAML" in errors
    reported_line = int(errors.split(f"{path}:")[1].split(":")[0])
    assert line <= reported_line <= line + 3, errors


def test_failure_while_writing_rolls_back_every_file(fixture_copy, capsys, herning):
    """A value only the model rejects (too long) fails during writing: all is rolled back."""
    Theme.objects.for_municipality(herning).filter(slug="dannelse").update(text="Ændret før indlæsning.")
    before = snapshot()
    break_file(fixture_copy, "lyngby-taarbaek.yaml", "title: Fritid og kultur", "title: " + "Fritid " * 60)
    summary, errors = load_copy(fixture_copy, capsys)
    assert "databasen er ikke ændret" in summary
    assert "lyngby-taarbaek.yaml" in errors and "title" in errors
    # Herning's file is valid and is written first, yet its restore is rolled back too.
    assert snapshot() == before


def test_skip_existing_keeps_legal_editors_changes():
    provision = Provision.objects.get(instrument__slug="serviceloven", slug="par-19-stk-2")
    provision.summary = "Rettet af en juridisk redaktør."
    provision.save()
    call_command("load_content", "--skip-existing")
    provision.refresh_from_db()
    assert provision.summary == "Rettet af en juridisk redaktør."
    assert provision.replaced_by is not None


# --- Stable keys and pruning: a shortened list removes its rows --------------------------

CONTENT_APPS = ("organisation", "legal", "policies", "strategies", "goals")


def row_counts(history=False):
    """Rows per model in the content apps; with history, the historical models too."""
    return {
        model._meta.label: model._default_manager.count()
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if history or not model._meta.label.split(".")[1].startswith("Historical")
    }


def edited_copy(directory, name, edit):
    """A copy of a bundled file in directory, changed by edit(data)."""
    data = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    edit(data)
    path = directory / name
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, explicit_end=True), encoding="utf-8"
    )
    return path


def theme_of(data, slug):
    return next(theme for theme in data["policies"][0]["themes"] if theme["slug"] == slug)


def unit_of(data, slug):
    units = list(data["units"])
    while units:
        unit = units.pop()
        if unit["slug"] == slug:
            return unit
        units.extend(unit.get("children") or [])
    raise LookupError(slug)


def load(*args):
    out = StringIO()
    call_command("load_content", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def named(model, text):
    return f"{model._meta.verbose_name} «{text}»"


@pytest.fixture
def shortened_herning(tmp_path):
    """Herning's file with the second "Vi vil" point of Dannelse and the third core task of BOU gone."""
    removed = {}

    def edit(data):
        removed["commitment"] = theme_of(data, "dannelse")["commitments"].pop(1)
        removed["core_task"] = unit_of(data, "bou")["core_tasks"].pop(2)

    return edited_copy(tmp_path, "herning.yaml", edit), removed


def dannelse_commitments(herning):
    theme = Theme.objects.for_municipality(herning).get(slug="dannelse")
    return list(Commitment.objects.filter(theme=theme).order_by("order").values_list("pk", "text", "order"))


def bou_core_tasks(herning):
    return list(
        CoreTask.objects.filter(unit__municipality=herning, unit__slug="bou")
        .order_by("order")
        .values_list("pk", "text", "order")
    )


def test_shortened_list_removes_exactly_the_dropped_rows(herning, shortened_herning):
    path, removed = shortened_herning
    commitments, tasks, before = dannelse_commitments(herning), bou_core_tasks(herning), row_counts()

    out = load(path)

    assert "2 fjernet" in out
    assert named(Commitment, removed["commitment"]) in out
    assert named(CoreTask, removed["core_task"]) in out
    # The dropped items' own rows go; the others keep theirs and close up.
    kept = [(pk, text) for pk, text, _order in commitments if text != removed["commitment"]]
    assert dannelse_commitments(herning) == [(pk, text, order) for order, (pk, text) in enumerate(kept, 1)]
    kept = [(pk, text) for pk, text, _order in tasks if text != removed["core_task"]]
    assert bou_core_tasks(herning) == [(pk, text, order) for order, (pk, text) in enumerate(kept, 1)]
    after = row_counts()
    assert after.pop("policies.Commitment") == before.pop("policies.Commitment") - 1
    assert after.pop("organisation.CoreTask") == before.pop("organisation.CoreTask") - 1
    assert after == before
    # Deleting leaves a history entry that says why.
    deleted = Commitment.history.filter(history_type="-").latest("history_date")
    assert deleted.text == removed["commitment"]
    assert deleted.history_change_reason == "Indlæst fra projektets indholdsfiler"


def test_dry_run_reports_the_removal_and_changes_nothing(herning, shortened_herning):
    path, removed = shortened_herning
    before, counts = snapshot(), row_counts(history=True)

    out = load(path, "--dry-run")

    assert "Prøvekørsel:" in out and "2 fjernet" in out
    assert named(Commitment, removed["commitment"]) in out
    assert named(CoreTask, removed["core_task"]) in out
    assert out.rstrip().endswith("Prøvekørsel: intet er gemt.")
    assert snapshot() == before
    assert row_counts(history=True) == counts


def test_rerun_of_the_unchanged_fixtures_removes_nothing():
    counts = row_counts()
    out = load()
    assert "0 oprettet, 0 ændret" in out and "0 fjernet" in out
    assert "Fjernet" not in out
    assert row_counts() == counts


def test_reordering_a_list_keeps_every_row(herning, tmp_path):
    path = edited_copy(
        tmp_path, "herning.yaml", lambda data: theme_of(data, "dannelse")["commitments"].reverse()
    )
    before = dannelse_commitments(herning)
    out = load(path)
    assert "0 oprettet" in out and "0 fjernet" in out
    assert [(pk, text) for pk, text, _order in dannelse_commitments(herning)] == [
        (pk, text) for pk, text, _order in reversed(before)
    ]


def test_an_edited_item_keeps_its_row(herning, tmp_path):
    def edit(data):
        commitments = theme_of(data, "dannelse")["commitments"]
        commitments[1] = "Et omskrevet punkt"

    before = dannelse_commitments(herning)
    out = load(edited_copy(tmp_path, "herning.yaml", edit))
    assert "0 oprettet, 1 ændret" in out and "0 fjernet" in out
    after = dannelse_commitments(herning)
    assert [pk for pk, _text, _order in after] == [pk for pk, _text, _order in before]
    assert after[1][1] == "Et omskrevet punkt"


def test_a_removed_theme_takes_its_items_with_it(herning, tmp_path):
    def edit(data):
        themes = data["policies"][0]["themes"]
        themes.remove(theme_of(data, "dannelse"))

    theme = Theme.objects.for_municipality(herning).get(slug="dannelse")
    commitments = list(theme.commitments.values_list("pk", flat=True))
    out = load(edited_copy(tmp_path, "herning.yaml", edit))
    assert f"{named(Theme, 'Dannelse')} (med" in out
    assert not Theme.objects.filter(pk=theme.pk).exists()
    assert not Commitment.objects.filter(pk__in=commitments).exists()
    assert not Quote.objects.filter(theme=theme.pk).exists()


def test_a_removed_unit_goes_through_the_tree_service_with_its_children(herning, tmp_path):
    def edit(data):
        data["units"][0]["children"].remove(unit_of(data, "cuo"))
        data["people"] = [person for person in data["people"] if person.get("unit") != "cuo"]

    cuo = OrganisationUnit.objects.get(municipality=herning, slug="cuo")
    subtree = list(cuo.get_descendants(include_self=True).values_list("pk", flat=True))
    out = load(edited_copy(tmp_path, "herning.yaml", edit))
    assert f"{named(OrganisationUnit, cuo)} (med {len(subtree) - 1} underliggende)" in out
    assert not OrganisationUnit.objects.filter(pk__in=subtree).exists()
    assert tree_problems() == []


def test_skip_existing_never_prunes_a_skipped_municipality(herning, shortened_herning):
    path, _removed = shortened_herning
    counts = row_counts()
    out = load(path, "--skip-existing")
    assert "0 fjernet" in out and "sprunget over (findes allerede): herning" in out
    assert row_counts() == counts


def without_consolidation(data):
    instrument = next(item for item in data["instruments"] if item["slug"] == "dagtilbudsloven")
    return instrument.pop("consolidations")[0]["label"]


def test_legal_register_is_pruned_but_not_with_skip_existing(tmp_path):
    path = edited_copy(tmp_path, "legal.yaml", without_consolidation)
    label = Consolidation.objects.get(instrument__slug="dagtilbudsloven").label

    out = load(path, "--skip-existing")
    assert "0 fjernet" in out
    assert Consolidation.objects.filter(label=label).exists()

    out = load(path)
    assert "1 fjernet" in out and named(Consolidation, label) in out
    assert not Consolidation.objects.filter(label=label).exists()


def test_instrument_still_referenced_by_a_file_is_reported(tmp_path, capsys):
    def edit(data):
        data["instruments"] = [item for item in data["instruments"] if item["slug"] != "dagtilbudsloven"]

    for path in fixture_paths(FIXTURES):
        shutil.copy(path, tmp_path / path.name)
    edited_copy(tmp_path, "legal.yaml", edit)
    before = snapshot()
    _summary, errors = load_copy(tmp_path, capsys)
    assert "ukendt retskilde 'dagtilbudsloven'" in errors
    assert snapshot() == before


def test_instrument_still_referenced_in_the_database_is_not_removed(tmp_path, capsys):
    """Only legal.yaml is loaded: the municipalities' references protect what they rest on."""

    def edit(data):
        data["instruments"] = [item for item in data["instruments"] if item["slug"] != "dagtilbudsloven"]

    edited_copy(tmp_path, "legal.yaml", edit)
    counts = row_counts(history=True)
    summary, errors = load_copy(tmp_path, capsys)
    assert "databasen er ikke ændret" in summary
    assert "legal.yaml" in errors and "kan ikke fjernes" in errors and "Dagtilbudsloven" in errors
    assert row_counts(history=True) == counts
