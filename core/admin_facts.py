"""What the public page shows of an item that its change form does not hold, read-only.

Staff edit one item at a time, but the public page shows it with what it
inherits (who is responsible, which law it rests on) and at an address of
its own; without these the form reads as if the item had none of them.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.goalkinds import GOAL_KINDS, ancestors, kind_of


def is_goal_like(model):
    return any(kind.model is model for kind in GOAL_KINDS)


def inherited_responsible(item):
    """(responsible, the ancestor it is inherited from or None), or (None, None)."""
    for node in ancestors(item):
        responsible = getattr(node, "responsible", None)
        if responsible is not None:
            return responsible, None if node is item else node
    return None, None


class PublicFactsAdmin:
    """Read-only fields "Offentlig adresse" and "Ansvarlig på den offentlige side"."""

    public_facts = ("public_address",)

    def get_readonly_fields(self, request, obj=None):
        extra = self.public_facts if obj is not None else ()
        return (*super().get_readonly_fields(request, obj), *extra)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        facts = [name for name in self.public_facts if not any(name in _names(f) for f in fieldsets)]
        if not facts:
            return fieldsets
        return [
            (
                _("Det viser den offentlige side også"),
                {
                    "fields": facts,
                    "description": _(
                        "Felterne her kan ikke rettes på denne side. De viser, hvad siden arver fra "
                        "det, den står under, og hvor den kan læses."
                    ),
                },
            ),
            *fieldsets,
        ]

    @admin.display(description=_("Offentlig adresse"))
    def public_address(self, obj):
        if not hasattr(obj, "get_absolute_url"):
            return "–"
        url = obj.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description=_("Ansvarlig på den offentlige side"))
    def responsible_shown(self, obj):
        if not is_goal_like(type(obj)):
            return "–"
        responsible, inherited_from = inherited_responsible(obj)
        if responsible is None:
            return _("Ingen er nævnt som ansvarlig.")
        if inherited_from is None:
            return str(responsible)
        return _("%(responsible)s – arvet fra %(kind)s »%(parent)s«") % {
            "responsible": responsible,
            "kind": kind_of(inherited_from).model._meta.verbose_name,
            "parent": inherited_from,
        }


def _names(fieldset):
    names = []
    for field in fieldset[1]["fields"]:
        names.extend(field if isinstance(field, list | tuple) else [field])
    return names


# Help in plain words for fields whose labels mean little to someone new to the admin.
PLAIN_HELP = {
    "slug": _(
        "Det korte navn, der står i sidens internetadresse, fx »tryghed« i …/temaer/tryghed/. "
        "Kun små bogstaver, tal og bindestreger. Ret det helst ikke, når siden er offentlig: "
        "gamle links holder så op med at virke."
    ),
    "relation": _(
        "Hvordan punktet hænger sammen med loven: »Krævet af« – loven kræver det; »Udmønter« – "
        "punktet gennemfører det, loven siger; »I tråd med« – punktet støtter loven uden at være krævet."
    ),
    "is_editorial": _(
        "Sæt kryds, hvis det er redaktionen og ikke kommunens eget dokument, der knytter punktet til "
        "loven. Siden skriver så »tilføjet af redaktionen«."
    ),
    "citation": _("Henvisningen skrevet nøjagtigt, som den står i kommunens dokument, fx »jf. § 46«."),
    "source": _("Det dokument, teksten er skrevet af efter. Vises nederst på siden som kilde."),
}


class PlainHelp:
    """Plain-word help texts for the fields in PLAIN_HELP; for model admins and inlines alike."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in PLAIN_HELP:
            field.help_text = PLAIN_HELP[db_field.name]
        return field
