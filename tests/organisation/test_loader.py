"""The content loader: idempotent, atomic, and precise about what is wrong."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from legal.models import Provision
from organisation.loader import fixture_paths
from organisation.models import Municipality, OrganisationUnit
from policies.models import Commitment, Policy, Theme

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
