"""The rows of a register page's list of the goals resting on a law.

Built in Python (chrome/html.py), as a policy's items are: the list runs to hundreds of rows,
and as a template loop it cost more to render than the rest of the page.
"""

from django import template

from chrome.html import html, joined

register = template.Library()


@register.simple_tag
def resting_rows(goals):
    """legal.selectors.RestingGoal's rows as list items: the kind, the link, and whose basis it inherits."""
    return joined(
        '\n        <li><span class="muted">{}:</span> <a href="{}">{}</a>{}</li>\n      ',
        (
            (
                goal.kind,
                goal.url,
                goal.label,
                html(' <span class="inherited">{}</span>', goal.via) if goal.via else "",
            )
            for goal in goals
        ),
    )
