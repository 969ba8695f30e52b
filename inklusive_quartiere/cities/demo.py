"""The sixteen real cities of the network (facts from shared/facts.md) under their two overview pages."""

from __future__ import annotations

import zlib
from decimal import Decimal

from inklusive_quartiere.core.demo_support import ensure_child
from inklusive_quartiere.core.models import HomePage
from inklusive_quartiere.core.text import german_slug
from inklusive_quartiere.taxonomy.models import ContactPerson

from .models import CityIndexPage, CityPage, Network, Regierungsbezirk

R = Regierungsbezirk
CITIES = [
    # name, network, district, Regierungsbezirk, inhabitants (approx.), lat, lon
    ("Bad Krozingen", Network.STADTLABOR, "Breisgau-Hochschwarzwald", R.FREIBURG, 20_500, "47.917", "7.701"),
    ("Filderstadt", Network.STADTLABOR, "Esslingen", R.STUTTGART, 46_000, "48.666", "9.219"),
    ("Freudenberg am Main", Network.STADTLABOR, "Main-Tauber-Kreis", R.STUTTGART, 3_800, "49.750", "9.327"),
    ("Friedrichshafen", Network.STADTLABOR, "Bodenseekreis", R.TUEBINGEN, 61_000, "47.654", "9.479"),
    ("Heidelberg", Network.STADTLABOR, "Stadtkreis", R.KARLSRUHE, 160_000, "49.398", "8.672"),
    ("Karlsruhe", Network.STADTLABOR, "Stadtkreis", R.KARLSRUHE, 308_000, "49.009", "8.404"),
    ("Konstanz", Network.STADTLABOR, "Konstanz", R.FREIBURG, 85_000, "47.663", "9.175"),
    ("Salach", Network.STADTLABOR, "Göppingen", R.STUTTGART, 8_000, "48.692", "9.734"),
    ("Ulm", Network.STADTLABOR, "Stadtkreis", R.TUEBINGEN, 127_000, "48.398", "9.991"),
    ("Bruchsal", Network.VOR_ORT, "Karlsruhe", R.KARLSRUHE, 45_000, "49.124", "8.598"),
    ("Kirchheim unter Teck", Network.VOR_ORT, "Esslingen", R.STUTTGART, 41_000, "48.648", "9.451"),
    ("Künzelsau", Network.VOR_ORT, "Hohenlohekreis", R.STUTTGART, 15_500, "49.282", "9.690"),
    ("Leonberg", Network.VOR_ORT, "Böblingen", R.STUTTGART, 49_000, "48.800", "9.015"),
    ("Mannheim", Network.VOR_ORT, "Stadtkreis", R.KARLSRUHE, 315_000, "49.488", "8.466"),
    ("Mössingen", Network.VOR_ORT, "Tübingen", R.TUEBINGEN, 21_000, "48.406", "9.057"),
    ("Stuttgart", Network.VOR_ORT, "Stadtkreis", R.STUTTGART, 630_000, "48.776", "9.183"),
]

INDEXES = {
    Network.STADTLABOR: (
        "stadtlabore",
        "StadtLabore",
        "Neun Städte haben von Mai 2019 bis Ende 2020 neue Wege der inklusiven Quartiersentwicklung erprobt.",
    ),
    Network.VOR_ORT: (
        "stadtlabore-vor-ort",
        "StadtLabore vor Ort",
        "Sieben weitere Städte haben bis 2023 vorhandene Steckbriefe in ihren Quartieren erprobt und "
        "weiterentwickelt – aus der Praxis für die Praxis.",
    ),
}


def load(stdout) -> None:
    home = HomePage.objects.get()
    indexes = {}
    for network, (slug, title, intro) in INDEXES.items():
        indexes[network], _ = ensure_child(
            home,
            CityIndexPage,
            slug,
            title=title,
            network=network,
            intro=intro,
            show_in_menus=True,
        )
    created = 0
    for name, network, district, region, inhabitants, lat, lon in CITIES:
        _, was_created = ensure_child(
            indexes[network],
            CityPage,
            german_slug(name),
            title=name,
            network=network,
            district=district,
            regierungsbezirk=region,
            inhabitants=inhabitants,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            intro=f"{name} gehört zum Netzwerk „{network.label}“.",
            show_in_menus=True,
        )
        created += was_created
    details = sum(_ensure_details(city) for city in CityPage.objects.order_by("path"))
    stdout.write(f"  16 Städte bereit ({created} neu, {details} mit Beispielangaben ergänzt)")


DEPARTMENTS = [
    "Amt für Soziales und Senioren",
    "Stadtplanungsamt",
    "Stabsstelle Bürgerbeteiligung",
    "Amt für Familie, Jugend und Bildung",
    "Beauftragte für Menschen mit Behinderungen",
    "Amt für Mobilität",
    "Quartiersmanagement",
]


def _ensure_details(city: CityPage) -> bool:
    """Invented departments and contact person (the city facts above are real; these are examples)."""
    if city.departments:
        return False
    seed = zlib.crc32(city.slug.encode())
    picks = [DEPARTMENTS[(seed + step * 3) % len(DEPARTMENTS)] for step in range(3)]
    city.departments = "\n".join(dict.fromkeys(picks))
    city.contact, _ = ContactPerson.objects.get_or_create(
        name=f"Beispiel-Koordination {city.title}",
        defaults={
            "role": "Koordination StadtLabor (erfundene Beispielperson)",
            "organisation": f"Stadtverwaltung {city.title}",
            "phone": "0000 000000",
            "is_example": True,
            "city": city,
        },
    )
    city.is_example = True
    city.show_in_menus = True
    city.save_revision().publish()
    return True
