"""The goal overview in pages of PAGE_SIZE goals: at the scale of a whole municipality
(about a thousand goals) the table is read a page at a time, while the CSV and JSON
always hold every row the filters select.

The page number is the query parameter `side`; every other parameter (filters, sorting)
is kept in the page links, and a new filter or sorting starts again at page one.
"""

from dataclasses import dataclass

from django.http import Http404

PAGE_SIZE = 50
PAGE_PARAMETER = "side"
# Page numbers shown on either side of the current one, besides the first and the last.
NEIGHBOURS = 2


@dataclass
class Page:
    rows: list
    number: int
    count: int  # pages in all
    first_index: int  # the position of the page's first row among all, from 1
    last_index: int
    links: list  # [(number or None for a gap, href)]
    previous_href: str
    next_href: str

    @property
    def is_paginated(self):
        return self.count > 1


def page_number(params):
    """The page asked for; a value that is no page number is a 404, as a page past the last."""
    value = params.get(PAGE_PARAMETER, "1")
    if not value.isdigit() or len(value) > 6 or int(value) < 1:
        raise Http404
    return int(value)


def shown_numbers(number, count):
    """The page numbers to link to, with None where numbers are left out."""
    wanted = {1, count, *range(number - NEIGHBOURS, number + NEIGHBOURS + 1)}
    shown = []
    for candidate in sorted(page for page in wanted if 1 <= page <= count):
        if shown and candidate - shown[-1] > 1:
            shown.append(None)
        shown.append(candidate)
    return shown


def paginate(rows, params, href):
    """The page of `rows` that `params` asks for; `href(params, side=...)` makes a link."""
    number = page_number(params)
    count = max(1, -(-len(rows) // PAGE_SIZE))
    if number > count:
        raise Http404

    def link(page):
        return href(params, **{PAGE_PARAMETER: str(page) if page > 1 else ""})

    start = (number - 1) * PAGE_SIZE
    shown = rows[start : start + PAGE_SIZE]
    return Page(
        rows=shown,
        number=number,
        count=count,
        first_index=start + 1 if shown else 0,
        last_index=start + len(shown),
        links=[(page, link(page) if page else "") for page in shown_numbers(number, count)],
        previous_href=link(number - 1) if number > 1 else "",
        next_href=link(number + 1) if number < count else "",
    )
