"""Writing the legal register (legal.yaml) and the legal references that items make to it.

The register is shared by every municipality. With --skip-existing its
editors own it once it exists: what is new is added, nothing is changed or
removed. Otherwise it is made to match legal.yaml, and is pruned only after
every municipality is written, once no reference from the files points at
what goes.
"""

from content.validation import LEGAL_FILE
from core.goalkinds import kind_of
from legal.models import Consolidation, Instrument, LegalReference, Provision, Verification

INSTRUMENT_DEFAULTS = (
    ("title", ""),
    ("short_title", ""),
    ("kind", ""),
    ("bindingness", ""),
    ("identifier", ""),
    ("identifier_note", ""),
    ("citation", ""),
    ("adopted_on", None),
    ("in_force_on", None),
    ("repealed_on", None),
    ("dates_note", ""),
    ("summary", ""),
    ("verification", Verification.CHECKED),
    ("verification_note", ""),
    ("checked_on", None),
)


class LegalWriter:
    def write_legal(self, instruments):
        self.file = LEGAL_FILE
        provisions = {}
        self.register = {}  # instrument -> (its consolidations, its provisions), kept for prune_legal
        existing = set(Provision.objects.values_list("pk", flat=True)) if self.create_only else set()
        for order, item in enumerate(instruments, start=1):
            values = {key: item.get(key, default) for key, default in INSTRUMENT_DEFAULTS}
            values["order"] = order
            instrument = self.upsert(Instrument, {"slug": item["slug"]}, values)
            consolidations = [
                self.upsert(
                    Consolidation,
                    {"instrument": instrument, "label": consolidation["label"]},
                    {
                        "dated": consolidation.get("dated"),
                        "identifier": consolidation.get("identifier", ""),
                        "verification": consolidation.get("verification", Verification.CHECKED),
                        "verification_note": consolidation.get("verification_note", ""),
                    },
                )
                for consolidation in item["consolidations"]
            ]
            kept_provisions = []
            for position, provision in enumerate(item["provisions"], start=1):
                obj = self.upsert(
                    Provision,
                    {"instrument": instrument, "slug": provision["slug"]},
                    {
                        "label": provision["label"],
                        "heading": provision.get("heading", ""),
                        "summary": provision["summary"],
                        "verification": provision.get("verification", Verification.CHECKED),
                        "verification_note": provision.get("verification_note", ""),
                        "order": position,
                    },
                )
                provisions[f"{item['slug']}/{provision['slug']}"] = (provision, obj)
                kept_provisions.append(obj)
            self.register[instrument] = (consolidations, kept_provisions)
        # Successors last: the provision replacing another may be defined after it.
        for provision, obj in provisions.values():
            if obj.pk in existing:
                continue
            target = provision.get("replaced_by")
            replaced_by = self.provision(target) if target else None
            if obj.replaced_by != replaced_by or obj.replaced_on != provision.get("replaced_on"):
                obj.replaced_by = replaced_by
                obj.replaced_on = provision.get("replaced_on")
                self.save(obj)
                self.report.updated += 1

    def prune_legal(self):
        """Remove the consolidations, provisions and instruments that legal.yaml no longer holds.

        Called after the municipalities are written, so that their legal
        references (which protect what they point at) already point elsewhere.
        """
        self.file = LEGAL_FILE
        for instrument, (consolidations, provisions) in self.register.items():
            self.prune(Consolidation.objects.filter(instrument=instrument), consolidations)
            self.prune(Provision.objects.filter(instrument=instrument), provisions)
        self.prune(Instrument.objects.all(), list(self.register))

    @staticmethod
    def provision(key):
        instrument, provision = key.split("/")
        return Provision.objects.get(instrument__slug=instrument, slug=provision)

    def write_basis(self, item, target, *parents):
        """The legal references of one item, in the file's order; the rest are removed."""
        rows = []
        for basis in item.get("legal_basis") or []:
            provision = None
            if basis.get("provision"):
                provision = self.provision(f"{basis['instrument']}/{basis['provision']}")
            rows.append(
                {
                    "instrument": Instrument.objects.get(slug=basis["instrument"]),
                    "provision": provision,
                    "relation": basis["relation"],
                    "citation": basis.get("citation", ""),
                    # An editor's link stands in no document unless one is named for it.
                    "source": self.source(basis)
                    if basis.get("editorial")
                    else self.source(basis, item, *parents),
                    "is_editorial": basis.get("editorial", False),
                }
            )
        return self.write_list(
            LegalReference, {kind_of(target).key: target}, ("instrument", "provision"), rows
        )
