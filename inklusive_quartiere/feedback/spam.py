"""Spam protection without any third party: honeypot, signed form time, rate limit per address of origin.

- Honeypot: a text field hidden from sighted visitors and from assistive technology. Only programs fill it;
  the answer is the normal thank-you page, so they learn nothing, and nothing is stored or mailed.
- Form time: the form carries a signed timestamp. A form sent back faster than MIN_SECONDS is shown again
  with a message (a person loses nothing and just sends it once more; the original timestamp is kept, so the
  second try passes). A missing, altered or older-than-a-day timestamp also shows the form again, with the
  entered text kept and a fresh timestamp.
- Rate limit: at most LIMIT_PER_HOUR stored reports per address of origin and hour, counted in the cache
  under a keyed hash of the address (the address itself is stored nowhere).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from inklusive_quartiere.members.client_ip import client_ip

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


def _rate_key(request) -> str:
    return "feedback:rate:" + salted_hmac("feedback.rate", client_ip(request)).hexdigest()[:40]


def rate_limited(request) -> bool:
    return (cache.get(_rate_key(request)) or 0) >= LIMIT_PER_HOUR


def count_report(request) -> None:
    """One more stored report from this address; the window starts with the first one."""
    key = _rate_key(request)
    cache.add(key, 0, 60 * 60)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 60 * 60)
