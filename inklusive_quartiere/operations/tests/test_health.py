"""/healthz and /readyz: answers, failures as 503 without details, no caching, no sign-in, no noise in the log."""

import json
import logging

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

from inklusive_quartiere.operations import health
from inklusive_quartiere.operations.cache_settings import redis_cache
from inklusive_quartiere.testing.server import free_port

# A database error as psycopg words it: host name and address must not reach the answer.
DATABASE_ERROR = 'connection to server at "db.intern.example" (10.0.0.5), port 5432 failed: Connection refused'


@pytest.fixture(autouse=True)
def _fresh_failure_memory():
    health._failing.clear()
    yield
    health._failing.clear()


def _body(response):
    return json.loads(response.content)


def _assert_not_cached(response):
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def _database_down(execute, sql, params, many, context):
    raise OperationalError(DATABASE_ERROR)


def _unreachable_redis():
    # The production configuration of CACHE_URL=redis://… (nothing listens on that port).
    return {"default": redis_cache(f"redis://127.0.0.1:{free_port()}/0")}


def test_healthz_answers_without_database_cache_or_sign_in(client):
    # No `db` fixture: any database access would fail this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert _body(response) == {"status": "ok"}
    _assert_not_cached(response)
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_readyz_reports_every_check_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    assert _body(response) == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "storage": "ok"}}
    assert response["Content-Type"] == "application/json"
    _assert_not_cached(response)
    assert client.head("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_503_with_the_failed_check_when_the_database_fails(client):
    assert client.get("/readyz").status_code == 200  # the answer is never kept: the next one sees the outage
    with connection.execute_wrapper(_database_down):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response) == {"status": "error", "checks": {"database": "error", "cache": "ok", "storage": "ok"}}
    _assert_not_cached(response)
    text = response.content.decode()
    for secret in ("db.intern.example", "10.0.0.5", "5432", "refused", "OperationalError"):
        assert secret not in text
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_503_not_500_when_the_cache_is_down(client):
    with override_settings(CACHES=_unreachable_redis()):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = _body(response)
    assert body == {"status": "error", "checks": {"database": "ok", "cache": "error", "storage": "ok"}}
    assert "127.0.0.1" not in response.content.decode()
    _assert_not_cached(response)


@pytest.mark.django_db
def test_readyz_checks_every_configured_cache(client):
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": _unreachable_redis()["default"],
    }
    with override_settings(CACHES=caches):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response)["checks"] == {"database": "ok", "cache": "ok", "cache_pages": "error", "storage": "ok"}


@pytest.mark.django_db
def test_a_dummy_cache_counts_as_switched_off_not_as_failed(client):
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert _body(response)["checks"]["cache"] == "disabled"


@pytest.mark.django_db
def test_readyz_is_503_when_the_media_directory_is_gone(client, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "missing" / "media"):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response)["checks"]["storage"] == "error"
    # Not there yet but creatable (a fresh installation before the first upload): ready.
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_object_storage_is_asked_once_and_its_errors_count(client, monkeypatch):
    asked = []

    class FakeObjectStorage:
        def exists(self, name):
            asked.append(name)
            raise ConnectionError("bucket iq-media at s3.intern.example unreachable")

    monkeypatch.setattr(health, "default_storage", FakeObjectStorage())
    response = client.get("/readyz")
    assert response.status_code == 503
    assert _body(response)["checks"]["storage"] == "error"
    assert "s3.intern.example" not in response.content.decode()
    assert asked == [health.STORAGE_PROBE_NAME]


@pytest.mark.django_db
def test_failures_are_logged_once_when_they_start_and_when_they_end(client, caplog):
    caplog.set_level(logging.INFO)
    with connection.execute_wrapper(_database_down):
        for _ in range(3):
            assert client.get("/readyz").status_code == 503
    assert client.get("/readyz").status_code == 200
    messages = [record.getMessage() for record in caplog.records if record.name == health.logger.name]
    assert len(messages) == 2, messages
    assert "'database' failed: OperationalError" in messages[0]
    assert "'database' passes again" in messages[1]
    # The probe's 503 is not reported as a server error on every call.
    assert not [record for record in caplog.records if record.name == "django.request"]


@pytest.mark.django_db
def test_an_editor_without_one_time_code_is_not_sent_to_the_two_factor_step(client, django_user_model):
    editor = django_user_model.objects.create_superuser("health-editor", "editor@example.org", "x-Gr8vL2qPz7!")
    client.force_login(editor)
    assert client.get("/").status_code == 302  # everything else wants the one-time code first
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
