import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from organisation.management.commands import create_staff_user
from organisation.management.commands.create_staff_user import LEGAL_EDITOR, MUNICIPAL_EDITOR
from tests.helpers.admin import PASSWORD


def run(*args):
    call_command("create_staff_user", *args, stdout=io.StringIO())


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.fixture
def password_env(monkeypatch):
    monkeypatch.setenv("NEW_PASSWORD", PASSWORD)
    return ["--password-from-env", "NEW_PASSWORD"]


def test_creates_staff_user_with_membership_and_group(db, herning, password_env):
    run("anna", "--municipality", "herning", "--email", "anna@herning.dk", *password_env)
    user = User.objects.get(username="anna")
    assert (user.is_staff, user.is_active, user.is_superuser) == (True, True, False)
    assert user.email == "anna@herning.dk"
    assert user.check_password(PASSWORD)
    assert user.membership.municipality == herning
    assert group_names(user) == {MUNICIPAL_EDITOR}
    assert {
        "policies.change_policy",
        "policies.delete_commitment",
        "legal.add_legalreference",
        "organisation.change_organisationunit",
        "legal.view_instrument",
        "legal.view_provision",
        "organisation.change_municipality",
    } <= user.get_all_permissions()
    assert not {
        "legal.change_instrument",
        "organisation.add_municipality",
        "organisation.view_staffmembership",
    } & (user.get_all_permissions())


def test_is_idempotent_and_updates_membership_and_roles(db, lyngby, password_env):
    run("anna", "--municipality", "herning", *password_env)
    permissions = {g.name: set(g.permissions.all()) for g in Group.objects.all()}
    run("anna", "--municipality", "herning", *password_env)
    assert User.objects.filter(username="anna").count() == 1
    assert {g.name: set(g.permissions.all()) for g in Group.objects.all()} == permissions

    # No password option and no terminal: an existing user keeps the password.
    run("anna", "--municipality", "lyngby-taarbaek", "--legal-editor", "--email", "anna@ltk.dk")
    user = User.objects.get(username="anna")
    assert user.membership.municipality == lyngby
    assert group_names(user) == {MUNICIPAL_EDITOR, LEGAL_EDITOR}
    assert user.has_perm("legal.change_instrument")
    assert user.check_password(PASSWORD)
    assert user.email == "anna@ltk.dk"

    run("anna", "--municipality", "lyngby-taarbaek")
    assert group_names(User.objects.get(username="anna")) == {MUNICIPAL_EDITOR}


def test_without_password_and_terminal_prints_a_one_time_link(db, herning, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())
    out = io.StringIO()
    call_command("create_staff_user", "bo", "--municipality", "herning", stdout=out)
    user = User.objects.get(username="bo")
    assert not user.has_usable_password()
    link = out.getvalue().strip().splitlines()[-1]
    assert "/admin/adgangskode/" in link


def test_roles_are_given_and_removed(db, herning, password_env):
    run("bo", "--municipality", "herning", "--role", "editor", "--role", "publisher", *password_env)
    user = User.objects.get(username="bo")
    assert group_names(user) == {MUNICIPAL_EDITOR, create_staff_user.PUBLISHER}
    assert user.has_perm("policies.publish_policy")
    run("bo", "--municipality", "herning", "--role", "publisher")
    assert group_names(User.objects.get(username="bo")) == {create_staff_user.PUBLISHER}


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(("answers", "created"), [([PASSWORD, PASSWORD], True), ([PASSWORD, "andet"], False)])
def test_prompts_twice_on_a_terminal(answers, created, db, herning, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal())
    prompts = iter(answers)
    monkeypatch.setattr(create_staff_user, "getpass", lambda prompt: next(prompts))
    if created:
        run("bo", "--municipality", "herning")
        assert User.objects.get(username="bo").check_password(PASSWORD)
    else:
        with pytest.raises(CommandError, match="ikke ens"):
            run("bo", "--municipality", "herning")
        assert not User.objects.filter(username="bo").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--municipality", "atlantis", "--password-from-env", "NEW_PASSWORD"], "findes ikke"),
        (["--municipality", "herning", "--password-from-env", "UNSET_VARIABLE"], "ikke sat"),
        (["--municipality", "herning", "--password-from-env", "WEAK"], "(?i)adgangskode"),
    ],
)
def test_refuses_bad_input(args, message, db, herning, password_env, monkeypatch):
    monkeypatch.setenv("WEAK", "123")
    with pytest.raises(CommandError, match=message):
        run("bo", *args)
    assert not User.objects.filter(username="bo").exists()
