"""Every paragraph and list item of the five source documents is accounted for.

Each document is split into its paragraphs and list items. Each must stand in
the database, in an item whose source is that document, or be listed in the
reviewed file of left-out text (fixtures/sources/left-out.yaml) with a
reason. Nothing is left out silently, and no paragraph is credited to a
document it does not stand in.
"""

import re
import unicodedata
from functools import cache

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.db import models

from organisation.models import SourceDocument

SOURCES = settings.BASE_DIR / "fixtures" / "sources"
LEFT_OUT = SOURCES / "left-out.yaml"
DOCUMENTS = ("000", "001", "002", "003", "004")
PDF_DOCUMENTS = {"004"}
pytestmark = pytest.mark.django_db

# What must not be stored as content at all (a heading may well also be a title).
NEVER_CONTENT = {"navigation", "link", "film", "layout-placeholder", "name"}
LIST_ITEM = re.compile(r"^\s*(?:[•\-]|\d+\.)\s+")


def document_text(number):
    path = next(SOURCES.glob(f"{number}_*.txt"), None)
    assert path is not None, f"Source document {number}_*.txt is missing from {SOURCES} (see its README.md)."
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def pdf_key(text):
    """Compare PDF text on its letters and digits only, in one case.

    Extraction loses what tells a hyphenated word from a hyphen ("lærings- /
    grundlag" vs "børne- / og unge"), breaks lines anywhere and drops small
    capitals ("tema 1", "de professionelle aktører"), so those differences
    cannot be read from the text; a changed or dropped word still can.
    """
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", text).casefold())


def has_letters(text):
    return any(char.isalpha() for char in text)


def web_paragraphs(text):
    """A web page or the policy document: paragraphs, and each list item on its own."""
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.splitlines() if line.strip()]
        paragraph = []
        for line in lines:
            if LIST_ITEM.match(line):
                if paragraph:
                    yield " ".join(paragraph)
                    paragraph = []
                yield LIST_ITEM.sub("", line)
            else:
                paragraph.append(line)
        if paragraph:
            yield " ".join(paragraph)


def pdf_paragraphs(text):
    """The PDF text: its blocks, with the labels the layout sets letter by letter joined again.

    A quote's label ("SAGT PÅ UNGEWORKSHOP") is extracted as a run of blocks of
    capitals ("S A", "G T PÅ UNGEW", "O R" …); the run is one label. A bullet
    starts a new item.
    """
    label = []
    for block in re.split(r"\n\s*\n", text):
        if has_letters(block) and not any(char.islower() for char in block):
            label.append("".join(block.splitlines()))
            continue
        if label:
            yield "".join(label)
            label = []
        # A line that starts with one space starts a new page of the PDF.
        for page in re.split(r"\n (?=\S)", block):
            for item in re.split(r"\n(?=•)", page):
                yield item.lstrip("•")
    if label:
        yield "".join(label)


def paragraphs(number):
    text = document_text(number).replace("*", "")  # 003 marks its quotes in italics
    split = pdf_paragraphs if number in PDF_DOCUMENTS else web_paragraphs
    found = []
    for paragraph in split(text):
        paragraph = normalise(paragraph).strip("” ")
        if has_letters(paragraph):  # page numbers and lone quotation marks are not text
            found.append(paragraph)
    return found


def sourced_models():
    for model in apps.get_models():
        if getattr(model, "instance_type", None) is not None:
            continue  # a history table holds past versions, not what is shown
        field = next((f for f in model._meta.concrete_fields if f.name == "source"), None)
        if field is not None and field.related_model is SourceDocument:
            yield model


@cache
def stored_texts(number, joined=True):
    """Every text of every item whose source is the document: each field, and the item's fields read as one.

    Notes (`discrepancy_note`, `status_note` …) are the editors' words about the
    sources, not the sources' text, and do not count.
    """
    texts = []
    for model in sourced_models():
        fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField))
            and not f.choices
            and f.name != "slug"
            and not f.name.endswith("_note")
        ]
        rows = model._default_manager.filter(source__seed_file__startswith=f"{number}_").values_list(*fields)
        for values in rows:
            values = [value for value in values if value]
            texts.extend(values)
            if joined:
                # A PDF block may hold a section's heading before its text, or a name before a title.
                texts.append(" ".join(values))
                texts.append(" ".join(reversed(values)))
    return texts


@cache
def haystack(number):
    if number in PDF_DOCUMENTS:
        return "\n".join(pdf_key(text) for text in stored_texts(number))
    return "\n".join(normalise(text) for text in stored_texts(number))


def key(number, text):
    return pdf_key(text) if number in PDF_DOCUMENTS else normalise(text)


def is_stored(number, paragraph):
    return key(number, paragraph) in haystack(number)


def accounted_for(number, paragraph, entries):
    """Stored, or left out, or a heading left out followed by stored text (the PDF runs them together)."""
    own = [e for e in entries if e["document"] == number]
    paragraph_key = key(number, paragraph)
    if any(key(number, e["text"]) == paragraph_key for e in own) or is_stored(number, paragraph):
        return True
    for entry in own:
        heading = key(number, entry["text"])
        if entry["reason"] == "heading" and paragraph_key.startswith(heading):
            rest = paragraph_key[len(heading) :].strip()
            if rest and rest in haystack(number):
                return True
    return False


def left_out():
    data = yaml.safe_load(LEFT_OUT.read_text(encoding="utf-8"))
    return data["reasons"], data["left_out"]


def test_the_left_out_file_gives_a_known_reason_for_every_entry():
    reasons, entries = left_out()
    for entry in entries:
        assert set(entry) == {"document", "text", "reason"}, entry
        assert entry["document"] in DOCUMENTS, entry
        assert entry["reason"] in reasons, entry
    assert len({(e["document"], e["text"]) for e in entries}) == len(entries), "an entry is listed twice"


@pytest.mark.parametrize("number", DOCUMENTS)
def test_every_paragraph_is_stored_under_its_own_document_or_left_out_for_a_reason(number):
    _reasons, entries = left_out()
    missing = [p for p in paragraphs(number) if not accounted_for(number, p, entries)]
    assert not missing, f"{number}: neither in the database under this document nor in {LEFT_OUT.name}:\n" + (
        "\n".join(missing)
    )


@pytest.mark.parametrize("number", DOCUMENTS)
def test_every_left_out_entry_is_text_of_its_document(number):
    """An entry that no longer matches a paragraph would hide nothing but mislead a reviewer."""
    _reasons, entries = left_out()
    found = {key(number, p) for p in paragraphs(number)}
    stale = [
        e["text"]
        for e in entries
        if e["document"] == number and not any(p.startswith(key(number, e["text"])) for p in found)
    ]
    assert not stale, stale


@pytest.mark.parametrize("number", DOCUMENTS)
def test_left_out_text_is_not_also_stored_as_content(number):
    _reasons, entries = left_out()
    both = [
        e["text"]
        for e in entries
        if e["document"] == number and e["reason"] in NEVER_CONTENT and is_stored(number, e["text"])
    ]
    assert not both, both


def pieces(text_key, whole, shortest=15):
    """How many runs of the document the text is made of, each at least `shortest` long; None if it is not.

    The PDF's extraction breaks a sentence where a column, a page or a quote
    interrupts it, so a sentence of the printed page may be two or three runs of
    the extracted text. Reworded text is made of short runs and fails.
    """
    count, start = 0, 0
    while start < len(text_key):
        low, high = 0, len(text_key) - start
        while low < high:  # the longest run from `start` that stands in the document
            middle = (low + high + 1) // 2
            if text_key[start : start + middle] in whole:
                low = middle
            else:
                high = middle - 1
        if low < min(shortest, len(text_key) - start):
            return None
        count, start = count + 1, start + low
    return count


@pytest.mark.parametrize("number", DOCUMENTS)
def test_a_sample_of_each_documents_items_stands_in_that_document(number):
    """The other way round: what an item credits to a document is that document's text, each sentence."""
    document = document_text(number).replace("*", "")
    whole = key(number, document)
    texts = [t for t in stored_texts(number, joined=False) if len(t) > 40][::2]
    assert texts
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?:])\s+|\n+- ", t) if len(s) > 25]
    if number in PDF_DOCUMENTS:
        strays = [s for s in sentences if (pieces(key(number, s), whole) or 99) > 3]
    else:
        strays = [s for s in sentences if key(number, s.removeprefix("- ")) not in whole]
    assert not strays, strays
