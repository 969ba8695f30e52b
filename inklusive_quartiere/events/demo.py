"""Code-only part of the events demo: the pictures of the workshops (drawn here, never downloaded).

The events themselves are data (demo_content/10-events.json, docs/demo-content.md). Real (from the project's
public facts): the workshop topics, the inclusion workshop in Freiburg on 22 October 2019, the digitalisation
webinar in May 2020 (day unknown), the online closing event on 25 November 2020, the three topics planned for the
second half of 2020, and the format of the day. Where no date is known the page says so; no day is invented.
Invented (``is_example``): programmes, inputs, findings, files and images, a public online consultation hour and
a members-only network meeting (both dated relative to the day of loading).
"""

from __future__ import annotations

import io
import math


def picture(kind: str) -> bytes:
    """Simple generated pictures (shapes only): demo images are drawn here, never downloaded."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), (246, 244, 238))
    draw = ImageDraw.Draw(image)
    if kind == "pinboards":
        colours = [(241, 196, 15), (93, 173, 226), (88, 214, 141), (245, 176, 65), (236, 112, 99)]
        for board in range(3):
            left = 60 + board * 300
            draw.rectangle([left, 120, left + 240, 520], fill=(250, 250, 250), outline=(120, 120, 120), width=4)
            for row in range(4):
                for col in range(2):
                    x, y = left + 20 + col * 110, 150 + row * 90
                    draw.rectangle([x, y, x + 90, y + 60], fill=colours[(board + row + col) % len(colours)])
    elif kind == "circle":
        draw.ellipse([380, 220, 580, 420], fill=(160, 110, 70))
        for seat in range(12):
            angle = 2 * math.pi * seat / 12
            x, y = 480 + 250 * math.cos(angle), 320 + 250 * math.sin(angle)
            draw.rectangle([x - 28, y - 28, x + 28, y + 28], fill=(40, 110, 160))
    else:  # "screen": a video conference with nine tiles
        draw.rectangle([120, 60, 840, 520], fill=(40, 44, 52))
        draw.rectangle([420, 520, 540, 580], fill=(90, 90, 90))
        for row in range(3):
            for col in range(3):
                x, y = 150 + col * 225, 90 + row * 140
                draw.rectangle([x, y, x + 205, y + 120], fill=(70 + 30 * row, 120 + 20 * col, 150))
                draw.ellipse([x + 80, y + 25, x + 125, y + 70], fill=(240, 220, 190))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


HOOKS = {"picture": picture}
