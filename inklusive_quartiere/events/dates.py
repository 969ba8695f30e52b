"""How an event's date is shown: exactly as precise as it is known, never more.

- day:    "22. Oktober 2019", "22. bis 23. Oktober 2019", "22. Oktober 2019, 10:00 bis 16:00 Uhr"
- month:  "Mai 2020 (genauer Tag nicht bekannt)"
- period: "2. Halbjahr 2020 (geplant)", "Zwischen Mai 2019 und November 2020 (genauer Termin nicht bekannt)"

The status adds "geplant" or "abgesagt" to the note in brackets.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

DAY = "day"
MONTH = "month"
PERIOD = "period"


@dataclass(frozen=True)
class DateDisplay:
    label: str  # "22. Oktober 2019, 10:00 bis 16:00 Uhr"
    note: str = ""  # "genauer Tag nicht bekannt", "geplant", … (shown in brackets)
    machine: str = ""  # value for <time datetime="…"> when the label is one day or one month, else ""

    @property
    def text(self) -> str:
        return f"{self.label} ({self.note})" if self.note else self.label

    def __str__(self) -> str:
        return self.text


def day(value: datetime.date) -> str:
    return date_format(value, "j. F Y")


def month(value: datetime.date) -> str:
    return date_format(value, "F Y")


def clock(value: datetime.time) -> str:
    return value.strftime("%H:%M")


def day_range(start: datetime.date, end: datetime.date | None) -> str:
    """ "22. Oktober 2019", "22. bis 23. Oktober 2019", "30. September bis 1. Oktober 2019", across years in full."""
    if end is None or end == start:
        return day(start)
    if (start.year, start.month) == (end.year, end.month):
        first = date_format(start, "j.")
    elif start.year == end.year:
        first = date_format(start, "j. F")
    else:
        first = day(start)
    return _("%(start)s bis %(end)s") % {"start": first, "end": day(end)}


def month_range(start: datetime.date, end: datetime.date | None) -> str:
    """ "Mai 2020", "Mai bis Juni 2020", "Dezember 2019 bis Januar 2020"."""
    if end is None or (start.year, start.month) == (end.year, end.month):
        return month(start)
    first = date_format(start, "F") if start.year == end.year else month(start)
    return _("%(start)s bis %(end)s") % {"start": first, "end": month(end)}


def time_range(start: datetime.time | None, end: datetime.time | None) -> str:
    """ "10:00 bis 16:00 Uhr", "ab 10:00 Uhr", or "" when no time is known."""
    if start is None:
        return ""
    if end is None:
        return _("ab %(start)s Uhr") % {"start": clock(start)}
    return _("%(start)s bis %(end)s Uhr") % {"start": clock(start), "end": clock(end)}


def display(event) -> DateDisplay:
    """The honest date of an event (any object with the EventPage date fields)."""
    notes = []
    if event.status == "planned":
        notes.append(_("geplant"))
    elif event.status == "cancelled":
        notes.append(_("abgesagt"))
    single = event.end_date is None or event.end_date == event.start_date

    if event.date_precision == MONTH:
        one_month = event.end_date is None or (event.start_date.year, event.start_date.month) == (
            event.end_date.year,
            event.end_date.month,
        )
        notes.append(_("genauer Tag nicht bekannt") if one_month else _("genaue Tage nicht bekannt"))
        machine = event.start_date.strftime("%Y-%m") if one_month else ""
        return DateDisplay(month_range(event.start_date, event.end_date), ", ".join(notes), machine)

    if event.date_precision == PERIOD:
        if not notes:  # the period names the imprecision already; say so only when nothing else is said
            notes.append(_("genauer Termin nicht bekannt"))
        return DateDisplay(event.period_label, ", ".join(notes), "")

    label = day_range(event.start_date, event.end_date)
    times = time_range(event.start_time, event.end_time)
    machine = event.start_date.isoformat() if single else ""
    if times:
        label = f"{label}, {times}"
    return DateDisplay(label, ", ".join(notes), machine)


def place_text(event) -> str:
    """ "Freiburg im Breisgau", "online", "Freiburg im Breisgau und online", or ""."""
    if event.place and event.online:
        return _("%(place)s und online") % {"place": event.place}
    if event.online:
        return _("online")
    return event.place
