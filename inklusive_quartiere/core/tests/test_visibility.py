"""The one visibility rule: live, and not inside a section the user may not see."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from wagtail.models import PageViewRestriction

from inklusive_quartiere.core.models import ContentPage
from inklusive_quartiere.core.visibility import (
    can_view,
    failed_restrictions_q,
    hidden_among,
    is_members_only,
    user_group_ids,
    user_passes,
    visible_pages,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(demo):
    members = Group.objects.get_or_create(name="Netzwerk")[0]
    public = demo.add_child(instance=ContentPage(title="Öffentlich", slug="oeffentlich"))
    public.save_revision().publish()
    groups_only = demo.add_child(instance=ContentPage(title="Mitglieder", slug="mitglieder"))
    groups_only.save_revision().publish()
    child = groups_only.add_child(instance=ContentPage(title="Unterseite", slug="unterseite"))
    child.save_revision().publish()
    r = PageViewRestriction.objects.create(page=groups_only, restriction_type="groups")
    r.groups.add(members)
    login_only = demo.add_child(instance=ContentPage(title="Angemeldet", slug="angemeldet"))
    login_only.save_revision().publish()
    PageViewRestriction.objects.create(page=login_only, restriction_type="login")
    password = demo.add_child(instance=ContentPage(title="Passwort", slug="passwort"))
    password.save_revision().publish()
    PageViewRestriction.objects.create(page=password, restriction_type="password", password="geheim")
    draft = demo.add_child(instance=ContentPage(title="Entwurf", slug="entwurf", live=False))
    return {
        "members": members,
        "public": public,
        "groups_only": groups_only,
        "child": child,
        "login_only": login_only,
        "password": password,
        "draft": draft,
    }


def _slugs(user):
    return set(visible_pages(user, ContentPage.objects.all()).values_list("slug", flat=True))


def test_anonymous_sees_only_public_live_pages(sections):
    slugs = _slugs(AnonymousUser())
    assert "oeffentlich" in slugs
    assert not slugs & {"mitglieder", "unterseite", "angemeldet", "passwort", "entwurf"}


def test_signed_in_non_member_passes_login_but_not_group_restrictions(sections):
    user = User.objects.create_user("gast", password="x" * 16)
    slugs = _slugs(user)
    assert "angemeldet" in slugs
    assert not slugs & {"mitglieder", "unterseite", "passwort", "entwurf"}


def test_member_sees_members_section_and_its_descendants(sections):
    user = User.objects.create_user("mitglied", password="x" * 16)
    user.groups.add(sections["members"])
    slugs = _slugs(user)
    assert {"mitglieder", "unterseite", "angemeldet"} <= slugs
    assert not slugs & {"passwort", "entwurf"}
    assert can_view(user, sections["child"])
    assert not can_view(AnonymousUser(), sections["child"])


def test_members_only_label(sections):
    assert is_members_only(sections["child"])
    assert not is_members_only(sections["public"])


def test_python_and_sql_encodings_of_the_rule_agree(sections):
    from wagtail.models import PageViewRestriction

    member = User.objects.create_user("mitglied2", password="x" * 16)
    member.groups.add(sections["members"])
    users = [
        AnonymousUser(),
        User.objects.create_user("gast2", password="x" * 16),
        member,
        User.objects.create_superuser("chef", "c@example.org", "x" * 16),
    ]
    for user in users:
        failed_sql = set(PageViewRestriction.objects.filter(failed_restrictions_q(user)).values_list("pk", flat=True))
        failed_python = {
            r.pk
            for r in PageViewRestriction.objects.prefetch_related("groups")
            if not user_passes(r.restriction_type, {g.pk for g in r.groups.all()}, user, user_group_ids(user))
        }
        assert failed_sql == failed_python, user


def test_hidden_among_agrees_with_visible_pages(sections):
    """The row check used by the catalogue (hidden_among) and the queryset rule hide exactly the same pages."""
    from wagtail.models import Page

    member = User.objects.create_user("mitglied3", password="x" * 16)
    member.groups.add(sections["members"])
    users = [
        AnonymousUser(),
        User.objects.create_user("gast3", password="x" * 16),
        member,
        User.objects.create_superuser("chef3", "c3@example.org", "x" * 16),
    ]
    live = Page.objects.live().filter(depth__gt=1)
    paths = list(live.values_list("path", flat=True))
    for user in users:
        visible = set(visible_pages(user, live).values_list("path", flat=True))
        assert hidden_among(user, paths) == set(paths) - visible, user
    assert hidden_among(AnonymousUser(), paths), "the fixture must contain hidden pages, or this test proves nothing"
