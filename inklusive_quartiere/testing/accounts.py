"""Signing in test clients, including the second factor that every editing account needs."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device(user) -> TOTPDevice:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Test", confirmed=True
    )


def current_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def login_verified(client, user):
    """force_login plus a verified second factor (as after entering a valid TOTP code)."""
    device = totp_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def user_in_groups(username: str, *groups: str):
    """A plain account in the named groups (e.g. "Redaktion", "Stadtredaktion Ulm", "Netzwerk")."""
    # imported here: personas imports login_verified from this module
    from inklusive_quartiere.testing.support.personas import make_user

    return make_user(username, *groups)
