"""The goal overview as a spreadsheet (CSV), with the same rows as the page."""

from django.utils.translation import gettext as _


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
    return "; ".join(parts)


def write_goals(writer, rows, response):
    # A byte-order mark, so that spreadsheet programs read the file as UTF-8.
    response.write("\ufeff")
    writer.writerow(
        [
            _("Slags"),
            _("Mål"),
            _("Politik"),
            _("Tema"),
            _("Ansvarlig"),
            _("Periode"),
            _("Retsgrundlag"),
            _("Grundlag arvet fra"),
            _("Kilde"),
        ]
    )
    for row in rows:
        inherited = row.basis.inherited_from
        writer.writerow(
            [
                row.kind_label,
                row.text,
                row.policy.title if row.policy is not None else "",
                row.theme.title if row.theme is not None else "",
                row.responsible.name if row.responsible is not None else "",
                row.period_label,
                basis_text(row),
                getattr(inherited, "title", "") if inherited is not None else "",
                row.source.title if row.source is not None else "",
            ]
        )
