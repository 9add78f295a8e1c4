"""The goal overview as a spreadsheet (CSV) and as data (JSON): the same rows as the page,
the same columns in both."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.spreadsheet import neutralise_row


def basis_text(row):
    parts = []
    for reference in row.basis.references:
        label = reference.target_label
        successor = reference.successor
        if successor is not None:
            label += " " + _("(afløst af %(successor)s fra %(date)s)") % {
                "successor": successor.label_with_instrument,
                "date": reference.provision.replaced_on.isoformat(),
            }
        if reference.is_editorial:
            label += " " + _("(redaktionel henvisning)")
        parts.append(label)
    inherited = row.basis.inherited_from
    if parts and inherited is not None:
        parts.append(_("arvet fra %(parent)s") % {"parent": getattr(inherited, "title", str(inherited))})
    return "; ".join(parts)


def _responsible_source(row):
    inherited = row.responsibility.inherited_from
    if inherited is None:
        return ""
    return getattr(inherited, "title", None) or str(inherited)


def _latest_date(row):
    return row.state.date.isoformat() if row.state is not None else ""


# (key in the JSON, heading in the CSV, value). Keys are identifiers; headings are Danish.
COLUMNS = [
    ("municipality", gettext_lazy("Kommune"), lambda row, base: row.municipality.name),
    ("identifier", gettext_lazy("Id"), lambda row, base: f"{row.municipality.slug}/{row.anchor}"),
    ("url", gettext_lazy("Adresse"), lambda row, base: base + row.url),
    ("kind", gettext_lazy("Type"), lambda row, base: row.kind_label),
    ("text", gettext_lazy("Mål"), lambda row, base: row.text),
    ("policy", gettext_lazy("Politik"), lambda row, base: row.policy.title if row.policy else ""),
    (
        "theme",
        gettext_lazy("Tema eller målspor"),
        lambda row, base: (row.theme or row.track).title if (row.theme or row.track) else "",
    ),
    (
        "responsible",
        gettext_lazy("Ansvarlig"),
        lambda row, base: row.responsible.name if row.responsible else "",
    ),
    (
        "responsible_inherited_from",
        gettext_lazy("Ansvar arvet fra"),
        lambda row, base: _responsible_source(row),
    ),
    ("period", gettext_lazy("Periode"), lambda row, base: row.period_label),
    ("deadline", gettext_lazy("Frist"), lambda row, base: row.deadline.isoformat() if row.deadline else ""),
    ("status", gettext_lazy("Status"), lambda row, base: str(row.status_label)),
    ("progress", gettext_lazy("Fremdrift i procent"), lambda row, base: row.progress),
    (
        "progress_computed",
        gettext_lazy("Fremdrift beregnet ud fra delmål"),
        lambda row, base: row.progress_is_computed,
    ),
    ("latest_follow_up", gettext_lazy("Seneste opfølgning"), lambda row, base: _latest_date(row)),
    ("legal_basis", gettext_lazy("Retsgrundlag"), lambda row, base: basis_text(row)),
]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    return value


def write_goals(writer, rows, response, base_url):
    # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    response.write("\ufeff")
    writer.writerow([str(label) for _key, label, _value in COLUMNS])
    for row in rows:
        # A text starting with "=" must not become a formula (core.spreadsheet).
        writer.writerow(neutralise_row([_cell(value(row, base_url)) for _key, _label, value in COLUMNS]))


def goals_as_data(municipality, rows, base_url, filters):
    return {
        "municipality": municipality.name,
        "filters": filters,
        "count": len(rows),
        "columns": {key: str(label) for key, label, _value in COLUMNS},
        "goals": [{key: value(row, base_url) for key, _label, value in COLUMNS} for row in rows],
    }
