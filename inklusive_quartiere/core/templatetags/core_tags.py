from django import template
from wagtail.models import Page, Site

from ..visibility import visible_pages

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("core/includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    root = _site_root(request)
    current = context.get("page") or context.get("self")
    items = []
    if root is not None:
        user = getattr(request, "user", None)
        for page in visible_pages(user, root.get_children().in_menu()):
            is_current = current is not None and current.pk == page.pk
            is_ancestor = current is not None and not is_current and current.path.startswith(page.path)
            items.append({"page": page, "current": "page" if is_current else ("true" if is_ancestor else "")})
    return {"items": items, "request": request}


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, extra_label=None):
    """Ancestors from the home page down; ``extra_label`` appends a non-page step (search, 404)."""
    request = context.get("request")
    page = page or context.get("page")
    root = _site_root(request)
    trail = []
    if isinstance(page, Page):
        trail = list(page.get_ancestors(inclusive=True).filter(depth__gte=root.depth if root else 2))
    elif root is not None:
        trail = [root]
    return {"trail": trail, "extra_label": extra_label, "request": request}


@register.inclusion_tag("core/includes/pagination.html", takes_context=True)
def pagination(context, page_obj, param="seite"):
    """Numbered pagination that keeps every other GET parameter (filters, query, sorting)."""
    request = context["request"]

    def url_for(number):
        query = request.GET.copy()
        query[param] = number
        return "?" + query.urlencode()

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
    from django.template.defaultfilters import filesizeformat

    extension = (document.file_extension or "").upper() or "Datei"
    size = document.get_file_size()
    return f"{extension}, {filesizeformat(size)}" if size else extension
