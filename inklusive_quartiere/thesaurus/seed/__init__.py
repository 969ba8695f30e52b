"""The seed list: ``thesaurus.txt``, one entry per line ("term | synonyms; … | narrower; …")."""

from __future__ import annotations

from pathlib import Path

from ..terms import term_key

SEED_FILE = Path(__file__).parent / "thesaurus.txt"


def seed_entries(path: Path = SEED_FILE) -> list[dict[str, str]]:
    """The entries of the seed file: a term written twice is one entry; a term repeated inside one is dropped."""
    entries: dict[str, dict[str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, synonyms, narrower = ([*line.split("|"), "", ""])[:3]
        term = term.strip()
        entry = entries.setdefault(term.lower(), {"term": term, "synonyms": [], "narrower": []})
        for field, text in (("synonyms", synonyms), ("narrower", narrower)):
            entry[field] += [t.strip() for t in text.split(";") if t.strip()]
    result = []
    for entry in entries.values():
        seen = {term_key(entry["term"])}
        lines = {}
        for field in ("synonyms", "narrower"):
            kept = []
            for text in entry[field]:
                key = term_key(text)
                if key and key not in seen:
                    seen.add(key)
                    kept.append(text)
            lines[field] = "\n".join(kept)
        result.append({"term": entry["term"], **lines})
    return result
