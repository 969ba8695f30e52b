"""The upload forms of the image library (``WAGTAILIMAGES_IMAGE_FORM_BASE``), the media library
(``WAGTAILMEDIA["MEDIA_FORM_BASE"]``) and the document library (``WAGTAILDOCS_DOCUMENT_FORM_BASE``): every way into
them — the add view, the multiple upload, the chooser's upload tab, the edit view — builds its form from these bases.
What each kind may contain is decided in ``core.upload_types``.

Images: Wagtail checks extension, format, file size and pixel count, but lets two kinds of file through to a server
error or a broken picture:

- a "decompression bomb" (a tiny file declaring, say, 20 000 × 20 000 pixels): Pillow refuses to open it
  (``DecompressionBombError``) inside Wagtail's pixel check, which answered 500;
- a damaged file whose header is fine (a truncated PNG or JPEG): accepted, and shown half grey — after WeasyPrint
  has rendered a PDF in the same process, Pillow tolerates truncated files everywhere
  (``ImageFile.LOAD_TRUNCATED_IMAGES``), so the rendition does not even fail.

Both now get a German message on the file field, and nothing is stored. ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (settings)
stays below Pillow's own warning threshold, so every accepted image decodes without Pillow objecting.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .upload_types import check_document, check_media_file, check_thumbnail


@contextmanager
def strict_decoding():
    """Pillow refuses truncated files while the block runs, whatever another library set for the process."""
    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous


class SiteImageField(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["damaged_image"] = _(
            "Die Datei ist beschädigt oder unvollständig und lässt sich nicht als Bild öffnen. Bitte speichern Sie das "
            "Bild neu (z. B. als JPEG oder PNG) und laden Sie es noch einmal hoch."
        )

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except PILImage.DecompressionBombError as error:
            # Pillow refuses before Wagtail can count: far more pixels than the limit.
            found = re.search(r"\((\d+) pixels\)", str(error))
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": found[1] if found else "?", "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            ) from error
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - the header looked like an image, Pillow cannot read it
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from error

    def check_image_decodes(self, f):
        """Decode every pixel once, as the first rendition will: a damaged file is refused now, not shown broken."""
        try:
            with strict_decoding():
                f.image.get_pillow_image().load()
        except Exception as error:  # noqa: BLE001 - whatever Pillow raises, the file is not a usable image
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from error
        finally:
            if hasattr(f, "seek") and callable(f.seek):
                f.seek(0)

    def to_python(self, data):
        f = super().to_python(data)  # extension, format, size and pixel count first: never decode a bomb
        if f is not None:
            self.check_image_decodes(f)
        return f


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, SiteImageField):
            # Wagtail builds the field itself (formfield_callback); keep its label, widget and settings.
            self.fields["file"] = SiteImageField(
                label=field.label, required=field.required, widget=field.widget, help_text=field.help_text
            )


# -- media items and documents: their content is checked too (core/upload_types.py) -----------------------------
class SiteMediaForm(BaseMediaForm):
    """wagtailmedia's form (``WAGTAILMEDIA["MEDIA_FORM_BASE"]``) for the add, edit and chooser upload views: the file
    must be a real video or audio container of the chosen kind, the thumbnail a raster image. Wagtailmedia itself
    checks only the extensions, and its generic ``media/add/`` address (no kind) none at all."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            # The generic add view creates items of type "media"; the file decides whether it is video or audio.
            self.instance.type = check_media_file(upload, self.instance.type)
        return upload

    def clean_thumbnail(self):
        upload = self.cleaned_data.get("thumbnail")
        if isinstance(upload, UploadedFile):
            check_thumbnail(upload)
        return upload

    def _post_clean(self):
        # A refused file is not put on the item, and wagtailmedia's model check would then add a second, confusing
        # error about a file without name ("Dateiendung „“ ist nicht erlaubt"). The form is invalid either way.
        if self.has_error("file") or self.has_error("thumbnail"):
            return
        super()._post_clean()


class SiteDocumentForm(BaseDocumentForm):
    """The document library's form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``; add, multiple upload, chooser, edit): the
    content must be what the extension promises."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_document(upload)
        return upload
