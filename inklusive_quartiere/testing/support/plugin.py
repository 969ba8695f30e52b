"""pytest fixtures of the test-support package (registered in the root conftest): one fixture per persona and
``persona`` for parametrising over them (``@pytest.mark.parametrize("persona", [...], indirect=True)``)."""

from __future__ import annotations

import pytest

from .personas import Persona, make_persona


@pytest.fixture
def visitor(db) -> Persona:
    return make_persona("visitor")


@pytest.fixture
def member(db) -> Persona:
    return make_persona("member")


@pytest.fixture
def non_member(db) -> Persona:
    return make_persona("non_member")


@pytest.fixture
def city_editor(db) -> Persona:
    """A city editor of city A (Ulm)."""
    return make_persona("city_editor")


@pytest.fixture
def other_city_editor(db) -> Persona:
    """A city editor of city B (Konstanz)."""
    return make_persona("other_city_editor")


@pytest.fixture
def office(db) -> Persona:
    """The editorial office ("Redaktion"), which moderates and publishes."""
    return make_persona("office")


@pytest.fixture
def admin(db) -> Persona:
    return make_persona("admin")


@pytest.fixture
def persona(request) -> Persona:
    """The persona named by the test's (indirect) parameter."""
    return request.getfixturevalue(request.param)
