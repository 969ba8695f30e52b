"""Prints the current one-time code of a demo account (development only; refuses with DEBUG=False)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Zeigt den aktuellen Einmalcode (TOTP) eines Demo-Zugangs an – nur in der Entwicklung (DEBUG=True)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Nur mit DEBUG=True: Einmalcodes gehören auf das Telefon, nicht in die Konsole.")
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.filter(user__username=username, name="Demo", confirmed=True).first()
        if device is None:
            raise CommandError(f"Für „{username}“ gibt es kein Demo-Gerät (nur Zugänge aus load_demo).")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
