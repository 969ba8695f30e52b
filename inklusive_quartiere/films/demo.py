"""Code-only parts of the film demo: the test-pattern videos and their posters (generated, never downloaded).

The film pages, captions and transcripts are data (demo_content/*.json, docs/demo-content.md). The real project
made one short film per city, a final film and a trailer; their videos are not part of this repository: every
demo video is a test pattern generated here with the ffmpeg binary of imageio-ffmpeg (a few seconds,
H.264/MP4), and its poster is a frame of it with a note drawn by Pillow.
"""

from __future__ import annotations

import io
import subprocess  # noqa: S404 - runs the bundled ffmpeg binary with fixed arguments
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia import get_media_model

from inklusive_quartiere.core.demo_loader import load_demo
from inklusive_quartiere.core.models import ContentPage

WIDTH, HEIGHT = 640, 360


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


SIGN_LANGUAGE_SECONDS = 34
SIGN_LANGUAGE_NOTE = ("Platzhalter:", "Hier erscheint das Video in", "Deutscher Gebärdensprache")


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


# -- hooks (named in demo_content/*.json) ------------------------------------------------------------------------


def test_pattern_video(
    loader, title: str, slug: str, pattern: str, seconds: int, collection: str, label: str, poster_title: str = ""
) -> None:
    """The film's video as a wagtailmedia item and, if asked, its poster as an image (each made once)."""
    media_model = get_media_model()
    image_model = get_image_model()
    target = loader.collection(collection)
    media = media_model.objects.filter(title=title).first()
    poster = None
    if media is None:
        with tempfile.TemporaryDirectory(prefix="iq-films-") as tmp:
            video = Path(tmp) / f"{slug}.mp4"
            generate_video(pattern, seconds, video)
            poster = poster_bytes(video, label)
            media = media_model(
                title=title, type="video", collection=target, duration=float(seconds), width=WIDTH, height=HEIGHT
            )
            media.file.save(f"{slug}-testbild.mp4", ContentFile(video.read_bytes()), save=False)
        media.thumbnail.save(f"{slug}-vorschau.jpg", ContentFile(poster), save=False)
        media.save()
    if poster_title and not image_model.objects.filter(title=poster_title).exists():
        if poster is None:
            with media.thumbnail.open("rb") as handle:
                poster = handle.read()
        file = ImageFile(io.BytesIO(poster), name=f"{slug}.jpg")
        image_model(title=poster_title, collection=target, file=file).save()


def replace_placeholder_page(loader, path: str) -> None:
    """Older demo versions held the sign language page as an example content page: it gives way (once). An
    editor's page on the path stays (the loader then reports the path as taken)."""
    old = loader.page_at(path)
    if old is not None and old.specific_class is ContentPage:
        old = old.specific
        if old.is_example and old.is_leaf():
            old.delete()  # SiteSettings' link to it falls to NULL and is set again by the data file


def sign_language_video(loader, title: str) -> None:
    """The placeholder video of the sign language page: a test pattern with a drawn note, no signer."""
    media_model = get_media_model()
    if media_model.objects.filter(title=title).exists():
        return
    with tempfile.TemporaryDirectory(prefix="iq-dgs-") as tmp:
        video = Path(tmp) / "gebaerdensprache.mp4"
        generate_sign_language_video(video)
        media = media_model(
            title=title,
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


HOOKS = {
    "test_pattern_video": test_pattern_video,
    "replace_placeholder_page": replace_placeholder_page,
    "sign_language_video": sign_language_video,
}

FILMS_FILE = "10-films.json"
SIGN_LANGUAGE_FILE = "20-sign-language.json"


def load(stdout) -> None:
    """The film files alone (``load_demo`` loads every app's)."""
    result = load_demo(stdout, only="films", names=(FILMS_FILE,))
    stdout.write(f"  Filmübersicht und Beispielfilme bereit ({result.created} neu, Videos als Testbild)")
    load_sign_language(None, stdout)


def load_sign_language(home, stdout) -> None:
    """The sign language page alone; says something only when it created something."""
    result = load_demo(stdout, only="films", names=(SIGN_LANGUAGE_FILE,))
    if result.created:
        stdout.write("  Seite „Gebärdensprache“ angelegt (Video als Platzhalter ohne Gebärdensprache)")
