"""The loader refuses a fixture that is not whole, and reports NUL bytes by file, line and field."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.content.test_loader import snapshot

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


@pytest.fixture
def copy(tmp_path):
    for path in FIXTURES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def load(directory):
    call_command("load_content", *sorted(str(p) for p in Path(directory).glob("*.yaml")), verbosity=0)


def errors_of(directory, capsys):
    with pytest.raises((CommandError, SystemExit)):
        load(directory)
    captured = capsys.readouterr()
    return captured.err + captured.out


def test_every_bundled_fixture_ends_with_the_end_marker():
    for path in FIXTURES.glob("*.yaml"):
        assert path.read_text(encoding="utf-8").rstrip("\n").splitlines()[-1] == "...", path.name


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.999])
def test_a_file_cut_midway_is_refused_and_changes_nothing(db, copy, capsys, fraction):
    path = copy / "herning.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: int(len(text) * fraction)], encoding="utf-8")
    before = snapshot()
    errors = errors_of(copy, capsys)
    assert "herning.yaml:" in errors
    assert "ikke hel" in errors
    assert snapshot() == before


def test_a_file_cut_at_a_line_end_is_refused_too(db, copy, capsys):
    path = copy / "lyngby-taarbaek.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    assert "ikke hel" in errors_of(copy, capsys)


def test_a_nul_byte_is_reported_with_file_line_and_field(db, copy, capsys):
    path = copy / "herning.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, start=1) if line.lstrip().startswith("title: Dannelse"))
    lines[number - 1] = lines[number - 1].replace("Dannelse", "Dan\x00nelse")
    path.write_text("".join(lines), encoding="utf-8")
    before = snapshot()
    errors = errors_of(copy, capsys)
    line = next(line for line in errors.splitlines() if "nultegn" in line)
    file_line, field, _message = line.split(": ", 2)
    assert file_line.endswith(f"herning.yaml:{number}")
    assert field.endswith(".title")
    assert "Traceback" not in errors
    assert snapshot() == before
