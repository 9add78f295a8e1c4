"""The loader's errors: each names its file, line and field.

Both passes collect LoadErrors rather than stopping at the first, so that one
run shows everything wrong with the files; ContentError carries them all out
of `load()`, and the command prints them.
"""

from dataclasses import dataclass


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


class Invalid(Exception):
    """Raised by a field validator; the reader turns it into a LoadError at the field's line."""
