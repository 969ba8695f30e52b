"""Documents obey the one visibility rule, whichever way they are requested."""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from wagtail import hooks

from inklusive_quartiere.core.visibility import can_view_collection


@hooks.register("before_serve_document", order=-100)
def check_document_visibility(document, request):
    if can_view_collection(request.user, document.collection):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponseForbidden()


# -- two-factor sign-in ---------------------------------------------------------------------------------
# django-otp 1.7.5 stopped guessing which device a code belongs to (a form must name the device);
# wagtail-2fa 1.8's code form names none, so every code was refused. Our form picks the account's confirmed
# TOTP device. Registered under wagtail-2fa's own URL name and path; the members app comes first in
# INSTALLED_APPS, so this view answers (test: members/tests/test_roles_and_workflow.py).
@hooks.register("register_admin_urls")
def two_factor_urls():
    from django.urls import path

    from .two_factor import TwoFactorLoginView

    return [path("2fa/auth", TwoFactorLoginView.as_view(), name="wagtail_2fa_auth")]
