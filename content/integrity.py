"""Whether a fixture file is whole, and where it holds NUL bytes.

A file is whole when its last line is YAML's document end marker, `...`, at the start of
the line (fixtures/README.md). A copy cut short anywhere, mid-line or between lines, lacks
it, since the marker is the file's last line and nothing else in a fixture may start a
line with it: a text that contains "..." is indented under its key. PyYAML itself accepts
a cut file whenever the cut happens to leave valid YAML, which is why the marker exists.

A NUL byte is no character PyYAML reads, and PostgreSQL cannot store it in text; the file
is parsed with each NUL replaced so that every NUL can be reported at its own line and
field, as every other bad value is.
"""

from content.yaml_lines import Mapping, Sequence

END_MARKER = "..."
NUL = "\x00"
NUL_STAND_IN = "\ufffd"


def is_whole(text):
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return bool(lines) and lines[-1].rstrip() == END_MARKER


def last_line_number(text):
    return max(len(text.splitlines()), 1)


def nul_lines(text):
    """The 1-based numbers of the lines that contain a NUL byte."""
    return [number for number, line in enumerate(text.split("\n"), start=1) if NUL in line]


def key_paths(data, path="$"):
    """(line, dotted path) of every key and list item in parsed data, in the reader's notation."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            key_path = f"{path}.{key}"
            yield data.key_lines.get(key, data.line), key_path
            yield from key_paths(value, key_path)
    elif isinstance(data, Sequence):
        for index, item in enumerate(data):
            item_path = f"{path}[{index}]"
            yield data.item_lines[index], item_path
            yield from key_paths(item, item_path)


def path_at(data, line):
    """The field that `line` belongs to: the last key at or before it (a text may span lines)."""
    best = (0, "-")
    for key_line, key_path in key_paths(data):
        if best[0] <= key_line <= line:
            best = (key_line, key_path)
    return best[1]
