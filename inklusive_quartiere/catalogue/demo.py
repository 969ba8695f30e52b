"""The catalogue page at /steckbriefe/ (and the search index, if pages were published before it existed)."""

from inklusive_quartiere.core.demo_support import ensure_child
from inklusive_quartiere.core.models import HomePage

from .indexing import rebuild_index
from .models import CataloguePage, SearchDocument


def load(stdout) -> None:
    home = HomePage.objects.get()
    ensure_child(
        home,
        CataloguePage,
        "steckbriefe",
        title="Steckbriefe",
        show_in_menus=True,
        intro="Was haben Städte in ihren Quartieren ausprobiert – und was lässt sich übertragen? Suchen Sie nach "
        "Stichworten oder grenzen Sie nach Thema, Zielgruppe, Stadtgröße, Kosten und Stand ein.",
    )
    if not SearchDocument.objects.exists():
        rebuild_index()
    stdout.write(f"  Katalog bereit ({SearchDocument.objects.count()} Seiten im Suchindex)")
