"""Films hosted on the platform itself: the film page (video, captions, transcript) and the film overview.

The video file is a wagtailmedia ``Media`` item (its collection decides who may load it, core/media.py); the
captions are a WebVTT file stored with the page (visible to whoever may see the page). A YouTube copy can be
linked, but is only ever loaded after the visitor has asked for it on a page of its own (``extern/``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtailmedia.edit_handlers import MediaChooserPanel

from inklusive_quartiere.core.models import ExampleContentMixin
from inklusive_quartiere.core.text import SUMMARY_MAX, summary_length_error

from .forms import FilmPageForm
from .validators import validate_webvtt, validate_youtube_url, youtube_id

TRANSCRIPT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
VIDEO_EXTENSIONS = ("mp4", "m4v")
YOUTUBE_EMBED_ORIGIN = "https://www.youtube-nocookie.com"


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


class FilmIndexPage(ExampleContentMixin, Page):
    """ "Filme": every film the visitor may see."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein bis drei Sätze über die Filme; erscheinen groß unter dem Titel."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["films.FilmPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Filmübersicht")
        verbose_name_plural = _("Filmübersichten")

    def get_context(self, request, *args, **kwargs):
        from .presentation import film_cards

        context = super().get_context(request, *args, **kwargs)
        context["films"] = film_cards(request.user, FilmPage.objects.child_of(self))
        return context


class FilmPage(RoutablePageMixin, ExampleContentMixin, Page):
    summary = models.TextField(
        _("Kurzbeschreibung"),
        max_length=SUMMARY_MAX,
        help_text=_("Höchstens 300 Zeichen: Worum geht es im Film? Erscheint in der Filmübersicht und in der Suche."),
        error_messages={"blank": _("Bitte schreiben Sie eine Kurzbeschreibung des Films.")},
    )
    video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("Video"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": "video"},
        help_text=_(
            "Die Videodatei aus der Medienbibliothek, im Format MP4 (H.264) – das spielen alle Browser ab. "
            "Die Laufzeit kommt aus der Medienbibliothek."
        ),
        error_messages={"blank": _("Bitte wählen Sie das Video aus der Medienbibliothek.")},
    )
    captions = models.FileField(
        _("Untertitel (WebVTT-Datei)"),
        upload_to="films/captions/",
        max_length=255,
        validators=[
            FileExtensionValidator(
                ["vtt"], message=_("Bitte laden Sie die Untertitel als WebVTT-Datei mit der Endung .vtt hoch.")
            ),
            validate_webvtt,
        ],
        help_text=_(
            "Pflicht vor dem Veröffentlichen: Untertitel auf Deutsch als WebVTT-Datei (.vtt), die mit der Zeile "
            "„WEBVTT“ beginnt. Als Entwurf können Sie die Seite auch ohne Untertitel speichern."
        ),
        error_messages={"blank": _("Ohne Untertitel kann der Film nicht veröffentlicht werden.")},
    )
    transcript = RichTextField(
        _("Transkript"),
        features=TRANSCRIPT_FEATURES,
        help_text=_(
            "Pflicht vor dem Veröffentlichen: alles, was im Film gesagt wird und zu sehen ist, als Text – für "
            "Menschen, die den Film nicht sehen oder hören können."
        ),
        error_messages={"blank": _("Ohne Transkript kann der Film nicht veröffentlicht werden.")},
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Vorschaubild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird vor dem Abspielen und in der Filmübersicht gezeigt. Querformat 16:9."),
    )
    poster_alt = models.CharField(
        _("Alternativtext des Vorschaubilds"),
        max_length=250,
        blank=True,
        help_text=_("Beschreiben Sie, was das Vorschaubild zeigt – Pflicht, wenn ein Vorschaubild gewählt ist."),
    )
    city = models.ForeignKey(
        "cities.CityPage",
        verbose_name=_("Stadt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="films",
        help_text=_("Leer lassen bei Filmen über das ganze Netzwerk (z. B. Trailer oder Abschlussfilm)."),
    )
    external_url = models.URLField(
        _("Derselbe Film auf YouTube (optional)"),
        blank=True,
        validators=[validate_youtube_url],
        help_text=_(
            "Adresse des Videos auf YouTube. Es wird nie automatisch geladen: Besucherinnen und Besucher sehen "
            "erst einen Datenschutzhinweis und entscheiden selbst."
        ),
    )

    base_form_class = FilmPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                MediaChooserPanel("video", media_type="video"),
                FieldPanel("captions", required_on_save=False),
                FieldPanel("transcript"),
            ],
            heading=_("Film, Untertitel und Transkript"),
        ),
        MultiFieldPanel([FieldPanel("poster"), FieldPanel("poster_alt")], heading=_("Vorschaubild")),
        FieldPanel("city"),
        FieldPanel("external_url"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Film")),
            ObjectList(Page.promote_panels, heading=_("Auffindbarkeit")),
            ObjectList(settings_panels, heading=_("Einstellungen")),
        ]
    )

    parent_page_types = ["films.FilmIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Film")
        verbose_name_plural = _("Filme")

    # -- validation -------------------------------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if message := summary_length_error(self.summary, SUMMARY_MAX):
            errors["summary"] = message
        video = self.video if self.video_id else None
        if video is not None:
            if video.type != "video":
                errors["video"] = _("Das gewählte Medium ist eine Audiodatei. Bitte wählen Sie ein Video.")
            elif video.file_extension.lower() not in VIDEO_EXTENSIONS:
                errors["video"] = _(
                    "Das Video muss eine MP4-Datei (H.264) sein, damit es in allen Browsern läuft (jetzt: %(ext)s)."
                ) % {"ext": video.file_extension or "?"}
        if errors:
            raise ValidationError(errors)

    # -- presentation helpers ---------------------------------------------------------------------------
    @property
    def youtube_id(self) -> str | None:
        return youtube_id(self.external_url)

    @property
    def duration_seconds(self) -> float:
        return (self.video.duration or 0) if self.video_id and self.video else 0

    @property
    def running_time(self) -> str:
        return running_time_label(self.duration_seconds)

    @property
    def running_time_iso(self) -> str:
        return iso_duration(self.duration_seconds)

    def search_fields_text(self) -> dict[str, str]:
        """What the site search reads (catalogue/indexing.py): title, summary, transcript and city as body."""
        body = [strip_tags(self.transcript or "")]
        if self.city_id and self.city:
            body.append(self.city.title)
        return {"title": self.title, "summary": self.summary, "body": "\n".join(body)}

    def get_meta_description(self):
        return self.search_description or self.summary

    # -- serving ----------------------------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from .presentation import film_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(film_page_context(self, request))
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("extern/")
    def external(self, request):
        """The YouTube player, only after the visitor followed the consent link (page privacy applies first)."""
        video_id = self.youtube_id
        if not self.live or video_id is None:
            raise Http404
        context = self.get_context(request)
        context["embed_url"] = f"{YOUTUBE_EMBED_ORIGIN}/embed/{video_id}"
        response = TemplateResponse(request, "films/film_page_external.html", context)
        # Our own policy: the default one plus this single frame source (core.middleware keeps it as it is).
        response["Content-Security-Policy"] = external_csp()
        return response


def external_csp() -> str:
    return settings.CONTENT_SECURITY_POLICY.rstrip("; ") + f"; frame-src {YOUTUBE_EMBED_ORIGIN}"
