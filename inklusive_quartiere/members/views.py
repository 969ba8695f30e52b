"""Sign-in, sign-out, password reset and "Mein Bereich": Django's auth views in the site's design."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.documents import get_document_model
from wagtail.models import Page

from inklusive_quartiere.core import ratelimit
from inklusive_quartiere.core.client_ip import client_ip
from inklusive_quartiere.core.visibility import hidden_collections_q, hidden_q, visible_files, visible_pages
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

from . import forms

RESET_LIMIT_PER_HOUR = 5
RESET_SCOPE = "members:reset"
RESET_TO_SCOPE = "members:reset-to"


class LoginView(auth_views.LoginView):
    template_name = "members/login.html"
    authentication_form = forms.LoginForm
    redirect_authenticated_user = True
    extra_context = {"title": _("Anmelden")}


class LogoutView(auth_views.LogoutView):
    next_page = "/"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "members/password_reset_form.html"
    form_class = forms.PasswordResetForm
    email_template_name = "members/emails/password_reset.txt"
    subject_template_name = "members/emails/password_reset_subject.txt"
    success_url = reverse_lazy("members:password_reset_done")
    extra_context = {"title": _("Passwort vergessen")}

    def form_valid(self, form):
        # At most a few mails per address of origin and per recipient and hour (in the shared cache, under keyed
        # hashes; when the cache is down no mail leaves). The answer looks and takes the same either way, so it
        # reveals neither the limit nor whether an account exists; the mail itself leaves in the background.
        email = form.cleaned_data["email"].strip().lower()
        per_client = ratelimit.hit(
            RESET_SCOPE, client_ip(self.request), RESET_LIMIT_PER_HOUR, 60 * 60, fail_closed=True
        )
        per_recipient = ratelimit.hit(RESET_TO_SCOPE, email, RESET_LIMIT_PER_HOUR, 60 * 60, fail_closed=True)
        if not (per_client and per_recipient):
            return super(auth_views.PasswordResetView, self).form_valid(form)  # redirect, no mail
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"
    extra_context = {"title": _("E-Mail unterwegs")}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "members/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("members:password_reset_complete")
    extra_context = {"title": _("Neues Passwort festlegen")}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"
    extra_context = {"title": _("Passwort gespeichert")}


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "members/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("members:my_area")
    extra_context = {"title": _("Passwort ändern")}

    def form_valid(self, form):
        from django.contrib import messages

        messages.success(self.request, _("Ihr neues Passwort ist gespeichert."))
        return super().form_valid(form)


def members_only_pages(user):
    """Pages this user may see that an anonymous visitor may not: the members-only content."""
    return visible_pages(user, Page.objects.all()).filter(hidden_q(AnonymousUser()))


def members_only_documents(user):
    documents = get_document_model().objects.all()
    return visible_files(user, documents).filter(hidden_collections_q(AnonymousUser(), prefix="collection__"))


@login_required
@sensitive_post_parameters()
def my_area(request):
    pages = members_only_pages(request.user)
    steckbriefe = (
        SteckbriefPage.objects.filter(pk__in=pages.values("pk"))
        .select_related("locale")
        .order_by("title")
        .only("id", "title", "slug", "url_path", "path", "depth", "summary", "locale_id", "content_type_id")
    )
    other_pages = pages.exclude(content_type__model="steckbriefpage").specific().order_by("title")
    documents = members_only_documents(request.user).select_related("collection").order_by("title")
    return render(
        request,
        "members/my_area.html",
        {
            "title": _("Mein Bereich"),
            "steckbriefe": steckbriefe,
            "other_pages": other_pages,
            "documents": documents,
            "can_edit": request.user.has_perm("wagtailadmin.access_admin"),
        },
    )
