"""Validators for single values in the files.

Each takes the parsed YAML value and returns the clean value or raises
Invalid with a message in Danish; the specs (specs.py) map keys to them. `None`
in a spec marks a nested structure that the reader handles itself.
"""

import datetime
import re

from content.errors import Invalid

# Municipality slugs share the URL space with the site's own sections.
RESERVED_SLUGS = {"admin", "soeg", "retsgrundlag", "daekning", "static", "sitemap.xml", "robots.txt"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
