"""Code-only parts of the core demo content (the content itself: demo_content/*.json, docs/demo-content.md).

What stays code: replacing Wagtail's welcome page, pointing the default site at the home page, and the PDF of
the final brochure (generated here as a stand-in for the real one).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page, Site

BROCHURE_HTML = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<style>body {{ font-family: sans-serif; margin: 2cm; }} h1 {{ font-size: 20pt; }}</style></head><body>
<h1>StadtLabore zur inklusiven Quartiersentwicklung</h1>
<p><strong>Beispieldokument:</strong> Diese Datei steht für die gedruckte und als PDF veröffentlichte
Abschlussbroschüre des Projekts. Der Text ist ein Platzhalter der Demo-Inhalte.</p>
<h2>Was die Broschüre enthält</h2>
<p>Einen Überblick über die neun StadtLabore und die sieben StadtLabore vor Ort, die Themen der Experimentier-
und Lernwerkstätten und eine Auswahl von Steckbriefen, die sich auf andere Kommunen übertragen lassen.</p>
</body></html>"""


def remove_welcome_page(loader) -> None:
    """Wagtail's first migration creates a welcome page; the demo's home page takes its place."""
    if loader.home() is None:
        Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()


def default_site(loader, site_name: str | None = None) -> None:
    site_name = site_name or settings.WAGTAIL_SITE_NAME
    home = loader.home()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site_name
        site.save()


def brochure_pdf(title: str) -> bytes:
    """The final brochure as a small tagged PDF (PDF/UA-1), drawn by WeasyPrint."""
    from weasyprint import HTML

    return HTML(string=BROCHURE_HTML.format(title=title)).write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)


# -- illustrations: invented neighbourhood scenes, drawn here (never photos, never downloaded) ---------------
SKY, GROUND, PATH = (226, 236, 242), (214, 228, 206), (226, 214, 190)
HOUSE_COLOURS = [(201, 214, 227), (236, 214, 180), (214, 226, 204), (231, 200, 190), (220, 210, 232), (245, 232, 200)]
ROOF, WINDOW, DOOR = (120, 88, 76), (60, 84, 112), (92, 70, 60)
TREE, TREE_DARK, TRUNK, BENCH = (120, 170, 120), (90, 140, 100), (110, 84, 66), (150, 108, 78)
PEOPLE = [(40, 96, 150), (186, 92, 70), (70, 130, 96), (200, 150, 60), (120, 90, 160)]
SCALE = 2  # drawn twice the size, then scaled down: smooth edges


def _house(draw, x, base, width, height, colour, rng):
    s = SCALE
    draw.rectangle([x * s, (base - height) * s, (x + width) * s, base * s], fill=colour)
    draw.polygon(
        [
            ((x - 12) * s, (base - height) * s),
            ((x + width / 2) * s, (base - height - width * 0.45) * s),
            ((x + width + 12) * s, (base - height) * s),
        ],
        fill=ROOF,
    )
    for row in range(max(1, int(height // 110))):
        for col in range(max(1, int(width // 80))):
            wx = x + 22 + col * 80
            wy = base - height + 30 + row * 110
            if wy + 50 < base - 70 and wx + 36 < x + width - 10:
                draw.rectangle([wx * s, wy * s, (wx + 36) * s, (wy + 48) * s], fill=WINDOW)
    door = x + width / 2 - 22 + rng.choice([-30, 0, 30])
    draw.rectangle([door * s, (base - 80) * s, (door + 44) * s, base * s], fill=DOOR)


def _tree(draw, x, base, size):
    s = SCALE
    draw.rectangle([(x - 8) * s, (base - size) * s, (x + 8) * s, base * s], fill=TRUNK)
    r = size * 0.55
    draw.ellipse([(x - r) * s, (base - size - r) * s, (x + r) * s, (base - size + r) * s], fill=TREE)
    draw.ellipse(
        [(x - r * 0.5) * s, (base - size - r * 0.9) * s, (x + r * 0.7) * s, (base - size + r * 0.2) * s], fill=TREE_DARK
    )


def _bench(draw, x, base):
    s = SCALE
    draw.rectangle([x * s, (base - 46) * s, (x + 130) * s, (base - 36) * s], fill=BENCH)
    draw.rectangle([x * s, (base - 74) * s, (x + 130) * s, (base - 64) * s], fill=BENCH)
    for leg in (x + 10, x + 112):
        draw.rectangle([leg * s, (base - 46) * s, (leg + 8) * s, base * s], fill=BENCH)


def _person(draw, x, base, height, colour, cane=False):
    s = SCALE
    head = height * 0.16
    draw.ellipse(
        [(x - head) * s, (base - height) * s, (x + head) * s, (base - height + 2 * head) * s], fill=(222, 180, 150)
    )
    draw.rounded_rectangle(
        [(x - head * 1.3) * s, (base - height + 2.3 * head) * s, (x + head * 1.3) * s, (base - height * 0.35) * s],
        radius=int(head * s),
        fill=colour,
    )
    draw.rectangle(
        [(x - head * 0.9) * s, (base - height * 0.36) * s, (x + head * 0.9) * s, base * s], fill=(70, 70, 90)
    )
    if cane:
        draw.line(
            [((x + head * 2) * s, (base - height * 0.55) * s), ((x + head * 2.4) * s, base * s)],
            fill=(70, 60, 50),
            width=6 * s,
        )


def illustration(motif: str = "street", seed: int = 1, width: int = 1600, height: int = 900) -> bytes:
    """An invented, calm neighbourhood scene as PNG (houses, trees, benches, a path, people): the demo's lead
    images. Marked as invented illustrations where they are used (image title, credit)."""
    import io
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(f"{motif}-{seed}")  # noqa: S311 (a drawing, not a secret)
    s = SCALE
    image = Image.new("RGB", (width * s, height * s), SKY)
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.68)
    draw.rectangle([0, horizon * s, width * s, height * s], fill=GROUND)
    sun_x = rng.randint(int(width * 0.6), int(width * 0.9))
    draw.ellipse([(sun_x - 60) * s, 60 * s, (sun_x + 60) * s, 180 * s], fill=(250, 226, 150))
    if motif in ("street", "square", "town"):
        x = rng.randint(-40, 20)
        while x < width:
            w = rng.randint(170, 260)
            h = rng.randint(200, 380) if motif != "town" else rng.randint(160, 300)
            _house(draw, x, horizon, w, h, rng.choice(HOUSE_COLOURS), rng)
            x += w + rng.randint(30, 90)
        if motif == "town":  # a church tower among the roofs
            tx = rng.randint(int(width * 0.3), int(width * 0.6))
            draw.rectangle([tx * s, (horizon - 480) * s, (tx + 80) * s, horizon * s], fill=(225, 220, 210))
            draw.polygon(
                [
                    (tx * s, (horizon - 480) * s),
                    ((tx + 40) * s, (horizon - 600) * s),
                    ((tx + 80) * s, (horizon - 480) * s),
                ],
                fill=ROOF,
            )
    # the path: a band across the ground, curving in the park and the garden
    if motif in ("park", "garden"):
        for i in range(0, width, 8):
            y = horizon + 90 + 60 * ((i / width) - 0.5) ** 2 * 4
            draw.ellipse([i * s, (y - 36) * s, (i + 60) * s, (y + 36) * s], fill=PATH)
    else:
        draw.rectangle([0, (horizon + 10) * s, width * s, (horizon + 110) * s], fill=PATH)
    if motif == "garden":
        for row in range(3):
            bx = 140 + row * 420
            draw.rounded_rectangle(
                [bx * s, (horizon + 170) * s, (bx + 320) * s, (horizon + 250) * s], radius=20 * s, fill=(150, 118, 90)
            )
            for plant in range(6):
                px = bx + 30 + plant * 50
                draw.ellipse([px * s, (horizon + 140) * s, (px + 36) * s, (horizon + 190) * s], fill=TREE)
    trees = {"park": 6, "garden": 3, "square": 2, "street": 3, "town": 2}.get(motif, 3)
    for i in range(trees):
        tx = int((i + 0.5) * width / trees) + rng.randint(-60, 60)
        _tree(draw, tx, horizon + (0 if motif in ("street", "town") else rng.randint(-20, 30)), rng.randint(150, 240))
    for _bench_number in range(2 if motif in ("park", "square", "street") else 1):
        _bench(draw, rng.randint(80, width - 250), horizon + 100)
    for i in range(rng.randint(3, 5)):
        px = rng.randint(120, width - 120)
        _person(draw, px, horizon + rng.randint(70, 180), rng.randint(150, 190), rng.choice(PEOPLE), cane=i == 0)
    image = image.resize((width, height), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def home_body(loader, body: list) -> None:
    """The home page's sections. The home page is loaded first (from core: every page hangs below it), its body
    here, once the Steckbriefe it chooses exist. Like every entry: set when empty, brought back with ``--update``,
    otherwise an editor's arrangement stays."""
    home = loader.home().specific
    empty = not list(home.body.raw_data)
    if not (empty or loader.update) or not loader.differs(home, "body", body):
        return
    home.body = loader.field_values(type(home), {"body": body})["body"]
    home.save_revision().publish()


HOOKS = {
    "remove_welcome_page": remove_welcome_page,
    "default_site": default_site,
    "brochure_pdf": brochure_pdf,
    "illustration": illustration,
    "home_body": home_body,
}
