"""The catalogue's filters: one definition per facet, used by the engine, the form and the templates."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.cities.models import Network, Regierungsbezirk, SizeBand
from inklusive_quartiere.steckbriefe.choices import CostBand, Duration, StaffEffort, Status


@dataclass(frozen=True)
class Facet:
    param: str  # GET parameter (German, part of shareable URLs)
    label: str
    multi: bool = False  # a Steckbrief can have several values (categories, target groups, funding)
    choices: type | None = None  # TextChoices for fixed value sets; None = loaded from the database


FACETS = [
    Facet("kategorie", _("Kategorie"), multi=True),
    Facet("stadt", _("Stadt")),
    Facet("groesse", _("Größe der Stadt"), choices=SizeBand),
    Facet("bezirk", _("Regierungsbezirk"), choices=Regierungsbezirk),
    Facet("netzwerk", _("Netzwerk"), choices=Network),
    Facet("zielgruppe", _("Zielgruppe"), multi=True),
    Facet("status", _("Status"), choices=Status),
    Facet("kosten", _("Kosten"), choices=CostBand),
    Facet("personal", _("Personalaufwand"), choices=StaffEffort),
    Facet("dauer", _("Dauer"), choices=Duration),
    Facet("foerderung", _("Förderprogramm"), multi=True),
    Facet("stolpersteine", _("Erfahrungen"), choices=None),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}

STUMBLING_VALUE = "ja"
STUMBLING_LABEL = _("beschreibt Stolpersteine")

SORTS = {
    "relevanz": _("Relevanz"),
    "neueste": _("Neueste zuerst"),
    "geprueft": _("Zuletzt geprüft"),
    "titel": _("Titel (A–Z)"),
}
