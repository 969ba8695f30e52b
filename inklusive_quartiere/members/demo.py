"""Code-only parts of the members demo: roles, the demo accounts and the generated pictures.

The members-only files themselves are data (demo_content/10-members.json). The accounts are invented; their
passwords are random and written to var/demo-zugaenge.txt (never into the repository). The editorial account and
the city editor need a second factor: their TOTP secrets are written there as well, and
``manage.py demo_otp_code <username>`` prints the current code (DEBUG only).
"""

from __future__ import annotations

import base64
import io
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from inklusive_quartiere.cities.models import CityPage

from .roles import EDITORIAL, MEMBERS, city_group_for, ensure_roles

ACCOUNTS = [
    # username, first name, last name, groups ("city" = the demo city's editors)
    ("demo-mitglied", "Mira", "Muster (Beispiel)", [MEMBERS]),
    ("demo-stadtredaktion-ulm", "Stefan", "Beispiel (Stadtredaktion Ulm)", [MEMBERS, "city"]),
    ("redaktion", "Demo", "Redaktion", [MEMBERS, EDITORIAL]),
]
CREDENTIALS_FILE = "demo-zugaenge.txt"


def credentials_path() -> Path:
    return Path(settings.VAR_DIR) / CREDENTIALS_FILE


def roles(loader) -> None:
    ensure_roles()


def accounts(loader, city: str) -> None:
    """The demo accounts; the city editor edits the given demo city."""
    if _ensure_accounts(CityPage.objects.filter(title=city).first()):
        loader.stdout.write(f"  Zugangsdaten: {credentials_path()}")


def _ensure_accounts(city) -> list[str]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user_model = get_user_model()
    path = credentials_path()
    known = path.read_text().splitlines() if path.exists() else []
    lines = list(known)
    for username, first_name, last_name, group_names in ACCOUNTS:
        user = user_model.objects.filter(username=username).first()
        if user is not None and any(line.startswith(f"{username} ") for line in known):
            continue
        password = secrets.token_urlsafe(12)
        if user is None:
            user = user_model(username=username, first_name=first_name, last_name=last_name)
        user.email = f"{username}@example.org"
        user.is_staff = username == "redaktion"
        user.is_superuser = username == "redaktion"
        user.set_password(password)
        user.save()
        for name in group_names:
            group = city_group_for(city) if name == "city" else Group.objects.get(name=name)
            if group is not None:
                user.groups.add(group)
        line = f"{username} Passwort: {password}"
        if user.has_perm("wagtailadmin.access_admin"):
            device = TOTPDevice.objects.filter(user=user, name="Demo").first() or TOTPDevice.objects.create(
                user=user, name="Demo", confirmed=True
            )
            secret = base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("=")
            line += f"  TOTP-Schlüssel für die App: {secret}"
        lines = [entry for entry in lines if not entry.startswith(f"{username} ")] + [line]
    if lines != known:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n")
        path.chmod(0o600)
    return lines


def picture(colour: list[int]) -> bytes:
    """A small generated picture (coloured blocks): demo images are made here, never downloaded."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), (245, 245, 240))
    draw = ImageDraw.Draw(image)
    for index in range(6):
        x = 60 + index * 145
        draw.rectangle([x, 640 - 120 - index * 60, x + 110, 560], fill=tuple(colour))
    draw.ellipse([720, 60, 880, 220], fill=(250, 200, 60))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


HOOKS = {"roles": roles, "accounts": accounts, "picture": picture}
