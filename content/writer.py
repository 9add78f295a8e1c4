"""The second pass's common ground: write one row, one list, or remove what is gone.

A row is saved only when a value differs, so that a second run writes nothing
and leaves no history entries. Items with a slug are found by it. Items
without one (a core task, a "Vi vil" point, a quote) are matched to the rows
under their parent by their text first and their place in the list second,
so that deleting an item from the middle of a list removes that item's row
rather than the last one, and editing an item's text changes its row in place.
After a parent's list is written, the rows under it that the file no longer
holds are removed, so a shortened list leaves no orphans.

The mixins in writer_legal.py, writer_municipality.py, writer_policy.py and
writer_goals.py write each area on top of this; loading.py puts them together.
"""

from collections import defaultdict
from difflib import SequenceMatcher

from django.core.exceptions import ValidationError
from django.db import router
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from simple_history.utils import update_change_reason

from content.errors import ContentError, LoadError
from organisation import services
from organisation.models import OrganisationUnit


class BaseWriter:
    # Set while writing the legal register with --skip-existing: add what is new, change nothing.
    create_only = False

    def __init__(self, report, reason):
        self.report = report
        self.reason = reason
        self.file = "-"

    def upsert(self, model, lookup, values):
        """Create or update the row that lookup finds; save only what differs."""
        obj = model._default_manager.filter(**lookup).first()
        return self.write_row(model, obj, lookup, values)

    def write_row(self, model, obj, lookup, values):
        if obj is not None and self.create_only:
            self.report.unchanged += 1
            return obj
        if obj is None:
            obj = model(**lookup, **values)
            self.save(obj)
            self.report.created += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            self.save(obj)
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        return obj

    def write_list(self, model, parent, key, rows):
        """Write one parent's list of items without a slug; remove the rows it no longer holds.

        parent is the lookup {field: object} of the rows under the parent, key
        the fields that name an item (its text), rows the values of each item
        in the file's order; each row's `order` is its place in the list.
        Returns the objects, in the order of rows.
        """
        existing = list(model._default_manager.filter(**parent).order_by("order", "pk"))
        matched = match_rows(
            [row_key(model, key, obj=obj) for obj in existing],
            [row_key(model, key, values=values) for values in rows],
        )
        objects = []
        for position, values in enumerate(rows, start=1):
            obj = existing[matched[position - 1]] if matched[position - 1] is not None else None
            objects.append(self.write_row(model, obj, parent, {**values, "order": position}))
        kept = {index for index in matched if index is not None}
        for index, obj in enumerate(existing):
            if index not in kept:
                self.remove(obj)
        return objects

    def prune(self, queryset, kept):
        """Remove the rows of queryset (a parent's items with a slug) that are not among kept."""
        for obj in queryset.exclude(pk__in=[obj.pk for obj in kept]).order_by("pk"):
            self.remove(obj)

    def remove(self, obj):
        """Delete one row, and with it what cascades from it; name it in the report."""
        model = type(obj)
        # A row may already be gone with a parent removed before it.
        obj = model._default_manager.filter(pk=obj.pk).first()
        if obj is None:
            return
        kind, name = str(model._meta.verbose_name), str(obj)
        try:
            rows = count_cascade(obj)
            obj._change_reason = self.reason
            if isinstance(obj, OrganisationUnit):
                services.delete_unit(obj)  # tree writes are serialised there
            else:
                obj.delete()
        except (ProtectedError, RestrictedError) as exc:
            users = sorted({f"{o._meta.verbose_name} «{o}»" for o in exc.args[1]})
            shown = ", ".join(users[:5]) + (f" og {len(users) - 5} flere" if len(users) > 5 else "")
            raise ContentError(
                [LoadError(self.file, 0, f"{kind} {name}", f"kan ikke fjernes, for den bruges af {shown}")]
            ) from exc
        self.report.add_removal(self.file, kind, name, rows)

    def save(self, obj):
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            # The first pass checks structure and references; what only the
            # model knows (lengths, its own clean()) surfaces here, still
            # inside the transaction, so nothing is kept.
            messages = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in exc.message_dict.items())
            raise ContentError(
                [LoadError(self.file, 0, f"{obj._meta.verbose_name} {obj}", messages)]
            ) from exc
        if isinstance(obj, OrganisationUnit):
            services.save_unit(obj)
        else:
            obj.save()
        if hasattr(type(obj), "history"):
            update_change_reason(obj, self.reason)


def row_key(model, fields, obj=None, values=None):
    """What names an item in its list: its key fields, relations by primary key."""
    key = []
    for name in fields:
        field = model._meta.get_field(name)
        if obj is not None:
            key.append(getattr(obj, field.attname))
        else:
            value = values.get(name)
            key.append(value.pk if field.is_relation and value is not None else value)
    return tuple(key)


def match_rows(old, new):
    """For each new key, the index of the old row it updates, or None for a new row.

    Equal keys are matched first where the lists run alike (a diff), then
    where an item has moved. What is left is paired by place within each run
    that the diff shows as replaced, as an edited text; an old row left over
    is gone, a new item left over is new.
    """
    matched = [None] * len(new)
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for tag, i1, _i2, j1, j2 in opcodes:
        if tag == "equal":
            for offset in range(j2 - j1):
                matched[j1 + offset] = i1 + offset
    taken = set(matched)
    free = defaultdict(list)  # key -> indices of old rows not yet matched, in order
    for index, key in enumerate(old):
        if index not in taken:
            free[key].append(index)
    for j, key in enumerate(new):
        if matched[j] is None and free.get(key):
            matched[j] = free[key].pop(0)
    taken = set(matched)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace":
            olds = [i for i in range(i1, i2) if i not in taken]
            news = [j for j in range(j1, j2) if matched[j] is None]
            for i, j in zip(olds, news, strict=False):
                matched[j] = i
    return matched


def count_cascade(obj):
    """How many content rows deleting obj removes: itself and what cascades from it.

    Collecting also raises ProtectedError before anything is deleted.
    """
    collector = Collector(using=router.db_for_write(type(obj)), origin=obj)
    collector.collect([obj])
    rows = sum(len(instances) for model, instances in collector.data.items() if not model._meta.auto_created)
    rows += sum(qs.count() for qs in collector.fast_deletes if not qs.model._meta.auto_created)
    return rows
