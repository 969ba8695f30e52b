"""Label placement on the city map: no two names overlap, no name covers another city's dot, every name stays
inside the map, at every width the map can have (cities/map.py: place_labels)."""

import itertools
import json
import re
from pathlib import Path

import pytest

from inklusive_quartiere.cities import map as city_map
from inklusive_quartiere.cities.map import HEIGHT, WIDTH, Label, check_scales, label_width_px, place_labels, project
from inklusive_quartiere.cities.models import CityIndexPage

DEMO = Path(city_map.__file__).parent / "demo_content"


def _demo_cities() -> dict[str, list[tuple[float, float, str]]]:
    """The demo cities by network, read from the demo content (the real places of both networks)."""
    networks: dict[str, list] = {}
    for path in sorted(DEMO.glob("*.json")):
        for entry in _entries(json.loads(path.read_text(encoding="utf-8"))):
            if "latitude" in entry and "longitude" in entry and "network" in entry:
                x, y = project(float(entry["longitude"]), float(entry["latitude"]))
                networks.setdefault(entry["network"], []).append((x, y, entry["title"]))
    return networks


def _entries(value):
    if isinstance(value, dict):
        if "title" in value:
            yield {**value.get("fields", {}), **value}
        for child in value.values():
            yield from _entries(child)
    elif isinstance(value, list):
        for child in value:
            yield from _entries(child)


NETWORKS = _demo_cities()


def _boxes(items, labels, scale):
    for (x, y, _text), label in zip(items, labels, strict=True):
        left, top, right, bottom = label.box()
        yield (x * scale + left, y * scale + top, x * scale + right, y * scale + bottom)


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def assert_clean(items, labels):
    for scale in check_scales():
        boxes = list(_boxes(items, labels, scale))
        for (i, a), (j, b) in itertools.combinations(enumerate(boxes), 2):
            assert not _overlap(a, b), f"{items[i][2]} / {items[j][2]} at {scale * WIDTH:.0f} px"
        for i, box in enumerate(boxes):
            assert box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH * scale and box[3] <= HEIGHT * scale, items[i][2]
            for j, (x, y, _t) in enumerate(items):
                r = city_map.DOT_RADIUS_PX
                dot = (x * scale - r, y * scale - r, x * scale + r, y * scale + r)
                assert i == j or not _overlap(box, dot), f"{items[i][2]} covers {items[j][2]}"


def test_demo_content_has_both_networks():
    assert len(NETWORKS) == 2 and sum(len(v) for v in NETWORKS.values()) == 16


@pytest.mark.parametrize("network", sorted(NETWORKS))
def test_no_overlap_for_each_network(network):
    items = NETWORKS[network]
    assert_clean(items, place_labels(items))


def test_no_overlap_with_all_sixteen_cities_on_one_map():
    items = [item for network in sorted(NETWORKS) for item in NETWORKS[network]]
    assert_clean(items, place_labels(items))


def test_the_reported_collisions_are_resolved():
    """Salach over Filderstadt, Friedrichshafen over Konstanz, Leonberg over Stuttgart (issue 16)."""
    items = [item for network in sorted(NETWORKS) for item in NETWORKS[network]]
    names = [text for _x, _y, text in items]
    for pair in (("Salach", "Filderstadt"), ("Friedrichshafen", "Konstanz"), ("Leonberg", "Stuttgart")):
        assert set(pair) <= set(names)
    assert_clean(items, place_labels(items))


def test_placement_is_deterministic():
    items = NETWORKS[sorted(NETWORKS)[0]]
    assert place_labels(items) == place_labels(list(items))


def test_checker_catches_an_overlap():
    """Positive control: two labels put on top of each other fail the check."""
    items = [(100.0, 100.0, "Stuttgart"), (102.0, 101.0, "Leonberg")]
    same = Label(9, 0, "start", label_width_px("Stuttgart"))
    with pytest.raises(AssertionError):
        assert_clean(items, [same, same])


def test_crowded_dots_get_leader_lines_not_overlaps():
    items = [
        (200.0, 200.0, "Nordstadt"),
        (204.0, 200.0, "Südstadt"),
        (200.0, 204.0, "Weststadt"),
        (204.0, 204.0, "Oststadt"),
    ]
    labels = place_labels(items)
    assert_clean(items, labels)
    assert any(label.leader for label in labels)


def test_label_width_estimate_grows_with_the_text():
    assert label_width_px("Ulm") < label_width_px("Stuttgart") < label_width_px("Freudenberg am Main")
    assert label_width_px("Freudenberg am Main") > 19 * 0.45 * city_map.LABEL_FONT_PX


@pytest.mark.django_db
def test_index_page_draws_the_placed_labels_in_pixels_over_the_map(client, demo):
    html = client.get(CityIndexPage.objects.get(slug="stadtlabore").url).content.decode()
    positions = re.findall(r'<svg x="([\d.]+)%" y="([\d.]+)%" width="1" height="1" overflow="visible">', html)
    assert len(positions) == 9 and all(0 < float(x) < 100 and 0 < float(y) < 100 for x, y in positions)
    labels = re.findall(
        r'<text x="(-?[\d.]+)" y="(-?[\d.]+)" text-anchor="(start|middle|end)"[^>]*data-iq-map-label>', html
    )
    assert len(labels) == 9  # numbers with a full stop whatever the locale, one label per city
    assert 'class="iq-map__svg" viewBox=' in html and 'aria-hidden="true"' in html
    # the table: the visible per-cell labels for the stacked layout are hidden from screen readers
    assert html.count('class="iq-table-stack__label" aria-hidden="true"') == 27
