"""The honest date text, without the database: exactly as precise as the date is known."""

import datetime
from types import SimpleNamespace

import pytest

from inklusive_quartiere.events import dates
from inklusive_quartiere.events.models import compute_last_day

D = datetime.date
T = datetime.time


def event(**fields):
    values = {
        "date_precision": "day",
        "start_date": D(2019, 10, 22),
        "end_date": None,
        "start_time": None,
        "end_time": None,
        "period_label": "",
        "status": "confirmed",
        "place": "",
        "online": False,
    }
    values.update(fields)
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    ("fields", "text", "machine"),
    [
        ({}, "22. Oktober 2019", "2019-10-22"),
        ({"end_date": D(2019, 10, 22)}, "22. Oktober 2019", "2019-10-22"),
        ({"end_date": D(2019, 10, 23)}, "22. bis 23. Oktober 2019", ""),
        ({"start_date": D(2019, 9, 30), "end_date": D(2019, 10, 1)}, "30. September bis 1. Oktober 2019", ""),
        ({"start_date": D(2019, 12, 30), "end_date": D(2020, 1, 2)}, "30. Dezember 2019 bis 2. Januar 2020", ""),
        ({"start_time": T(10), "end_time": T(16)}, "22. Oktober 2019, 10:00 bis 16:00 Uhr", "2019-10-22"),
        ({"start_time": T(9, 30)}, "22. Oktober 2019, ab 09:30 Uhr", "2019-10-22"),
        ({"status": "planned"}, "22. Oktober 2019 (geplant)", "2019-10-22"),
        ({"status": "cancelled"}, "22. Oktober 2019 (abgesagt)", "2019-10-22"),
        ({"date_precision": "month", "start_date": D(2020, 5, 1)}, "Mai 2020 (genauer Tag nicht bekannt)", "2020-05"),
        (
            {"date_precision": "month", "start_date": D(2020, 5, 1), "end_date": D(2020, 6, 1)},
            "Mai bis Juni 2020 (genaue Tage nicht bekannt)",
            "",
        ),
        (
            {"date_precision": "month", "start_date": D(2019, 12, 1), "end_date": D(2020, 1, 1)},
            "Dezember 2019 bis Januar 2020 (genaue Tage nicht bekannt)",
            "",
        ),
        (
            {"date_precision": "month", "start_date": D(2020, 5, 1), "status": "planned"},
            "Mai 2020 (geplant, genauer Tag nicht bekannt)",
            "2020-05",
        ),
        (
            {"date_precision": "period", "period_label": "2. Halbjahr 2020", "status": "planned"},
            "2. Halbjahr 2020 (geplant)",
            "",
        ),
        (
            {"date_precision": "period", "period_label": "2019/2020"},
            "2019/2020 (genauer Termin nicht bekannt)",
            "",
        ),
    ],
)
def test_date_text_is_as_precise_as_known(fields, text, machine):
    shown = dates.display(event(**fields))
    assert shown.text == text
    assert str(shown) == text
    assert shown.machine == machine


def test_month_and_period_never_show_a_day():
    month = dates.display(event(date_precision="month", start_date=D(2020, 5, 17))).text
    period = dates.display(event(date_precision="period", period_label="2. Halbjahr 2020", start_date=D(2020, 7, 1)))
    assert "17" not in month and "1." not in period.text and "Juli" not in period.text


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"place": "Freiburg im Breisgau"}, "Freiburg im Breisgau"),
        ({"online": True}, "online"),
        ({"place": "Ulm", "online": True}, "Ulm und online"),
        ({}, ""),
    ],
)
def test_place_text(fields, text):
    assert dates.place_text(event(**fields)) == text


@pytest.mark.parametrize(
    ("precision", "start", "end", "last"),
    [
        ("day", D(2019, 10, 22), None, D(2019, 10, 22)),
        ("day", D(2019, 10, 22), D(2019, 10, 24), D(2019, 10, 24)),
        ("month", D(2020, 5, 1), None, D(2020, 5, 31)),
        ("month", D(2020, 2, 1), None, D(2020, 2, 29)),
        ("month", D(2020, 5, 1), D(2020, 6, 1), D(2020, 6, 30)),
        ("period", D(2020, 7, 1), D(2020, 12, 31), D(2020, 12, 31)),
    ],
)
def test_last_day_follows_the_precision(precision, start, end, last):
    assert compute_last_day(precision, start, end) == last
