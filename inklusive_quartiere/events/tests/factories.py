import datetime
import io

from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.core.audiences import MEMBERS, MEMBERS_COLLECTION
from inklusive_quartiere.core.demo_support import stream
from inklusive_quartiere.events.models import EventIndexPage, EventPage


def index_page() -> EventIndexPage:
    return EventIndexPage.objects.get()


def make_event(publish=True, members_only=False, related=(), **fields) -> EventPage:
    defaults = {
        "title": "Testwerkstatt",
        "slug": "testwerkstatt",
        "summary": "Kurzbeschreibung der Testwerkstatt.",
        "kind": "workshop",
        "date_precision": "day",
        "start_date": datetime.date(2021, 3, 10),
    }
    defaults.update(fields)
    page = EventPage(live=publish, **defaults)
    page.set_related_steckbriefe(list(related))
    index_page().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    if members_only:
        restrict(page)
    page.refresh_from_db()
    return page


def restrict(page) -> None:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))


def member(username="events-member") -> User:
    user = User.objects.create_user(username, password="x" * 16)
    user.groups.add(Group.objects.get(name=MEMBERS))
    return user


def members_collection() -> Collection:
    return Collection.get_first_root_node().get_children().get(name=MEMBERS_COLLECTION)


def public_collection() -> Collection:
    return Collection.get_first_root_node()


def document(title: str, collection: Collection, content: bytes = b"Inhalt"):
    doc = get_document_model()(title=title, collection=collection)
    doc.file.save(f"{title.lower().replace(' ', '-')}.txt", ContentFile(content), save=False)
    doc.save()
    return doc


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def image(title: str, collection: Collection):
    img = get_image_model()(title=title, collection=collection, file=ImageFile(io.BytesIO(png()), name="bild.png"))
    img.save()
    return img


def figure(img, alt: str, caption: str = "") -> tuple[str, dict]:
    return (
        "figure",
        {"image": {"image": img.pk, "decorative": False, "alt_text": alt}, "caption": caption, "credit": ""},
    )


def raw(*blocks) -> list[dict]:
    """StreamField data as stored, from (block_type, value) pairs."""
    import json

    return json.loads(stream(*blocks))
