"""Addresses reversed once (core.addresses.cached_reverse) are those reverse() gives."""

from django.urls import reverse, set_script_prefix

from core.addresses import cached_reverse


def test_a_cached_address_is_the_reversed_one_and_follows_the_script_prefix():
    kwargs = {"municipality": "herning", "policy": "boerne-og-ungepolitik", "theme": "dannelse"}
    assert cached_reverse("policies:theme", **kwargs) == reverse("policies:theme", kwargs=kwargs)
    assert cached_reverse("policies:theme", **kwargs) == "/herning/politikker/boerne-og-ungepolitik/dannelse/"
    # Behind a proxy that mounts the site under a path, the address reversed before is not reused.
    set_script_prefix("/boernepolitik/")
    try:
        assert cached_reverse("policies:theme", **kwargs) == reverse("policies:theme", kwargs=kwargs)
        assert cached_reverse("policies:theme", **kwargs).startswith("/boernepolitik/herning/")
    finally:
        set_script_prefix("/")
    assert cached_reverse("legal:index") == "/retsgrundlag/"
