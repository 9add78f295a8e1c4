"""Prints, per municipality, what its goals rest on; fails when a goal rests on nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from legal.basis import coverage


def _label(goal):
    item = goal.item
    return f"{goal.kind.label}: {getattr(item, 'title', None) or item.text}"


def _replacement(reference):
    successor = reference.provision.replaced_by
    return _("%(old)s er afløst af %(new)s fra %(date)s") % {
        "old": f"{reference.instrument.short_title} {reference.provision.label}",
        "new": f"{successor.instrument.short_title} {successor.label}",
        "date": date_format(reference.provision.replaced_on, "j. F Y"),
    }


class Command(BaseCommand):
    help = gettext_lazy("Viser for hver kommune, hvor mange mål der hviler på et retsgrundlag.")

    def handle(self, *args, **options):
        without = 0
        for report in coverage():
            write = self.stdout.write
            write(report.municipality.name)
            write("  " + _("Mål i alt: %(count)s") % {"count": report.total})
            write("  " + _("Direkte retsgrundlag: %(count)s") % {"count": report.direct})
            write("  " + _("Arvet retsgrundlag: %(count)s") % {"count": report.inherited})
            write("  " + _("Uden retsgrundlag: %(count)s") % {"count": len(report.nothing)})
            for goal in report.nothing:
                write(f"    - {_label(goal)}")
            write("  " + _("Hviler på en afløst bestemmelse: %(count)s") % {"count": len(report.on_replaced)})
            for goal in report.on_replaced:
                for reference in goal.basis.replaced_references:
                    write(f"    - {_label(goal)} ({_replacement(reference)})")
            without += len(report.nothing)
        if without:
            raise CommandError(_("%(count)s mål hviler ikke på noget retsgrundlag.") % {"count": without})
