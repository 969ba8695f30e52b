"""Documents obey the one visibility rule, whichever way they are requested; a signed-in visitor who is not a member
gets the "Nur für Mitglieder" page (restricted.py) for members-only pages and documents."""

from django.contrib.auth.views import redirect_to_login
from wagtail import hooks

from inklusive_quartiere.core.visibility import can_view_collection

from .dashboard import arrange_panels
from .restricted import fails_membership, members_only_response
from .review import compare_header_button, tidy_review_menu
from .two_factor import TwoFactorLoginView


@hooks.register("before_serve_document", order=-100)
def check_document_visibility(document, request):
    if can_view_collection(request.user, document.collection):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return members_only_response(request)


# Wagtail's own check (its on_serve_page hook) sends everybody who fails a restriction to the sign-in page, which
# sends a signed-in visitor straight back: a redirect loop. Signed-in visitors are answered here, before it.
@hooks.register("before_serve_page", order=-100)
def members_only_page_for_signed_in_non_members(page, request, serve_args, serve_kwargs):
    if fails_membership(page, request):
        return members_only_response(request)
    return None


# -- two-factor sign-in ---------------------------------------------------------------------------------
# django-otp 1.7.5 stopped guessing which device a code belongs to (a form must name the device);
# wagtail-2fa 1.8's code form names none, so every code was refused. Our form picks the account's confirmed
# TOTP device. Registered under wagtail-2fa's own URL name and path; the members app comes first in
# INSTALLED_APPS, so this view answers (test: members/tests/test_roles_and_workflow.py).
@hooks.register("register_admin_urls")
def two_factor_urls():
    from django.urls import path

    return [path("2fa/auth", TwoFactorLoginView.as_view(), name="wagtail_2fa_auth")]


# -- the start page and the review ---------------------------------------------------------------------
# The city editor's and the office's start page (dashboard.py); the reviewer's one set of actions and the
# comparison of the submitted with the live version in the editor's "⋮" menu (review.py).
hooks.register("construct_homepage_panels", arrange_panels)
hooks.register("construct_page_action_menu", tidy_review_menu)
hooks.register("register_page_header_buttons", compare_header_button)


# wagtail-2fa leaves an account without a confirmed device one menu entry, labelled "2FA Setup" (not translatable).
@hooks.register("construct_main_menu", order=100)
def german_two_factor_menu_item(request, menu_items):
    from django.utils.translation import gettext_lazy as _

    for item in menu_items:
        if str(getattr(item, "label", "")) == "2FA Setup":
            item.label = _("Zwei-Faktor-Anmeldung einrichten")
