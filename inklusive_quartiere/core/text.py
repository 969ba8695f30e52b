from django.utils.text import slugify


def german_slug(text: str) -> str:
    """A URL slug that spells umlauts and ß the German way (ä → ae, ß → ss)."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
    return slugify(text.translate(table))
