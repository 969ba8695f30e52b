"""Visitor-facing fragments, one place each (docs/components.md lists them with their parameters).

Each component is a template under ``core/templates/components/`` named for what the visitor sees; the tags
here only pass the parameters through. Components with content inside (``alert``, ``card``, ``card_list``) are
block tags: what stands between the tag and its end tag is the component's body.

    {% load components %}
    {% members_badge %}
    {% alert variant="warning" title=hint role="status" classes="iq-block" %}<p class="kern-body">…</p>{% endalert %}
"""

from collections.abc import Mapping

from django import template
from django.template.base import token_kwargs
from django.template.loader import get_template
from django.utils.safestring import mark_safe

register = template.Library()


# -- components without a body -----------------------------------------------------------------------------
@register.inclusion_tag("components/members_badge.html")
def members_badge(small=False):
    """The "Nur für Mitglieder" label next to anything only members of the network may see."""
    return {"small": small}


# What a contact card reads of a person: a ContactPerson's e-mail address is for the editorial office only and is
# never shown, so ``email`` (and ``address``) appear only when given by name.
PERSON_FIELDS = ("name", "role", "organisation", "phone", "is_example")
CONTACT_FIELDS = (*PERSON_FIELDS, "address", "email")


@register.inclusion_tag("components/contact_card.html")
def contact_card(person=None, **fields):
    """A contact as an ``<address>``: a ``ContactPerson`` (name, role, organisation, phone, is_example; never its
    e-mail) and/or fields given by name (the same, plus ``address`` and ``email``); a given field wins."""
    if person is None:
        person = {}
    read = person.get if isinstance(person, Mapping) else lambda name, default: getattr(person, name, default)
    contact = dict.fromkeys(CONTACT_FIELDS, "")
    contact.update({name: read(name, "") for name in PERSON_FIELDS})
    contact.update({name: value for name, value in fields.items() if name in CONTACT_FIELDS})
    return {"contact": contact}


@register.inclusion_tag("components/article_head.html", takes_context=True)
def article_head(context, page, og_type="article", description=None, json_ld=""):
    """The ``<head>`` entries of an article page: the meta description and the Open Graph tags (type, title,
    description, URL, locale, site name), and the page's JSON-LD when given."""
    if description is None:
        description = getattr(page, "summary", "")
    return {"page": page, "og_type": og_type, "description": description, "json_ld": json_ld}


@register.inclusion_tag("components/downloads_list.html")
def downloads_list(files, download=False):
    """A list of files to download, each with its type and size and, when members-only, the label. ``files``:
    ``core.files.ShownFile`` (from ``shown_files``) or anything with ``url``, ``title``, ``meta`` and
    ``members_only``. ``download=True`` adds the ``download`` attribute (files a browser would otherwise play or
    show as text, such as videos and captions)."""
    return {"files": files, "download": download}


# -- components with a body ----------------------------------------------------------------------------------
class ComponentNode(template.Node):
    def __init__(self, template_name: str, kwargs: dict, nodelist):
        self.template_name = template_name
        self.kwargs = kwargs
        self.nodelist = nodelist

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.kwargs.items()}
        values["body"] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308 - rendered template output
        values["request"] = context.get("request")
        return get_template(self.template_name).render(values)


def _component_with_body(name: str, template_name: str):
    def compile_tag(parser, token):
        bits = token.split_contents()[1:]
        kwargs = token_kwargs(bits, parser)
        if bits:
            raise template.TemplateSyntaxError(f"{name} takes keyword arguments only (name=value), not {bits!r}")
        nodelist = parser.parse((f"end{name}",))
        parser.delete_first_token()
        return ComponentNode(template_name, kwargs, nodelist)

    compile_tag.__name__ = name
    register.tag(name, compile_tag)


# alert: variant (info, success, warning, danger), title, title_tag (span, h2, h3, p; default span), icon (default
# True: the variant's icon before the title), role (status, alert, note), classes, id (also tabindex="-1", for
# moving the focus there), autofocus, status (data-status).
_component_with_body("alert", "components/alert.html")
# card: title, url, heading (2 or 3, default 2), image_url, image_alt, image_width, image_height, pictogram (a
# category or a drawing's name: a tinted 16:9 panel with the drawing where the card has no image_url, so that cards
# in a row with pictures keep their titles level; hidden on phones, where cards stack); the body (may be empty) is the
# card's text.
_component_with_body("card", "components/card.html")
# card_list: the list the cards stand in.
_component_with_body("card_list", "components/card_list.html")
