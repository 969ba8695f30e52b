"""The PDF's TrueType fonts: rebuilt when stale at build time (make frontend), only filled in when missing at run
time — an installed package's file times say nothing, and its directory may be read-only."""

import os
import shutil

from django.conf import settings
from fontTools.ttLib import TTFont

from inklusive_quartiere.core import fonts
from inklusive_quartiere.steckbriefe import pdf


def test_run_time_converts_missing_fonts_only_and_build_time_rebuilds_stale_ones(tmp_path, monkeypatch):
    web, ttf = tmp_path / "fonts", tmp_path / "pdf-fonts"
    web.mkdir()
    shutil.copy(settings.FRONTEND_BUILD_DIR / "static" / "fonts" / "FiraSans-Regular.woff2", web)
    monkeypatch.setattr(pdf, "WEB_FONT_DIR", web)
    monkeypatch.setattr(pdf, "FONT_DIR", ttf)

    pdf.ensure_pdf_fonts(rebuild_stale=False)
    target = ttf / "FiraSans-Regular.ttf"
    assert target.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font

    target.write_bytes(b"shipped")  # as installed: older than the web font, or not
    old = (web / "FiraSans-Regular.woff2").stat().st_mtime - 60
    os.utime(target, (old, old))
    pdf.ensure_pdf_fonts(rebuild_stale=False)
    assert target.read_bytes() == b"shipped"
    pdf.ensure_pdf_fonts()
    assert target.read_bytes()[:4] == b"\x00\x01\x00\x00"


def test_the_fonts_come_from_the_built_front_end_inside_the_package():
    assert pdf.FONT_DIR == settings.FRONTEND_BUILD_DIR / "pdf-fonts"
    assert settings.FRONTEND_BUILD_DIR.parent.name == "inklusive_quartiere"
    assert (pdf.FONT_DIR / "FiraSans-Regular.ttf").exists(), "run `make frontend`"


def test_the_pdf_fonts_are_made_from_the_subset_web_fonts():
    """core/fonts.py subsets the web fonts (docs/front-end.md); the PDF's TrueType copies are converted from them."""
    pdf.ensure_pdf_fonts()
    for face in fonts.FACES:
        web = TTFont(pdf.WEB_FONT_DIR / f"FiraSans-{face}.woff2").getBestCmap()
        ttf = TTFont(pdf.FONT_DIR / f"FiraSans-{face}.ttf").getBestCmap()
        assert set(ttf) == set(web), f"FiraSans-{face}.ttf is not the TrueType copy of the web font"
        assert {ord("ẞ"), ord("€"), ord("„"), ord("ä")} <= set(ttf)
        assert len(ttf) < 500, f"FiraSans-{face}.ttf has {len(ttf)} characters: made from the full font?"
