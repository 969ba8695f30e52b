"""Subsets the self-hosted Fira Sans faces to the characters German text and this site use (``make frontend``).

KERN UX ships Fira Sans with 1,700 characters (Greek, Cyrillic, Vietnamese …) at ~135 KB per face; the subset keeps
Basic Latin, Latin-1, Latin Extended-A (names such as Łódź, Şahin, Dvořák in editors' texts) and the punctuation
German typography needs, at ~15 KB per face. A character outside the subset is not lost: the browser draws it from
the next font of the stack (system sans-serif).

``tests/test_fonts.py`` collects every character of the templates, the German catalogue and the demo content and
fails when one is neither in the subset nor in ``FALLBACK`` below: add it to ``EXTRA_CHARACTERS`` (or, when Fira Sans
has no glyph for it, to ``FALLBACK``) and rebuild.

Run: ``python -m inklusive_quartiere.core.fonts`` (the Makefile's ``frontend`` target does, after ``npm run build``).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
BASE_DIR = PROJECT_DIR.parent
SOURCE_DIR = BASE_DIR / "node_modules" / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
TARGET_DIR = PROJECT_DIR / "built" / "static" / "fonts"
# Only the weights the design uses (regular, italic, semibold, bold); frontend/scss/_fonts.scss declares them.
FACES = ("Regular", "Italic", "SemiBold", "Bold")

RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement: umlauts, ß, « », ·, ×, §, °, non-breaking space
    (0x0100, 0x017F),  # Latin Extended-A: names from Polish, Czech, Turkish, Hungarian …
)
EXTRA_CHARACTERS = (
    "€"  # euro sign
    "„“‚‘”’‹›"  # German and English quotation marks
    "–—…•−"  # dashes, ellipsis, bullet, minus
    "→←↑↓×"  # arrows, multiplication sign
    "ẞ"  # capital sharp s
    "\u200b\u00ad"  # zero-width space, soft hyphen
    "™©®"
)
# Characters the site may use that Fira Sans has no glyph for, so no subset can contain them: the browser (and
# WeasyPrint) take them from the next font of the stack. Emoji are drawn by the system's emoji font.
FALLBACK = frozenset(
    "✓✔✗"  # check marks
    "▾▸"  # small triangles (the submenu toggle of the main navigation)
    "\u202f\u2009\u2011"  # narrow no-break space, thin space, non-breaking hyphen
    "\ufe0f\U0001f44b\U0001f642"  # emoji variation selector, emoji
)
# OpenType layout features kept (besides the subsetter's defaults: kern, liga, calt, ccmp, locl, mark, mkmk …):
# tabular and lining figures for tables and numbers.
EXTRA_FEATURES = ("tnum", "pnum", "lnum")


def unicodes() -> list[int]:
    codepoints = {cp for first, last in RANGES for cp in range(first, last + 1)}
    codepoints.update(ord(char) for char in EXTRA_CHARACTERS)
    return sorted(codepoints)


def subset_face(source: Path, target: Path) -> None:
    from fontTools import subset  # a build-time dependency only; importing it costs ~0.2 s

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = [*options.layout_features, *EXTRA_FEATURES]
    options.name_IDs = ["*"]  # keep the licence and the names (SIL Open Font License: the name table stays)
    options.name_languages = ["*"]
    options.hinting = False  # browsers on screens of today do not need TrueType hinting
    options.desubroutinize = True  # compresses better in WOFF2
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes())
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    subset.save_font(font, str(temporary), options)
    temporary.replace(target)


def build(source_dir: Path = SOURCE_DIR, target_dir: Path = TARGET_DIR) -> dict[str, int]:
    """Write the subset WOFF2 faces; returns their sizes in bytes."""
    sizes = {}
    for face in FACES:
        source = source_dir / f"FiraSans-{face}.woff2"
        if not source.exists():
            raise FileNotFoundError(f"{source} is missing: run `npm ci` (make frontend does)")
        target = target_dir / source.name
        subset_face(source, target)
        sizes[target.name] = target.stat().st_size
    return sizes


def main() -> int:
    # fontTools warns about a flag of the original fonts' OS/2 table (version 3) on every face; nothing to act on.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    for name, size in build().items():
        sys.stdout.write(f"subset {TARGET_DIR / name} ({size} bytes)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
