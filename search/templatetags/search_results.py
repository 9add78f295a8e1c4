"""The search page's hits and its filters' links, built in Python (chrome/html.py) as Django's admin
builds its change-list rows: a national search lists 50 hits and links to ~100 municipalities,
and as template loops their values' lookups cost more than finding the hits."""

from django import template
from django.utils.safestring import mark_safe

from chrome.html import html, joined

register = template.Library()

CURRENT = mark_safe(' aria-current="true"')


@register.simple_tag
def hit_items(hits):
    """A hit's <li>: its title (marked where it matches) linking to the text, where the text
    stands, and the excerpt around its matches."""
    return joined(
        '<li>\n<h3 class="result-title"><a href="{}">{}</a></h3>\n<p class="result-meta">{}</p>\n{}</li>\n',
        (
            (
                hit.url,
                hit.title,
                " · ".join(hit.meta),
                html('<p class="excerpt">{}</p>\n', hit.excerpt) if hit.excerpt else "",
            )
            for hit in hits
        ),
    )


@register.simple_tag
def filter_items(links):
    """A filter's <li>s: (label, count, address, whether it is the one chosen).

    A count is shown as `{{ count }}` shows a whole number where thousands are not separated
    (USE_THOUSAND_SEPARATOR is off): its digits. localize() would spend ~0.5 ms on a hundred."""
    return joined(
        '<li><a href="{}"{}>{} <span class="filter-count">({})</span></a></li>\n',
        ((url, CURRENT if current else "", label, count) for label, count, url, current in links),
    )
