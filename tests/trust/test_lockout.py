"""Login throttling (django-axes): five wrong passwords lock a user name out from that address."""

import datetime

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from core.middleware import client_ip
from tests.helpers.admin import PASSWORD

LOGIN = reverse("admin:login")


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


def fail(client, times, username="hanne", address="203.0.113.7"):
    for _ in range(times):
        response = attempt(client, username, "forkert", address)
        assert response.status_code in (200, 429)
    return response


def test_five_wrong_passwords_lock_the_user_out_from_that_address(editor):
    client = Client()
    assert fail(client, 4).status_code == 200  # the login form again, with its error
    response = fail(client, 1)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Login midlertidigt spærret" in text
    assert "5 gange i træk" in text
    # Locked out: even the right password is refused, without checking it.
    assert attempt(client, "hanne", PASSWORD).status_code == 429


def test_the_lockout_is_keyed_on_user_and_address(editor):
    fail(Client(), 5)
    # The same user from another address, and another user from the same address, may log in.
    assert attempt(Client(), "hanne", PASSWORD, address="198.51.100.1").status_code == 302
    assert attempt(Client(), "nobody", "forkert").status_code == 200


def test_the_lockout_ends_after_the_cool_off(editor):
    client = Client()
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert attempt(client, "hanne", PASSWORD).status_code == 302


def test_an_administrator_can_lift_the_lockout(editor):
    client = Client()
    fail(client, 5)
    reset(username="hanne")
    assert attempt(client, "hanne", PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_address_is_the_one_the_proxy_reports(editor):
    # Each attempt comes from the proxy (127.0.0.1); the client prepends a forged address,
    # the proxy appends the real one, and the lockout keys on the real one.
    client = Client()
    for forged in range(5):
        client.post(
            LOGIN,
            {"username": "hanne", "password": "forkert"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{forged}, 203.0.113.7",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    blocked = attempt(client, "hanne", PASSWORD, address="127.0.0.1")
    assert blocked.status_code == 302  # no X-Forwarded-For: a request that bypassed the proxy


class FakeRequest:
    def __init__(self, remote, forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "127.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the client's own entry is never believed
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.2", "1.2.3.4"),
        (2, "1.2.3.4", "127.0.0.1"),  # fewer entries than proxies: not through the proxies
        (1, "not-an-address", "127.0.0.1"),
        (1, None, "127.0.0.1"),
    ],
)
def test_client_ip(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(FakeRequest("127.0.0.1", forwarded)) == expected
