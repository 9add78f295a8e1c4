"""A commitment's or an initiative's row on the policy and theme pages.

Built in Python (chrome/html.py), as Django's admin builds its change-list rows: a policy lists dozens of
items, and as an included template each row cost more to render than all the rest of its theme.
"""

from django import template
from django.utils.text import Truncator
from django.utils.translation import gettext

from chrome.html import html, joined
from legal.templatetags.legal_basis import basis_url, inherited_label

register = template.Library()


@register.simple_tag(takes_context=True)
def item_row(context, item):
    """The item's text, who is responsible, its link and the basis it inherits, or the references
    it rests on directly (includes/reference.html, as everywhere else); of an item resting on
    nothing, nothing is said."""
    shared = _shared(context)
    unit, basis = item.responsible_unit, item.basis
    responsible = html("{} {} · ", shared["responsible"], unit.name) if unit else ""
    owner = basis.inherited_from
    inherited = ""
    if owner:
        inherited = shared["inherited"].get(owner) or shared["inherited"].setdefault(
            owner, html(' · <a href="{}">{}</a>', basis_url(owner), inherited_label(owner))
        )
    direct = ""
    if basis.is_direct:
        reference = context.template.engine.get_template("includes/reference.html")
        shown = []
        for each in basis.references:
            with context.push(reference=each):
                shown.append((reference.render(context),))
        direct = html('<p class="item-basis">{}.</p>', joined("{}", shown, separator="; "))
    label = shared["label"] % {"text": Truncator(item.text).words(8, truncate=" …")}
    return html(
        '<li id="{}" class="item">\n  <p class="item-text">{} <span class="item-meta">{}<a href="{}" '
        'class="item-link" aria-label="{}">{}</a>{}</span></p>\n  {}\n</li>\n',
        item.anchor,
        item.text,
        responsible,
        item.get_absolute_url(),
        label,
        shared["link"],
        inherited,
        direct,
    )


def _shared(context):
    """What the rows of one list share, worked out for its first row: the words, translated once,
    and the link to each item whose basis rows inherit (most rows of a theme share one)."""
    shared = context.render_context.get(_shared)
    if shared is None:
        shared = context.render_context[_shared] = {
            "responsible": gettext("Ansvarlig:"),
            "link": gettext("Link til punktet"),
            "label": gettext("Link til punktet: %(text)s"),
            "inherited": {},
        }
    return shared
