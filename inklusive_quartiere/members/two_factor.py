"""The one-time-code step of the editor sign-in (wagtail-2fa's view with a form that names the device)."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail_2fa.forms import TokenForm
from wagtail_2fa.views import LoginView


class DeviceTokenForm(TokenForm):
    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            device = TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()
        return device


class TwoFactorLoginView(LoginView):
    form_class = DeviceTokenForm
