"""52 invented example Steckbriefe (demo_data/*.json, format in demo_data/README.md) under the real cities.

Loaded by the hook ``steckbriefe.example_steckbriefe`` (named in demo_content/10-steckbriefe.json) of the core demo
loader: the entries have their own, denser format, and the neighbourhoods they need get deterministic invented
figures computed here. Everything in them — measures, people, figures, phone numbers — is invented and marked as
example content.
"""

from __future__ import annotations

import datetime
import io
import json
import zlib
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, PageViewRestriction

from inklusive_quartiere.cities.models import CityPage, Neighbourhood
from inklusive_quartiere.core.audiences import MEMBERS, members_collection
from inklusive_quartiere.core.demo import illustration
from inklusive_quartiere.core.demo_support import rich
from inklusive_quartiere.core.text import german_slug
from inklusive_quartiere.taxonomy.models import Category, ContactPerson, FundingProgramme, TargetGroup

from .models import StatusChange, SteckbriefPage

DATA_DIR = Path(__file__).parent / "demo_data"


def entries() -> list[dict]:
    items = []
    for path in sorted(DATA_DIR.glob("*.json")):
        items.extend(json.loads(path.read_text(encoding="utf-8")))
    return items


def _month(value: str | None) -> datetime.date | None:
    if not value:
        return None
    year, month = value.split("-")
    return datetime.date(int(year), int(month), 1)


def _paragraphs(text: str) -> str:
    return rich(*[part.strip() for part in text.split("\n\n") if part.strip()]) if text else ""


def _example_neighbourhood(city, name: str, items) -> Neighbourhood:
    """An invented neighbourhood with plausible, deterministic figures and the themes of its Steckbriefe."""
    seed = zlib.crc32(f"{city.title}/{name}".encode())
    themes = []
    for item in items:
        if item["city"] == city.title and name in item["neighbourhoods"]:
            themes.extend(theme for theme in item["categories"] if theme not in themes)
    return Neighbourhood.objects.create(
        city=city,
        name=name,
        description="Erfundenes Beispielquartier.",
        residents=1500 + (seed % 24) * 350,
        share_65_plus=14 + seed % 17,
        focus_themes=", ".join(themes[:3]),
    )


def _ensure_neighbourhoods(items, cities) -> dict[tuple[str, str], Neighbourhood]:
    wanted: dict[str, list[str]] = {}
    for item in items:
        for name in item["neighbourhoods"]:
            wanted.setdefault(item["city"], [])
            if name not in wanted[item["city"]]:
                wanted[item["city"]].append(name)
    result = {}
    for city_name, names in wanted.items():
        city = cities[city_name]
        existing = {n.name for n in city.neighbourhoods.all()}
        for name in names:
            if name not in existing:
                _example_neighbourhood(city, name, items)
        for n in Neighbourhood.objects.filter(city=city):
            result[(city_name, n.name)] = n
    return result


MINIMAL_EXAMPLE = {
    "slug": "idee-quartierslotsen-neuzugezogene",
    "title": "Idee: Quartierslotsen für Neuzugezogene",
    "summary": "Ehrenamtliche Lotsinnen und Lotsen sollen neu zugezogene Menschen in den ersten Wochen durch das "
    "Quartier begleiten. Die Idee ist noch nicht erprobt.",
    "description": "Die Stadtverwaltung prüft, ob ein kleines Team von Ehrenamtlichen neu Zugezogenen die "
    "wichtigsten Orte im Quartier zeigen kann: Beratungsstellen, Treffpunkte, Vereine. Ein Konzept gibt es noch "
    "nicht; dieser Steckbrief zeigt, wie ein Eintrag in einem frühen Stadium aussieht.",
}


def _load_minimal_example(cities, categories) -> bool:
    """A deliberately sparse Steckbrief (only what is required), as an idea-stage entry looks."""
    if SteckbriefPage.objects.filter(slug=MINIMAL_EXAMPLE["slug"]).exists():
        return False
    page = SteckbriefPage(
        title=MINIMAL_EXAMPLE["title"],
        slug=MINIMAL_EXAMPLE["slug"],
        summary=MINIMAL_EXAMPLE["summary"],
        description=_paragraphs(MINIMAL_EXAMPLE["description"]),
        start_date=datetime.date(2023, 5, 1),
        cost_band="none",
        staff_effort="low",
        duration="short",
        is_example=True,
    )
    page.categories = [categories["Bürgerengagement"]]
    page.status_history = [StatusChange(status="idea", date=datetime.date(2023, 5, 1))]
    cities["Künzelsau"].add_child(instance=page)
    page.save_revision().publish()
    return True


def example_steckbriefe(loader) -> None:
    stdout = loader.stdout
    items = entries()
    cities = {c.title: c for c in CityPage.objects.all()}
    categories = {c.name: c for c in Category.objects.all()}
    target_groups = {t.name: t for t in TargetGroup.objects.all()}
    members, _ = Group.objects.get_or_create(name=MEMBERS)
    _load_minimal_example(cities, categories)
    existing = set(SteckbriefPage.objects.values_list("slug", flat=True))
    todo = [item for item in items if item["slug"] not in existing]
    if not todo:
        stdout.write(f"  {len(items)} Beispiel-Steckbriefe bereits vorhanden")
        return
    neighbourhoods = _ensure_neighbourhoods(todo, cities)
    created = {}
    for number, item in enumerate(todo):
        city = cities[item["city"]]
        contact_data = item["contact"]
        contact, _ = ContactPerson.objects.get_or_create(
            name=contact_data["name"],
            organisation=contact_data["organisation"],
            defaults={
                "role": contact_data["role"],
                "phone": contact_data["phone"],
                "is_example": True,
                "city": city,
            },
        )
        page = SteckbriefPage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            start_date=_month(item["start"]),
            end_date=_month(item["end"]),
            cost_band=item["cost_band"],
            staff_effort=item["staff_effort"],
            duration=item["duration"],
            partners="\n".join(item["partners"]),
            description=_paragraphs(item["description"]),
            aims=_paragraphs(item["aims"]),
            steps=[("step", {"title": s["title"], "text": s["text"]}) for s in item["steps"]],
            success_factors=_paragraphs(item["success_factors"]),
            stumbling_blocks=_paragraphs(item["stumbling_blocks"]),
            transferability=_paragraphs(item["transferability"]),
            results=_paragraphs(item["results"]),
            contact=contact,
            is_example=True,
            last_reviewed=datetime.date(2024, number % 12 + 1, 10) if number % 4 else None,
        )
        page.categories = [categories[name] for name in item["categories"]]
        page.target_groups = [target_groups[name] for name in item["target_groups"]]
        page.neighbourhoods = [neighbourhoods[(item["city"], name)] for name in item["neighbourhoods"]]
        page.funding_programmes = [
            FundingProgramme.objects.get_or_create(name=name, defaults={"slug": german_slug(name)})[0]
            for name in item["funding_programmes"]
        ]
        # The status history is the source of the current status; an entry without one starts at its start date.
        page.status_history = [
            StatusChange(status=h["status"], date=datetime.date.fromisoformat(h["date"]), note=h.get("note", ""))
            for h in item["status_history"]
        ] or [StatusChange(status=item["status"], date=_month(item["start"]))]
        city.add_child(instance=page)
        page.save_revision().publish()
        if item["members_only"]:
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.add(members)
        created[item["slug"]] = (page, item)

    by_slug = {p.slug: p for p in SteckbriefPage.objects.all()}
    for page, item in created.values():  # second pass: related entries exist only now
        if item["related"]:
            page.set_related_steckbriefe([by_slug[slug] for slug in item["related"] if slug in by_slug])
            page.save_revision().publish()
    stdout.write(f"  {len(created)} Beispiel-Steckbriefe angelegt ({len(items)} insgesamt)")


def lead_images(loader, images: list[dict]) -> None:
    """Lead images for some Steckbriefe and cities: invented illustrations drawn by ``core.demo.illustration``
    (titled and credited as such), each with a German alt text. An image for a members-only Steckbrief goes to the
    members-only collection, like every file only members may see."""
    image_model = get_image_model()
    done = 0
    for spec in images:
        if "steckbrief" in spec:
            page = SteckbriefPage.objects.filter(slug=spec["steckbrief"]).first()
        else:
            page = CityPage.objects.filter(title=spec["city"]).first()
        if page is None or page.lead_image_id:
            continue
        image = image_model.objects.filter(title=spec["title"]).first()
        if image is None:
            collection = members_collection() if spec.get("members_only") else Collection.get_first_root_node()
            content = illustration(spec["motif"], spec.get("seed", 1))
            name = f"illustration-{german_slug(spec['title'])[:60]}.png"
            image = image_model(title=spec["title"], collection=collection, file=ImageFile(io.BytesIO(content), name))
            image.save()
        page.lead_image = image
        page.lead_image_alt = spec["alt"]
        page.lead_image_credit = CREDIT
        page.save_revision().publish()
        done += 1
    loader.stdout.write(f"  {done} Titelbilder gesetzt")


CREDIT = "Illustration: erfunden für die Beispielinhalte"

HOOKS = {"example_steckbriefe": example_steckbriefe, "lead_images": lead_images}
