"""A video with captions and transcript on a page: the part that film pages and the sign language page share.

``CaptionedVideoMixin`` brings three fields (the wagtailmedia video, the WebVTT captions, the transcript),
their checks and the running time; ``CaptionedVideoPageForm`` makes captions, transcript and video required to
publish (a draft may lack them). The field factories let a page type keep the columns but word its own help
texts. The matching template include is ``films/includes/captioned_video.html`` (context from
``presentation.captioned_video_context``); core/media.py serves the caption files after the page's visibility
check (``captions_access``, registered from ``FilmsConfig.ready``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField

from inklusive_quartiere.core.forms import SitePageForm
from inklusive_quartiere.core.media import page_file_access

from .validators import validate_webvtt

TRANSCRIPT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
VIDEO_EXTENSIONS = ("mp4", "m4v")
CAPTIONS_UPLOAD_TO = "films/captions/"

VIDEO_HELP = _(
    "Die Videodatei aus der Medienbibliothek, im Format MP4 (H.264) – das spielen alle Browser ab. "
    "Die Laufzeit kommt aus der Medienbibliothek."
)
CAPTIONS_HELP = _(
    "Pflicht vor dem Veröffentlichen: Untertitel auf Deutsch als WebVTT-Datei (.vtt), die mit der Zeile "
    "„WEBVTT“ beginnt. Als Entwurf können Sie die Seite auch ohne Untertitel speichern."
)
CAPTIONS_BLANK = _("Ohne Untertitel kann der Film nicht veröffentlicht werden.")
TRANSCRIPT_LABEL = _("Transkript")
TRANSCRIPT_HELP = _(
    "Pflicht vor dem Veröffentlichen: alles, was im Film gesagt wird und zu sehen ist, als Text – für "
    "Menschen, die den Film nicht sehen oder hören können."
)
TRANSCRIPT_BLANK = _("Ohne Transkript kann der Film nicht veröffentlicht werden.")


def running_time_label(seconds: float | None) -> str:
    """'45 Sek.' or '2:05 Min.' (empty when unknown)."""
    if not seconds or seconds <= 0:
        return ""
    total = round(seconds)
    if total < 60:
        return _("%(s)d Sek.") % {"s": max(total, 1)}
    return _("%(m)d:%(s)02d Min.") % {"m": total // 60, "s": total % 60}


def iso_duration(seconds: float | None) -> str:
    """ISO 8601 duration for <time datetime=…> ('PT2M5S')."""
    if not seconds or seconds <= 0:
        return ""
    total = max(round(seconds), 1)
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


# -- fields (factories, so that a page type can word its own help texts on the same columns) --------------
def video_field(help_text=VIDEO_HELP) -> models.ForeignKey:
    return models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("Video"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "video"},
        help_text=help_text,
        error_messages={"blank": _("Bitte wählen Sie das Video aus der Medienbibliothek.")},
    )


def captions_field(help_text=CAPTIONS_HELP, blank_message=CAPTIONS_BLANK) -> models.FileField:
    return models.FileField(
        _("Untertitel (WebVTT-Datei)"),
        upload_to=CAPTIONS_UPLOAD_TO,
        max_length=255,
        validators=[
            FileExtensionValidator(
                ["vtt"], message=_("Bitte laden Sie die Untertitel als WebVTT-Datei mit der Endung .vtt hoch.")
            ),
            validate_webvtt,
        ],
        help_text=help_text,
        error_messages={"blank": blank_message},
    )


def transcript_field(
    help_text=TRANSCRIPT_HELP, blank_message=TRANSCRIPT_BLANK, verbose_name=TRANSCRIPT_LABEL
) -> RichTextField:
    return RichTextField(
        verbose_name,
        features=TRANSCRIPT_FEATURES,
        help_text=help_text,
        error_messages={"blank": blank_message},
    )


class CaptionedVideoMixin(models.Model):
    """A self-hosted video with German captions and a transcript. Mix in before ``Page``.

    Put ``FieldPanel("captions", required_on_save=False)`` in the panels (a file field would otherwise be
    required for drafts too) and use a ``CaptionedVideoPageForm`` as ``base_form_class``.
    """

    video = video_field()
    captions = captions_field()
    transcript = transcript_field()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = self.validation_errors()
        if errors:
            raise ValidationError(errors)

    def validation_errors(self) -> dict:
        """Field name → message; page types add their own checks by extending this."""
        errors = {}
        video = self.video if self.video_id else None
        if video is not None:
            if video.type != "video":
                errors["video"] = _("Das gewählte Medium ist eine Audiodatei. Bitte wählen Sie ein Video.")
            elif video.file_extension.lower() not in VIDEO_EXTENSIONS:
                errors["video"] = _(
                    "Das Video muss eine MP4-Datei (H.264) sein, damit es in allen Browsern läuft (jetzt: %(ext)s)."
                ) % {"ext": video.file_extension or "?"}
        return errors

    @property
    def duration_seconds(self) -> float:
        return (self.video.duration or 0) if self.video_id and self.video else 0

    @property
    def running_time(self) -> str:
        return running_time_label(self.duration_seconds)

    @property
    def running_time_iso(self) -> str:
        return iso_duration(self.duration_seconds)


class CaptionedVideoPageForm(SitePageForm):
    """Clear German messages for what publishing needs (Wagtail defers "required" checks for drafts)."""

    required_messages: dict = {
        "captions": _(
            "Ohne Untertitel kann der Film nicht veröffentlicht werden. Bitte laden Sie die Untertitel als "
            "WebVTT-Datei (.vtt) hoch. Als Entwurf können Sie die Seite auch ohne Untertitel speichern."
        ),
        "transcript": _(
            "Ohne Transkript kann der Film nicht veröffentlicht werden. Bitte schreiben Sie auf, was im Film "
            "gesagt wird und zu sehen ist."
        ),
        "video": _("Bitte wählen Sie das Video aus der Medienbibliothek."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message


def captions_access(user, name: str):
    """Captions under films/captions/ (core/media.py asks): visible with the film page or the sign language page
    whose ``captions`` field holds the file."""
    from .models import FilmPage, SignLanguagePage  # deferred: the models import this module

    for model in (FilmPage, SignLanguagePage):
        owners = model.objects.filter(captions=name)
        if owners.exists():
            return page_file_access(user, owners)
    raise Http404
