"""Accessibility guard rails in the editor: link-text warnings after saving, and the content checker's setup."""

from django.contrib import messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from .a11y_checks import BARE_URL_PATTERN, MEANINGLESS_LINK_TEXTS, meaningless_links_by_field
from .editor_channels import PAGE_BULK_ACTIONS, chooser_queryset
from .publishing import publication_problems


def link_text_warning(page) -> str:
    """The German warning for a page with meaningless link texts, or "" when there is none."""
    found = meaningless_links_by_field(page.specific if hasattr(page, "specific") else page)
    if not found:
        return ""
    quoted = {
        field: ", ".join(f"„{t}“" if t else gettext("(Link ohne Text)") for t in texts)
        for field, texts in found.items()
    }
    listed = "; ".join(f"{field}: {texts}" for field, texts in quoted.items())
    return gettext(
        "Gespeichert – bitte prüfen Sie diese Linktexte: %(links)s. Ein Linktext sollte auch allein sagen, wohin "
        "er führt (z. B. „Programm der Werkstatt als PDF“ statt „hier“ oder einer Internetadresse), denn "
        "Screenreader lesen Links oft als Liste ohne den Satz drumherum vor."
    ) % {"links": listed}


def _warn_about_link_texts(request, page):
    warning = link_text_warning(page)
    if warning:
        messages.warning(request, warning)


@hooks.register("after_create_page")
def warn_about_link_texts_after_create(request, page):
    _warn_about_link_texts(request, page)


@hooks.register("after_edit_page")
def warn_about_link_texts_after_edit(request, page):
    _warn_about_link_texts(request, page)


# The WCAG conformance levels the site promises (the browser tests check the same tags), plus axe's best practices.
AXE_STANDARD_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


class SiteContentCheckerItem(ContentCheckerItem):
    """Wagtail's content checker (userbar and the editor's "Überprüfungen" panel) with every axe rule switched on and
    a German link-text rule.

    Wagtail runs only ten rules by default. Without ``runOnly`` axe runs all its non-experimental rules, which
    covers every tag in ``AXE_STANDARD_TAGS``; the custom "link-text-quality" rule is tagged best-practice and uses
    the project's word list (``core.a11y_checks``) through the check registered by ``core/js/link-text-check.js``.
    """

    axe_run_only = None

    class Media:
        js = ["core/js/link-text-check.js"]

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            {
                "id": "link-text-quality",
                "impact": "serious",
                "selector": "a[href]",
                "tags": ["best-practice"],
                "any": ["check-link-text"],
                "enabled": True,
            },
        ]

    def get_axe_custom_checks(self, request):
        return [
            *super().get_axe_custom_checks(request),
            {
                "id": "check-link-text",
                "options": {
                    "blockedTerms": sorted(MEANINGLESS_LINK_TEXTS),
                    "urlPattern": BARE_URL_PATTERN.pattern,
                },
            },
        ]

    def get_axe_messages(self, request):
        return {
            **super().get_axe_messages(request),
            "link-text-quality": {
                "error_name": _("Linktext sagt nicht, wohin der Link führt"),
                "help_text": _(
                    "Statt „hier“, „mehr“ oder einer Internetadresse das Ziel nennen, "
                    "z. B. „Programm der Werkstatt als PDF“."
                ),
            },
        }


@hooks.register("construct_wagtail_userbar")
def use_site_content_checker(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentCheckerItem):
            items[index] = SiteContentCheckerItem(in_editor=item.in_editor)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_of_incomplete_pages(request, action_type, objects, action):
    """The page listing's bulk "Veröffentlichen" obeys the same rules as the edit form (core/publishing.py)."""
    from django.shortcuts import redirect
    from wagtail.models import Page

    if action_type != "publish" or not objects or not isinstance(objects[0], Page):
        return None
    pages = list(objects)
    form = getattr(action, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        for page in objects:
            pages.extend(page.get_descendants().not_live())
    refused = [(page, problems) for page in pages if (problems := publication_problems(page))]
    if not refused:
        return None
    for page, problems in refused:
        messages.error(
            request,
            gettext(
                "„%(title)s“ wurde nicht veröffentlicht: %(problems)s Bitte öffnen Sie die Seite und ergänzen Sie das."
            )
            % {"title": page.get_admin_display_title(), "problems": " ".join(problems)},
        )
    messages.warning(request, gettext("Es wurde keine der ausgewählten Seiten veröffentlicht."))
    return redirect(action.next_url)


# -- a visible character counter on text areas with a maximum length ----------------------------------------------
@hooks.register("insert_global_admin_js")
def character_counter_js():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html(
        '<script src="{}" data-template="{}" defer></script>',
        static("core/admin/char-count.js"),
        _("%(count)s von %(max)s Zeichen"),
    )


# -- what a city editor sees of the page tree (core/editor_access.py, core/editor_channels.py) -----------------------
@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_only_visible_pages(pages, request):
    return chooser_queryset(pages, request)


def _register_page_bulk_actions():
    # Registered after Wagtail's own (order): the bulk action registry keeps the last class for each action name.
    for action_class in PAGE_BULK_ACTIONS:
        hooks.register("register_bulk_action", action_class, order=100)


_register_page_bulk_actions()
