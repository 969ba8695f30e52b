from inklusive_quartiere.testing.support.factories import make_steckbrief  # noqa: F401 (re-exported)


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
