"""How a legal reference and a provision's replacement are shown, on every page alike."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.goalkinds import kind_of

register = template.Library()


@register.simple_tag
def reference_link(reference):
    """A link to the provision a reference cites, or to the instrument as a whole."""
    return format_html('<a href="{}">{}</a>', reference.target_url, reference.target_label)


@register.simple_tag
def provision_link(provision):
    return format_html('<a href="{}">{}</a>', provision.get_absolute_url(), provision.label_with_instrument)


@register.inclusion_tag("includes/replacement.html")
def replacement(provision, inline=False):
    """What replaced a provision and from when: "Afløst af … fra …", or "(afløst af … fra …)"
    inside a sentence; nothing for a provision in force."""
    return {
        "provision": provision,
        "successor": provision.replaced_by if provision else None,
        "inline": inline,
    }


@register.filter
def basis_url(item):
    """Where the basis an item inherits is shown: the `retsgrundlag` section of its ancestor's page,
    or the ancestor's own anchor when it lives on a page shared with others."""
    url = item.get_absolute_url()
    if "#" in url:
        return url
    kind = kind_of(item)
    if kind and kind.key == "theme":
        return f"{url}#{item.anchor}-grundlag"  # a theme's own basis, on its page and the policy's
    return f"{url}#retsgrundlag"


# "As the policy", in the definite form a kind's label cannot give; other kinds are named by title.
AS_OWNER = {
    "policy": _("Grundlag: som politikken"),
    "theme": _("Grundlag: som temaet"),
    "strategy": _("Grundlag: som strategien"),
    "goal_track": _("Grundlag: som målsporet"),
}


@register.filter
def inherited_label(item):
    """The short link text to the basis an item inherits from `item`."""
    kind = kind_of(item)
    label = AS_OWNER.get(kind.key) if kind else None
    return label or _("Grundlag: som %(title)s") % {"title": getattr(item, "title", item)}


@register.filter
def citation_adds(reference):
    """The document's own wording of a reference, unless it only repeats the name shown beside it."""
    citation = " ".join(reference.citation.split())
    if not citation:
        return ""
    shown = {" ".join(reference.target_label.split()).casefold(), reference.instrument.short_title.casefold()}
    return "" if citation.casefold() in shown else citation
