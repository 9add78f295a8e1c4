"""How each kind is written out: its own fields, its identifier, the address of its public
page, and its relations as links (the API address of the object related to).

The serializers are built from the registry (api.resources), one per kind; what a
goal-like item rests on, its state and who carries it out are added from values the
views attach to the items beforehand (api.annotate), so that serialising reads nothing.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.resources import RESOURCES
from core.goalkinds import kind_of, municipality_of, policy_of


def api_url(request, model, pk):
    from rest_framework.reverse import reverse

    return reverse(f"{model._meta.model_name}-detail", kwargs={"pk": pk}, request=request)


class ReferenceSerializer(serializers.Serializer):
    instrument = serializers.URLField(help_text=_("Retskilden."))
    provision = serializers.URLField(
        allow_null=True, help_text=_("Bestemmelsen; tom ved retskilden som helhed.")
    )
    label = serializers.CharField(help_text=_("Fx »Barnets lov § 15, stk. 1«."))
    relation = serializers.CharField(help_text=_("required_by, implements eller in_line_with."))
    citation = serializers.CharField(allow_blank=True)
    is_editorial = serializers.BooleanField()
    replaced_by = serializers.URLField(
        allow_null=True, help_text=_("Den bestemmelse, der har afløst den citerede.")
    )


class BasisSerializer(serializers.Serializer):
    references = ReferenceSerializer(many=True)
    inherited_from = serializers.URLField(
        allow_null=True,
        help_text=_("Det overordnede punkt, grundlaget er arvet fra; tom, når det er punktets eget."),
    )


class ResponsibleSerializer(serializers.Serializer):
    unit = serializers.URLField(allow_null=True)
    body = serializers.URLField(allow_null=True)
    inherited_from = serializers.URLField(allow_null=True)


class StateSerializer(serializers.Serializer):
    date = serializers.DateField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    progress = serializers.IntegerField(allow_null=True, min_value=0, max_value=100)
    text = serializers.CharField(allow_blank=True)


class FollowUpStateSerializer(serializers.Serializer):
    status = serializers.CharField(help_text=_("Den seneste opfølgnings status; »none« uden opfølgning."))
    status_label = serializers.CharField()
    progress = serializers.IntegerField(allow_null=True, min_value=0, max_value=100)
    progress_is_computed = serializers.BooleanField(
        help_text=_("Sand, når et målspors fremdrift er beregnet ud fra delmålene.")
    )
    timeline = StateSerializer(many=True, help_text=_("Alle opfølgninger, nyeste først."))


class PublicSerializer(serializers.HyperlinkedModelSerializer):
    """Fields every object has: its identifier, its API address and its public page."""

    id = serializers.IntegerField(read_only=True, help_text=_("Fast identifikator inden for typen."))
    page = serializers.SerializerMethodField(help_text=_("Adressen på siden, der viser det."))

    resource = None

    @extend_schema_field(OpenApiTypes.URI)
    def get_page(self, item):
        path = self.resource.page_of(item)
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None and path else path


class GoalLikeMixin(serializers.Serializer):
    kind = serializers.SerializerMethodField()
    legal_basis = serializers.SerializerMethodField()
    responsible = serializers.SerializerMethodField()

    def get_kind(self, item) -> str:
        return self.resource.key

    @extend_schema_field(BasisSerializer)
    def get_legal_basis(self, item):
        return item.api_basis

    @extend_schema_field(ResponsibleSerializer)
    def get_responsible(self, item):
        return item.api_responsible


class GoalMixin(GoalLikeMixin):
    follow_up = serializers.SerializerMethodField()

    @extend_schema_field(FollowUpStateSerializer)
    def get_follow_up(self, item):
        return item.api_follow_up


class ProvisionMixin(serializers.Serializer):
    resting = serializers.SerializerMethodField(
        help_text=_("Alle offentliggjorte punkter, der hviler på bestemmelsen, direkte eller arvet.")
    )

    @extend_schema_field(serializers.ListField(child=serializers.URLField()))
    def get_resting(self, item):
        return item.api_resting


def _fields(resource):
    names = ["id", "url", "page"]
    for model_field in resource.model._meta.get_fields():
        if model_field.auto_created or not model_field.concrete or model_field.name in resource.exclude:
            continue
        if model_field.name != "id":
            names.append(model_field.name)
    if resource.key == "provision":
        names += ["replaces", "resting"]
    if resource.key == "instrument":
        names += ["resting"]
    if resource.goal_kind is not None:
        names += ["kind", "legal_basis", "responsible"]
    if resource.is_goal:
        names += ["follow_up"]
    return names


def build_serializer(resource):
    bases = [PublicSerializer]
    if resource.is_goal:
        bases.insert(0, GoalMixin)
    elif resource.goal_kind is not None:
        bases.insert(0, GoalLikeMixin)
    if resource.key in ("provision", "instrument"):
        bases.insert(0, ProvisionMixin)
    meta = type("Meta", (), {"model": resource.model, "fields": _fields(resource)})
    attrs = {"Meta": meta, "resource": resource}
    if resource.key == "provision":
        attrs["replaces"] = serializers.HyperlinkedRelatedField(
            many=True,
            read_only=True,
            view_name="provision-detail",
            help_text=_("De bestemmelser, den har afløst."),
        )
    name = "".join(part.title() for part in resource.key.split("_"))
    return type(name, tuple(bases), attrs)


SERIALIZERS = {resource.key: build_serializer(resource) for resource in RESOURCES}


class GoalSummarySerializer(serializers.Serializer):
    """A goal of any kind in one shape, for the list across kinds (/api/v1/goal/)."""

    kind = serializers.SerializerMethodField()
    id = serializers.IntegerField()
    url = serializers.SerializerMethodField(help_text=_("Det fulde punkt i API'et."))
    page = serializers.SerializerMethodField()
    text = serializers.SerializerMethodField(help_text=_("Titel eller tekst."))
    municipality = serializers.SerializerMethodField()
    policy = serializers.SerializerMethodField()
    legal_basis = BasisSerializer(source="api_basis")
    responsible = ResponsibleSerializer(source="api_responsible")
    follow_up = FollowUpStateSerializer(source="api_follow_up")

    def get_kind(self, item) -> str:
        return kind_of(item).key

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item):
        return api_url(self.context["request"], type(item), item.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page(self, item):
        from api.resources import goal_page

        return self.context["request"].build_absolute_uri(goal_page(item))

    def get_text(self, item) -> str:
        return getattr(item, "title", None) or item.text

    @extend_schema_field(OpenApiTypes.URI)
    def get_municipality(self, item):
        return api_url(self.context["request"], type(municipality_of(item)), municipality_of(item).pk)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_policy(self, item):
        policy = policy_of(item)
        return api_url(self.context["request"], type(policy), policy.pk) if policy is not None else None
