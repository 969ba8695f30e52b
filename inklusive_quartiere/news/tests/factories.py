import datetime
import io

from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.core.audiences import MEMBERS
from inklusive_quartiere.core.demo_support import stream
from inklusive_quartiere.core.text import german_slug
from inklusive_quartiere.news.models import NewsIndexPage, NewsPage

MEMBERS = MEMBERS


def news_index() -> NewsIndexPage:
    return NewsIndexPage.objects.get()


def png(colour=(30, 120, 60)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), colour).save(out, format="PNG")
    return out.getvalue()


def make_image(title: str, collection: Collection | None = None):
    image = get_image_model()(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(png()), name=f"{german_slug(title)}.png"),
    )
    image.save()
    return image


def figure(image, alt_text="Testbild mit grünem Rechteck", decorative=False) -> str:
    return stream(
        (
            "figure",
            {
                "image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative},
                "caption": "",
                "credit": "",
            },
        )
    )


def restrict_to_members(page) -> None:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=MEMBERS))


def make_news(
    title: str,
    date: datetime.date = datetime.date(2024, 1, 15),
    teaser: str = "Ein kurzer Anreißer zur Testmeldung.",
    categories=(),
    related=(),
    members_only: bool = False,
    slug: str | None = None,
    **fields,
) -> NewsPage:
    page = NewsPage(title=title, slug=slug or german_slug(title)[:80], date=date, teaser=teaser, **fields)
    page.categories = list(categories)
    page.set_related_steckbriefe(list(related))
    news_index().add_child(instance=page)
    page.save_revision().publish()
    if members_only:
        restrict_to_members(page)
    page.refresh_from_db()
    return page


def member(username="news-mitglied") -> User:
    user = User.objects.create_user(username, password="x" * 16)
    user.groups.add(Group.objects.get(name=MEMBERS))
    return user


def private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control
