"""Template tags the catalogue owns for pages outside it (the site search links to the catalogue)."""

from django import template
from wagtail.models import Site

from inklusive_quartiere.core import chrome

from ..models import CataloguePage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The address of the published Steckbrief catalogue on this site, or "" when there is none; found in the
    page tree rather than written into templates, so that it follows the catalogue when editors move it."""
    request = context.get("request")

    def compute():  # the same for every visitor; changes only with a publish (core.chrome)
        catalogue = CataloguePage.objects.live().first()
        return catalogue.get_url(request) if catalogue is not None else ""

    site = Site.find_for_request(request) if request is not None else None
    return chrome.shared(request, "catalogue-url", str(site.pk if site else 0), compute)
