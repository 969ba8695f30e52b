"""One example per component (core/templatetags/components.py), as GOV.UK Frontend keeps them: the render tests
(test_components.py) render each example and look for the pieces of HTML it must contain, and the test-only page
``/_komponenten/`` (tests/urls.py, served only with the test settings) shows all of them, so the browser pass
runs axe-core and the Nu Html Checker on every component (testing/test_components_in_browser.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.template import Context, RequestContext, Template


@dataclass
class Example:
    name: str
    source: str  # template source, with {% load components %} added
    context: dict = field(default_factory=dict)
    expected: list[str] = field(default_factory=list)  # pieces the rendered HTML contains

    def render(self, request=None) -> str:
        template = Template("{% load components %}" + self.source)
        context = RequestContext(request, self.context) if request is not None else Context(self.context)
        return template.render(context)


class _ExamplePage:
    """What article_head reads of a page."""

    title = "Werkstatt Inklusion in Freiburg"
    summary = "Ein Tag zu barrierefreien Wegen im Quartier."
    full_url = "https://example.org/termine/werkstatt/"

    def get_meta_description(self):
        return "Werkstatt zu barrierefreien Wegen."


class _File:
    def __init__(self, title, meta, members_only=False):
        self.url = f"/documents/1/{title.lower().replace(' ', '-')}.pdf"
        self.title = title
        self.meta = meta
        self.members_only = members_only


EXAMPLES = [
    Example(
        "members-badge",
        "<p>{% members_badge %}</p><p>{% members_badge small=True %}</p>",
        expected=[
            '<span class="kern-badge kern-badge--info"><span class="kern-label">Nur für Mitglieder</span></span>',
            '<span class="kern-label kern-label--small">Nur für Mitglieder</span>',
        ],
    ),
    Example(
        "alert",
        '{% alert variant="warning" title="Hinweis" role="status" classes="iq-block" %}'
        '<p class="kern-body">Die Seitenzahl „x“ ist ungültig; gezeigt wird die erste Seite.</p>{% endalert %}'
        '{% alert variant="info" title="Datenschutzhinweis" title_tag="h3" role="note" %}'
        '<p class="kern-body">Erst wenn Sie dem Link folgen, lädt Ihr Browser den Player.</p>{% endalert %}'
        '{% alert variant="danger" title="Bitte korrigieren Sie eine Angabe" title_tag="h3" icon=False '
        'classes="iq-error-summary" role="alert" id="fehler" %}<ul class="kern-list"><li>Beschreibung fehlt</li></ul>'
        "{% endalert %}"
        '{% alert variant="success" role="status" %}<p class="kern-body">Ihr Passwort wurde geändert.</p>'
        "{% endalert %}",
        expected=[
            '<div class="kern-alert kern-alert--warning iq-block" role="status">',
            '<span class="kern-icon kern-icon--warning" aria-hidden="true"></span>'
            '<span class="kern-title">Hinweis</span>',
            '<h3 class="kern-title">Datenschutzhinweis</h3>',
            '<div class="kern-alert kern-alert--danger iq-error-summary" role="alert" tabindex="-1" id="fehler">',
            '<div class="kern-alert__header"><h3 class="kern-title">Bitte korrigieren',
            '<div class="kern-alert kern-alert--success" role="status">\n    \n    <div class="kern-alert__body">',
        ],
    ),
    Example(
        "card-list",
        "{% card_list %}"
        '{% card title="Ulm" url="/stadtlabore/ulm/" heading=3 %}'
        '<p class="kern-body">Alb-Donau · ca. 126\u00a0000 Einwohnerinnen und Einwohner</p>'
        "{% endcard %}"
        '{% card title="Trailer" url="/filme/trailer/" heading=3 image_url="/static/core/favicon.svg" image_alt="" '
        'image_width=640 image_height=360 %}<p class="kern-body">Drei Minuten aus den StadtLaboren.</p>{% endcard %}'
        '{% card title="Förderung" url="/projekt/foerderung/" heading=3 %}{% endcard %}'
        "{% endcard_list %}",
        expected=[
            '<ul class="iq-teasers">',
            '<li class="kern-card">',
            '<div class="kern-card__header"><h3 class="kern-title"><a class="kern-link kern-link--stretched" '
            'href="/stadtlabore/ulm/">Ulm</a></h3></div>',
            '<div class="kern-card__body"><p class="kern-body">Alb-Donau',
            '<div class="kern-card__media"><img src="/static/core/favicon.svg" alt="" loading="lazy" decoding="async" '
            'width="640" height="360"></div>',
        ],
    ),
    Example(
        "contact-card",
        "{% contact_card person %}"
        '{% contact_card organisation="Städtetag Baden-Württemberg" address=address phone="0711 000000" '
        'email="redaktion@example.org" %}',
        context={
            "person": {
                "name": "Erika Beispiel",
                "role": "Quartiersmanagerin",
                "organisation": "Stadt Ulm",
                "phone": "0731 000000",
                "is_example": True,
            },
            "address": "Königstraße 2\n70173 Stuttgart",
        },
        expected=[
            '<address class="iq-contact kern-body">',
            '<strong>Erika Beispiel</strong> <span class="kern-body--muted">(erfundene Beispielperson)</span>',
            "<br>Quartiersmanagerin",
            "<br>Telefon: 0731 000000",
            "Städtetag Baden-Württemberg",
            "<br>Königstraße 2<br>70173 Stuttgart",
            '<br>E-Mail: <a class="kern-link" href="mailto:redaktion@example.org">redaktion@example.org</a>',
        ],
    ),
    Example(
        "downloads-list",
        "{% downloads_list files %}",
        context={
            "files": [
                _File("Programm der Werkstatt", "PDF, 120,0 KB"),
                _File("Protokoll", "PDF, 1,2 MB", members_only=True),
            ]
        },
        expected=[
            '<ul class="iq-downloads">',
            '<li><a href="/documents/1/programm-der-werkstatt.pdf">Programm der Werkstatt</a> '
            '<span class="kern-body--muted">(PDF, 120,0 KB)</span></li>',
            '<span class="kern-body--muted">(PDF, 1,2 MB)</span> <span class="kern-badge kern-badge--info">',
        ],
    ),
]

# The article head belongs in <head>: the example page puts it there.
HEAD_EXAMPLE = Example(
    "article-head",
    "{% article_head page %}",
    context={"page": _ExamplePage()},
    expected=[
        '<meta name="description" content="Werkstatt zu barrierefreien Wegen.">',
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="Werkstatt Inklusion in Freiburg">',
        '<meta property="og:description" content="Ein Tag zu barrierefreien Wegen im Quartier.">',
        '<meta property="og:url" content="https://example.org/termine/werkstatt/">',
        '<meta property="og:locale" content="de_DE">',
        '<meta property="og:site_name" content="Inklusive Quartiere">',
    ],
)

_PAGE = Template(
    '{% extends "base.html" %}{% block title %}Komponenten – Beispiele{% endblock %}'
    "{% block meta %}{{ head }}{% endblock %}"
    '{% block content %}<div class="iq-container iq-page"><h1 class="kern-heading kern-heading-x-large">'
    "Komponenten</h1>{% for name, html in examples %}"
    '<section class="iq-section" aria-labelledby="beispiel-{{ name }}">'
    '<h2 class="kern-heading kern-heading-medium" id="beispiel-{{ name }}">{{ name }}</h2>{{ html }}</section>'
    "{% endfor %}</div>{% endblock %}"
)


def examples_page(request):
    """Every component's example on one page of the site (test settings only: tests/urls.py)."""
    from django.utils.safestring import mark_safe

    examples = [(example.name, mark_safe(example.render(request))) for example in EXAMPLES]  # noqa: S308
    head = mark_safe(HEAD_EXAMPLE.render(request))  # noqa: S308 - our own template output
    return HttpResponse(_PAGE.render(RequestContext(request, {"examples": examples, "head": head})))
