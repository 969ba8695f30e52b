import datetime

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, TargetGroup


def make_steckbrief(city=None, publish=True, categories=1, target_groups=1, steps=1, **fields) -> SteckbriefPage:
    city = city or CityPage.objects.get(slug="ulm")
    defaults = {
        "title": "Testmaßnahme Quartier",
        "slug": "testmassnahme",
        "summary": "Eine kurze Beschreibung der Testmaßnahme.",
        "status": "in_progress",
        "start_date": datetime.date(2021, 3, 1),
        "cost_band": "lt5k",
        "staff_effort": "low",
        "duration": "medium",
        "description": "<p>Beschreibungstext der Maßnahme.</p>",
        "steps": [("step", {"title": f"Schritt {i}", "text": f"Text zu Schritt {i}."}) for i in range(steps)],
    }
    defaults.update(fields)
    page = SteckbriefPage(live=publish, **defaults)
    page.categories = list(Category.objects.all()[:categories])
    page.target_groups = list(TargetGroup.objects.all()[:target_groups])
    city.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def prose_values(page) -> list[str]:
    """The prose of a Steckbrief (summary, the six text sections, the steps' texts) for length checks."""
    sections = (
        page.summary,
        page.description,
        page.aims,
        page.success_factors,
        page.stumbling_blocks,
        page.transferability,
        page.results,
    )
    return [str(v) for v in sections] + [step.value["text"] for step in page.steps]
