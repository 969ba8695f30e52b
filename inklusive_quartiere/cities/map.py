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
    label: Label | None = None

    @property
    def left(self) -> str:  # position in the overlay, in per cent of the map's width and height
        return f"{self.x / WIDTH * 100:.3f}%"

    @property
    def top(self) -> str:
        return f"{self.y / HEIGHT * 100:.3f}%"


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
            )
        )
    for marker, label in zip(markers, place_labels([(m.x, m.y, m.title) for m in markers]), strict=True):
        marker.label = label
    return markers


# -- label placement --------------------------------------------------------------------------------------------
# The labels are drawn in CSS pixels over the map (an SVG without viewBox laid over the drawing): whatever the
# map's width, a label keeps its font size (LABEL_FONT_PX) and its offset from the dot, and only the dots move
# apart or together. So the placement must hold at every width the map can have: it is checked at widths from
# MIN_MAP_PX (a 320 px phone minus the page margins) to MAX_MAP_PX (the figure's max-width in _map.scss).

LABEL_FONT_PX = 15
LABEL_HEIGHT_PX = 19  # line box of the label, its white halo included
HALO_PX = 2
DOT_RADIUS_PX = 6
GAP_PX = 9  # from the dot's centre to the near edge of its label
MIN_MAP_PX = 288
MAX_MAP_PX = 640
CHECK_STEP_PX = 8
LEADER_DISTANCES = (GAP_PX, 2.4 * GAP_PX, 4 * GAP_PX)  # beyond the first, a line joins label and dot
DIAGONAL = 0.7
SEARCH_LIMIT = 50_000

# Advance widths of Fira Sans SemiBold (the labels' font) in em, read from the font with fontTools; 0.62 em for
# any other character. The estimate is widened by WIDTH_MARGIN; the browser test measures the real boxes.
_WIDTHS = {
    **dict.fromkeys("ijl.,'", 0.3),
    **dict.fromkeys("ft", 0.38),
    "r": 0.4,
    " ": 0.25,
    "-": 0.41,
    **dict.fromkeys("cszIJ", 0.48),
    **dict.fromkeys("abdeghknopquvxyäöüF", 0.6),
    **dict.fromkeys("wßABCELPRSTVXYZÄ", 0.62),
    **dict.fromkeys("DGHKNOQUÖÜ", 0.7),
    **dict.fromkeys("mMW", 0.85),
}
WIDTH_MARGIN = 1.06


def label_width_px(text: str) -> float:
    return sum(_WIDTHS.get(ch, 0.62) for ch in text) * LABEL_FONT_PX * WIDTH_MARGIN


@dataclass(frozen=True)
class Label:
    """A label's place relative to its dot, in CSS pixels: text anchored at (x, y) (y = the text's middle)."""

    x: float
    y: float
    anchor: str  # SVG text-anchor: start, middle, end
    width: float
    leader: tuple[float, float] | None = None  # end of the line from the dot to a label placed further away

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) relative to the dot, the halo included."""
        left = {"start": self.x, "middle": self.x - self.width / 2, "end": self.x - self.width}[self.anchor]
        return (left - HALO_PX, self.y - LABEL_HEIGHT_PX / 2, left + self.width + HALO_PX, self.y + LABEL_HEIGHT_PX / 2)


def _candidates(width: float) -> list[Label]:
    """Places around a dot, nearest first; in each ring: right, left, the four diagonals, above, below."""
    half = LABEL_HEIGHT_PX / 2
    out = []
    for ring, gap in enumerate(LEADER_DISTANCES):
        d = gap * DIAGONAL
        places = [
            (gap, 0, "start"),
            (-gap, 0, "end"),
            (d, -(d + half), "start"),
            (d, d + half, "start"),
            (-d, -(d + half), "end"),
            (-d, d + half, "end"),
            (0, -(gap + half), "middle"),
            (0, gap + half, "middle"),
        ]
        for x, y, anchor in places:
            label = Label(round(x, 1), round(y, 1), anchor, round(width, 1))
            if ring:
                left, top, right, bottom = label.box()
                end = (round(min(max(0, left), right), 1), round(min(max(0, top), bottom), 1))
                label = Label(label.x, label.y, label.anchor, label.width, leader=end)
            out.append(label)
    return out


def check_scales() -> list[float]:
    """Pixels per map unit at every checked width of the map."""
    return [w / WIDTH for w in range(MIN_MAP_PX, MAX_MAP_PX + 1, CHECK_STEP_PX)]


def _absolute(point: tuple[float, float], label: Label, scale: float) -> tuple[float, float, float, float]:
    left, top, right, bottom = label.box()
    x, y = point[0] * scale, point[1] * scale
    return (x + left, y + top, x + right, y + bottom)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _dot_box(point, scale):
    x, y, r = point[0] * scale, point[1] * scale, DOT_RADIUS_PX + 1
    return (x - r, y - r, x + r, y + r)


def _fits(index, label, points, placed, scales) -> bool:
    """Inside the map, clear of every other dot and of every label placed so far, at every checked width."""
    for scale in scales:
        box = _absolute(points[index], label, scale)
        if box[0] < 0 or box[1] < 0 or box[2] > WIDTH * scale or box[3] > HEIGHT * scale:
            return False
        for other, point in enumerate(points):
            if other != index and _overlap(box, _dot_box(point, scale)):
                return False
        for other, other_label in placed.items():
            if _overlap(box, _absolute(points[other], other_label, scale)):
                return False
    return True


def place_labels(items: list[tuple[float, float, str]]) -> list[Label]:
    """A label place for each (x, y, text) such that no two labels and no label and dot overlap at any checked map
    width. Depth-first search over the candidate places, most crowded dot first; deterministic. When no such
    placement exists (not the case for the cities of the network), each remaining label takes its first place."""
    points = [(x, y) for x, y, _t in items]
    options = [_candidates(label_width_px(text)) for _x, _y, text in items]
    scales = check_scales()
    small = scales[0]

    def crowding(i):
        return sum(
            1
            for j in range(len(points))
            if j != i and math.dist(points[i], points[j]) * small < 2 * label_width_px(items[i][2])
        )

    order = sorted(range(len(items)), key=lambda i: (-crowding(i), items[i][2]))
    placed: dict[int, Label] = {}
    steps = 0

    def search(k: int) -> bool:
        nonlocal steps
        if k == len(order):
            return True
        i = order[k]
        for label in options[i]:
            steps += 1
            if steps > SEARCH_LIMIT:
                return False
            if _fits(i, label, points, placed, scales):
                placed[i] = label
                if search(k + 1):
                    return True
                del placed[i]
        return False

    if not search(0):
        for i in order:
            placed.setdefault(i, options[i][0])
    return [placed[i] for i in range(len(items))]


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
