"""The goal overview in pages of PAGE_SIZE goals: at the scale of a whole municipality
(about a thousand goals) the table is read a page at a time, while the CSV and JSON
always hold every row the filters select.

The page number is the query parameter `side`; every other parameter (filters, sorting)
is kept in the page links, and a new filter or sorting starts again at page one.
"""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404

PAGE_SIZE = 50
PAGE_PARAMETER = "side"
# Page numbers shown on either side of the current one, besides the first and the last.
NEIGHBOURS = 2


def paginate(rows, params, href):
    """Django's page of `rows` that `params` asks for, with its links made by
    `href(params, side=...)`; a value that is no page (0, -1, x, 1.5, past the last) is a 404."""
    try:
        page = Paginator(rows, PAGE_SIZE).page(params.get(PAGE_PARAMETER, "1"))
    except InvalidPage:
        raise Http404 from None

    def link(number):
        return href(params, **{PAGE_PARAMETER: str(number) if number > 1 else ""})

    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=NEIGHBOURS, on_ends=1)
    # (number, href), or (None, "") where numbers are left out.
    page.links = [
        (None, "") if number == Paginator.ELLIPSIS else (number, link(number)) for number in numbers
    ]
    page.previous_href = link(page.previous_page_number()) if page.has_previous() else ""
    page.next_href = link(page.next_page_number()) if page.has_next() else ""
    return page
