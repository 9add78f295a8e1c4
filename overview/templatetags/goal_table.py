"""The goal overview's table rows (overview/goals.html), built in
Python as Django's admin builds its change list's rows (admin_list.items_for_result): fifty
rows of eight cells, each value looked up, localised and escaped by
the template language, and two includes a row, cost more than the rest of the page.

The goal's own page shows its responsible and its progress with the same functions
(responsible_display, progress_display), so that both pages say it in the same markup and words.
"""

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from chrome.html import escaped, html, message
from overview.rows import responsible_address

register = template.Library()

# The line breaks before two </td> are those the includes ended with, kept as they were.
ROW = (
    '<tr id="{anchor}">\n'
    '  <td data-title="{goal}" class="goal-cell"><a href="{url}">{text}</a></td>\n'
    '  <td data-title="{kind}">{kind_label}</td>\n'
    '  <td data-title="{context}" class="context-cell">{context_cell}</td>\n'
    '  <td data-title="{responsible}">{responsible_cell}\n</td>\n'
    '  <td data-title="{period}">{period_cell}</td>\n'
    '  <td data-title="{status}">'
    '<span class="tag status-tag status-{status_key}">{status_label}</span></td>\n'
    '  <td data-title="{progress}">{progress_cell}\n</td>\n'
    '  <td data-title="{basis}" class="basis-cell">{basis_cell}</td>\n'
    "</tr>\n"
)
# The data-title of each cell, in the order of the columns (overview.goal_views.COLUMNS).
TITLES = ("goal", "kind", "context", "responsible", "period", "status", "progress", "basis")


@register.simple_tag
def goal_rows(rows, headers):
    """The <tr> of each row; headers: the table's column headings (overview.goal_views._headers)."""
    titles = {name: escaped(header["label"]) for name, header in zip(TITLES, headers, strict=True)}
    words = _words()  # translated once per table, not once per row
    links = {}  # an instrument's link, made once per table
    return SafeString("".join(_row(row, titles, words, links) for row in rows))


def _words():
    """The words of the cells, in the visitor's language."""
    return {
        "no_policy": gettext("ingen politik"),
        "not_named": gettext("ikke angivet i dokumenterne"),
        "no_progress": gettext("ingen fremdrift angivet"),
        "deadline": gettext("frist"),
        "no_basis": gettext("intet"),
    }


def _row(row, titles, words, links):
    return html(
        ROW,
        **titles,
        anchor=row.anchor,
        url=row.url,
        text=row.text,
        kind_label=row.kind_label,
        context_cell=_context(row, words),
        responsible_cell=_responsible(row, words),
        period_cell=f"{words['deadline']} {row.deadline_text}" if row.deadline else row.period_label or "–",
        status_key=row.status_key,
        status_label=row.status_label,
        progress_cell=_progress(row, words),
        basis_cell=_basis(row, words, links),
    )


def _context(row, words):
    """The policy › the theme or the goal track the goal stands under."""
    parts = []
    if row.policy:
        parts.append(html('<a href="{url}">{title}</a>', url=row.policy_url, title=row.policy.title))
    parent = row.theme or row.track
    if parent:
        parts.append(html(' › <a href="{url}">{title}</a>', url=row.parent_url, title=parent.title))
    if not parts:
        parts.append(html('<span class="muted">{text}</span>', text=words["no_policy"]))
    return SafeString("".join(parts))


def _responsible(row, words):
    return responsible_html(row.responsibility, row.responsible_path, row.responsible_url, words["not_named"])


def responsible_html(responsibility, path, url, not_named):
    """Who carries a goal out: the unit's path, the unit linked to its page (a political body has
    none), and whom the goal inherits it from."""
    responsible = responsibility.responsible
    if not responsible:
        return html('<span class="muted">{text}</span>', text=not_named)
    parts = []
    if path:
        parts.append(html('<span class="unit-path">{path} ›</span> ', path=path))
    if url:
        parts.append(html('<a href="{url}">{name}</a>', url=url, name=responsible.name))
    else:
        parts.append(escaped(responsible.name))
    if responsibility.is_inherited:
        parent = responsibility.inherited_from
        via = message(gettext("via %(parent)s"), parent=getattr(parent, "title", "") or parent)
        parts.append(html(' <span class="inherited">{via}</span>', via=via))
    return SafeString("".join(parts))


def _progress(row, words):
    return progress_html(row.progress, row.progress_is_computed, row.roll_up, words["no_progress"])


def progress_html(progress, computed, roll_up, no_progress):
    """A goal's progress as a bar and a percentage, and how many sub-goals it is computed from."""
    if progress is None:
        return html('<span class="muted">–<span class="sr-only"> {text}</span></span>', text=no_progress)
    shown = html(
        '<span class="progress-value"><progress max="100" value="{progress}" aria-hidden="true"></progress>'
        " {progress} %</span>",
        progress=progress,
    )
    if not computed:
        return shown
    counted = roll_up.counted
    computed_from = ngettext(
        "beregnet ud fra %(counter)s delmål", "beregnet ud fra %(counter)s delmål", counted
    )
    note = html('<span class="progress-note">{note}</span>', note=message(computed_from, counter=counted))
    return SafeString(shown + note)


@register.simple_tag
def progress_display(progress, computed=False, roll_up=None):
    """The goal page's progress and its sub-goals' (the table's rows are built above)."""
    return progress_html(progress, computed, roll_up, _words()["no_progress"])


@register.simple_tag
def responsible_display(responsibility, municipality):
    """The goal page's responsible and its sub-goals'."""
    url = responsible_address(responsibility.responsible, municipality)
    return responsible_html(responsibility, "", url, _words()["not_named"])


def _basis(row, words, links):
    """The instruments the goal rests on, linked."""
    instruments = row.instruments
    for instrument in instruments:
        if instrument.pk not in links:
            url = instrument.get_absolute_url()
            links[instrument.pk] = html('<a href="{url}">{title}</a>', url=url, title=instrument.short_title)
    shown = ", ".join(links[instrument.pk] for instrument in instruments)
    return SafeString(shown) if shown else html('<span class="muted">{text}</span>', text=words["no_basis"])
