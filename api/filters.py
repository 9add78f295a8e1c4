"""The filters users need, built per kind from the registry (django-filter): municipality,
kind, status, legal basis including succession, and changed since a date.

A value the filter does not know gives 400 with the parameter named (django-filter's
errors, made problem details by api.problems), never an empty list that looks like an answer.
"""

from datetime import datetime, time

import django_filters
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions

from goals.models import FollowUp
from legal.basis import resolve_all
from legal.models import Instrument, Provision
from organisation.models import Municipality

STATUS_CHOICES = [(FollowUp.NOT_FOLLOWED_UP, FollowUp.NOT_FOLLOWED_UP_LABEL), *FollowUp.Status.choices]


def municipality_by_slug(slug):
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise ValidationError(_("Der findes ingen kommune med kortnavnet »%(slug)s«.") % {"slug": slug[:60]})
    return municipality


def provisions_cited_for(value):
    """(instrument, {provision ids}) for "instrument" or "instrument/provision".

    A provision stands for itself and everything it replaced, all the way back (barnets
    lov § 15, stk. 1 also finds what rests on serviceloven § 19, stk. 2); an instrument
    for itself and every provision its own provisions replaced.
    """
    instrument_slug, _sep, provision_slug = value.partition("/")
    instrument = Instrument.objects.filter(slug=instrument_slug).first()
    if instrument is None:
        raise ValidationError(_("Ukendt retskilde: »%(value)s«.") % {"value": value[:100]})
    provisions = list(Provision.objects.only("pk", "slug", "instrument_id", "replaced_by_id"))
    replaces = {}
    for provision in provisions:
        replaces.setdefault(provision.replaced_by_id, []).append(provision.pk)
    if provision_slug:
        start = [p.pk for p in provisions if p.instrument_id == instrument.pk and p.slug == provision_slug]
        if not start:
            raise ValidationError(_("Ukendt bestemmelse: »%(value)s«.") % {"value": value[:100]})
    else:
        start = [p.pk for p in provisions if p.instrument_id == instrument.pk]
    found, queue = set(), list(start)
    while queue:
        pk = queue.pop()
        if pk not in found:
            found.add(pk)
            queue.extend(replaces.get(pk, []))
    return (None if provision_slug else instrument), found


def _changed_since(queryset, name, value):
    since = timezone.make_aware(datetime.combine(value, time.min))
    history = queryset.model.history.filter(history_date__gte=since).values("id")
    return queryset.filter(pk__in=history)


def _as_parameter_error(name, error):
    return exceptions.ValidationError({name: list(error.messages)})


def _municipality(queryset, name, value):
    try:
        return queryset.for_municipality(municipality_by_slug(value))
    except ValidationError as error:
        raise _as_parameter_error(name, error) from error


def build_filterset(resource):
    attrs = {}
    model = resource.model
    field_names = {f.name for f in model._meta.get_fields()}
    if resource.scoped:
        attrs["municipality"] = django_filters.CharFilter(
            method=_municipality, label=gettext_lazy("Kommunens kortnavn, fx »herning«.")
        )
    if hasattr(model, "history"):
        attrs["changed_since"] = django_filters.DateFilter(
            method=_changed_since,
            label=gettext_lazy("Kun det, der er ændret på eller efter denne dato (ÅÅÅÅ-MM-DD)."),
        )
    if "kind" in field_names:
        attrs["kind"] = django_filters.ChoiceFilter(
            choices=model._meta.get_field("kind").choices, label=gettext_lazy("Type.")
        )
    if resource.key == "policy":
        attrs["status"] = django_filters.ChoiceFilter(
            choices=[c for c in model.Status.choices if c[0] != "draft"],
            label=gettext_lazy("Politikkens status."),
        )
    if resource.key == "follow_up":
        attrs["status"] = django_filters.ChoiceFilter(
            choices=FollowUp.Status.choices, label=gettext_lazy("Status.")
        )
    if resource.is_goal:
        attrs["status"] = django_filters.ChoiceFilter(
            choices=STATUS_CHOICES,
            method=_goal_status(resource),
            label=gettext_lazy("Målets status efter den seneste opfølgning; »none« for ikke fulgt op."),
        )
    if resource.goal_kind is not None:
        attrs["legal_basis"] = django_filters.CharFilter(
            method=_legal_basis(resource),
            label=gettext_lazy(
                "Retskilde eller bestemmelse, fx »barnets-lov« eller »barnets-lov/par-15-stk-1«. "
                "Finder også det, der hviler på de bestemmelser, den har afløst, direkte eller arvet."
            ),
        )
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}Filter", (django_filters.FilterSet,), {**attrs, "Meta": meta})


def _goal_status(resource):
    key = resource.goal_kind.key

    def method(queryset, name, value):
        from django.db.models import OuterRef, Subquery

        latest = (
            FollowUp.objects.filter(**{key: OuterRef("pk")}).order_by("-date", "-pk").values("status")[:1]
        )
        queryset = queryset.annotate(api_status=Subquery(latest))
        if value == FollowUp.NOT_FOLLOWED_UP:
            return queryset.filter(api_status__isnull=True)
        return queryset.filter(api_status=value)

    return method


def _legal_basis(resource):
    kind = resource.goal_kind

    def method(queryset, name, value):
        try:
            instrument, provisions = provisions_cited_for(value)
        except ValidationError as error:
            raise _as_parameter_error(name, error) from error
        matching = [
            goal.item.pk
            for goal in resolve_all(kinds=(kind,))
            if any(
                reference.provision_id in provisions
                or (instrument is not None and reference.instrument_id == instrument.pk)
                for reference in goal.basis.references
            )
        ]
        return queryset.filter(pk__in=matching)

    return method
