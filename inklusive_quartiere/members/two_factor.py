"""The one-time-code step of the editor sign-in: wagtail-2fa's view with our form (it names the device) and our
German page in the editor's sign-in design (wagtail-2fa ships neither German nor a way to say why a code is
refused)."""

from __future__ import annotations

import math

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.views import LoginView


def throttled_message(extra: dict, now=None) -> str:
    """Why a correct code would be refused right now: django-otp locks a device for a growing time after each wrong
    code (1, 2, 4, 8 … seconds). Says how many wrong codes, until when and how long that is from now."""
    count = extra.get("failure_count") or 0
    locked_until = extra.get("locked_until")
    attempts = ngettext(
        "Es wurde %(count)d falscher Code eingegeben.",
        "Es wurden %(count)d falsche Codes hintereinander eingegeben.",
        count,
    ) % {"count": count}
    if locked_until is None:
        return f"{attempts} " + str(
            _("Zum Schutz Ihres Zugangs ist die Eingabe kurz gesperrt. Bitte warten Sie einen Moment.")
        )
    seconds = max(1, math.ceil((locked_until - (now or timezone.now())).total_seconds()))
    if seconds < 120:
        wait = ngettext("noch %(n)d Sekunde", "noch %(n)d Sekunden", seconds) % {"n": seconds}
    else:
        minutes = math.ceil(seconds / 60)
        wait = ngettext("noch etwa %(n)d Minute", "noch etwa %(n)d Minuten", minutes) % {"n": minutes}
    return f"{attempts} " + str(
        _(
            "Zum Schutz Ihres Zugangs können Sie erst ab %(time)s Uhr wieder einen Code eingeben (%(wait)s). "
            "Warten Sie bis dahin und geben Sie dann den Code ein, den Ihre App in diesem Moment anzeigt."
        )
    ) % {"time": time_format(timezone.localtime(locked_until), "H:i:s"), "wait": wait}


class DeviceTokenForm(TokenForm):
    # django-otp's messages (error codes of OTPAuthenticationFormMixin), in the words of our sign-in pages.
    otp_error_messages = {
        **TokenForm.otp_error_messages,
        "token_required": _("Bitte geben Sie den sechsstelligen Code aus Ihrer Authenticator-App ein."),
        "invalid_token": format_lazy(
            _(
                "Der Code stimmt nicht. Bitte geben Sie den Code ein, den Ihre App gerade für „{site}“ "
                "anzeigt – er wechselt alle 30 Sekunden. Geht es mehrmals schief, prüfen Sie, ob die Uhrzeit Ihres "
                "Smartphones stimmt."
            ),
            site=settings.WAGTAIL_SITE_NAME,
        ),
        "device_required": _(
            "Für dieses Konto ist kein Gerät für Einmalcodes eingerichtet. Bitte wenden Sie sich an die Redaktion."
        ),
        "verification_not_allowed": _(
            "Die Eingabe von Codes ist für dieses Konto gerade gesperrt. Bitte versuchen Sie es in einigen Minuten "
            "noch einmal."
        ),
    }

    otp_token = forms.CharField(
        label=_("Einmalcode (6 Ziffern)"),
        # Checked in clean_otp, which says it in our words (a field-level "required" would say it twice).
        required=False,
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "size": 8,
                "autofocus": True,
            }
        ),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        # wagtail-2fa's form switches autocomplete off; phones offer the code from the app with "one-time-code".
        self.fields["otp_token"].widget.attrs["autocomplete"] = "one-time-code"

    def _chosen_device(self, user):
        # django-otp 1.7.5 stopped guessing which device a code belongs to (a form must name the device);
        # wagtail-2fa 1.8's form names none. We take the account's first confirmed TOTP device.
        device = super()._chosen_device(user)
        if device is None:
            device = TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()
        return device

    def _verify_token(self, user, token, device=None):
        if device is not None:
            allowed, extra = device.verify_is_allowed()
            if not allowed and (extra or {}).get("reason") == VerifyNotAllowed.N_FAILED_ATTEMPTS:
                raise forms.ValidationError(throttled_message(extra), code="n_failed_attempts")
        return super()._verify_token(user, token.strip().replace(" ", ""), device)

    def clean(self):
        # Every refusal belongs to the code field, so that the message stands next to it and is read with it.
        try:
            self.clean_otp(self.user)
        except forms.ValidationError as error:
            self.add_error("otp_token", error)
        return self.cleaned_data


class TwoFactorLoginView(LoginView):
    form_class = DeviceTokenForm
    template_name = "members/two_factor_login.html"
