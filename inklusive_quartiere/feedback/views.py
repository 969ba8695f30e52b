"""The "Barriere melden" form and its thank-you page.

Order of checks on a POST: honeypot (silent), rate limit (429), then the fields and the signed form time
(form shown again with messages). A valid report is stored in one transaction, then mailed from the background
pool after the answer; a failed mail is recorded on the report and retried by ``manage.py send_barrier_reports``.
Nothing here sets a cookie except Django's CSRF cookie, and the visitor's address is never stored.
"""

from __future__ import annotations

import contextlib
import re

from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from inklusive_quartiere.core.models import SiteSettings

from . import spam
from .cleaning import host_of, is_local_path
from .forms import BarrierReportForm
from .mail import send_report_mail_later

PREFILL_PARAM = "seite"


def _site(request) -> Site | None:
    return Site.find_for_request(request)


def _site_hosts(request) -> set[str]:
    hosts = {host_of(hostname) for hostname in Site.objects.values_list("hostname", flat=True)}
    with contextlib.suppress(DisallowedHost):  # only the known site hosts count then
        hosts.add(host_of(request.get_host()))
    return hosts


def _contact(request) -> dict:
    """The office's other ways to be reached, and the pages the form refers to (all optional)."""
    site = _site(request)
    settings = SiteSettings.objects.filter(site=site).first() if site else None
    if settings is None:
        return {}
    phone_digits = re.sub(r"[^0-9+]", "", settings.phone or "")

    def url(page):
        return page.get_url(request) if page is not None and page.live else ""

    return {
        "email": settings.email,
        "phone": settings.phone,
        "phone_href": f"tel:{phone_digits}" if len(phone_digits) >= 3 else "",
        "privacy_url": url(settings.privacy_page),
        "statement_url": url(settings.accessibility_page),
    }


def _render(request, form, token, *, problem="", rate_limited=False, status=200):
    context = {
        "title": _("Barriere melden"),
        "form": form,
        "token": token,
        "form_time_field": spam.FORM_TIME_FIELD,
        "honeypot_field": spam.HONEYPOT_FIELD,
        "problem": problem,
        "rate_limited": rate_limited,
        "contact": _contact(request),
    }
    return TemplateResponse(request, "feedback/report.html", context, status=status)


@never_cache
@sensitive_post_parameters("name", "email")
@require_http_methods(["GET", "HEAD", "POST"])
def report(request):
    if request.method != "POST":
        initial = {}
        prefill = request.GET.get(PREFILL_PARAM, "")
        if prefill and len(prefill) <= 500 and is_local_path(prefill):
            initial["page_url"] = prefill
        return _render(request, BarrierReportForm(initial=initial), spam.new_token())

    if spam.honeypot_filled(request.POST):
        return redirect("feedback:thanks")

    if spam.rate_limited(request):
        # The entered text stays in the form (unbound: no field is marked wrong), nothing is stored.
        fields = BarrierReportForm.Meta.fields
        kept = {name: request.POST.get(name, "") for name in fields if name != "wants_reply"}
        kept["wants_reply"] = bool(request.POST.get("wants_reply"))
        return _render(request, BarrierReportForm(initial=kept), spam.new_token(), rate_limited=True, status=429)

    form = BarrierReportForm(request.POST, site_hosts=_site_hosts(request))
    posted_token = request.POST.get(spam.FORM_TIME_FIELD, "")
    check = spam.check_token(posted_token)
    valid = form.is_valid()
    if not check.valid:
        form.add_error(
            None,
            _(
                "Das Formular war zu lange geöffnet oder ist unvollständig angekommen. Ihre Angaben sind noch da: "
                "Bitte prüfen Sie sie und senden Sie das Formular noch einmal ab."
            ),
        )
        return _render(request, form, spam.new_token())
    if check.too_fast:
        form.add_error(
            None,
            _(
                "Das Formular wurde ungewöhnlich schnell abgeschickt. Zum Schutz vor automatisch erzeugten "
                "Meldungen bitten wir Sie, Ihre Angaben zu prüfen und das Formular noch einmal abzusenden."
            ),
        )
        return _render(request, form, posted_token)  # the original time: the next try is not too fast
    if not valid:
        return _render(request, form, posted_token)

    with transaction.atomic():
        barrier_report = form.save(commit=False)
        barrier_report.site = _site(request)
        barrier_report.save()
    spam.count_report(request)
    send_report_mail_later(barrier_report)  # after the answer: a hanging mail server blocks nobody
    return redirect("feedback:thanks")


@never_cache
@require_http_methods(["GET", "HEAD"])
def thanks(request):
    # The same page after a silent rejection: it must not depend on what was sent.
    return TemplateResponse(
        request, "feedback/thanks.html", {"title": _("Vielen Dank für Ihre Meldung"), "contact": _contact(request)}
    )
