"""Checks a generated PDF for what assistive technology needs: language, title, tags and a sane structure.

``pdf_accessibility_problems`` returns a list of German-free, developer-facing problem strings; an empty list
means the file passed. The checks cover what can be decided by machine (PDF/UA identification, document
language, displayed title, tagged structure, heading order, alternative text on figures, table header cells);
reading order and the quality of alternative texts still need a person with a screen reader.
"""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

HEADING = re.compile(r"^/H([1-6])$")


def structure_roles(reader: PdfReader) -> list[tuple[str, object]]:
    """The structure elements in reading order as (role, alt text) pairs, e.g. ("/H1", None)."""
    roles: list[tuple[str, object]] = []
    root = reader.trailer["/Root"].get("/StructTreeRoot")
    if root is None:
        return roles

    def walk(node, depth=0):
        node = node.get_object()
        if depth > 200 or not hasattr(node, "get"):
            return
        role = node.get("/S")
        if role is not None:
            roles.append((str(role), node.get("/Alt")))
        kids = node.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            walk(kid, depth + 1)

    walk(root)
    return roles


def pdf_accessibility_problems(raw: bytes, *, title: str, language: str = "de") -> list[str]:
    problems: list[str] = []
    if not raw.startswith(b"%PDF-"):
        return ["not a PDF"]
    reader = PdfReader(io.BytesIO(raw))
    catalog = reader.trailer["/Root"]
    if catalog.get("/Lang") != language:
        problems.append(f"document language is {catalog.get('/Lang')!r}, expected {language!r}")
    metadata_title = (reader.metadata or {}).get("/Title")
    if not metadata_title or title not in str(metadata_title):
        problems.append(f"title {metadata_title!r} does not contain {title!r}")
    preferences = catalog.get("/ViewerPreferences")
    if preferences is None or not bool(preferences.get_object().get("/DisplayDocTitle")):
        problems.append("viewers are not told to show the title instead of the file name (DisplayDocTitle)")
    mark_info = catalog.get("/MarkInfo")
    if mark_info is None or not bool(mark_info.get_object().get("/Marked")):
        problems.append("the PDF is not marked as tagged (MarkInfo/Marked)")
    if "/Metadata" not in catalog or b"pdfuaid:part" not in catalog["/Metadata"].get_object().get_data():
        problems.append("no PDF/UA identification in the XMP metadata")
    roles = structure_roles(reader)
    if not roles:
        problems.append("no structure tree (untagged)")
        return problems
    levels = [int(match.group(1)) for role, _alt in roles if (match := HEADING.match(role))]
    if not levels:
        problems.append("no headings in the structure tree")
    elif levels[0] != 1:
        problems.append(f"the first heading is H{levels[0]}, not H1")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading level skipped: H{before} followed by H{after}")
    for role, alt in roles:
        if role == "/Figure" and not (alt and str(alt).strip()):
            problems.append("a figure without alternative text")
    names = [role for role, _alt in roles]
    if "/Table" in names and "/TH" not in names:
        problems.append("a table without header cells")
    if "/P" not in names:
        problems.append("no paragraphs tagged")
    return problems
