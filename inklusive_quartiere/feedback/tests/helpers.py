"""Shared pieces of the feedback tests: form data with a form time that passes, and a mail server that fails."""

import time
from unittest import mock

from django.core.mail.backends.base import BaseEmailBackend

from inklusive_quartiere.feedback import spam

URL = "/barriere-melden/"
THANKS = "/barriere-melden/danke/"


def token_from(seconds_ago: float) -> str:
    """A genuine form time, as if the form had been opened ``seconds_ago``."""
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return spam.new_token()


def report_data(**overrides) -> dict:
    data = {
        "page_url": "/projekt/",
        "description": "Das Menü lässt sich mit der Tastatur nicht öffnen.",
        "kind": "tastatur",
        "name": "Kim Beispiel",
        "email": "kim@example.org",
        "wants_reply": "on",
        spam.FORM_TIME_FIELD: token_from(60),
        spam.HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("Verbindung abgelehnt (Testserver)")


FAILING_BACKEND = "inklusive_quartiere.feedback.tests.helpers.FailingBackend"
