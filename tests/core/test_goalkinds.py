"""The registry of goal-like kinds is the one list every reader walks."""

from django.apps import apps

from core.goalkinds import BY_KEY, GOAL_KINDS, GOALS, kind_of, municipality_of, parent_of, policy_of
from core.models import FollowedUp, Responsible
from legal.models import LegalReference
from policies.models import Commitment


def test_every_model_a_legal_reference_can_hang_on_is_registered():
    targets = {
        field.related_model._meta.label
        for field in LegalReference._meta.get_fields()
        if field.many_to_one and field.name in BY_KEY
    }
    assert targets == {kind.model_label for kind in GOAL_KINDS}
    referenced = {
        model._meta.label
        for model in apps.get_models()
        if any(
            f.one_to_many
            and f.related_model is LegalReference
            and f.get_accessor_name() == "legal_references"
            for f in model._meta.get_fields()
        )
    }
    assert referenced == targets


def test_goals_are_exactly_the_kinds_that_are_followed_up():
    assert {kind.key for kind in GOALS} == {
        kind.key for kind in GOAL_KINDS if issubclass(kind.model, FollowedUp)
    }
    # Every goal names who carries it out, or inherits it from what it stands under.
    assert all(issubclass(kind.model, Responsible) for kind in GOALS)


def test_every_parent_is_itself_goal_like_and_every_chain_ends_at_the_policy():
    for kind in GOAL_KINDS:
        node = kind
        while node.parent:
            node = kind_of(node.model._meta.get_field(node.parent).related_model)
            assert node is not None, kind.key
        assert node.key == "policy", kind.key


def test_one_query_reads_an_item_with_its_parents_and_municipality(herning, django_assert_num_queries):
    with django_assert_num_queries(1):
        item = Commitment.objects.select_related(*BY_KEY["commitment"].related).filter(
            theme__policy__municipality=herning
        )[0]
        theme = parent_of(item)
        assert theme == item.theme
        assert policy_of(item) == theme.policy
        assert municipality_of(item) == herning
        assert str(item.responsible or "") is not None
