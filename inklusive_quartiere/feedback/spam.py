"""Spam protection without any third party: honeypot, signed form time, rate limit per address of origin.

- Honeypot: a text field hidden from sighted visitors and from assistive technology. Only programs fill it;
  the answer is the normal thank-you page, so they learn nothing, and nothing is stored or mailed.
- Form time: the form carries a signed timestamp. A form sent back faster than MIN_SECONDS is shown again
  with a message (a person loses nothing and just sends it once more; the original timestamp is kept, so the
  second try passes). A missing, altered or older-than-a-day timestamp also shows the form again, with the
  entered text kept and a fresh timestamp.
- Rate limit: at most LIMIT_PER_HOUR stored reports per address of origin and hour, counted in the shared cache
  under a keyed hash of the address (the address itself is stored nowhere; core/ratelimit.py). When the
  cache is down, reports are still accepted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core import signing

from inklusive_quartiere.core import ratelimit
from inklusive_quartiere.core.client_ip import client_ip

HONEYPOT_FIELD = "webseite"
FORM_TIME_FIELD = "formular_zeit"
MIN_SECONDS = 3
MAX_AGE_SECONDS = 60 * 60 * 24
LIMIT_PER_HOUR = 5
_SALT = "inklusive_quartiere.feedback.form-time"


def honeypot_filled(post) -> bool:
    return bool(post.get(HONEYPOT_FIELD, "").strip())


def new_token() -> str:
    return signing.TimestampSigner(salt=_SALT).sign(str(int(time.time())))


@dataclass(frozen=True)
class TokenCheck:
    valid: bool  # genuine and not older than MAX_AGE_SECONDS
    too_fast: bool = False


def check_token(token: str) -> TokenCheck:
    if not token or len(token) > 200:
        return TokenCheck(valid=False)
    try:
        issued = int(signing.TimestampSigner(salt=_SALT).unsign(token, max_age=MAX_AGE_SECONDS))
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return TokenCheck(valid=False)
    return TokenCheck(valid=True, too_fast=time.time() - issued < MIN_SECONDS)


RATE_SCOPE = "feedback:rate"


def rate_limited(request) -> bool:
    # Fails open: when the cache is down, visitors can still report barriers.
    return ratelimit.exceeded(RATE_SCOPE, client_ip(request), LIMIT_PER_HOUR, fail_closed=False)


def count_report(request) -> None:
    """One more stored report from this address; the window starts with the first one."""
    ratelimit.hit(RATE_SCOPE, client_ip(request), LIMIT_PER_HOUR, 60 * 60, fail_closed=False)
