from django import template
from django.conf import settings
from wagtail.models import Page, Site

from .. import chrome, files, numbers
from ..models import SiteSettings
from ..pagination import PAGE_PARAM
from ..visibility import visible_pages

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


@register.simple_tag
def site_name():
    """The site's name, from its one source (``settings.WAGTAIL_SITE_NAME``); needs no database, so error pages
    rendered without one can use it too."""
    return settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("core/includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    site = _site(request)
    current = context.get("page") or context.get("self")

    def compute():
        if site is None:
            return []
        user = getattr(request, "user", None)
        sections = list(visible_pages(user, site.root_page.get_children().in_menu()).order_by("path").specific())
        below = visible_pages(user, Page.objects.filter(depth=site.root_page.depth + 2).in_menu()).order_by("path")
        children: dict[str, list[dict]] = {}
        for child in below:
            children.setdefault(child.path[: -Page.steplen], []).append(
                {"title": child.title, "url": child.get_url(request), "path": child.path}
            )
        return [
            {
                "title": p.title,
                "url": p.get_url(request),
                "path": p.path,
                # A section may offer its own sub-menu (the catalogue: its categories).
                "children": p.menu_children(request) if hasattr(p, "menu_children") else children.get(p.path, []),
            }
            for p in sections
        ]

    def mark(item):
        path = item["path"]
        is_current = bool(path) and isinstance(current, Page) and current.path == path
        is_ancestor = bool(path) and isinstance(current, Page) and not is_current and current.path.startswith(path)
        return {**item, "current": "page" if is_current else ("true" if is_ancestor else "")}

    items = []
    for item in chrome.per_visibility(request, "nav", str(site.pk if site else 0), compute):
        items.append({**mark(item), "children": [mark(child) for child in item["children"]]})
    return {"items": items, "request": request}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra_label=None):
    """Ancestors from the home page down; ``extra_label`` appends a non-page step (search, 404)."""
    request = context.get("request")
    page = page or context.get("page")
    site = _site(request)

    def compute():
        if isinstance(page, Page):
            root_depth = site.root_page.depth if site else 2
            pages = page.get_ancestors(inclusive=True).filter(depth__gte=root_depth)
        elif site is not None:
            pages = [site.root_page]
        else:
            pages = []
        return [{"title": p.title, "url": p.get_url(request), "is_root": p.depth <= 2} for p in pages]

    key = f"{site.pk if site else 0}:{page.path if isinstance(page, Page) else '-'}"
    # The ancestors' titles and addresses are the same for everybody who may see the page.
    return {"trail": chrome.shared(request, "crumbs", key, compute), "extra_label": extra_label}


@register.simple_tag(takes_context=True)
def footer_links(context):
    """(label, url) pairs of the footer's service and legal pages."""
    request = context.get("request")
    site = _site(request)

    def compute():
        settings = SiteSettings.for_request(request) if site else None
        return [(str(label), p.get_url(request)) for label, p in settings.footer_links()] if settings else []

    return chrome.shared(request, "footer", str(site.pk if site else 0), compute)


@register.simple_tag(takes_context=True)
def service_links(context):
    """(kind, label, url) of the header's links to Leichte Sprache and Gebärdensprache."""
    request = context.get("request")
    site = _site(request)

    def compute():
        settings = SiteSettings.for_request(request) if site else None
        return (
            [(kind, str(label), p.get_url(request)) for kind, label, p in settings.service_links()] if settings else []
        )

    return chrome.shared(request, "service", str(site.pk if site else 0), compute)


@register.inclusion_tag("core/includes/pagination.html", takes_context=True)
def pagination(context, page_obj, param=PAGE_PARAM, anchor=""):
    """Numbered pagination that keeps every other GET parameter (filters, query, sorting). With ``anchor`` (the id
    of the results' heading) each link ends in ``#anchor``: the next page opens at its results, not at the page's top
    (on a phone the filters come first)."""
    request = context["request"]
    fragment = f"#{anchor}" if anchor else ""

    def url_for(number):
        query = request.GET.copy()
        query[param] = number
        return "?" + query.urlencode() + fragment

    paginator = page_obj.paginator
    items = []
    for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "url": url_for(number), "current": number == page_obj.number})
    return {
        "page_obj": page_obj,
        "items": items,
        "previous_url": url_for(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next_url": url_for(page_obj.next_page_number()) if page_obj.has_next() else None,
    }


@register.filter
def document_meta(document):
    """'PDF, 1,2 MB': the type and size a visitor needs before downloading."""
    return files.document_meta(document)


@register.filter
def de_number(value, decimals=None):
    """``{{ city.inhabitants|de_number }}`` → "20 500"; ``{{ share|de_number:1 }}`` → "12,5" (core/numbers.py)."""
    return numbers.format_number(value, _decimals(decimals))


@register.filter
def de_currency(value, decimals=None):
    """``{{ amount|de_currency }}`` → "12 000 €" (core/numbers.py)."""
    return numbers.format_currency(value, _decimals(decimals))


def _decimals(arg):
    try:
        return None if arg in (None, "") else int(arg)
    except (TypeError, ValueError):
        return None


@register.simple_tag
def kern_widget(field):
    """A form field's widget with KERN's class and its hint/error tied to it by aria-describedby."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hinweis")
    if field.errors:
        described_by.append(f"{field.auto_id}-fehler")
    input_type = getattr(field.field.widget, "input_type", "")
    css = "kern-form-input__select" if input_type == "select" else "kern-form-input__input"
    attrs = {"class": css}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def file_visible(context, file) -> bool:
    """``{% file_visible image as show %}``: may this visitor see the document or image (core/files.py)?"""
    return files.file_visible(context.get("request"), file)


@register.simple_tag(takes_context=True)
def file_members_only(context, file) -> bool:
    """``{% file_members_only document as label %}``: is the file in a members-only collection?"""
    return files.file_members_only(context.get("request"), file)


@register.simple_tag(takes_context=True)
def shown_files(context, items, figures=False):
    """``{% shown_files page.downloads as downloads %}``: the files of a list (documents, images, or with
    ``figures=True`` figure blocks) this visitor may see, as ``core.files.ShownFile`` (core/files.py). A section
    shows only when the result is not empty."""
    if not items:
        return []
    if not hasattr(items, "__iter__"):  # one document or image
        items = [items]
    items = [getattr(item, "value", item) if not figures else item for item in items]
    file_of = files.image_of_figure if figures else (lambda item: item)
    return files.shown_files(context.get("request"), items, file_of)
