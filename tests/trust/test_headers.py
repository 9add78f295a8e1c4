"""Security headers on every response, NUL bytes refused, and `check --deploy` without warnings."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.pages import HERNING_POLICY


@pytest.mark.parametrize("path", ["/", HERNING_POLICY, "/herning/maal/", "/admin/login/", "/findes-ikke/"])
def test_every_page_has_a_strict_csp_and_the_other_headers(db, path):
    response = Client().get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "object-src 'none'" in policy
    assert response["Permissions-Policy"].startswith("accelerometer=()")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_allows_only_its_own_style_attributes_by_hash(super_client):
    policy = super_client.get("/admin/").headers["Content-Security-Policy"]
    style = next(part for part in policy.split("; ") if part.startswith("style-src"))
    assert "'unsafe-inline'" not in style
    assert style.count("'sha256-") == len(settings.ADMIN_STYLE_ATTRIBUTES)


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("get", "/soeg/", {"q": "a\x00b"}),
        ("get", "/herning/maal/", {"policy\x00": "1"}),
        ("get", "/admin/policies/policy/", {"municipality__id__exact": "\x00"}),
        ("get", "/admin/autocomplete/", {"term": "\x00", "app_label": "policies"}),
        ("post", "/admin/login/", {"username": "\x00", "password": "x"}),
        ("get", "/herning%00/", {}),
    ],
)
def test_a_nul_byte_anywhere_is_a_bad_request(super_client, method, path, data):
    response = getattr(super_client, method)(path, data)
    assert response.status_code == 400
    assert "nultegn" in response.content.decode()
    assert "Content-Security-Policy" in response


def test_the_api_gets_its_nul_refusal_as_problem_details(db):
    response = Client().get("/api/v1/", {"q": "\x00"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 400


def test_production_settings_pass_check_deploy_without_warnings():
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="policyhub.settings.production",
        SECRET_KEY="k" * 20 + "Zx9#qP-7w!" * 5,
        DATABASE_URL="postgres://u@localhost/db",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
