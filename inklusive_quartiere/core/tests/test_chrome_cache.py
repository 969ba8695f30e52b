"""The cached navigation, breadcrumbs and footer follow publishing and settings changes at once."""

from django.contrib.auth.models import User
from wagtail.models import Site

from inklusive_quartiere.core.models import ContentPage, SiteSettings


def test_new_menu_page_appears_in_cached_navigation(client, demo):
    assert "Neuer Menüpunkt" not in client.get("/").content.decode()  # fills the cache
    page = ContentPage(title="Neuer Menüpunkt", slug="neuer-menuepunkt", show_in_menus=True)
    demo.add_child(instance=page)
    page.save_revision().publish()
    assert "Neuer Menüpunkt" in client.get("/").content.decode()
    page.unpublish()
    assert "Neuer Menüpunkt" not in client.get("/").content.decode()


def test_footer_follows_site_settings(client, demo):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    target = ContentPage.objects.live().first()
    settings.contact_page = None
    settings.save()
    html = client.get("/").content.decode()
    assert ">Kontakt</a>" not in html
    settings.contact_page = target
    settings.save()
    assert f'href="{target.url}">Kontakt</a>' in client.get("/").content.decode()


def test_signed_in_visitors_do_not_use_the_anonymous_cache(client, demo):
    page = ContentPage(title="Nur Mitglieder im Menü", slug="nur-mitglieder-menue", show_in_menus=True)
    demo.add_child(instance=page)
    page.save_revision().publish()
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Nur Mitglieder im Menü" not in client.get("/").content.decode()
    client.force_login(User.objects.create_user("leserin", password="x" * 16))
    assert "Nur Mitglieder im Menü" in client.get("/").content.decode()
    client.logout()
    assert "Nur Mitglieder im Menü" not in client.get("/").content.decode()
