"""The rows of a register page's list of the goals resting on a law.

Built in Python (chrome/html.py), as a policy's items are: the list runs to hundreds of rows,
and as a template loop it cost more to render than the rest of the page.
"""

from django import template
from django.utils.translation import gettext

from chrome.html import html, joined

register = template.Library()


@register.simple_tag
def resting_rows(goals):
    """A list item for each goal resting on the law (legal.basis.GoalBasis): its kind, the link,
    and whose basis it inherits."""
    via = gettext("via %(parent)s")
    kinds = {}  # each kind's label translated once, not once per row
    return joined(
        '\n        <li><span class="muted">{}:</span> <a href="{}">{}</a>{}</li>\n      ',
        (
            (
                kinds.get(goal.kind.key) or kinds.setdefault(goal.kind.key, str(goal.kind.label)),
                goal.item.get_absolute_url(),
                getattr(goal.item, "title", "") or goal.item.text,
                _inherited(via, goal.basis.inherited_from),
            )
            for goal in goals
        ),
    )


def _inherited(via, parent):
    return html(' <span class="inherited">{}</span>', via % {"parent": parent.title}) if parent else ""
