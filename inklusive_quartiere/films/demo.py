"""Demo films (a trailer, the final film, the film of the StadtLabor Ulm, a members-only recording) and the
sign language page ("Gebärdensprache", BITV 2.0 § 4) with a placeholder video.

The real project made one short film per city, a final film and a trailer. Their videos are not part of this
repository: every demo video is a test pattern generated here with the ffmpeg binary of imageio-ffmpeg
(a few seconds, H.264/MP4), standing in for the real film. Captions, transcripts and posters are written or
drawn here as well; everything is marked as example content. Nothing is downloaded.
"""

from __future__ import annotations

import io
import subprocess  # noqa: S404 - runs the bundled ffmpeg binary with fixed arguments
import tempfile
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction, Site
from wagtailmedia import get_media_model

from inklusive_quartiere.core.demo_support import ensure_child, rich
from inklusive_quartiere.core.models import ContentPage, HomePage, SiteSettings

from .models import FilmIndexPage, FilmPage, SignLanguagePage

WIDTH, HEIGHT = 640, 360
PLACEHOLDER_NOTE = (
    "Hinweis: Das Video auf dieser Seite ist ein automatisch erzeugtes Testbild. Es steht als Platzhalter für "
    "den echten Film; Untertitel und Transkript beschreiben einen erfundenen Beispielinhalt."
)

INDEX_INTRO = (
    "Im Projekt entstand zu jeder Stadt ein kurzer Film, dazu ein Abschlussfilm und ein Trailer. Alle Filme "
    "laufen hier auf der Plattform selbst – mit Untertiteln, Transkript und ohne Daten an Dritte."
)

FILMS = [
    {
        "slug": "trailer",
        "title": "Trailer: StadtLabore zur inklusiven Quartiersentwicklung",
        "pattern": "smptebars",
        "seconds": 6,
        "summary": "In einer Minute erklärt: Was die StadtLabore vorhatten und wie die Städte gearbeitet haben. "
        "Hier als Testbild, das für den echten Trailer steht.",
        "captions": [
            ("00:00:00.000", "00:00:02.000", "[Testbild mit Farbbalken – Platzhalter für den Trailer]"),
            (
                "00:00:02.000",
                "00:00:04.000",
                "Sprecherin (Beispiel): Neun Städte, eine Frage –\nwie wird ein Quartier ein Ort für alle?",
            ),
            (
                "00:00:04.000",
                "00:00:06.000",
                "Sprecherin (Beispiel): Die StadtLabore zur\ninklusiven Quartiersentwicklung.",
            ),
        ],
        "transcript": [
            "[Farbbalken eines Testbilds. Im echten Trailer sind hier Bilder aus den Städten zu sehen.]",
            "Sprecherin (Beispiel): Neun Städte, eine Frage – wie wird ein Quartier ein Ort für alle?",
            "Sprecherin (Beispiel): Die StadtLabore zur inklusiven Quartiersentwicklung.",
        ],
        "poster_alt": "Testbild mit senkrechten Farbbalken und dem Schriftzug „Trailer – Testbild als Platzhalter“",
        "external_url": "https://www.youtube.com/watch?v=Xx0Beispiel",
    },
    {
        "slug": "abschlussfilm",
        "title": "Abschlussfilm: Was die StadtLabore gelernt haben",
        "pattern": "testsrc2",
        "seconds": 8,
        "summary": "Der Abschlussfilm fasst zusammen, was in den Quartieren gelungen ist und woran Vorhaben "
        "gescheitert sind. Hier als Testbild, das für den echten Film steht.",
        "captions": [
            ("00:00:00.000", "00:00:02.500", "[Bewegtes Testbild – Platzhalter für den Abschlussfilm]"),
            (
                "00:00:02.500",
                "00:00:05.000",
                "Koordinatorin (Beispiel): Am meisten gelernt haben wir\naus dem, was nicht geklappt hat.",
            ),
            (
                "00:00:05.000",
                "00:00:08.000",
                "Koordinator (Beispiel): Beteiligung braucht Zeit –\nund Orte, an die alle kommen können.",
            ),
        ],
        "transcript": [
            "[Bewegtes Testbild mit Farbverlauf und Zähler. Im echten Film sprechen hier Menschen aus den "
            "beteiligten Städten.]",
            "Koordinatorin (Beispiel): Am meisten gelernt haben wir aus dem, was nicht geklappt hat.",
            "Koordinator (Beispiel): Beteiligung braucht Zeit – und Orte, an die alle kommen können.",
        ],
        "poster_alt": "Bewegtes Testbild mit Farbverlauf und dem Schriftzug „Abschlussfilm – Testbild als Platzhalter“",
    },
    {
        "slug": "stadtlabor-ulm",
        "title": "Film aus dem StadtLabor Ulm",
        "pattern": "testsrc",
        "seconds": 7,
        "city": "Ulm",
        "summary": "Wie Nachbarinnen und Nachbarn in Ulm ihr Quartier gemeinsam erkundet haben – ein "
        "erfundenes Beispiel. Hier als Testbild, das für den echten Film der Stadt steht.",
        "captions": [
            ("00:00:00.000", "00:00:02.000", "[Testbild mit Zähler – Platzhalter für den Film aus Ulm]"),
            (
                "00:00:02.000",
                "00:00:04.500",
                "Bewohnerin (Beispiel): Beim Spaziergang haben wir jede\nStufe gezählt, die im Weg war.",
            ),
            ("00:00:04.500", "00:00:07.000", "Quartiersmanager (Beispiel): Drei davon sind\ninzwischen eine Rampe."),
        ],
        "transcript": [
            "[Testbild mit Farbfeldern und einem laufenden Zähler. Im echten Film ist hier ein Quartier in Ulm "
            "zu sehen.]",
            "Bewohnerin (Beispiel): Beim Spaziergang haben wir jede Stufe gezählt, die im Weg war.",
            "Quartiersmanager (Beispiel): Drei davon sind inzwischen eine Rampe.",
        ],
        "poster_alt": "Testbild mit Farbfeldern und dem Schriftzug „Film aus dem StadtLabor Ulm – Testbild "
        "als Platzhalter“",
    },
    {
        "slug": "werkstattgespraech-mitglieder",
        "title": "Werkstattgespräch: Stolpersteine offen besprochen",
        "pattern": "smptehdbars",
        "seconds": 6,
        "members_only": True,
        "summary": "Mitschnitt eines internen Gesprächs über Vorhaben, die nicht wie geplant liefen – nur für "
        "Mitglieder des Netzwerks. Hier als Testbild, das für den echten Mitschnitt steht.",
        "captions": [
            ("00:00:00.000", "00:00:02.000", "[Testbild – Platzhalter für den internen Mitschnitt]"),
            ("00:00:02.000", "00:00:04.000", "Moderatorin (Beispiel): Was würden Sie heute\nanders machen?"),
            ("00:00:04.000", "00:00:06.000", "Teilnehmer (Beispiel): Früher mit dem Bauamt reden."),
        ],
        "transcript": [
            "[Testbild mit Farbbalken. Im echten Mitschnitt ist hier eine Gesprächsrunde zu sehen.]",
            "Moderatorin (Beispiel): Was würden Sie heute anders machen?",
            "Teilnehmer (Beispiel): Früher mit dem Bauamt reden.",
        ],
    },
]


def _ffmpeg() -> str:
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def _run(arguments: list[str]) -> bytes:
    result = subprocess.run([_ffmpeg(), "-hide_banner", "-loglevel", "error", *arguments], capture_output=True)  # noqa: S603
    if result.returncode != 0:
        raise RuntimeError("ffmpeg: " + result.stderr.decode(errors="replace")[-500:])
    return result.stdout


def generate_video(pattern: str, seconds: int, target: Path) -> None:
    """A short H.264/MP4 test pattern with a silent audio track, playable in every browser."""
    _run(
        [
            "-y",
            "-f", "lavfi", "-i", f"{pattern}=size={WIDTH}x{HEIGHT}:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono",
            "-t", str(seconds),
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "32", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "32k", "-shortest", "-movflags", "+faststart",
            str(target),
        ]
    )  # fmt: skip


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def _font(size: int):
    """(font, has umlauts): a system font (DejaVu on Debian) if there is one, else Pillow's built-in font."""
    from PIL import ImageFont

    try:
        return ImageFont.truetype("DejaVuSans.ttf", size), True
    except OSError:
        return ImageFont.load_default(size=size), False


def poster_bytes(video: Path, label: str) -> bytes:
    """A frame of the video (grabbed by ffmpeg), enlarged, with a note that it is a placeholder (Pillow)."""
    from PIL import Image, ImageDraw

    frame = _run(["-ss", "1", "-i", str(video), "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"])
    image = Image.open(io.BytesIO(frame)).convert("RGB").resize((1280, 720))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 1280, 170], fill=(20, 32, 48))
    font, has_umlauts = _font(56)
    draw.text((48, 24), label if has_umlauts else label.translate(UMLAUTS), fill=(255, 255, 255), font=font)
    draw.text((48, 100), "Testbild als Platzhalter", fill=(230, 230, 230), font=_font(38)[0])
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return out.getvalue()


def webvtt(cues) -> str:
    blocks = ["WEBVTT"]
    for number, (start, end, text) in enumerate(cues, start=1):
        blocks.append(f"{number}\n{start} --> {end}\n{text}")
    return "\n\n".join(blocks) + "\n"


def _members_collection() -> Collection:
    from inklusive_quartiere.members.roles import MEMBERS_COLLECTION, ensure_base_roles

    ensure_base_roles()
    return Collection.get_first_root_node().get_children().get(name=MEMBERS_COLLECTION)


def _public_collection(city) -> Collection:
    if city is not None:
        from inklusive_quartiere.members.roles import city_collection

        collection = city_collection(city)
        if collection is not None:
            return collection
    return Collection.get_first_root_node()


def _ensure_media(spec: dict, collection: Collection, workdir: Path):
    """The generated video as a wagtailmedia item (generated once; reused when it exists)."""
    media_model = get_media_model()
    title = f"{spec['title']} (Testbild)"
    media = media_model.objects.filter(title=title).first()
    video = workdir / f"{spec['slug']}.mp4"
    if media is not None:
        return media, None
    generate_video(spec["pattern"], spec["seconds"], video)
    poster = poster_bytes(video, spec["title"].split(":")[0])
    media = media_model(
        title=title,
        type="video",
        collection=collection,
        duration=float(spec["seconds"]),
        width=WIDTH,
        height=HEIGHT,
    )
    media.file.save(f"{spec['slug']}-testbild.mp4", ContentFile(video.read_bytes()), save=False)
    media.thumbnail.save(f"{spec['slug']}-vorschau.jpg", ContentFile(poster), save=False)
    media.save()
    return media, poster


def _ensure_poster(spec: dict, collection: Collection, poster: bytes | None, media):
    image_model = get_image_model()
    title = f"Vorschaubild {spec['title']} (Testbild)"
    image = image_model.objects.filter(title=title).first()
    if image is not None:
        return image
    if poster is None:
        with media.thumbnail.open("rb") as handle:
            poster = handle.read()
    image = image_model(
        title=title, collection=collection, file=ImageFile(io.BytesIO(poster), name=f"{spec['slug']}.jpg")
    )
    image.save()
    return image


def _restrict_to_members(page) -> None:
    from inklusive_quartiere.members.roles import MEMBERS

    if PageViewRestriction.objects.filter(page=page).exists():
        return
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))


def load(stdout) -> None:
    from inklusive_quartiere.cities.models import CityPage

    home = HomePage.objects.first()
    if home is None:
        return
    index, _created = ensure_child(
        home,
        FilmIndexPage,
        "filme",
        title="Filme",
        intro=INDEX_INTRO,
        show_in_menus=True,
        is_example=True,
    )
    created = 0
    with tempfile.TemporaryDirectory(prefix="iq-films-") as tmp:
        for spec in FILMS:
            if index.get_children().filter(slug=spec["slug"]).exists():
                continue
            city = CityPage.objects.filter(title=spec["city"]).first() if spec.get("city") else None
            members_only = spec.get("members_only", False)
            collection = _members_collection() if members_only else _public_collection(city)
            media, poster = _ensure_media(spec, collection, Path(tmp))
            fields = {
                "title": spec["title"],
                "summary": spec["summary"],
                "video": media,
                "captions": ContentFile(webvtt(spec["captions"]).encode(), name=f"{spec['slug']}.vtt"),
                "transcript": rich(*spec["transcript"], PLACEHOLDER_NOTE),
                "city": city,
                "external_url": spec.get("external_url", ""),
                "is_example": True,
            }
            if spec.get("poster_alt"):
                fields["poster"] = _ensure_poster(spec, collection, poster, media)
                fields["poster_alt"] = spec["poster_alt"]
            page, _created = ensure_child(index, FilmPage, spec["slug"], **fields)
            if members_only:
                _restrict_to_members(page)
            created += 1
    stdout.write(f"  Filmübersicht und {len(FILMS)} Beispielfilme bereit ({created} neu, Videos als Testbild)")
    load_sign_language(home, stdout)


# -- Gebärdensprache ----------------------------------------------------------------------------------------
SIGN_LANGUAGE_SLUG = "gebaerdensprache"
SIGN_LANGUAGE_SECONDS = 34
SIGN_LANGUAGE_MEDIA_TITLE = "Gebärdensprache: Über diese Website (Platzhalter ohne Gebärdensprache)"
SIGN_LANGUAGE_NOTE = ("Platzhalter:", "Hier erscheint das Video in", "Deutscher Gebärdensprache")

SIGN_LANGUAGE_INTRO = (
    "Auf dieser Seite erklären wir die Website „Inklusive Quartiere“ in Deutscher Gebärdensprache (DGS). Das "
    "Video hat Untertitel; unter dem Video steht sein Inhalt auch als Text. Hinweis: Das Video ist zurzeit "
    "ein Platzhalter – ein Testbild ohne gebärdende Person. Das echte Video in Gebärdensprache folgt."
)

# Captions: at most two lines of about 40 characters per cue.
SIGN_LANGUAGE_CAPTIONS = [
    ("00:00:00.000", "00:00:03.500", "[Platzhalter: Hier erscheint das Video\nin Deutscher Gebärdensprache.]"),
    ("00:00:03.500", "00:00:07.500", "Willkommen bei „Inklusive Quartiere“!\nHier teilen Städte ihre Erfahrungen."),
    ("00:00:07.500", "00:00:11.500", "Das Wichtigste sind die Steckbriefe:\nkurze Beschreibungen von Maßnahmen."),
    ("00:00:11.500", "00:00:15.500", "Sie finden sie im Hauptmenü\nunter „Steckbriefe“."),
    ("00:00:15.500", "00:00:19.000", "Dort filtern Sie nach Thema, Zielgruppe\noder Kosten und suchen nach Wörtern."),
    ("00:00:19.000", "00:00:23.000", "Oben auf jeder Seite: Hauptmenü und Suche.\nUnten: Kontakt und Leichte Sprache."),
    ("00:00:23.000", "00:00:27.000", "Die Erklärung zur Barrierefreiheit sagt,\nwas noch nicht barrierefrei ist."),
    ("00:00:27.000", "00:00:30.500", "Barrieren melden Sie über den Link\n„Barriere melden“ unten auf jeder Seite."),
    ("00:00:30.500", "00:00:34.000", "Fragen? Schreiben Sie der Redaktion.\nDie Adresse steht unter „Kontakt“."),
]

# The written version of what the real video will sign (the page shows it under the video).
SIGN_LANGUAGE_TRANSCRIPT = [
    "[Hinweis: Das Video ist ein Platzhalter – ein Testbild ohne gebärdende Person. Hier erscheint das Video "
    "in Deutscher Gebärdensprache.]",
    "Willkommen bei „Inklusive Quartiere“! Auf dieser Website teilen Städte aus Baden-Württemberg ihre "
    "Erfahrungen: was sie in ihren Quartieren ausprobiert haben, was gelungen ist und was nicht.",
    "Das Wichtigste sind die Steckbriefe. Ein Steckbrief beschreibt kurz eine Maßnahme aus einer Stadt: Ziele, "
    "Vorgehen, Aufwand und Stolpersteine. Sie finden die Steckbriefe im Hauptmenü unter „Steckbriefe“. Dort "
    "können Sie nach Thema, Zielgruppe oder Kosten filtern und nach Wörtern suchen.",
    "Oben auf jeder Seite sind das Hauptmenü und die Suche. Ganz unten auf jeder Seite stehen die Links zu "
    "Kontakt, Leichter Sprache, Gebärdensprache und zur Erklärung zur Barrierefreiheit. Informationen in "
    "Leichter Sprache finden Sie auf der Seite „Leichte Sprache“.",
    "Die Erklärung zur Barrierefreiheit sagt, was auf dieser Website noch nicht barrierefrei ist. Eine Barriere "
    "melden Sie über den Link „Barriere melden“ unten auf jeder Seite.",
    "Sie haben Fragen? Schreiben Sie der Redaktion eine E-Mail. Die Adresse steht auf der Seite „Kontakt“.",
]


def _note_overlay(target: Path) -> None:
    """A transparent PNG with the placeholder note on a dark band (drawn by Pillow: no font needed by ffmpeg)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 110, WIDTH, 250], fill=(20, 32, 48, 235))
    font, has_umlauts = _font(30)
    for row, line in enumerate(SIGN_LANGUAGE_NOTE):
        text = line if has_umlauts else line.translate(UMLAUTS)
        draw.text((32, 122 + row * 40), text, fill=(255, 255, 255), font=font)
    image.save(target, format="PNG")


def generate_sign_language_video(target: Path) -> None:
    """A test pattern (no signer) with the drawn placeholder note, H.264/MP4 with a silent audio track."""
    overlay = target.with_suffix(".png")
    _note_overlay(overlay)
    seconds = SIGN_LANGUAGE_SECONDS
    _run(
        [
            "-y",
            "-f", "lavfi", "-i", f"smptehdbars=size={WIDTH}x{HEIGHT}:rate=25:duration={seconds}",
            "-i", str(overlay),
            "-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono",
            "-filter_complex", "[0:v][1:v]overlay=0:0,format=yuv420p[v]",
            "-map", "[v]", "-map", "2:a",
            "-t", str(seconds),
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "32",
            "-c:a", "aac", "-b:a", "32k", "-shortest", "-movflags", "+faststart",
            str(target),
        ]
    )  # fmt: skip


def _ensure_sign_language_media(workdir: Path):
    media_model = get_media_model()
    media = media_model.objects.filter(title=SIGN_LANGUAGE_MEDIA_TITLE).first()
    if media is not None:
        return media
    video = workdir / "gebaerdensprache.mp4"
    generate_sign_language_video(video)
    media = media_model(
        title=SIGN_LANGUAGE_MEDIA_TITLE,
        type="video",
        collection=Collection.get_first_root_node(),
        duration=float(SIGN_LANGUAGE_SECONDS),
        width=WIDTH,
        height=HEIGHT,
    )
    media.file.save("gebaerdensprache-platzhalter.mp4", ContentFile(video.read_bytes()), save=False)
    media.thumbnail.save(
        "gebaerdensprache-vorschau.jpg", ContentFile(poster_bytes(video, "Gebärdensprache")), save=False
    )
    media.save()
    return media


def load_sign_language(home, stdout) -> None:
    """The sign language page under the home page, replacing the content page of older demo versions."""
    page = SignLanguagePage.objects.first()
    if page is None:
        old = home.get_children().filter(slug=SIGN_LANGUAGE_SLUG).first()
        if old is not None:
            old = old.specific
            if not (isinstance(old, ContentPage) and old.is_example and old.is_leaf()):
                stdout.write(f"  Seite „Gebärdensprache“ nicht angelegt: /{SIGN_LANGUAGE_SLUG}/ ist schon belegt")
                return
            old.delete()  # the placeholder content page of an older demo (SiteSettings' link falls to NULL)
            home.refresh_from_db()
        with tempfile.TemporaryDirectory(prefix="iq-dgs-") as tmp:
            media = _ensure_sign_language_media(Path(tmp))
        page, _created = ensure_child(
            home,
            SignLanguagePage,
            SIGN_LANGUAGE_SLUG,
            title="Gebärdensprache",
            intro=SIGN_LANGUAGE_INTRO,
            video=media,
            captions=ContentFile(webvtt(SIGN_LANGUAGE_CAPTIONS).encode(), name="gebaerdensprache.vtt"),
            transcript=rich(*SIGN_LANGUAGE_TRANSCRIPT),
            search_description="Die Website „Inklusive Quartiere“ erklärt in Deutscher Gebärdensprache (DGS), "
            "mit Untertiteln und als Text.",
            is_example=True,
        )
        stdout.write("  Seite „Gebärdensprache“ angelegt (Video als Platzhalter ohne Gebärdensprache)")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    settings = SiteSettings.for_site(site)
    if settings.sign_language_page_id is None:  # unset, or it pointed at the deleted content page
        settings.sign_language_page = page
        settings.save()
