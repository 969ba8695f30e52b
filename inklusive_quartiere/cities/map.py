"""The map of the cities: an SVG outline of Baden-Württemberg that needs no server at all, and the data for the
optional interactive map (Leaflet), which loads tiles only after the visitor's explicit consent.

The outline is a simplified polygon drawn for this project (about 40 points along the state border, accurate to
a few kilometres) — enough to place the towns, not a survey map; the page says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

# (longitude, latitude), clockwise from the northern tip near Wertheim.
OUTLINE = [
    (9.65, 49.79), (9.93, 49.64), (10.13, 49.52), (10.10, 49.33), (10.17, 49.18), (10.28, 49.07),
    (10.45, 48.94), (10.49, 48.70), (10.32, 48.55), (10.10, 48.47), (10.02, 48.40), (10.05, 48.20),
    (10.11, 47.98), (10.09, 47.76), (9.95, 47.62), (9.70, 47.56), (9.50, 47.62), (9.25, 47.66),
    (9.05, 47.70), (8.88, 47.66), (8.72, 47.70), (8.58, 47.66), (8.45, 47.58), (8.22, 47.60),
    (7.92, 47.55), (7.62, 47.56), (7.52, 47.68), (7.58, 47.90), (7.60, 48.10), (7.70, 48.32),
    (7.80, 48.53), (7.97, 48.75), (8.20, 48.97), (8.33, 49.08), (8.42, 49.25), (8.47, 49.44),
    (8.45, 49.58), (8.62, 49.60), (8.82, 49.52), (8.97, 49.50), (9.10, 49.58), (9.30, 49.65),
    (9.45, 49.72),
]  # fmt: skip

WIDTH = 400  # SVG units; the height follows from the projection
MARGIN = 12
_LAT0 = 48.6  # equirectangular projection, true to scale at the state's middle latitude
_COS = math.cos(math.radians(_LAT0))
_MIN_LON = min(lon for lon, _lat in OUTLINE)
_MAX_LON = max(lon for lon, _lat in OUTLINE)
_MIN_LAT = min(lat for _lon, lat in OUTLINE)
_MAX_LAT = max(lat for _lon, lat in OUTLINE)
_SCALE = (WIDTH - 2 * MARGIN) / ((_MAX_LON - _MIN_LON) * _COS)
HEIGHT = round((_MAX_LAT - _MIN_LAT) * _SCALE + 2 * MARGIN)


def project(lon: float, lat: float) -> tuple[float, float]:
    return (
        round(MARGIN + (lon - _MIN_LON) * _COS * _SCALE, 1),
        round(MARGIN + (_MAX_LAT - lat) * _SCALE, 1),
    )


OUTLINE_PATH = "M" + " L".join(f"{x} {y}" for x, y in (project(lon, lat) for lon, lat in OUTLINE)) + " Z"


@dataclass
class Marker:
    title: str
    url: str
    x: float
    y: float
    lat: float
    lon: float
    network: str
    label_left: bool  # label on the left of the dot near the eastern border


def markers_for(cities, request) -> list[Marker]:
    markers = []
    for city in cities:
        if city.latitude is None or city.longitude is None:
            continue
        x, y = project(float(city.longitude), float(city.latitude))
        markers.append(
            Marker(
                title=city.title,
                url=city.get_url(request),
                x=x,
                y=y,
                lat=float(city.latitude),
                lon=float(city.longitude),
                network=city.network,
                label_left=x > WIDTH * 0.62,
            )
        )
    return markers


def tile_settings() -> dict | None:
    """The interactive map's tile server, or None when none is configured (the embedded default)."""
    url = getattr(settings, "MAP_TILE_URL", "")
    netloc = urlsplit(url).netloc if url.startswith("https://") else ""
    if not netloc:
        return None
    # "{s}.tile.example.org" (Leaflet's subdomain placeholder) becomes the CSP wildcard "*.tile.example.org".
    host = netloc.replace("{s}", "*")
    return {"url": url, "origin": f"https://{host}", "attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", "")}


def csp_with_tiles(base: str, tiles: dict) -> str:
    """The site's policy, with the tile server added to img-src (the browser still loads nothing before consent)."""
    directives = [part.strip() for part in base.split(";") if part.strip()]
    out = []
    for directive in directives:
        if directive.startswith("img-src"):
            directive = f"{directive} {tiles['origin']}"
        out.append(directive)
    return "; ".join(out)


def map_context(cities, request) -> dict:
    markers = markers_for(cities, request)
    tiles = tile_settings()
    data = None
    if tiles:
        data = {
            "tiles": tiles["url"],
            "attribution": tiles["attribution"],
            "cities": [{"title": m.title, "url": m.url, "lat": m.lat, "lon": m.lon} for m in markers],
        }
    return {
        "map": {
            "width": WIDTH,
            "height": HEIGHT,
            "outline": OUTLINE_PATH,
            "markers": markers,
            "tiles": tiles,
            "data": data,
        }
    }
