"""Designed error pages. The 500 page is rendered without database access, since the database may be the fault."""

from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader

from . import registry


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", {"request": request}, request=request))


def server_error(request):
    """Django's handler500, for an exception anywhere in the middleware or the view. A database that is down or
    frozen gets the 503 page with Retry-After (operations/database.py, which logs it and registers the answer in
    core/registry.py); anything else the 500 page (logged by Django, logger ``django.request``). Neither claims that
    anybody was notified: nobody is."""
    unavailable = registry.server_error_response(request)
    if unavailable is not None:
        return unavailable
    return HttpResponseServerError(loader.render_to_string("500.html"))


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (expired page, cookies off, forged request): nothing changed."""
    from django.http import HttpResponseForbidden

    return HttpResponseForbidden(loader.render_to_string("403_csrf.html", {"request": request}, request=request))
