"""Films hosted on the platform itself: the film page (video, captions, transcript) and the film overview;
and the sign language page ("Gebärdensprache", BITV 2.0 § 4), which shares the captioned video (captioned.py).

The video file is a wagtailmedia ``Media`` item (its collection decides who may load it, core/media.py); the
captions are a WebVTT file stored with the page (visible to whoever may see the page). A YouTube copy can be
linked, but is only ever loaded after the visitor has asked for it on a page of its own (``extern/``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import lazy
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtailmedia.edit_handlers import MediaChooserPanel

from inklusive_quartiere.core.models import ExampleContentMixin
from inklusive_quartiere.core.text import SUMMARY_MAX, summary_length_error
from inklusive_quartiere.core.visibility import visible_pages

from .captioned import CaptionedVideoMixin, captions_field, transcript_field, video_field
from .forms import SIGN_LANGUAGE_MIN_HEIGHT, SIGN_LANGUAGE_MIN_WIDTH, FilmPageForm, SignLanguagePageForm
from .presentation import film_cards, film_page_context, sign_language_context
from .validators import CAPTIONS_MAX_BYTES, validate_youtube_url, youtube_id

YOUTUBE_EMBED_ORIGIN = "https://www.youtube-nocookie.com"


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
        context = super().get_context(request, *args, **kwargs)
        context["films"] = film_cards(request.user, FilmPage.objects.child_of(self), request)
        return context


class FilmPage(RoutablePageMixin, CaptionedVideoMixin, ExampleContentMixin, Page):
    summary = models.TextField(
        _("Kurzbeschreibung"),
        max_length=SUMMARY_MAX,
        help_text=_("Höchstens 300 Zeichen: Worum geht es im Film? Erscheint in der Filmübersicht und in der Suche."),
        error_messages={"blank": _("Bitte schreiben Sie eine Kurzbeschreibung des Films.")},
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
        help_text=_(
            "Der Film erscheint auf der Seite dieser Stadt. Leer lassen bei Filmen über das ganze Netzwerk "
            "(z. B. Trailer oder Abschlussfilm)."
        ),
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
    # Joined in when the page is served (core.routing): the player and the city link.
    serve_select_related = ("video", "poster", "city")

    class Meta:
        verbose_name = _("Film")
        verbose_name_plural = _("Filme")

    # -- validation -------------------------------------------------------------------------------------
    def validation_errors(self) -> dict:
        errors = super().validation_errors()
        if message := summary_length_error(self.summary, SUMMARY_MAX):
            errors["summary"] = message
        return errors

    @classmethod
    def for_city(cls, city, user):
        """The city's film for this visitor: the first live film (overview order) naming the city that she may see."""
        if city is None or city.pk is None:
            return None
        films = cls.objects.filter(city_id=city.pk).select_related("video", "poster").order_by("path")
        return visible_pages(user, films).first()

    # -- presentation helpers ---------------------------------------------------------------------------
    @property
    def youtube_id(self) -> str | None:
        return youtube_id(self.external_url)

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


# -- Gebärdensprache (BITV 2.0 § 4 and Anlage 2 Teil 1) -------------------------------------------------------
SIGN_LANGUAGE_VIDEO_MAX_MB = 300
SIGN_LANGUAGE_VIDEO_MAX_BYTES = SIGN_LANGUAGE_VIDEO_MAX_MB * 1024 * 1024


def sign_language_requirements() -> list[str]:
    """What an editor (and the film studio) must know about the sign language video, one point per entry."""
    return [
        _(
            "Inhalt (BITV 2.0 § 4): was die Website bietet, wie man sich auf ihr zurechtfindet, das Wichtigste "
            "aus der Erklärung zur Barrierefreiheit und wo es weitere Informationen in Gebärdensprache und in "
            "Leichter Sprache gibt; dazu, wie man die Redaktion erreicht."
        ),
        _(
            "Dateiformat: MP4 mit dem Bildformat H.264 (Ton, falls vorhanden, als AAC). Laden Sie das Video in "
            "der Medienbibliothek als Video hoch."
        ),
        _(
            "Bildgröße: mindestens %(min_width)d × %(min_height)d Pixel, empfohlen 1920 × 1080 Pixel, im "
            "Querformat 16:9. Kleinere Videos lehnt die Plattform ab."
        )
        % {"min_width": SIGN_LANGUAGE_MIN_WIDTH, "min_height": SIGN_LANGUAGE_MIN_HEIGHT},
        _("Bildrate: gleichbleibend 25 oder 50 Bilder pro Sekunde, damit Handbewegungen flüssig bleiben."),
        _(
            "Bild: Die gebärdende Person ist mindestens vom Kopf bis zur Hüfte zu sehen, mit Platz für die Hände "
            "an den Seiten und über dem Kopf. Gesicht, Mimik und Mundbild sind gut zu sehen, ohne Schatten."
        ),
        _(
            "Hintergrund und Kontrast: ein ruhiger, einfarbiger Hintergrund ohne Bewegung – nicht schwarz und "
            "nicht weiß. Kleidung dunkel und einfarbig, so dass sich Hände, Kleidung und Hintergrund deutlich "
            "voneinander abheben. Nichts wird über Hände oder Gesicht eingeblendet."
        ),
        _("Kennzeichnung: Im Video ist das Symbol für Deutsche Gebärdensprache zu sehen."),
        _(
            "Untertitel: auf Deutsch als WebVTT-Datei (.vtt), höchstens %(captions_mb)d MB – Pflicht vor dem "
            "Veröffentlichen."
        )
        % {"captions_mb": CAPTIONS_MAX_BYTES // (1024 * 1024)},
        _("Text zum Video: der Inhalt des Videos als deutscher Text (Transkript) – Pflicht vor dem Veröffentlichen."),
        _(
            "Laufzeit: so kurz wie möglich, etwa 2 bis 5 Minuten. Die Plattform liest sie aus der Datei; "
            "klappt das nicht, tragen Sie sie in der Medienbibliothek ein. Sie steht auf der Seite und am "
            "Download-Link."
        ),
        _(
            "Dateigröße: höchstens %(max_mb)d MB; größere Videos lehnt die Seite ab. Gut sind etwa 30 bis 40 MB "
            "pro Minute (Datenrate rund 4 bis 5 Mbit/s bei 1920 × 1080, 2 bis 3 Mbit/s bei 1280 × 720). Die "
            "Größe steht am Download-Link."
        )
        % {"max_mb": SIGN_LANGUAGE_VIDEO_MAX_MB},
    ]


def _requirements_html() -> str:
    return format_html(
        "<p><strong>{}</strong></p><ul>{}</ul>",
        _("Anforderungen an das Video in Deutscher Gebärdensprache"),
        format_html_join("", "<li>{}</li>", ((item,) for item in sign_language_requirements())),
    )


class SignLanguagePage(CaptionedVideoMixin, ExampleContentMixin, Page):
    """ "Gebärdensprache": the site explained in German Sign Language (DGS), one page linked from the footer."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=600,
        help_text=_("Ein bis drei Sätze über diese Seite; erscheinen groß unter dem Titel."),
    )
    video = video_field(
        help_text=_(
            "Das Video in Deutscher Gebärdensprache aus der Medienbibliothek (MP4, H.264, mindestens "
            "1280 × 720 Pixel). Die Laufzeit kommt aus der Medienbibliothek."
        )
    )
    captions = captions_field(
        help_text=_(
            "Pflicht vor dem Veröffentlichen: Untertitel auf Deutsch als WebVTT-Datei (.vtt), die mit der Zeile "
            "„WEBVTT“ beginnt. Als Entwurf können Sie die Seite auch ohne Untertitel speichern."
        ),
        blank_message=_("Ohne Untertitel kann das Video in Gebärdensprache nicht veröffentlicht werden."),
    )
    transcript = transcript_field(
        help_text=_(
            "Pflicht vor dem Veröffentlichen: der Inhalt des Videos als deutscher Text – die schriftliche "
            "Fassung dessen, was gebärdet wird. Erscheint unter dem Video."
        ),
        blank_message=_("Ohne Text zum Video kann die Seite nicht veröffentlicht werden."),
        verbose_name=_("Text zum Video (Transkript)"),
    )

    base_form_class = SignLanguagePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        HelpPanel(content=lazy(_requirements_html, str)(), heading=_("Anforderungen an das Video")),
        MultiFieldPanel(
            [
                MediaChooserPanel("video", media_type="video"),
                FieldPanel("captions", required_on_save=False),
                FieldPanel("transcript"),
            ],
            heading=_("Video in Gebärdensprache, Untertitel und Text"),
        ),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("is_example")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1
    serve_select_related = ("video",)  # joined in when the page is served (core.routing)

    class Meta:
        verbose_name = _("Gebärdensprache-Seite")
        verbose_name_plural = _("Gebärdensprache-Seiten")

    def validation_errors(self) -> dict:
        errors = super().validation_errors()
        video = self.video if self.video_id else None
        if "video" not in errors and video is not None and video.file:
            try:
                size = video.file.size
            except (OSError, ValueError):
                size = 0
            if size > SIGN_LANGUAGE_VIDEO_MAX_BYTES:
                errors["video"] = _(
                    "Das Video ist %(size)d MB groß; erlaubt sind höchstens %(max_mb)d MB. Bitte lassen Sie es "
                    "mit einer geringeren Datenrate neu ausgeben (etwa 4 bis 5 Mbit/s bei 1920 × 1080)."
                ) % {"size": -(-size // (1024 * 1024)), "max_mb": SIGN_LANGUAGE_VIDEO_MAX_MB}
        return errors

    def search_fields_text(self) -> dict[str, str]:
        """What the site search reads (catalogue/indexing.py): title, intro and the written version."""
        return {"title": self.title, "summary": self.intro, "body": strip_tags(self.transcript or "")}

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(sign_language_context(self, request))
        return context
