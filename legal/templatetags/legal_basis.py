"""How a legal reference and a provision's replacement are shown, on every page alike."""

from django import template
from django.utils.html import format_html

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
