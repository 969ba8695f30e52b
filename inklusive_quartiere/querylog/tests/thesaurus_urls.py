"""The site's URLs plus a stand-in for the thesaurus app's "add" form (which is merged separately)."""

from django.http import HttpResponse
from django.urls import include, path


def _add(request):
    return HttpResponse("Suchbegriff anlegen")


thesaurus = ([path("add/", _add, name="add")], "wagtailsnippets_thesaurus_thesaurusentry")
urlpatterns = [
    path("admin/snippets/thesaurus/thesaurusentry/", include(thesaurus)),
    path("", include("inklusive_quartiere.urls")),
]
