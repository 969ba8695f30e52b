"""Code-only part of the news demo: the pictures (simple shapes drawn with Pillow, never downloaded).

The page "Neuigkeiten", its categories and the nine items are data (demo_content/10-news.json,
docs/demo-content.md). Items that state only facts of the project are real content; everything with invented
details is marked ``is_example``.
"""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

from inklusive_quartiere.core.demo_loader import load_demo

DATA_FILE = Path(__file__).parent / "demo_content" / "10-news.json"


# -- pictures -----------------------------------------------------------------------------------------------
BACKGROUND = (245, 245, 240)


def _houses(draw):
    for i, colour in enumerate([(40, 110, 160), (60, 140, 100), (200, 120, 50), (120, 80, 160), (40, 110, 160)]):
        x = 70 + i * 170
        top = 300 - (i % 2) * 60
        draw.rectangle([x, top, x + 130, 560], fill=colour)
        draw.polygon([(x - 10, top), (x + 65, top - 80), (x + 140, top)], fill=(90, 60, 50))
        draw.rectangle([x + 45, 480, x + 85, 560], fill=(250, 230, 180))
    draw.ellipse([780, 50, 900, 170], fill=(250, 200, 60))


def _circle_of_people(draw):
    draw.ellipse([330, 220, 630, 420], fill=(170, 120, 70))
    colours = [(40, 110, 160), (200, 80, 80), (60, 140, 100), (230, 170, 40)]
    centres = [(480, 110), (700, 200), (740, 400), (600, 540), (360, 540), (220, 400), (260, 200), (480, 560)]
    for i, (x, y) in enumerate(centres[:7]):
        draw.ellipse([x - 45, y - 45, x + 45, y + 45], fill=colours[i % len(colours)])


def _screen(draw):
    draw.rounded_rectangle([180, 90, 780, 470], radius=20, fill=(40, 50, 70))
    draw.rectangle([210, 120, 750, 440], fill=(230, 240, 250))
    for row in range(3):
        draw.rectangle([240, 150 + row * 95, 720, 210 + row * 95], fill=(40, 110, 160))
    draw.polygon([(120, 500), (840, 500), (900, 560), (60, 560)], fill=(110, 120, 140))


def _film_strip(draw):
    draw.rectangle([60, 180, 900, 460], fill=(30, 30, 30))
    for i in range(12):
        x = 80 + i * 68
        draw.rectangle([x, 200, x + 36, 226], fill=BACKGROUND)
        draw.rectangle([x, 414, x + 36, 440], fill=BACKGROUND)
    for i, colour in enumerate([(40, 110, 160), (60, 140, 100), (230, 170, 40)]):
        draw.rectangle([110 + i * 270, 250, 320 + i * 270, 390], fill=colour)


def _video_tiles(draw):
    colours = [(40, 110, 160), (200, 80, 80), (60, 140, 100), (230, 170, 40), (120, 80, 160), (90, 160, 190)]
    for i in range(6):
        x = 90 + (i % 3) * 270
        y = 110 + (i // 3) * 230
        draw.rectangle([x, y, x + 240, y + 200], fill=(230, 235, 240))
        draw.ellipse([x + 85, y + 40, x + 155, y + 110], fill=colours[i])
        draw.pieslice([x + 60, y + 110, x + 180, y + 230], 180, 360, fill=colours[i])


def _brochure(draw):
    draw.polygon([(200, 120), (470, 160), (470, 560), (200, 520)], fill=(40, 110, 160))
    draw.polygon([(470, 160), (740, 120), (740, 520), (470, 560)], fill=(60, 140, 100))
    for i in range(6):
        draw.line([(520, 220 + i * 45), (700, 205 + i * 45)], fill=BACKGROUND, width=8)
    draw.ellipse([260, 250, 410, 400], fill=(250, 200, 60))


def _map_pins(draw):
    draw.polygon([(150, 120), (820, 90), (880, 560), (100, 590)], fill=(215, 230, 210))
    for x, y in [(260, 230), (420, 180), (600, 260), (720, 380), (330, 420), (520, 470), (640, 160)]:
        draw.ellipse([x - 28, y - 28, x + 28, y + 28], fill=(200, 60, 60))
        draw.polygon([(x - 20, y + 14), (x + 20, y + 14), (x, y + 60)], fill=(200, 60, 60))


def _path_with_benches(draw):
    draw.polygon([(380, 640), (580, 640), (520, 260), (440, 260)], fill=(200, 190, 170))
    draw.rectangle([0, 0, 960, 260], fill=(200, 225, 240))
    for x, y in [(220, 430), (660, 500)]:
        draw.rectangle([x, y, x + 120, y + 20], fill=(120, 80, 50))
        draw.rectangle([x + 10, y + 20, x + 20, y + 60], fill=(90, 60, 40))
        draw.rectangle([x + 100, y + 20, x + 110, y + 60], fill=(90, 60, 40))
    draw.ellipse([470, 360, 530, 420], fill=(40, 110, 160))  # a wheel
    draw.ellipse([120, 120, 260, 260], fill=(60, 140, 100))
    draw.ellipse([700, 100, 860, 260], fill=(60, 140, 100))


def _notes(draw):
    draw.rectangle([230, 70, 730, 590], fill=(255, 255, 255), outline=(150, 150, 150), width=4)
    for i in range(9):
        draw.line([(280, 150 + i * 48), (680 - (i % 3) * 60, 150 + i * 48)], fill=(120, 120, 140), width=8)
    draw.ellipse([620, 470, 760, 610], fill=(200, 60, 60))


MOTIFS = {
    "houses": _houses,
    "circle": _circle_of_people,
    "screen": _screen,
    "film": _film_strip,
    "tiles": _video_tiles,
    "brochure": _brochure,
    "map": _map_pins,
    "path": _path_with_benches,
    "notes": _notes,
}


def picture(motif: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), BACKGROUND)
    MOTIFS[motif](ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


HOOKS = {"picture": picture}


def _items() -> list[dict]:
    """The news items of the data file: fields, slug, the date as a date, both flags, the picture's alt text."""
    items = []
    for entry in json.loads(DATA_FILE.read_text(encoding="utf-8"))["entries"]:
        if entry.get("type") != "news.NewsPage":
            continue
        fields = entry["fields"]
        items.append(
            {
                **fields,
                "slug": entry["page"].rstrip("/").rpartition("/")[2],
                "date": datetime.date.fromisoformat(fields["date"]),
                "is_example": fields.get("is_example", False),
                "members_only": entry.get("members_only", False),
                "alt": fields["image"][0]["value"]["image"]["alt_text"],
            }
        )
    return items


ITEMS = _items()
CATEGORIES = [
    (entry["fields"]["name"], entry["key"]["slug"])
    for entry in json.loads(DATA_FILE.read_text(encoding="utf-8"))["entries"]
    if entry.get("object") == "news.NewsCategory"
]


def load(stdout) -> None:
    """The news file alone (``load_demo`` loads every app's)."""
    result = load_demo(stdout, only="news")
    if result.created:
        stdout.write(f"  {result.created} Einträge angelegt")
    else:
        stdout.write(f"  {len(ITEMS)} Neuigkeiten bereits vorhanden")
