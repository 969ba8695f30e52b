"""record(): what is stored (normalised query, day, channel, counts — nothing else), counting, failures, retention."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from inklusive_quartiere.querylog import recording
from inklusive_quartiere.querylog.models import Channel, SearchQueryCount
from inklusive_quartiere.querylog.recording import normalise, prune_once_a_day, record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_prune_day():
    recording._pruned["day"] = None
    yield
    recording._pruned["day"] = None


def test_the_model_holds_no_personal_data():
    fields = {field.name for field in SearchQueryCount._meta.get_fields()}
    assert fields == {"id", "day", "query", "channel", "results", "count"}
    assert SearchQueryCount._meta.get_field("day").get_internal_type() == "DateField"  # no time of day


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  Begegnungs   Café ", "begegnungs café"),
        ("QUARTIER\tNetzwerk\n", "quartier netzwerk"),
        ("Senior\x00innen\x1f treff", "senior innen treff"),
        ("Quartier " * 2000, ("quartier " * 22).strip()),  # 18 000 characters, cut at a word
    ],
)
def test_normalise(raw, stored):
    assert normalise(raw) == stored
    assert len(normalise(raw)) <= 200


@pytest.mark.parametrize("raw", ["", "   ", "der die das", "?!…", "🙂🙂🙂", "\x00\x01", "— – ,", "x" * 10_000])
def test_queries_without_searchable_words_are_skipped(raw):
    """Stop words, punctuation, emoji, control characters, one endless non-word: nothing to count."""
    assert normalise(raw) == ""
    assert record(raw, 0, Channel.KATALOG) is False
    assert not SearchQueryCount.objects.exists()


def test_counting_one_row_per_day_query_and_channel():
    assert record("Quasselbude", 0, Channel.KATALOG)
    assert record("  quasselbude ", 3, Channel.KATALOG)
    assert record("QUASSELBUDE", 2, Channel.SUCHE)
    rows = {(r.query, r.channel): r for r in SearchQueryCount.objects.all()}
    assert set(rows) == {("quasselbude", "katalog"), ("quasselbude", "suche")}
    katalog = rows["quasselbude", "katalog"]
    assert (katalog.count, katalog.results, katalog.day) == (2, 3, timezone.localdate())  # latest result count
    assert (rows["quasselbude", "suche"].count, rows["quasselbude", "suche"].results) == (1, 2)


def test_a_row_created_by_another_request_meanwhile_is_incremented():
    """The race: the update found no row, another request created it before our insert (IntegrityError)."""
    record("Quasselbude", 0, Channel.KATALOG)
    real_create = SearchQueryCount.objects.create

    def create_loses_the_race(**fields):
        raise IntegrityError("unique constraint")

    with (
        mock.patch.object(SearchQueryCount.objects, "create", side_effect=create_loses_the_race),
        mock.patch("django.db.models.query.QuerySet.update", side_effect=[0, 1]) as update,
    ):
        assert record("Quasselbude", 0, Channel.KATALOG)
    assert update.call_count == 2  # the first update missed, the retry after the IntegrityError counted
    assert real_create  # the real manager is untouched


def test_increments_are_single_update_statements(django_assert_max_num_queries):
    record("Quartier", 1, Channel.SUCHE)
    with django_assert_max_num_queries(1):
        record("Quartier", 1, Channel.SUCHE)  # UPDATE … SET count = count + 1 (the prune of today already ran)
    assert SearchQueryCount.objects.get().count == 2


def test_unknown_channel_and_bad_counts_are_not_stored_and_never_raise():
    assert record("Quartier", 1, "elsewhere") is False
    assert record("Quartier", "viele", Channel.SUCHE) is False
    assert record(None, 1, Channel.SUCHE) is False
    assert not SearchQueryCount.objects.exists()


def test_a_failing_database_write_is_logged_and_swallowed(caplog):
    with mock.patch("django.db.models.query.QuerySet.update", side_effect=RuntimeError("database is locked")):
        assert record("Quartier", 1, Channel.SUCHE) is False
    assert "Suchanfrage konnte nicht gezählt werden" in caplog.text


def _old_rows():
    today = timezone.localdate()
    for age in (0, 89, 90, 400):
        SearchQueryCount.objects.create(day=today - timedelta(days=age), query=f"alt {age}", channel="suche", results=0)


def test_the_command_deletes_rows_older_than_90_days(capsys):
    _old_rows()
    call_command("prune_search_log")
    assert sorted(SearchQueryCount.objects.values_list("query", flat=True)) == ["alt 0", "alt 89"]
    assert "2 Zeilen" in capsys.readouterr().out


def test_retention_holds_without_cron_the_first_count_of_a_day_prunes():
    _old_rows()
    record("Quartier", 1, Channel.SUCHE)
    assert sorted(SearchQueryCount.objects.values_list("query", flat=True)) == ["alt 0", "alt 89", "quartier"]
    # At most once a day per process: rows that turn old later the same day wait for tomorrow (or the cron job).
    old_day = timezone.localdate() - timedelta(days=120)
    SearchQueryCount.objects.create(day=old_day, query="spät", channel="suche", results=0)
    record("Quartier", 1, Channel.SUCHE)
    assert SearchQueryCount.objects.filter(query="spät").exists()
    tomorrow = timezone.localdate() + timedelta(days=1)
    with mock.patch("django.utils.timezone.localdate", return_value=tomorrow):
        prune_once_a_day()
    assert not SearchQueryCount.objects.filter(query="spät").exists()


def test_the_demo_privacy_page_says_what_is_counted_and_for_how_long(client, demo):
    """The privacy page (an example text the office replaces) tells visitors about the counting; the number of days
    it names is the retention the code applies."""
    text = client.get("/datenschutz/").content.decode()
    assert "Was die Suche zählt" in text
    assert f"Nach {recording.RETENTION_DAYS} Tagen werden die Zählungen gelöscht" in text
    assert "keine IP-Adresse" in text and "angemeldeter Mitglieder werden nicht gezählt" in text
