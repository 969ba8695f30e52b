"""The small, accessible block set for StreamFields (home and content pages; Steckbriefe reuse it)."""

import uuid

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .a11y_checks import skipped_heading_positions
from .compare import YesNoBlock

# Headings belong to the heading block so that the outline stays h1 > h2 > h3.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

LINK_TEXT_HELP = _(
    "Linktexte sagen, wohin der Link führt („Programm der Werkstatt als PDF“) – nicht „hier“, „mehr“ oder eine "
    "Internetadresse. Screenreader lesen Links oft ohne den Satz drumherum vor."
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Abschnitt (h2)")), ("h3", _("Unterabschnitt (h3)"))],
        default="h2",
        help_text=_(
            "h2 für Abschnitte, h3 für Unterabschnitte innerhalb eines Abschnitts. Der Seitentitel ist die h1; "
            "eine h3 braucht davor eine h2."
        ),
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "core/blocks/heading.html"
        help_text = _(
            "Überschriften gliedern die Seite wie ein Inhaltsverzeichnis; Screenreader-Nutzende springen darin "
            "von Überschrift zu Überschrift. Keine Ebene überspringen."
        )


IMAGE_HELP = _(
    "Nur Bilder, für die Sie die Nutzungsrechte haben und auf denen abgebildete Personen einverstanden sind. Gut sind "
    "Fotos, die Menschen bei der Maßnahme zeigen, scharf und hell, im Querformat, mindestens 1600 Pixel breit "
    "(JPEG, PNG oder WebP, höchstens 15 MB; SVG geht nicht)."
)
ALT_TEXT_HELP = _(
    "Pflicht: Beschreiben Sie in ein bis zwei Sätzen, was auf dem Bild zu sehen ist und was es hier zeigen soll – "
    "für Menschen, die es nicht sehen. Nicht den Dateinamen, nicht „Bild von …“. Rein schmückende Bilder markieren "
    "Sie stattdessen als dekorativ."
)


ALT_TEXT_MAX = 300


class AltTextImageBlock(ImageBlock):
    """Wagtail's image block (image, "dekorativ", alt text) in German, with help on rights and good photos, and alt
    text required as soon as an image is chosen — for drafts too: an image without a description is a wrong choice,
    not a missing one. Nothing is pre-filled (core.apps)."""

    def __init__(self, required=True, **kwargs):
        kwargs.setdefault("help_text", IMAGE_HELP)
        super().__init__(required=required, **kwargs)
        # "dekorativ" as Wagtail's BooleanBlock, but compared as "Ja"/"Nein" in the revision comparison.
        decorative = YesNoBlock(default=False, required=False)
        decorative.set_name("decorative")
        self.child_blocks["decorative"] = decorative
        image, alt_text = self.child_blocks["image"], self.child_blocks["alt_text"]
        image.label = _("Bild")
        decorative.label = _("Das Bild ist rein dekorativ (kein Alternativtext nötig)")
        alt_text.label = _("Alternativtext")
        alt_text.field.help_text = ALT_TEXT_HELP
        alt_text.field.max_length = ALT_TEXT_MAX
        alt_text.meta.help_text = ALT_TEXT_HELP

    def clean(self, value):
        # Checked before Wagtail's own rule, which would answer first, in the informal "du", and not for drafts.
        # ImageBlock cleans only the image itself, so the alt text's length is checked here too.
        if value and not value.decorative:
            alt_text = (value.contextual_alt_text or "").strip()
            message = None
            if not alt_text:
                message = _(
                    "Bitte beschreiben Sie, was das Bild zeigt (Alternativtext), oder markieren Sie es als dekorativ."
                )
            elif len(alt_text) > ALT_TEXT_MAX:
                message = _("Der Alternativtext darf höchstens %(max)d Zeichen lang sein (jetzt: %(length)d).") % {
                    "max": ALT_TEXT_MAX,
                    "length": len(alt_text),
                }
            if message:
                raise StructBlockValidationError(block_errors={"alt_text": ValidationError(message)})
        return super().clean(value)


class FigureBlock(blocks.StructBlock):
    image = AltTextImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=120)

    def get_preview_value(self):
        from wagtail.images import get_image_model

        image = _first_public(get_image_model())
        if image is None:
            return self.get_default()
        return self.to_python(
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": image.title},
                "caption": _("Bildunterschrift: was das Bild zeigt"),
                "credit": _("Name der Fotografin"),
            }
        )

    class Meta:
        icon = "image"
        label = _("Bild")
        # The collapsed block's heading shows the caption (Wagtail would take the "decorative" box: "Nein").
        label_format = "{caption}"
        template = "core/blocks/figure.html"
        description = _("Ein Bild mit Alternativtext, auf Wunsch mit Bildunterschrift und Bildnachweis.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Zitat"), max_length=600)
    attribution = blocks.CharBlock(label=_("Quelle / Person"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "core/blocks/quote.html"


class LinkTextBlock(blocks.CharBlock):
    """The visible text of a link. The link-text check (``core.a11y_checks``) finds these blocks by their type."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Linktext"))
        kwargs.setdefault("max_length", 80)
        kwargs.setdefault("help_text", _("Sagt, wohin der Link führt – nicht „hier“ oder „mehr“."))
        super().__init__(**kwargs)

    class Meta:
        icon = "link"


class LinkTargetBlock(blocks.StructBlock):
    """A link: its text (``LinkTextBlock``) and where it leads, a page of this site or an address, exactly one of
    the two. Every link block derives from it, so checks find links by this type (``isinstance``), never by the name
    a StreamField gives the block. Fields a subclass adds come first in the editor; ``Meta.link_field_order``
    orders the link's own fields."""

    page = blocks.PageChooserBlock(label=_("Interne Seite"), required=False)
    url = blocks.URLBlock(label=_("Oder externe Adresse"), required=False)
    link_text = LinkTextBlock()

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__(local_blocks, **kwargs)
        link_fields = [name for name in self.meta.link_field_order if name in self.child_blocks]
        others = [name for name in self.child_blocks if name not in link_fields]
        self.child_blocks = {name: self.child_blocks[name] for name in others + link_fields}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Wählen Sie entweder eine interne Seite oder eine Adresse."))}
            )
        return value

    class Meta:
        icon = "link"
        link_field_order = ("page", "url", "link_text")


class CallToActionBlock(LinkTargetBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "core/blocks/call_to_action.html"
        description = _("Ein hervorgehobener Kasten mit Titel, kurzem Text und einer Schaltfläche zu einer Seite.")
        preview_value = {
            "title": _("Mitmachen im Netzwerk"),
            "text": _("Sie planen ein inklusives Quartier? Tauschen Sie sich mit den StadtLaboren aus."),
            "url": "https://example.org/",
            "link_text": _("Zur Anmeldung für Städte"),
        }


# -- files: documents and images -------------------------------------------------------------------------------
def _first_public(model):
    """A file for an editor's block preview: the first one that every visitor may see (never a members-only one)."""
    # deferred: only previews need these; the block module stays free of Wagtail's and auth's models at import time
    from django.contrib.auth.models import AnonymousUser

    from .visibility import visible_files

    return visible_files(AnonymousUser(), model.objects.order_by("pk")).first()


DOCUMENT_HELP = _(
    "Dokumente aus der Sammlung „Nur für Mitglieder“ sehen nur angemeldete Mitglieder; "
    "alle anderen Besucherinnen und Besucher sehen sie nicht."
)


class DocumentBlock(DocumentChooserBlock):
    """One document of a list, shown as a download with type and size (components/downloads_list.html)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Dokument"))
        kwargs.setdefault("help_text", DOCUMENT_HELP)
        super().__init__(**kwargs)

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        return _first_public(get_document_model())

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document.html"
        description = _("Ein Dokument zum Herunterladen, mit Dateityp und Größe.")


class DocumentListBlock(blocks.StreamBlock):
    """The documents of a page's downloads section (event page, Steckbrief); a visitor sees those of them they may
    see, and the section disappears when that is none (core/files.py)."""

    document = DocumentBlock()

    class Meta:
        template = "core/blocks/document_list.html"


class GalleryBlock(blocks.StreamBlock):
    """The figures of a page's image section (event page, Steckbrief); images a visitor may not see are left out,
    and the section disappears when that is all of them (core/files.py)."""

    figure = FigureBlock()

    class Meta:
        template = "core/blocks/gallery.html"


class DownloadListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Überschrift"),
        required=False,
        max_length=120,
        help_text=_("Erscheint als Abschnittsüberschrift (h2)."),
    )
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"), min_num=1)

    def get_preview_value(self):
        from wagtail.documents import get_document_model

        document = _first_public(get_document_model())
        return self.to_python({"heading": _("Unterlagen"), "documents": [document.pk] if document else []})

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "core/blocks/download_list.html"
        description = _("Eine Liste von Dokumenten zum Herunterladen, auf Wunsch mit Überschrift.")


def _cell_text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def _without_spare_cells(data) -> list[list[str]]:
    """The table's cells as text, without the columns and rows the editor left completely empty (the table editor
    starts with spare ones). The first row is kept even if empty, so that an empty header row is reported, not
    silently replaced by the next row. A table without any text becomes []."""
    rows = [[_cell_text(cell) for cell in row or []] for row in data or []]
    if not any(any(row) for row in rows):
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    used_columns = [index for index in range(width) if any(row[index] for row in rows)]
    rows = [[row[index] for index in used_columns] for row in rows]
    return [row for position, row in enumerate(rows) if position == 0 or any(row)]


class AccessibleTableBlock(TableBlock):
    """A data table with a caption and header cells, rendered with KERN's table classes in a scrolling region.

    Refused: no caption, no header cells ("Keine Überschriften"), empty header cells, an empty table. Drafts may be
    saved with the caption or the data still missing (Wagtail defers "required" checks for drafts); a table without
    header cells is refused for drafts too, as it is a wrong choice rather than a missing one.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("table_options", {"startRows": 4, "startCols": 3})
        super().__init__(**kwargs)

    def clean(self, value):
        value = dict(value or {})
        # Wagtail's header choice: "row", "column", "both" or "neither" ("col" in tables saved before Wagtail 6).
        choice = value.get("table_header_choice", "")
        if choice == "col":
            value["table_header_choice"] = choice = "column"
        if choice == "neither":
            raise ValidationError(
                _(
                    "Eine Tabelle braucht Überschriftszellen („Keine Überschriften“ geht nicht): Wählen Sie die erste "
                    "Zeile, die erste Spalte oder beide als Überschrift. Screenreader lesen zu jeder Zelle ihre "
                    "Überschrift vor – ohne sie ist eine Tabelle nur eine Reihe von Werten. Für reine Gestaltung "
                    "nehmen Sie statt einer Tabelle eine Liste."
                )
            )
        if not choice and not self.is_deferred_validation:
            raise ValidationError(
                _("Legen Sie fest, welche Zellen Überschriften sind: die erste Zeile, die erste Spalte oder beide.")
            )
        value["data"] = _without_spare_cells(value.get("data"))
        value = super().clean(value) or value
        if self.is_deferred_validation:
            return value

        problems = []
        if not str(value.get("table_caption") or "").strip():
            problems.append(
                _(
                    "Geben Sie der Tabelle eine Tabellenüberschrift. Sie steht über der Tabelle und sagt, was sie "
                    "zeigt; Screenreader lesen sie vor, bevor sie die Tabelle betreten."
                )
            )
        rows = value["data"]
        if not rows:
            problems.append(_("Die Tabelle ist leer. Tragen Sie Daten ein oder entfernen Sie den Tabellen-Block."))
        else:
            problems.extend(self._header_problems(value, rows))
        if problems:
            raise ValidationError(problems)
        return value

    def _header_problems(self, value, rows):
        problems = []
        first_row = value.get("first_row_is_table_header", False)
        first_col = value.get("first_col_is_header", False)
        if first_row:
            empty = [
                str(index + 1)
                for index, cell in enumerate(rows[0])
                # The top-left cell may stay empty when the first column holds headers too.
                if not _cell_text(cell) and not (first_col and index == 0)
            ]
            if empty:
                problems.append(
                    ngettext(
                        "Die Kopfzeile hat in Spalte %(columns)s keinen Text. Jede Spalte braucht eine Überschrift.",
                        "Die Kopfzeile hat in den Spalten %(columns)s keinen Text. Jede Spalte braucht eine "
                        "Überschrift.",
                        len(empty),
                    )
                    % {"columns": ", ".join(empty)}
                )
            if len(rows) < 2:
                problems.append(_("Die Tabelle hat nur eine Kopfzeile. Tragen Sie darunter Daten ein."))
        if first_col:
            body = rows[1:] if first_row else rows
            offset = 2 if first_row else 1
            empty = [str(index + offset) for index, row in enumerate(body) if not row or not _cell_text(row[0])]
            if empty:
                problems.append(
                    ngettext(
                        "Die erste Spalte ist als Überschrift gewählt, hat aber in Zeile %(rows)s keinen Text.",
                        "Die erste Spalte ist als Überschrift gewählt, hat aber in den Zeilen %(rows)s keinen Text.",
                        len(empty),
                    )
                    % {"rows": ", ".join(empty)}
                )
        return problems

    def render(self, value, context=None):
        if not value:
            return ""
        rows = [[_cell_text(cell) for cell in row] for row in value.get("data") or []]
        first_row = bool(value.get("first_row_is_table_header")) and bool(rows)
        first_col = bool(value.get("first_col_is_header"))
        header = rows[0] if first_row else None
        body = rows[1:] if first_row else rows
        new_context = dict(context or {})
        new_context.update(
            {
                "value": value,
                "caption": str(value.get("table_caption") or "").strip(),
                # Unique per rendering: two tables on a page must not share the id the region is labelled by.
                "caption_id": f"tabelle-{uuid.uuid4().hex[:10]}",
                "header": header,
                "first_col_is_header": first_col,
                "body": body,
            }
        )
        return render_to_string(self.meta.template, new_context)

    def get_searchable_content(self, value):
        content = super().get_searchable_content(value)
        if value and value.get("table_caption"):
            content.insert(0, value["table_caption"])
        return content

    class Meta:
        icon = "table"
        label = _("Tabelle")
        template = "core/blocks/table.html"


BODY_TABLE_HELP = _(
    "Nur für Daten, die man in Zeilen und Spalten vergleicht – nicht zum Gestalten. Pflicht: eine "
    "Tabellenüberschrift und Überschriftszellen in der ersten Zeile und/oder der ersten Spalte. Auf schmalen "
    "Bildschirmen lässt sich die Tabelle seitlich verschieben; halten Sie sie trotzdem schmal."
)


def _renders_h2(child) -> bool:
    """A download list with a heading, or a home-page section (``core/home_sections.py``): both render an h2."""
    if child.block_type == "downloads":
        return bool((child.value.get("heading") or "").strip())
    return bool(getattr(child.block, "renders_section_heading", False))


class BodyStreamBlock(blocks.StreamBlock):
    """The body of home, content and news pages. It follows the page title (h1) directly in every template, so its
    first heading must be an h2 (checked in ``clean``)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="core/blocks/paragraph.html",
        help_text=format_lazy(
            "{} {}",
            _("Fließtext mit Listen und Links. Überschriften fügen Sie als eigenen Block „Überschrift“ ein."),
            LINK_TEXT_HELP,
        ),
    )
    figure = FigureBlock()
    table = AccessibleTableBlock(help_text=BODY_TABLE_HELP)
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    downloads = DownloadListBlock()

    def clean(self, value):
        outline_errors = self.heading_outline_errors(value)
        try:
            cleaned = super().clean(value)
        except StreamBlockValidationError as error:
            if not outline_errors:
                raise
            block_errors = {**outline_errors, **error.block_errors}
            raise StreamBlockValidationError(
                block_errors=block_errors, non_block_errors=error.non_block_errors
            ) from error
        if outline_errors:
            raise StreamBlockValidationError(block_errors=outline_errors)
        return cleaned

    @staticmethod
    def heading_outline_errors(value) -> dict:
        """{index: error} for every h3 heading block with no h2 before it in the stream.

        The page title is the h1 and the stream follows it directly (start level 1); h2 comes from heading blocks
        and from download lists with a heading (rendered as h2), so an h3 is only right inside such a section.
        """
        headings = []  # (stream index, level)
        for index, child in enumerate(value):
            if child.block_type == "heading":
                headings.append((index, 3 if child.value.get("level") == "h3" else 2))
            elif _renders_h2(child):
                headings.append((index, 2))
        errors = {}
        for position in skipped_heading_positions([level for _index, level in headings], start_level=1):
            errors[headings[position][0]] = StructBlockValidationError(
                block_errors={
                    "level": ValidationError(
                        _(
                            "Vor dieser Unterüberschrift (h3) steht noch keine Abschnittsüberschrift (h2). "
                            "Die Gliederung ist: Seitentitel (h1) → Abschnitte (h2) → Unterabschnitte (h3). "
                            "Wählen Sie „Abschnitt (h2)“ oder fügen Sie davor eine h2-Überschrift ein."
                        )
                    )
                }
            )
        return errors
